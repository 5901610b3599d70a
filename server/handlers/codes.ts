import type { OperationHandlers } from './context';
import type { CodesService } from '../services/codes/index';

export function codesHandlers(deps: { codes: CodesService }): Pick<
  OperationHandlers,
  'issueActivationCode' | 'redeemActivationCode' | 'revokeActivationCode' | 'listSandboxOutbox'
> {
  const { codes } = deps;
  return {
    issueActivationCode: (input, ctx) => codes.issue(input.id, ctx.principal),
    redeemActivationCode: (input) => codes.redeem(input),
    revokeActivationCode: (input, ctx) => codes.revoke(input.id, input.reason, ctx.principal),
    listSandboxOutbox: (input) => codes.listSandboxOutbox({ userId: input.userId, limit: input.limit }),
  };
}
