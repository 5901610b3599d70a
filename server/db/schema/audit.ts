import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The append-only, hash-chained audit log. `seq` is assigned by the appender under an advisory lock
 * (gapless, so a missing row shows), and a trigger (created by migration 0000_baseline) refuses
 * UPDATE, DELETE and TRUNCATE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    /** A user id, 'system' or 'public'. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    /** HMAC-SHA256 (hex) of the CPR number the event concerns: searchable per person, not readable. */
    subjectHmac: text('subject_hmac'),
    verificationId: text('verification_id'),
    /** No personal data here. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique('audit_events_hash_key'),
  },
  (t) => [
    index('audit_events_subject_hmac_idx').on(t.subjectHmac, t.seq),
    index('audit_events_verification_id_idx').on(t.verificationId, t.seq),
    index('audit_events_actor_idx').on(t.actor, t.seq),
  ],
);

/**
 * Group commit's staging area (server/services/audit/group-commit.ts): a state change inserts its events
 * here in its own transaction, with no lock; the chainer moves them into audit_events (seq + link) in
 * batches, in (xact, id) order, deleting them here in the same transaction. Rows here are not yet part of
 * the chain; the request that staged them answers only once they are (see docs/audit-chain.md).
 */
export const auditStaging = pgTable('audit_staging', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  /** The staging transaction: the chainer keeps one transaction's events together and in order. */
  xact: bigint('xact', { mode: 'number' })
    .notNull()
    .default(sql`txid_current()`),
  occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  subjectHmac: text('subject_hmac'),
  verificationId: text('verification_id'),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  /** stagedEventMac of the event (chain.ts): the chainer links only events the API staged. */
  mac: text('mac').notNull(),
  /**
   * When it was staged (the database's clock): verify-audit and the integrity page report events staged
   * but not chained, and one older than a minute as a finding (a pass should take it within milliseconds).
   */
  stagedAt: timestamp('staged_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
