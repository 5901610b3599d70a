// Group commit for the audit chain (PostgreSQL). A state change stages its events in its own
// transaction with no lock (append.ts); after it commits, the group commit chains everything staged so
// far in one short transaction under the chain's advisory lock, and only then lets the caller answer.
// Many requests share one chaining pass, so the cluster-wide serial point is one pass per batch instead
// of one commit per state change. The argument is in docs/audit-chain.md.
import { asc, inArray, sql } from 'drizzle-orm';
import { advisoryLocks } from '../../db/advisory-locks';
import { auditStaging } from '../../db/schema/audit';
import type { Database, DriverName, Tx } from '../../db/types';
import { linkAndInsert, stageAuditEventsOf, type PreparedEvent } from './append';
import { stagedEventMac } from './chain';
import { reportAuditAppend } from './append-timing';

/**
 * The steps of a change and its chaining, for tests that crash the process at each (kill -9):
 * 'change-committed' (the change and its staged events committed, not yet chained), then a pass's
 * 'locked', 'taken' (deleted from staging), 'inserted' (in audit_events, not committed), 'committed';
 * 'retry' when a failed batch is about to be tried again.
 */
export type ChainStep = 'change-committed' | 'locked' | 'taken' | 'inserted' | 'committed' | 'retry';

export interface AuditGroupCommitOptions {
  /** Events moved per chaining transaction (default 5,000). */
  batchSize?: number;
  /** Called at each step of a pass (tests only). */
  onStep?: (step: ChainStep) => void | Promise<void>;
  /** Pauses before each retry of a failed chaining batch (default 20, 100, 500 ms; then the callers get the error). */
  retryDelaysMs?: readonly number[];
  /** Staging transactions commit with synchronous_commit off (default: on PostgreSQL; false for the bench's comparison). */
  asyncStagingCommit?: boolean;
  /** How to pause (tests). */
  sleep?: (ms: number) => Promise<void>;
}

export interface AuditGroupCommit {
  /**
   * Runs fn in one transaction whose audit events are staged; resolves after the commit and after those
   * events are in the chain. Use it wherever a service would use the database's transaction.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Chains every event staged and committed before the call (by any instance); resolves when done. */
  flush(): Promise<void>;
}

type StagedRow = typeof auditStaging.$inferSelect;

/**
 * The order staged events are chained in: a transaction's events together, in the order staged, and
 * transactions by their first staged id. Ids come from a sequence (CACHE 1), so a change that staged
 * after reading another's committed state has higher ids than all of that change's: it is chained after it.
 */
export function chainOrder(rows: readonly StagedRow[]): StagedRow[] {
  const firstOf = new Map<number, number>();
  for (const r of rows) firstOf.set(r.xact, Math.min(firstOf.get(r.xact) ?? Infinity, r.id));
  return [...rows].sort((a, b) => (firstOf.get(a.xact) as number) - (firstOf.get(b.xact) as number) || a.id - b.id);
}

/** The event as staged, or, when its tag does not hold (written by someone else), a record of that. */
function checked(row: StagedRow): PreparedEvent {
  const { occurredAt, actor, action, subjectHmac, verificationId, payload } = row;
  const event = { occurredAt, actor, action, subjectHmac, verificationId, payload };
  if (stagedEventMac(event) === row.mac) return event;
  return { occurredAt: new Date(), actor: 'system', action: 'audit.staged_event_rejected', subjectHmac: null, verificationId: null, payload: { stagingId: row.id, reason: 'tag does not match' } };
}

export function createAuditGroupCommit(
  database: { db: Database; driver?: DriverName; transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> },
  options: AuditGroupCommitOptions = {},
): AuditGroupCommit {
  const asyncStagingCommit = options.asyncStagingCommit ?? database.driver === 'postgres';
  const batchSize = options.batchSize ?? 5_000;
  const retryDelaysMs = options.retryDelaysMs ?? [20, 100, 500];
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const step = async (s: ChainStep) => {
    await options.onStep?.(s);
  };

  /**
   * One chaining transaction: takes up to batchSize staged events, links them, deletes them from staging.
   * onTaken is told once its DELETE has run (the next pass may then start: see flush).
   */
  async function chainBatch(onTaken: () => void): Promise<number> {
    const started = performance.now();
    const moved = await database.transaction(async (tx) => {
      // The lock first: the DELETE's snapshot (READ COMMITTED: per statement) then sees every earlier
      // pass's commit, so no two passes take the same row and the head read after it is current.
      await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLocks.auditAppend})`);
      await step('locked');
      const oldest = tx.select({ id: auditStaging.id }).from(auditStaging).orderBy(asc(auditStaging.id)).limit(batchSize);
      const taken = await tx.delete(auditStaging).where(inArray(auditStaging.id, oldest)).returning();
      onTaken();
      await step('taken');
      if (taken.length === 0) return 0;
      await linkAndInsert(tx, chainOrder(taken).map(checked));
      await step('inserted');
      return taken.length;
    });
    if (moved > 0) {
      reportAuditAppend((performance.now() - started) / 1000);
      await step('committed');
    }
    return moved;
  }

  /**
   * A batch, tried again after a failure (a dropped connection, a failover, a lock timeout), a few
   * times with growing pauses. Safe to repeat: a failed batch rolled back, so its rows are still staged;
   * if only the answer to its COMMIT was lost, its rows are chained and the retry simply finds fewer.
   */
  async function chainBatchRetried(onTaken: () => void): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await chainBatch(onTaken);
      } catch (error) {
        const delay = retryDelaysMs[attempt];
        if (delay === undefined) throw error;
        await step('retry');
        await sleep(delay);
      }
    }
  }

  async function pass(onTaken: () => void): Promise<void> {
    // A short batch means nothing staged before the pass began is left.
    let first = true;
    const taken = () => {
      if (first) onTaken();
      first = false;
    };
    try {
      while ((await chainBatchRetried(taken)) === batchSize);
    } finally {
      taken();
    }
  }

  // Pipelined passes: a pass begins as soon as the one before it has taken its rows (its DELETE ran),
  // not when it has committed, so its BEGIN and lock request overlap the earlier pass's insert and
  // commit, and it takes whatever was staged meanwhile the moment the lock is free. Callers that arrive
  // while no pass is waiting to begin create one; everyone else joins the waiting pass, which by
  // construction has not yet read staging: it begins after they committed. That sharing is the group
  // commit. At most two passes hold connections (one chaining, one waiting for the lock).
  let previousTaken: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | null = null;
  function flush(): Promise<void> {
    if (waiting) return waiting;
    let markTaken!: () => void;
    const taken = new Promise<void>((resolve) => (markTaken = resolve));
    const next = previousTaken.then(() => {
      // From here the pass may read staging: later callers must not join it.
      waiting = null;
      return pass(markTaken);
    });
    previousTaken = taken;
    waiting = next;
    return next;
  }

  return {
    flush,
    async transaction(fn) {
      let staged = false;
      const result = await database.transaction((tx) => {
        stageAuditEventsOf(
          tx,
          () => {
            staged = true;
          },
          asyncStagingCommit,
        );
        return fn(tx);
      });
      if (staged) {
        await step('change-committed');
        await flush();
      }
      return result;
    },
  };
}
