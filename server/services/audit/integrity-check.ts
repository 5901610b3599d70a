// One answer to "can this audit log be trusted?", for `verify-audit` and the supervisor's integrity
// page: the append-only triggers are in place, every link holds (keyed after the switch-over), and
// the log agrees with the witness kept outside the database (nothing cut off, nothing re-chained).
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { queryRows } from '../../db/rows';
import type { Database } from '../../db/types';
import { sql } from 'drizzle-orm';
import { verifyAuditChain } from './verify';
import { readWitness } from './witness';

export const appendOnlyTriggers = ['audit_events_no_update_delete', 'audit_events_no_truncate'] as const;

export type IntegrityProblemKind = 'trigger_missing' | 'witness_missing' | 'witness_altered' | 'chain' | 'truncated' | 'rewritten' | 'staged';
export interface IntegrityProblem {
  kind: IntegrityProblemKind;
  /** The first event concerned, when there is one. */
  seq: number | null;
  reason: string;
}

export interface IntegrityReport {
  ok: boolean;
  /** False when no witness is configured: a cut-off tail or a re-chained log could not be looked for. */
  witnessChecked: boolean;
  count: number;
  headSeq: number;
  problems: IntegrityProblem[];
  staged: StagedBacklog;
}

/** Events staged by group commit but not chained yet: how many, and the oldest one's age. */
export interface StagedBacklog {
  count: number;
  /** Seconds since the oldest was staged (0 when none). */
  oldestSeconds: number;
}

/** A chaining pass takes staged events within milliseconds; one waiting longer than this is a finding. */
export const stagedTooOldSeconds = 60;

export async function stagedBacklog(db: Database): Promise<StagedBacklog> {
  const [row] = await queryRows<{ count: number; oldest: number | null }>(
    db,
    sql`select count(*)::int as count, extract(epoch from now() - min(staged_at))::float8 as oldest from audit_staging`,
  );
  return { count: row?.count ?? 0, oldestSeconds: Math.max(0, Math.floor(row?.oldest ?? 0)) };
}

/**
 * Staged events older than a minute: no instance is chaining (all stopped, or every pass failing), or
 * someone is holding the chain's lock. Their changes are committed but were never acknowledged; the next
 * pass of any instance chains them. Deleted instead, they would be changes without their events.
 */
export function stagedProblem(backlog: StagedBacklog): IntegrityProblem | null {
  if (backlog.count === 0 || backlog.oldestSeconds <= stagedTooOldSeconds) return null;
  return {
    kind: 'staged',
    seq: null,
    reason: `${backlog.count} staged audit event(s) not chained, the oldest for ${backlog.oldestSeconds} s (more than ${stagedTooOldSeconds} s): is any instance running?`,
  };
}

