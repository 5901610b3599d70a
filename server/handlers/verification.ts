import type { OperationHandlers } from './context';
import type { VerificationService } from '../services/verification/index';

export function verificationHandlers(deps: {
  verification: VerificationService;
}): Pick<OperationHandlers, 'startVerification' | 'getVerification' | 'answerQuestion' | 'abortVerification' | 'listMyVerifications'> {
  const { verification } = deps;
  return {
    startVerification: (input, ctx) => verification.start(input, ctx.principal),
    getVerification: (input, ctx) => verification.get(input, ctx.principal),
    answerQuestion: (input, ctx) => verification.answer(input, ctx.principal),
    abortVerification: (input, ctx) => verification.abort(input, ctx.principal),
    listMyVerifications: (_input, ctx) => verification.listMine(ctx.principal),
  };
}
