// getVerification: the agent's own verification as it stands (an expiry that is due is recorded first).
import type { ParsedInput, VerificationView } from '../../../shared/api/index';
import type { Principal } from '../principal';
import type { VerificationServiceDeps } from './deps';
import { expireIfDue, loadOwned, viewOf } from './store';

export function createGet(deps: Pick<VerificationServiceDeps, 'transaction' | 'clock'>) {
  return async function get(input: ParsedInput<'getVerification'>, principal: Principal): Promise<VerificationView> {
    const now = deps.clock.now();
    return deps.transaction(async (tx) => {
      const row = await expireIfDue(tx, await loadOwned(tx, input.id, principal.userId), now);
      return viewOf(tx, row, now);
    });
  };
}
