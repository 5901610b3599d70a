// Supervisor review: notes on verifications, and one-time tickets for the streaming CSV export.
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';
import { verifications } from './verifications';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** A supervisor's note on a verification. The text stays here: the audit event records only that it was written. */
export const reviewNotes = pgTable(
  'review_notes',
  {
    id: text('id').primaryKey(),
    verificationId: text('verification_id')
      .notNull()
      .references(() => verifications.id),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('review_notes_verification_idx').on(t.verificationId, t.createdAt)],
);

/**
 * A prepared CSV export: the download route takes the ticket (not the session token) so a browser or
 * the Electron main process can stream it to disk. Stored as a hash, used once, valid for a minute.
 * The filter holds the subject HMAC, never a CPR number.
 */
export const exportTickets = pgTable('export_tickets', {
  ticketHash: text('ticket_hash').primaryKey(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: instant('created_at').notNull(),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
  query: jsonb('query').$type<Record<string, unknown>>().notNull(),
});
