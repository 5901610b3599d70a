import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-ins for usernames that do not exist, counted like a real account's so that delays and
 * lockouts look the same and cannot reveal which usernames exist. Keyed by an HMAC of the lower-cased
 * username: mistyped passwords entered as usernames are not kept in clear.
 */
export const unknownLoginAttempts = pgTable('unknown_login_attempts', {
  usernameKey: text('username_key').primaryKey(),
  failedCount: integer('failed_count').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, precision: 3 }),
  lastFailedAt: timestamp('last_failed_at', { withTimezone: true, precision: 3 }).notNull(),
});
