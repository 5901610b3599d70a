import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Named settings documents (e.g. `policy`), validated by their zod schema when read. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
  /** User id, or 'system'. */
  updatedBy: text('updated_by').notNull(),
});
