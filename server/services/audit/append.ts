import { desc, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AuditAction } from '../../../shared/domain/audit/index';
import { advisoryLocks } from '../../db/advisory-locks';
import { auditEvents, auditStaging } from '../../db/schema/audit';
import type { Tx } from '../../db/types';
import { canonicalJson } from './canonical-json';
import { reportAuditAppend } from './append-timing';
import { genesisHash, nextLinkHash, stagedEventMac } from './chain';

// Same key in every instance: all appenders in the cluster queue on it.
const auditAppendLockKey = advisoryLocks.auditAppend;

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number().finite(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

export const auditEventInputSchema = z.object({
  /** A user id, 'system' or 'public'. */
  actor: z.string().min(1).max(100),
  /** dotted verb, e.g. 'login.succeeded', 'user.created'. */
  action: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'dotted lower-case action'),
  /** From subjectHmac(cpr): never the CPR number itself. */
  subjectHmac: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullish(),
  verificationId: z.string().max(100).nullish(),
  /** Facts about the event, never personal data. */
  payload: z.record(z.string(), jsonValue).default({}),
  occurredAt: z.date(),
});
/**
 * An event to append. The action is one of shared/domain/audit's union (the compiler holds every caller
 * to it); the stored form stays the dotted string, so events written before the union read as ever.
 */
export type AuditEventInput = Omit<z.input<typeof auditEventInputSchema>, 'action'> & { action: AuditAction };

export interface AppendedEvent {
  seq: number;
  hash: string;
}

/** A validated event, its payload already round-tripped through canonical JSON. */
export type PreparedEvent = Omit<z.output<typeof auditEventInputSchema>, 'subjectHmac' | 'verificationId'> & {
  subjectHmac: string | null;
  verificationId: string | null;
};

// Transactions opened by a group commit (group-commit.ts): their events are staged, and the group
// commit answers only once they are chained. A WeakSet, so a finished transaction is simply forgotten.
const groupCommitTxs = new WeakMap<Tx, { onStaged: () => void; asyncCommit: boolean }>();
// Group-commit transactions that have staged (and so committed asynchronously) already.
const stagingTxs = new WeakSet<Tx>();

/**
 * Marks tx as one whose opener waits for its staged events to be chained; onStaged tells it some were.
 * asyncCommit: a transaction that stages commits with synchronous_commit off (PostgreSQL only: PGlite
 * runs inside the process, so a kill -9 there would lose the commit itself).
 */
export function stageAuditEventsOf(tx: Tx, onStaged: () => void, asyncCommit: boolean): void {
  groupCommitTxs.set(tx, { onStaged, asyncCommit });
}

function prepare(inputs: readonly AuditEventInput[]): PreparedEvent[] {
  // Round-trip each payload through canonical JSON so what we hash is exactly what jsonb gives back.
  return inputs.map((input) => {
    const event = auditEventInputSchema.parse(input);
    return {
      ...event,
      subjectHmac: event.subjectHmac ?? null,
      verificationId: event.verificationId ?? null,
      payload: JSON.parse(canonicalJson(event.payload)) as Record<string, unknown>,
    };
  });
}

/**
 * The one way to append to the audit chain: the events, in order. Call it inside the transaction of the
 * state change they record, once, last: the transaction collects its events in an array as it goes
 * (AuditEventInput[]) and passes them all here. Two ways, same chain:
 * - in a group-commit transaction (group-commit.ts, the PostgreSQL API): the events are inserted into
 *   audit_staging, no lock taken; the group commit chains them after the commit, together with other
 *   transactions' events, and answers only then. Staged and chained are both atomic with the change.
 * - otherwise (PGlite's one connection, tools, tests): chained here, under the chain's advisory lock
 *   held to commit (see chainEvents).
 */
export async function appendAuditEvents(tx: Tx, inputs: readonly AuditEventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const events = prepare(inputs);
  const staging = groupCommitTxs.get(tx);
  if (staging) {
    if (staging.asyncCommit && !stagingTxs.has(tx)) {
      stagingTxs.add(tx);
      // This commit need not reach the disk before it returns: no response depends on it alone. The
      // chaining pass that takes these rows commits synchronously after it (it read them), and flushing
      // the WAL to the pass's commit flushes this commit too; the caller answers only after that pass.
      // Argued in docs/audit-chain.md.
      await tx.execute(sql`select set_config('synchronous_commit', 'off', true)`);
    }
    await tx.insert(auditStaging).values(events.map((e) => ({ ...e, mac: stagedEventMac(e) })));
    staging.onStaged();
    return;
  }
  await chainEvents(tx, events);
}

/**
 * Links events to the head and inserts them: takes a transaction-scoped advisory lock (released at
 * commit or rollback) so chainers in every connection and instance queue, then reads the head. The
 * transaction must be READ COMMITTED (the default) so the head read after the lock is current; the
 * primary key on seq turns any mistake into an error rather than a fork.
 */
export async function chainEvents(tx: Tx, events: readonly PreparedEvent[]): Promise<AppendedEvent[]> {
  const started = performance.now();
  await tx.execute(sql`select pg_advisory_xact_lock(${auditAppendLockKey})`);
  const appended = await linkAndInsert(tx, events);
  reportAuditAppend((performance.now() - started) / 1000);
  return appended;
}

/** Reads the head and inserts events linked to it. The caller holds the chain's advisory lock. */
export async function linkAndInsert(tx: Tx, events: readonly PreparedEvent[]): Promise<AppendedEvent[]> {
  const [head] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? genesisHash;
  const rows = events.map((event) => {
    seq += 1;
    const row = {
      seq,
      occurredAt: event.occurredAt,
      actor: event.actor,
      action: event.action,
      subjectHmac: event.subjectHmac,
      verificationId: event.verificationId,
      payload: event.payload,
    };
    const hash = nextLinkHash(prevHash, row);
    const chained = { ...row, prevHash, hash };
    prevHash = hash;
    return chained;
  });
  // 9 parameters a row: chunks keep a large batch under the protocol's 65,535 parameters.
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(auditEvents).values(rows.slice(i, i + 2000));
  return rows.map(({ seq, hash }) => ({ seq, hash }));
}
