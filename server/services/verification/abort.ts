// abortVerification: the agent ends a call before its outcome, with a reason (and maybe a note, which
// stays on the row and out of the audit log: it is free text and may name the caller).
import type { ParsedInput, VerificationView } from '../../../shared/api/index';
import { appendAuditEvents, type AuditEventInput } from '../audit/append';
import type { Principal } from '../principal';
import type { VerificationServiceDeps } from './deps';
import { expireIfDue, loadOwned, updateIfUnchanged, viewOf } from './store';

export function createAbort(deps: Pick<VerificationServiceDeps, 'transaction' | 'clock' | 'register'>) {
  return async function abort(input: ParsedInput<'abortVerification'>, principal: Principal): Promise<VerificationView> {
    const now = deps.clock.now();
    for (;;) {
      const view = await deps.transaction(async (tx) => {
        const audit: AuditEventInput[] = [];
        const row = await expireIfDue(tx, await loadOwned(tx, input.id, principal.userId), now, audit);
        if (row.status !== 'in_progress') {
          await appendAuditEvents(tx, audit);
          return viewOf(tx, row, now);
        }
        const updated = await updateIfUnchanged(tx, row, { status: 'aborted', outcomeReason: input.reason, abortNote: input.note ?? null, endedAt: now });
        // An answer got in between: read again and abort what it left.
        if (!updated) return null;
        audit.push({
          actor: principal.userId,
          action: 'verification.aborted',
          subjectHmac: row.subjectHmac,
          verificationId: row.id,
          payload: { status: 'aborted', reason: input.reason, withNote: Boolean(input.note), answered: row.answeredCount },
          occurredAt: now,
        });
        await appendAuditEvents(tx, audit);
        return viewOf(tx, updated, now);
      });
      if (view) {
        // The call is over: whatever the register kept for it goes.
        if (view.status !== 'in_progress') deps.register?.endCall?.(input.id);
        return view;
      }
    }
  };
}
