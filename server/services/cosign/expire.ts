// Co-sign requests nobody answered in time: expiry is lazy (nothing runs at expires_at). Whoever looks
// next (the queue, the agent's screen, a decision) records it, once, by one conditional UPDATE.
import { and, eq, lte, type SQL } from 'drizzle-orm';
import { cosignRequests } from '../../db/schema/cosign';
import { verifications } from '../../db/schema/verifications';
import type { Tx } from '../../db/types';
import type { AuditEventInput } from '../audit/append';
import { referAfterCosign } from './refer';

/** Expires the due pending requests (all, or one verification's) and refers their calls. */
export async function expireDueCosign(tx: Tx, audit: AuditEventInput[], now: Date, verificationId?: string): Promise<number> {
  const where: SQL[] = [eq(cosignRequests.status, 'pending'), lte(cosignRequests.expiresAt, now)];
  if (verificationId) where.push(eq(cosignRequests.verificationId, verificationId));
  const expired = await tx
    .update(cosignRequests)
    .set({ status: 'expired', decidedAt: now })
    .where(and(...where))
    .returning({ verificationId: cosignRequests.verificationId, expiresAt: cosignRequests.expiresAt });
  for (const r of expired) {
    const [v] = await tx.select({ subjectHmac: verifications.subjectHmac }).from(verifications).where(eq(verifications.id, r.verificationId));
    audit.push({
      actor: 'system',
      action: 'cosign.expired',
      subjectHmac: v?.subjectHmac ?? null,
      verificationId: r.verificationId,
      payload: { expiresAt: r.expiresAt.toISOString() },
      occurredAt: now,
    });
    await referAfterCosign(tx, audit, { verificationId: r.verificationId, reason: 'cosign_timeout', actor: 'system', now });
  }
  return expired.length;
}
