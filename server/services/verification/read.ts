// getVerification: the agent's own verification as it stands (an expiry that is due is recorded first).
import type { ParsedInput, VerificationView } from '../../../shared/api/index';
import { appendAuditEvents, type AuditEventInput } from '../audit/append';
import { expireDueCosign } from '../cosign/expire';
import type { Principal } from '../principal';
import type { VerificationServiceDeps } from './deps';
import { expireIfDue, loadOwned, viewOf } from './store';

export function createGet(deps: Pick<VerificationServiceDeps, 'transaction' | 'clock'>) {
  return async function get(input: ParsedInput<'getVerification'>, principal: Principal): Promise<VerificationView> {
    const now = deps.clock.now();
    return deps.transaction(async (tx) => {
      let owned = await loadOwned(tx, input.id, principal.userId);
      // The agent's waiting screen polls here: a co-sign nobody answered in time becomes the referral it is.
      const audit: AuditEventInput[] = [];
      if ((await expireDueCosign(tx, audit, now, owned.id)) > 0) owned = await loadOwned(tx, input.id, principal.userId);
      const row = await expireIfDue(tx, owned, now, audit);
      await appendAuditEvents(tx, audit);
      return viewOf(tx, row, now);
    });
  };
}
