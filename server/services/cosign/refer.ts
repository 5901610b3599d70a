// A co-sign that ends without approval ends the call as a referral to Borgerservice.
import { and, eq, sql } from 'drizzle-orm';
import { verifications } from '../../db/schema/verifications';
import type { Tx } from '../../db/types';
import type { AuditEventInput } from '../audit/append';

export type CosignReferral = 'cosign_denied' | 'cosign_timeout';

/** Turns the passed verification into a referral (once: only while still 'passed') and audits it. */
export async function referAfterCosign(tx: Tx, audit: AuditEventInput[], args: { verificationId: string; reason: CosignReferral; actor: string; now: Date }): Promise<void> {
  const [v] = await tx
    .update(verifications)
    .set({ status: 'refer', outcomeReason: args.reason, version: sql`${verifications.version} + 1` })
    .where(and(eq(verifications.id, args.verificationId), eq(verifications.status, 'passed')))
    .returning({ subjectHmac: verifications.subjectHmac });
  if (!v) return;
  audit.push({
    actor: args.actor,
    action: 'verification.referred',
    subjectHmac: v.subjectHmac,
    verificationId: args.verificationId,
    payload: { reason: args.reason },
    occurredAt: args.now,
  });
}
