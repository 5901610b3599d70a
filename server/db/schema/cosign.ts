// Supervisor co-sign of activation codes: one request per verification. The code itself is not issued
// until a supervisor approves, so there is nothing to redeem while a request waits.
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { cosignStatusSchema } from '../../../shared/api/index';
import type { CosignReason } from '../../../shared/domain/cosign/index';
import { enumValues, oneOf } from './one-of';
import { users } from './users';
import { verifications } from './verifications';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const cosignRequests = pgTable(
  'cosign_requests',
  {
    /** One request per verification: its id is the verification's. */
    verificationId: text('verification_id')
      .primaryKey()
      .references(() => verifications.id),
    /** The agent who ran the call and asked for the code: never its approver. */
    agentId: text('agent_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: enumValues(cosignStatusSchema) }).notNull(),
    reasons: jsonb('reasons').$type<CosignReason[]>().notNull(),
    requestedAt: instant('requested_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
    /** The supervisor's typed reason; kept here, and in the audit event (a supervisor's words, not the caller's). */
    decisionReason: text('decision_reason'),
  },
  (t) => [
    // The queue reads the pending rows only.
    index('cosign_requests_pending_idx').on(t.requestedAt).where(sql`${t.status} = 'pending'`),
    check('cosign_requests_status_check', oneOf(t.status, cosignStatusSchema.options)),
  ],
);
