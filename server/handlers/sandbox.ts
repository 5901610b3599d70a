import type { TrainerView } from '../services/sandbox/trainer-view';
import type { OperationHandlers } from './context';

/** The trainer's view of a synthetic person (server/services/sandbox/trainer-view.ts: sandbox only, audited). */
export function sandboxHandlers(deps: { trainerView: TrainerView }): Pick<OperationHandlers, 'showSandboxPerson'> {
  return {
    showSandboxPerson: (input, ctx) => deps.trainerView(input.cpr, ctx.principal),
  };
}
