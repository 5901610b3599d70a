// Activation codes: issue (agent), redeem (the caller, public), revoke (supervisor), sandbox outbox.
import { ApiError, errorCodes, type OutboxMessage } from '../../../shared/api/index';
import { readOutbox } from '../notify/outbox';
import type { CodesDeps } from './deps';
import { createIssue } from './issue';
import { createRedeem } from './redeem';
import { createRevoke } from './revoke';

export function createCodesService(deps: CodesDeps) {
  const { issueActivationCode, issueApproved } = createIssue(deps);
  return {
    issue: issueActivationCode,
    issueApproved,
    redeem: createRedeem(deps),
    revoke: createRevoke(deps),
    /** The sandbox phone and mailbox; refuses outside the sandbox (a real register's messages are not for reading). */
    async listSandboxOutbox(filter: { userId?: string | undefined; limit: number }): Promise<{ items: OutboxMessage[] }> {
      if (!(await deps.isSandbox())) throw new ApiError(404, errorCodes.notFound, 'The sandbox phone exists only in the sandbox.');
      return { items: await readOutbox(deps.db, deps.outboxSealer, filter, deps.clock.now()) };
    },
  };
}
export type CodesService = ReturnType<typeof createCodesService>;
