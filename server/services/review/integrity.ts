// Audit chain checks a supervisor can run: a range at a time (the client drives the ranges, so a
// progress bar needs no job state on the server), and signed checkpoints of the chain head.
import { asc, desc, eq, gte } from 'drizzle-orm';
import type { AuditCheckpoint, ChainBreak } from '../../../shared/api/index';
import { auditEvents } from '../../db/schema/audit';
import type { Database } from '../../db/types';
import { auditChainKey, genesisHash, linkKind } from '../audit/chain';
import { checkpointExtends, type ChainEvent } from './checkpoint';

export interface RangeResult {
  checked: number;
  nextSeq: number;
  headSeq: number;
  done: boolean;
  ok: boolean;
  brokenAt: { seq: number; kind: ChainBreak; reason: string } | null;
  lastHash: string | null;
  /** Set by the caller once done: events staged but not chained yet (integrity-check.ts). */
  staged?: { count: number; oldestSeconds: number } | null;
}

export async function headOfChain(db: Database): Promise<{ seq: number; hash: string }> {
  const [head] = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  return head ?? { seq: 0, hash: genesisHash };
}

/**
 * Checks events fromSeq … fromSeq+limit-1 against each other and against the event before them.
 * That predecessor's own hash was checked by the previous range, so ranges that cover the chain
 * in order check it as a whole, exactly as verifyAuditChain does (same chainHash).
 */
export async function verifyRange(
  db: Database,
  fromSeq: number,
  limit: number,
  options: { batchSize?: number; keyedAfter?: number } = {},
): Promise<RangeResult> {
  const batchSize = options.batchSize ?? 2_000;
  const key = auditChainKey();
  const keyedAfter = options.keyedAfter ?? Infinity;
  // Whether a keyed link was seen: the previous range's last event tells (a plain link after it is a downgrade).
  let keyedSeen = false;
  const head = await headOfChain(db);
  let prevHash = genesisHash;
  if (fromSeq > 1) {
    const [prev] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, fromSeq - 1));
    if (!prev) return { checked: 0, nextSeq: fromSeq, headSeq: head.seq, done: true, ok: false, brokenAt: { seq: fromSeq - 1, kind: 'missing', reason: `event ${fromSeq - 1} is missing` }, lastHash: null };
    prevHash = prev.hash;
    const [before] = await db.select().from(auditEvents).where(eq(auditEvents.seq, fromSeq - 1));
    const beforePrev = before?.prevHash ?? genesisHash;
    keyedSeen = before !== undefined && linkKind(key, false, beforePrev, before, before.hash) === 'keyed';
  }
  let expected = fromSeq;
  let checked = 0;
  const end = Math.min(fromSeq + limit, head.seq + 1);
  while (expected < end) {
    const rows = await db.select().from(auditEvents).where(gte(auditEvents.seq, expected)).orderBy(asc(auditEvents.seq)).limit(Math.min(batchSize, end - expected));
    if (rows.length === 0) break;
    for (const row of rows) {
      const broken = (seq: number, kind: ChainBreak, reason: string): RangeResult => ({ checked, nextSeq: seq, headSeq: head.seq, done: true, ok: false, brokenAt: { seq, kind, reason }, lastHash: prevHash });
      if (row.seq !== expected) return broken(expected, 'missing', `event ${expected} is missing`);
      if (row.prevHash !== prevHash) return broken(row.seq, 'prev_hash', 'prev_hash does not match the hash of the previous event');
      const kind = linkKind(key, keyedSeen || row.seq > keyedAfter, prevHash, row, row.hash);
      if (kind === null) return broken(row.seq, 'hash', 'hash does not match the event content');
      if (kind === 'keyed') keyedSeen = true;
      prevHash = row.hash;
      expected += 1;
      checked += 1;
    }
  }
  if (expected < end) {
    return { checked, nextSeq: expected, headSeq: head.seq, done: true, ok: false, brokenAt: { seq: expected, kind: 'missing', reason: `event ${expected} is missing` }, lastHash: prevHash };
  }
  return { checked, nextSeq: expected, headSeq: head.seq, done: expected > head.seq, ok: true, brokenAt: null, lastHash: checked > 0 || fromSeq > 1 ? prevHash : null };
}

/** Streams the chain from seq 1 up to `upTo` (inclusive) into the pure checkpoint check. */
export async function chainExtendsCheckpoint(db: Database, checkpoint: AuditCheckpoint, publicKeyDer: Buffer, batchSize = 2_000) {
  const head = await headOfChain(db);
  async function* events(): AsyncGenerator<ChainEvent> {
    let next = 1;
    while (next <= checkpoint.seq) {
      const rows = await db.select().from(auditEvents).where(gte(auditEvents.seq, next)).orderBy(asc(auditEvents.seq)).limit(batchSize);
      if (rows.length === 0) return;
      for (const row of rows) {
        if (row.seq > checkpoint.seq) return;
        yield row;
        next = row.seq + 1;
      }
    }
  }
  const result = await checkpointExtends(checkpoint, events(), { trustedPublicKey: publicKeyDer });
  return { ...result, headSeq: head.seq };
}
