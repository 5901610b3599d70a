// listMyVerifications: the agent's calls of today (Copenhagen time), each with its code's status.
import type { MyVerification } from '../../../shared/api/index';
import { appendAuditEvents, type AuditEventInput } from '../audit/append';
import { codeStatus } from '../codes/code-status';
import type { Principal } from '../principal';
import { startOfCopenhagenDay } from './copenhagen-day';
import type { VerificationServiceDeps } from './deps';
import { dueToExpire, expireIfDue, startedSince } from './store';

export function createListMine(deps: Pick<VerificationServiceDeps, 'transaction' | 'clock'>) {
  return async function listMine(principal: Principal): Promise<{ items: MyVerification[] }> {
    const now = deps.clock.now();
    return deps.transaction(async (tx) => {
      const audit: AuditEventInput[] = [];
      for (const row of await dueToExpire(tx, principal.userId, now)) await expireIfDue(tx, row, now, audit);
      await appendAuditEvents(tx, audit);
      const rows = await startedSince(tx, principal.userId, startOfCopenhagenDay(now));
      return {
        items: rows.map(({ v, code }) => ({
          id: v.id,
          startedAt: v.startedAt.toISOString(),
          endedAt: v.endedAt ? v.endedAt.toISOString() : null,
          status: v.status as MyVerification['status'],
          outcome: (v.outcomeReason as MyVerification['outcome']) ?? null,
          maskedCpr: v.identified ? v.maskedCpr : null,
          documentType: v.documentType as MyVerification['documentType'],
          codeStatus: codeStatus(code, now),
        })),
      };
    });
  };
}
