// The message outbox: the sandbox SMS gateway and the Digital Post notifier write here (inside the
// caller's transaction); the sandbox phone reads it back, unsealed.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { CodeStatus, OutboxMessage } from '../../../shared/api/index';
import { messageOutbox } from '../../db/schema/outbox';
import { activationCodes } from '../../db/schema/verifications';
import type { Database, Tx } from '../../db/types';
import { codeStatus } from '../codes/code-status';
import type { OutboxSealer } from '../sealing';

export interface OutboxEntry {
  channel: 'sms' | 'digital_post';
  recipientMasked: string;
  mitidUserId: string | null;
  subjectHmac: string | null;
  subject: string | null;
  body: string;
  codeId: string | null;
  at: Date;
}

export async function writeOutbox(tx: Tx | Database, sealer: OutboxSealer, entry: OutboxEntry): Promise<string> {
  const id = randomUUID();
  const { body, at, ...rest } = entry;
  await tx.insert(messageOutbox).values({ id, ...rest, bodySealed: sealer.seal(body), createdAt: at });
  return id;
}

/** Newest first, optionally for one MitID user ID. */
export async function readOutbox(
  db: Database,
  sealer: OutboxSealer,
  filter: { userId?: string | undefined; limit: number },
  now: Date,
): Promise<OutboxMessage[]> {
  const where: SQL[] = [];
  if (filter.userId) where.push(eq(messageOutbox.mitidUserId, filter.userId.trim().toLowerCase()));
  const rows = await db
    .select({
      message: messageOutbox,
      // The code's columns flat, not as a nested object: drizzle nulls a nested object of a left join
      // when its FIRST column is null (used_at of any unused code), so no state ever reached the phone.
      codeId: activationCodes.id,
      usedAt: activationCodes.usedAt,
      revokedAt: activationCodes.revokedAt,
      revokeReason: activationCodes.revokeReason,
      deliveryStatus: activationCodes.deliveryStatus,
      attempts: activationCodes.attempts,
      maxAttempts: activationCodes.maxAttempts,
      expiresAt: activationCodes.expiresAt,
    })
    .from(messageOutbox)
    .leftJoin(activationCodes, eq(activationCodes.id, messageOutbox.codeId))
    .where(and(...where))
    .orderBy(desc(messageOutbox.createdAt), desc(messageOutbox.seq))
    .limit(filter.limit);
  return rows.map(({ message: r, codeId, usedAt, revokedAt, revokeReason, deliveryStatus, attempts, maxAttempts, expiresAt }) => ({
    id: r.id,
    channel: r.channel as OutboxMessage['channel'],
    recipient: r.recipientMasked,
    userId: r.mitidUserId,
    subject: r.subject,
    body: sealer.unseal(r.bodySealed),
    sentAt: r.createdAt.toISOString(),
    codeState:
      r.channel === 'sms' && codeId && deliveryStatus && attempts !== null && maxAttempts !== null && expiresAt
        ? phoneState[codeStatus({ usedAt, revokedAt, revokeReason, deliveryStatus, attempts, maxAttempts, expiresAt }, now)]
        : null,
  }));
}

/** The code's one state rule (code-status.ts) in the phone's words: a failed delivery never reached a phone. */
const phoneState: Record<CodeStatus, OutboxMessage['codeState']> = {
  none: null,
  sent: 'active',
  redeemed: 'used',
  superseded: 'superseded',
  revoked: 'revoked',
  delivery_failed: 'revoked',
  expired: 'expired',
  blocked: 'blocked',
};
