import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Console users (agents and supervisors). Not MitID users. */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['agent', 'supervisor'] }).notNull(),
    /** `$scrypt$ln=…,r=…,p=…$salt$hash`: parameters travel with the hash so they can be raised later. */
    passwordHash: text('password_hash').notNull(),
    failedCount: integer('failed_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    disabled: boolean('disabled').notNull().default(false),
  },
  (t) => [
    // Case-insensitive uniqueness: "Agent" and "agent" are one account.
    uniqueIndex('users_username_lower_key').on(sql`lower(${t.username})`),
    check('users_role_check', sql`${t.role} in ('agent', 'supervisor')`),
  ],
);