/** Names of the append-only triggers that are missing or disabled. */
export async function missingAppendOnlyTriggers(db: Database): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select tgname as name from pg_trigger where tgrelid = 'audit_events'::regclass and tgenabled <> 'D'`,
  );
  const present = new Set(rows.map((r) => r.name));
  return appendOnlyTriggers.filter((t) => !present.has(t));
}

/** The witness folder of an embedded data folder (inside it, outside the database's tables). */
export function embeddedWitnessDir(dataDir: string): string {
  return path.join(dataDir, 'audit-witness');
}

export async function checkAuditIntegrity(
  db: Database,
  options: { key: Buffer | null; witnessDir: string | null; publicKey: KeyObject; onProgress?: (n: number) => void },
): Promise<IntegrityReport> {
  const problems: IntegrityProblem[] = [];
  const missing = await missingAppendOnlyTriggers(db);
  if (missing.length > 0) problems.push({ kind: 'trigger_missing', seq: null, reason: `the append-only trigger is missing or disabled: ${missing.join(', ')}` });

  const witness = options.witnessDir ? readWitness(options.witnessDir, options.publicKey) : null;
  const lines = witness?.ok ? witness.lines : [];
  const chain = await verifyAuditChain(db, {
    key: options.key,
    ...(lines[0] ? { keyedAfter: lines[0].seq } : {}),
    collect: new Set(lines.map((l) => l.seq)),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (!chain.ok) problems.push({ kind: 'chain', seq: chain.brokenAt.seq, reason: `event ${chain.brokenAt.seq}: ${chain.brokenAt.reason}` });
  const headSeq = chain.ok ? chain.headSeq : chain.count;

  if (witness && !witness.ok) {
    // An empty log with no witness yet is a fresh install, not a loss.
    if (!(witness.problem === 'missing' && chain.ok && chain.count === 0)) {
      problems.push({ kind: witness.problem === 'missing' ? 'witness_missing' : 'witness_altered', seq: null, reason: witness.reason });
    }
  }

  if (chain.ok) {
    const beyond = lines.filter((l) => l.seq > chain.headSeq).sort((a, b) => b.seq - a.seq)[0];
    if (beyond) {
      problems.push({
        kind: 'truncated',
        seq: chain.headSeq + 1,
        reason: `the log ends at event ${chain.headSeq} but the witness saw event ${beyond.seq}: events ${chain.headSeq + 1}–${beyond.seq} are missing`,
      });
    }
  }
  // Checkpoints inside the part of the log that was walked must match it.
  const walkedUpTo = chain.ok ? chain.headSeq : chain.brokenAt.seq - 1;
  const differs = lines.filter((l) => l.seq >= 1 && l.seq <= walkedUpTo && chain.hashes.get(l.seq) !== l.headHash).sort((a, b) => a.seq - b.seq)[0];
  if (differs) {
    problems.push({
      kind: 'rewritten',
      seq: differs.seq,
      reason: `event ${differs.seq} differs from the witness's checkpoint: the log was rewritten at or before it`,
    });
  }
  const staged = await stagedBacklog(db);
  const stagedFinding = stagedProblem(staged);
  if (stagedFinding) problems.push(stagedFinding);
  return { ok: problems.length === 0, witnessChecked: witness !== null, count: chain.count, headSeq, problems, staged };
}

/**
 * The checks beyond the links, for the integrity page (which walks the links range by range):
 * the triggers, the witness's signatures, the tail, and the hash of the event at the witness's first
 * and last checkpoints (with every link valid and keyed after the first, those two pin the rest).
 */
export async function witnessAndTriggerProblems(
  db: Database,
  options: { witnessDir: string | null; publicKey: KeyObject; headSeq: number },
): Promise<IntegrityProblem[]> {
  const problems: IntegrityProblem[] = [];
  const missing = await missingAppendOnlyTriggers(db);
  if (missing.length > 0) problems.push({ kind: 'trigger_missing', seq: null, reason: `the append-only trigger is missing or disabled: ${missing.join(', ')}` });
  // Not configured (a centre that has not set AUDIT_WITNESS_DIR): nothing to compare; verify-audit says so.
  if (!options.witnessDir) return problems;
  const witness = readWitness(options.witnessDir, options.publicKey);
  if (!witness.ok) {
    if (!(witness.problem === 'missing' && options.headSeq === 0)) {
      problems.push({ kind: witness.problem === 'missing' ? 'witness_missing' : 'witness_altered', seq: null, reason: witness.reason });
    }
    return problems;
  }
  const last = witness.lines.reduce((a, b) => (b.seq > a.seq ? b : a));
  if (last.seq > options.headSeq) {
    problems.push({
      kind: 'truncated',
      seq: options.headSeq + 1,
      reason: `the log ends at event ${options.headSeq} but the witness saw event ${last.seq}: events ${options.headSeq + 1}–${last.seq} are missing`,
    });
  }
  for (const line of [witness.lines[0], last]) {
    if (!line || line.seq < 1 || line.seq > options.headSeq) continue;
    const [row] = await queryRows<{ hash: string }>(db, sql`select hash from audit_events where seq = ${line.seq}`);
    if (row?.hash !== line.headHash) {
      problems.push({ kind: 'rewritten', seq: line.seq, reason: `event ${line.seq} differs from the witness's checkpoint: the log was rewritten at or before it` });
      break;
    }
  }
  return problems;
}

/** The seq after which every link must be keyed: the witness's first checkpoint (none: no rule). */
export function keyedAfterFromWitness(witnessDir: string | null, publicKey: KeyObject): number | undefined {
  if (!witnessDir) return undefined;
  const witness = readWitness(witnessDir, publicKey);
  return witness.ok ? witness.lines[0]?.seq : undefined;
}
