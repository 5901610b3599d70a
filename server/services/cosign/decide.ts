// A supervisor's decision on a waiting code. Exactly one decision per request, under concurrency: the
// request moves from 'pending' by one conditional UPDATE (status, time and "not your own call" in its
// WHERE), so of two supervisors deciding at once one wins and the other gets 409.
import { and, eq, gt, ne } from 'drizzle-orm';
import { ApiError, errorCodes, type CosignStatus } from '../../../shared/api/index';
import { cosignRequests } from '../../db/schema/cosign';
import { verifications } from '../../db/schema/verifications';
import type { Tx } from '../../db/types';
import { appendAuditEvents, type AuditEventInput } from '../audit/append';
import type { Principal } from '../principal';
import type { CosignDeps } from './deps';
import { expireDueCosign } from './expire';
import { referAfterCosign } from './refer';
import { loadCosign } from './store';

export interface Decision {
  verificationId: string;
  decision: 'approve' | 'deny';
  reason: string;
}

export function createDecide(deps: CosignDeps) {
  const { clock } = deps;

  /** Wins the request for this supervisor or throws the reason it cannot be decided. */
  async function claim(tx: Tx, audit: AuditEventInput[], d: Decision, principal: Principal, now: Date): Promise<void> {
    const status = d.decision === 'approve' ? 'approved' : 'denied';
    const [won] = await tx
      .update(cosignRequests)
      .set({ status, decidedBy: principal.userId, decidedAt: now, decisionReason: d.reason })
      .where(
        and(
          eq(cosignRequests.verificationId, d.verificationId),
          eq(cosignRequests.status, 'pending'),
          gt(cosignRequests.expiresAt, now),
          ne(cosignRequests.agentId, principal.userId),
        ),
      )
      .returning();
    if (!won) throw await whyNot(tx, d.verificationId, principal);
    const [v] = await tx.select({ subjectHmac: verifications.subjectHmac }).from(verifications).where(eq(verifications.id, d.verificationId));
    audit.push({
      actor: principal.userId,
      action: d.decision === 'approve' ? 'cosign.approved' : 'cosign.denied',
      subjectHmac: v?.subjectHmac ?? null,
      verificationId: d.verificationId,
      payload: { reason: d.reason, agentId: won.agentId, reasons: won.reasons },
      occurredAt: now,
    });
  }

  async function whyNot(tx: Tx, verificationId: string, principal: Principal): Promise<ApiError> {
    const row = await loadCosign(tx, verificationId);
    if (!row) return new ApiError(404, errorCodes.notFound, 'No code waits for co-sign on this verification.');
    if (row.agentId === principal.userId) return new ApiError(403, errorCodes.forbidden, 'Nobody co-signs a code for their own call.');
    if (row.status === 'expired' || (row.status === 'pending' && row.expiresAt <= clock.now())) {
      return new ApiError(409, errorCodes.conflict, 'The time for co-sign ran out: the call was referred.');
    }
    return new ApiError(409, errorCodes.conflict, 'Another supervisor has already decided this request.');
  }

  return async function decide(d: Decision, principal: Principal): Promise<{ status: CosignStatus }> {
    const now = clock.now();
    // A request past its time is recorded as expired (and referred) first, in its own transaction, so
    // the decision below answers 409 rather than rolling the expiry back with it.
    await deps.transaction(async (tx) => {
      const audit: AuditEventInput[] = [];
      if ((await expireDueCosign(tx, audit, now, d.verificationId)) > 0) await appendAuditEvents(tx, audit);
    });
    if (d.decision === 'approve') {
      const row = await loadCosign(deps.db, d.verificationId);
      if (!row) throw new ApiError(404, errorCodes.notFound, 'No code waits for co-sign on this verification.');
      await deps.issueApproved(d.verificationId, row.agentId, principal.userId, (tx, audit) => claim(tx, audit, d, principal, now));
      return { status: 'approved' };
    }
    await deps.transaction(async (tx) => {
      const audit: AuditEventInput[] = [];
      await claim(tx, audit, d, principal, now);
      await referAfterCosign(tx, audit, { verificationId: d.verificationId, reason: 'cosign_denied', actor: principal.userId, now });
      await appendAuditEvents(tx, audit);
    });
    return { status: 'denied' };
  };
}
