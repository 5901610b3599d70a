import type { OperationHandlers } from './context';
import type { CosignService } from '../services/cosign/index';

export function cosignHandlers(deps: { cosign: CosignService }): Pick<OperationHandlers, 'raiseRedFlag' | 'listCosignQueue' | 'decideCosign'> {
  const { cosign } = deps;
  return {
    raiseRedFlag: (input, ctx) => cosign.raiseRedFlag(input, ctx.principal),
    listCosignQueue: () => cosign.listQueue(),
    decideCosign: (input, ctx) => cosign.decide({ verificationId: input.id, decision: input.decision, reason: input.reason }, ctx.principal),
  };
}
