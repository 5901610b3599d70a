// Business metrics taken from what the handlers answer, so no service needs to know about metrics:
// a verification's end state, codes issued / not delivered / redeemed, failed redeems by error code.
import { ApiError, errorCodes, type VerificationView } from '../../shared/api/index';
import type { OperationHandlers } from '../handlers/context';
import type { SupportMetrics } from './metrics';

export function instrumentHandlers(handlers: OperationHandlers, metrics: SupportMetrics): OperationHandlers {
  const ended = (view: VerificationView) => {
    if (view.status !== 'in_progress') metrics.verificationEnded(view.status, view.outcome?.reason ?? null);
    return view;
  };
  return {
    ...handlers,
    startVerification: async (input, ctx) => ended(await handlers.startVerification(input, ctx)),
    answerQuestion: async (input, ctx) => ended(await handlers.answerQuestion(input, ctx)),
    abortVerification: async (input, ctx) => ended(await handlers.abortVerification(input, ctx)),
    issueActivationCode: async (input, ctx) => {
      const view = await handlers.issueActivationCode(input, ctx);
      if (view.code.status === 'sent') metrics.code('issued');
      else if (view.code.status === 'delivery_failed') metrics.code('delivery_failed');
      // A passed verification that the code step turned into a referral (mobile changed recently).
      if (view.status === 'refer') metrics.verificationEnded(view.status, view.outcome?.reason ?? null);
      return view;
    },
    redeemActivationCode: async (input, ctx) => {
      try {
        const result = await handlers.redeemActivationCode(input, ctx);
        metrics.code('redeemed');
        return result;
      } catch (error) {
        // The error code only (a closed set), never the message or the input.
        metrics.code('redeem_failed', error instanceof ApiError ? error.code : errorCodes.internal);
        throw error;
      }
    },
  };
}
