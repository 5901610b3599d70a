// Messages "sent" to a person: SMS (activation codes) and Digital Post (notices). In the sandbox this
// table is the phone and the mailbox a trainer reads; a real deployment's dispatcher would drain it.
// Bodies are sealed (AES-256-GCM, server key): an SMS body holds an activation code in clear.
import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const messageOutbox = pgTable(
  'message_outbox',
  {
    id: text('id').primaryKey(),
    /** Insertion order: an SMS and its notice share a timestamp, and the phone lists them newest first. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    /** sms | digital_post */
    channel: text('channel').notNull(),
    /** Masked phone number ('+45 •• •• •• 12') or masked CPR number (DDMMYY-XXXX). */
    recipientMasked: text('recipient_masked').notNull(),
    /** Lower-case MitID user ID the message is about, so a trainer finds their caller's messages. */
    mitidUserId: text('mitid_user_id'),
    subjectHmac: text('subject_hmac'),
    subject: text('subject'),
    bodySealed: text('body_sealed').notNull(),
    /** The activation code the message belongs to, if any (never the code itself). */
    codeId: text('code_id'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('message_outbox_created_idx').on(t.createdAt), index('message_outbox_user_created_idx').on(t.mitidUserId, t.createdAt)],
);
