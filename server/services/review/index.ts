// Supervisor review (issue: supervisor console): the verification log, one verification's review,
// notes, flags, CPR reveal, the person access log, the watch, the CSV export, audit integrity, policy.
import { and, eq, inArray } from 'drizzle-orm';
import {
  countLimit,
  type AuditCheckpoint,
  type EditablePolicy,
  type ExportFormat,
  type VerificationFilter,
  type VerificationSort,
} from '../../../shared/api/index';
import type { Clock } from '../../clock';
import { getPolicy } from '../../db/policy';
import { users } from '../../db/schema/users';
import type { Database, Tx } from '../../db/types';
import type { Secrets } from '../../secrets';
import { appendAuditEvents } from '../audit/append';
import type { SubjectHmac } from '../audit/subject-hmac';
import * as actions from './actions';
import { signCheckpoint } from './checkpoint';
import { loadVerificationDetail } from './detail';
import { createExportTicket, exportCsv, redeemExportTicket } from './export';
import { chainExtendsCheckpoint, headOfChain, verifyRange } from './integrity';
import { keyedAfterFromWitness, stagedBacklog, stagedProblem, witnessAndTriggerProblems } from '../audit/integrity-check';
import { queryLogPage, type StoredFilter } from './log-query';
import { readPersonAccessLog, recordPersonAccessLookup } from './person-access';
import { readPolicyState, updatePolicy } from './policy-settings';
import { watchStats } from './watch';

export interface ReviewDeps {
  db: Database;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  clock: Clock;
  secrets: Secrets;
  subjectHmac: SubjectHmac;
  /** The ten digits of a sealed CPR number (server/services/sealing.ts). */
  unsealCpr: (sealed: string) => string;
  /** Folder of the audit witness (signed checkpoints outside the database); null: none configured. */
  auditWitnessDir?: string | null;
}

export function createReviewService(deps: ReviewDeps) {
  const { db, transaction, clock } = deps;
  const signingKeys = deps.secrets.auditSigningKeys();
  const publicKeyDer = signingKeys.publicKey.export({ format: 'der', type: 'spki' });

  /** The CPR number leaves the filter here: from now on only its HMAC exists. */
  const storedFilter = ({ cpr, ...rest }: VerificationFilter): StoredFilter => (cpr ? { ...rest, subjectHmac: deps.subjectHmac(cpr) } : rest);

  return {
    listVerifications: (input: { filter: VerificationFilter; sort: VerificationSort; page: number; pageSize: number }) =>
      queryLogPage(db, { ...input, filter: storedFilter(input.filter), countLimit, now: clock.now() }),

    async listAgents() {
      const rows = await db
        .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role })
        .from(users)
        .where(and(inArray(users.role, ['agent', 'supervisor']), eq(users.disabled, false)))
        .orderBy(users.displayName);
      return { items: rows };
    },

    getVerificationDetail: (id: string) => loadVerificationDetail(db, id, clock.now()),

    addNote: (id: string, actorId: string, text: string) =>
      transaction((tx) => actions.addNote(tx, { verificationId: id, authorId: actorId, text, at: clock.now() })),

    setFlag: (id: string, actorId: string, flagged: boolean, reason: string) =>
      transaction((tx) => actions.setFlag(tx, { verificationId: id, actorId, flagged, reason, at: clock.now() })),

    revealCpr: (id: string, actorId: string, reason: string) =>
      transaction((tx) => actions.revealCpr(tx, { verificationId: id, actorId, reason, at: clock.now(), unseal: deps.unsealCpr })),

    async personAccessLog(cpr: string, actorId: string, reason: string) {
      const at = clock.now();
      const subjectHmac = deps.subjectHmac(cpr);
      await transaction((tx) => recordPersonAccessLookup(tx, { subjectHmac, actorId, reason, at }));
      return readPersonAccessLog(db, { cpr, subjectHmac, at });
    },

    async watchStats(from: Date, to: Date) {
      const policy = await getPolicy(db);
      return watchStats(db, { from, to, now: clock.now(), settings: policy.watch });
    },

    createExport: (filter: VerificationFilter, sort: VerificationSort, format: ExportFormat, actorId: string) =>
      transaction((tx) => createExportTicket(tx, { filter: storedFilter(filter), sort, format, actorId, at: clock.now() })),

    /** For the download route: null when the ticket is unknown, used or expired. */
    async openExport(ticket: string) {
      const now = clock.now();
      const query = await redeemExportTicket(db, ticket, now);
      return query ? exportCsv(db, query, now) : null;
    },

    async verifyAuditRange(fromSeq: number, limit: number, actorId: string) {
      const publicKey = signingKeys.publicKey;
      const witnessDir = deps.auditWitnessDir ?? null;
      const keyedAfter = keyedAfterFromWitness(witnessDir, publicKey);
      const result = await verifyRange(db, fromSeq, limit, keyedAfter === undefined ? {} : { keyedAfter });
      if (result.done && result.ok) {
        // The whole chain's links hold: now what links alone cannot show (cut tail, re-chain, trigger).
        const staged = await stagedBacklog(db);
        result.staged = staged;
        const [problem = stagedProblem(staged)] = await witnessAndTriggerProblems(db, { witnessDir, publicKey, headSeq: result.headSeq });
        if (problem) {
          const kind = problem.kind === 'trigger_missing' ? 'trigger' : problem.kind === 'witness_missing' || problem.kind === 'witness_altered' ? 'witness' : problem.kind === 'chain' ? 'hash' : problem.kind;
          Object.assign(result, { ok: false, brokenAt: { seq: problem.seq ?? result.headSeq, kind, reason: problem.reason } });
        }
      }
      // The last range of a run leaves its result in the log (it is appended after the range was read).
      if (result.done) {
        await transaction((tx) =>
          appendAuditEvents(tx, [{
            actor: actorId,
            action: result.ok ? 'audit.verified' : 'audit.verification_failed',
            payload: { fromSeq, headSeq: result.headSeq, ...(result.brokenAt ? { brokenAt: result.brokenAt } : {}) },
            occurredAt: clock.now(),
          }]),
        );
      }
      return { ...result, staged: result.staged ?? null };
    },

    async createCheckpoint(actorId: string): Promise<AuditCheckpoint> {
      const head = await headOfChain(db);
      const checkpoint = signCheckpoint(head, clock.now(), signingKeys);
      await transaction((tx) =>
        appendAuditEvents(tx, [{ actor: actorId, action: 'audit.checkpoint_created', payload: { seq: head.seq, headHash: head.hash }, occurredAt: clock.now() }]),
      );
      return checkpoint;
    },

    verifyCheckpoint: (checkpoint: AuditCheckpoint) => chainExtendsCheckpoint(db, checkpoint, publicKeyDer),

    getPolicy: () => readPolicyState(db),
    updatePolicy: (policy: EditablePolicy, reason: string, actorId: string) =>
      transaction((tx) => updatePolicy(tx, { policy, reason, actorId, at: clock.now() })),
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
