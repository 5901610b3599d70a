// The agent's red flag: what they noticed during the call, recorded on the verification (once per kind,
// by one conditional UPDATE) and in the audit log. It forces co-sign of the code (shared/domain/cosign);
// a request already waiting gains the reason.
import { and, eq, sql } from 'drizzle-orm';
import type { ParsedInput, VerificationView } from '../../../shared/api/index';
import { cosignReasons } from '../../../shared/domain/cosign/index';
import { cosignRequests } from '../../db/schema/cosign';
import { verifications } from '../../db/schema/verifications';
import { appendAuditEvents, type AuditEventInput } from '../audit/append';
import type { Principal } from '../principal';
import { loadOwned, viewOf } from '../verification/store';
import type { CosignDeps } from './deps';
import { loadCosign } from './store';

export function createRaiseRedFlag(deps: Pick<CosignDeps, 'transaction' | 'clock'>) {
  return async function raiseRedFlag(input: ParsedInput<'raiseRedFlag'>, principal: Principal): Promise<VerificationView> {
    const now = deps.clock.now();
    return deps.transaction(async (tx) => {
      const row = await loadOwned(tx, input.id, principal.userId);
      const kindJson = JSON.stringify([input.kind]);
      const [updated] = await tx
        .update(verifications)
        .set({ redFlags: sql`${verifications.redFlags} || ${kindJson}::jsonb` })
        .where(and(eq(verifications.id, row.id), sql`not (${verifications.redFlags} @> ${kindJson}::jsonb)`))
        .returning();
      if (!updated) return viewOf(tx, row, now);
      const audit: AuditEventInput[] = [];
      audit.push({
        actor: principal.userId,
        action: 'verification.red_flagged',
        subjectHmac: row.subjectHmac,
        verificationId: row.id,
        payload: { kind: input.kind, status: row.status, answered: row.answeredCount },
        occurredAt: now,
      });
      const pending = await loadCosign(tx, row.id);
      if (pending?.status === 'pending' && !pending.reasons.includes('red_flag')) {
        const reasons = cosignReasons.filter((r) => r === 'red_flag' || pending.reasons.includes(r));
        await tx.update(cosignRequests).set({ reasons }).where(and(eq(cosignRequests.verificationId, row.id), eq(cosignRequests.status, 'pending')));
      }
      await appendAuditEvents(tx, audit);
      return viewOf(tx, updated, now);
    });
  };
}
