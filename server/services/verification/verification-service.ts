// The verification engine (issue "Verification engine"): one module per operation over one persistence
// module (store.ts, where all the SQL is); handlers in server/handlers/verification.ts.
import { createAbort } from './abort';
import { createAnswer } from './answer';
import type { VerificationServiceDeps } from './deps';
import { createListMine } from './list-mine';
import { createGet } from './read';
import { createStart } from './start';

export type { VerificationServiceDeps } from './deps';

export function createVerificationService(deps: VerificationServiceDeps) {
  const get = createGet(deps);
  return { start: createStart(deps), get, answer: createAnswer(deps, get), abort: createAbort(deps), listMine: createListMine(deps) };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
