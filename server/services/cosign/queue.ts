// The supervisors' live queue: pending requests, oldest first, with the verification's facts and
// signals. Nothing here is an expected answer, an answer or a per-question result.
import { asc, eq, inArray } from 'drizzle-orm';
import type { CosignRequest } from '../../../shared/api/index';
import { cosignRequests } from '../../db/schema/cosign';
import { users } from '../../db/schema/users';
import { velocitySignals, verifications } from '../../db/schema/verifications';
import type { Tx } from '../../db/types';
import { appendAuditEvents, type AuditEventInput } from '../audit/append';
import type { CosignDeps } from './deps';
import { expireDueCosign } from './expire';
import { hasNameAddressProtection, passThresholdOf } from './facts';

const percent = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 10;

export async function pendingQueue(tx: Tx): Promise<CosignRequest[]> {
  const rows = await tx
    .select({ r: cosignRequests, v: verifications, agent: { id: users.id, username: users.username, displayName: users.displayName } })
    .from(cosignRequests)
    .innerJoin(verifications, eq(verifications.id, cosignRequests.verificationId))
    .innerJoin(users, eq(users.id, cosignRequests.agentId))
    .where(eq(cosignRequests.status, 'pending'))
    .orderBy(asc(cosignRequests.requestedAt))
    .limit(200);
  const ids = rows.map((row) => row.r.verificationId);
  const signals = ids.length
    ? await tx
        .select({ verificationId: velocitySignals.verificationId, kind: velocitySignals.kind, detectedAt: velocitySignals.detectedAt, details: velocitySignals.details })
        .from(velocitySignals)
        .where(inArray(velocitySignals.verificationId, ids))
    : [];
  return rows.map(({ r, v, agent }) => ({
    verificationId: r.verificationId,
    status: r.status,
    agent,
    reasons: r.reasons,
    requestedAt: r.requestedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    maskedCpr: v.identified ? v.maskedCpr : null,
    documentType: v.documentType,
    callLanguage: v.callLanguage,
    startedAt: v.startedAt.toISOString(),
    questionsAnswered: v.answeredCount,
    correctCount: v.correctCount,
    scorePercent: v.totalWeight > 0 ? percent(v.scoreWeight / v.totalWeight) : 0,
    passThresholdPercent: percent(passThresholdOf(v)),
    redFlags: v.redFlags,
    nameAddressProtection: hasNameAddressProtection(v),
    // Counts and agent ids only (velocity.ts): no personal data in a signal's details.
    velocitySignals: signals
      .filter((s) => s.verificationId === r.verificationId)
      .map((s) => ({ kind: s.kind, detectedAt: s.detectedAt.toISOString(), details: s.details })),
  }));
}

export function createQueue(deps: Pick<CosignDeps, 'transaction' | 'clock'>) {
  return async function listQueue(): Promise<{ items: CosignRequest[] }> {
    const now = deps.clock.now();
    return deps.transaction(async (tx) => {
      const audit: AuditEventInput[] = [];
      if ((await expireDueCosign(tx, audit, now)) > 0) await appendAuditEvents(tx, audit);
      return { items: await pendingQueue(tx) };
    });
  };
}
