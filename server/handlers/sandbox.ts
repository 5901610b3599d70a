import { ApiError, errorCodes } from '../../shared/api/index';
import type { Database } from '../db/types';
import type { Clock } from '../clock';
import { sandboxPersonView } from '../sandbox/trainer-view';
import type { OperationHandlers } from './context';

/**
 * The trainer's view of a synthetic person. 404 unless the register is the sandbox (a real source turns
 * it off whatever the tables hold), and the same 404 for an unknown person, with no value of the request
 * in the message.
 */
export function sandboxHandlers(deps: { db: Database; clock: Clock; isSandbox: () => Promise<boolean> }): Pick<OperationHandlers, 'showSandboxPerson'> {
  return {
    showSandboxPerson: async (input) => {
      if (!(await deps.isSandbox())) throw new ApiError(404, errorCodes.notFound, 'The trainer view exists only in the sandbox.');
      const view = await sandboxPersonView(deps.db, input.cpr, deps.clock.now());
      if (!view) throw new ApiError(404, errorCodes.notFound, 'No such person in the sandbox register.');
      return view;
    },
  };
}
