// The trainer's view of a sandbox person (showSandboxPerson), audited like every other look at a person:
// who looked and when, the person as their subject HMAC (never the number), in the log a supervisor's
// person-access lookup reads.
import { ApiError, errorCodes, type SandboxPersonView } from '../../../shared/api/index';
import type { Clock } from '../../clock';
import type { Database, Tx } from '../../db/types';
import { sandboxPersonView } from '../../sandbox/trainer-view';
import { appendAuditEvents } from '../audit/append';
import type { SubjectHmac } from '../audit/subject-hmac';
import type { Principal } from '../principal';

export interface TrainerViewDeps {
  db: Database;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  clock: Clock;
  subjectHmac: SubjectHmac;
  /** False with a real register source, whatever the tables hold (compose.ts). */
  isSandbox: () => Promise<boolean>;
}

/** 404 unless the register is the sandbox, and the same 404 for an unknown person, with no value of the request. */
export function createTrainerView(deps: TrainerViewDeps) {
  return async function showSandboxPerson(cpr: string, principal: Principal): Promise<SandboxPersonView> {
    if (!(await deps.isSandbox())) throw new ApiError(404, errorCodes.notFound, 'The trainer view exists only in the sandbox.');
    const now = deps.clock.now();
    const view = await sandboxPersonView(deps.db, cpr, now);
    if (!view) throw new ApiError(404, errorCodes.notFound, 'No such person in the sandbox register.');
    // sandboxPersonView found the person, so `cpr` is a valid number; the HMAC hashes its digits only.
    await deps.transaction((tx) =>
      appendAuditEvents(tx, [{ actor: principal.userId, action: 'sandbox.person_viewed', subjectHmac: deps.subjectHmac(cpr), payload: {}, occurredAt: now }]),
    );
    return view;
  };
}
export type TrainerView = ReturnType<typeof createTrainerView>;
