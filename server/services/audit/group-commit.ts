// Group commit for the audit chain (PostgreSQL). A state change stages its events in its own
// transaction with no lock (append.ts); after it commits, the group commit chains everything staged so
// far in one short transaction under the chain's advisory lock, and only then lets the caller answer.
// Many requests share one chaining pass, so the cluster-wide serial point is one pass per batch instead
// of one commit per state change. The argument is in docs/audit-chain.md.
import { asc, inArray, sql } from 'drizzle-orm';
import { advisoryLocks } from '../../db/advisory-locks';
import { auditStaging } from '../../db/schema/audit';
import type { Database, Tx } from '../../db/types';
import { linkAndInsert, stageAuditEventsOf, type PreparedEvent } from './append';
import { stagedEventMac } from './chain';
import { reportAuditAppend } from './append-timing';

/**
 * The steps of a change and its chaining, for tests that crash the process at each (kill -9):
 * 'change-committed' (the change and its staged events committed, not yet chained), then a pass's
 * 'locked', 'taken' (deleted from staging), 'inserted' (in audit_events, not committed), 'committed'.
 */
export type ChainStep = 'change-committed' | 'locked' | 'taken' | 'inserted' | 'committed';

export interface AuditGroupCommitOptions {
  /** Events moved per chaining transaction (default 5,000). */
  batchSize?: number;
  /** Called at each step of a pass (tests only). */
  onStep?: (step: ChainStep) => void | Promise<void>;
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
  database: { db: Database; transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> },
  options: AuditGroupCommitOptions = {},
): AuditGroupCommit {
  const batchSize = options.batchSize ?? 5_000;
  const step = async (s: ChainStep) => {
    await options.onStep?.(s);
  };

  /** One chaining transaction: takes up to batchSize staged events, links them, deletes them from staging. */
  async function chainBatch(): Promise<number> {
    const started = performance.now();
    const moved = await database.transaction(async (tx) => {
      // The lock first: the DELETE's snapshot (READ COMMITTED: per statement) then sees every earlier
      // pass's commit, so no two passes take the same row and the head read after it is current.
      await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLocks.auditAppend})`);
      await step('locked');
      const oldest = tx.select({ id: auditStaging.id }).from(auditStaging).orderBy(asc(auditStaging.id)).limit(batchSize);
      const taken = await tx.delete(auditStaging).where(inArray(auditStaging.id, oldest)).returning();
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

  async function pass(): Promise<void> {
    // A short batch means nothing staged before the pass began is left.
    while ((await chainBatch()) === batchSize);
  }

  // At most one pass in flight per process, and at most one queued behind it: every caller that
  // arrives while a pass runs joins the queued one, which starts (and reads staging) after they
  // committed. That sharing is the group commit.
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  function flush(): Promise<void> {
    if (!running) {
      running = pass().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => {})
      .then(() => {
        queued = null;
        return flush();
      });
    return queued;
  }

  return {
    flush,
    async transaction(fn) {
      let staged = false;
      const result = await database.transaction((tx) => {
        stageAuditEventsOf(tx, () => {
          staged = true;
        });
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
