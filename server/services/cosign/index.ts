// Supervisor co-sign of activation codes and the agent's red flag (issue 17). The gate itself sits in
// the code's path (codes/issue.ts → gate.ts); this service is the queue, the decision and the flag.
import { createDecide } from './decide';
import type { CosignDeps } from './deps';
import { createQueue } from './queue';
import { createRaiseRedFlag } from './red-flag';

export type { CosignDeps } from './deps';

export function createCosignService(deps: CosignDeps) {
  return { listQueue: createQueue(deps), decide: createDecide(deps), raiseRedFlag: createRaiseRedFlag(deps) };
}
export type CosignService = ReturnType<typeof createCosignService>;
