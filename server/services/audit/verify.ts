import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import type { Database } from '../../db/types';
import { auditChainKey, genesisHash, linkKind } from './chain';

export type VerifyResult =
  | { ok: true; count: number; headHash: string; headSeq: number; keyedFrom: number | null; hashes: Map<number, string> }
  | { ok: false; count: number; brokenAt: { seq: number; reason: string }; hashes: Map<number, string> };

export interface VerifyOptions {
  batchSize?: number;
  /** Called after each batch with the number of events checked so far. */
  onProgress?: (checked: number) => void;
  /** The chain key (default: the one the appender uses); null accepts plain SHA-256 links only. */
  key?: Buffer | null;
  /** Every event after this seq must have a keyed link (from the witness's first checkpoint). */
  keyedAfter?: number;
  /** Hashes to hand back for these seqs (the witness's checkpoints), to compare outside. */
  collect?: ReadonlySet<number>;
}

type Row = [seq: number, occurredAt: string, actor: string, action: string, subjectHmac: string | null, verificationId: string | null, payload: Record<string, unknown>, prevHash: string, hash: string];

/** Batches in flight ahead of the one being checked: on PostgreSQL they run on other connections (and cores). */
const readAhead = 2;

/**
 * One batch as a single JSON text: both drivers then hand over one value instead of decoding
 * thousands of rows field by field, which was most of the verification time. The timestamp is
 * formatted as toISOString writes it (UTC, milliseconds), which is what the hash covers.
 */
function batchQuery(afterSeq: number, limit: number) {
  return sql`select coalesce(json_agg(json_build_array(seq, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      actor, action, subject_hmac, verification_id, payload, prev_hash, hash) order by seq)::text, '[]') as batch
    from (select seq, occurred_at, actor, action, subject_hmac, verification_id, payload, prev_hash, hash
      from audit_events where seq > ${afterSeq} order by seq limit ${limit}) e`;
}

/**
 * Walks the whole chain in seq order, a batch at a time (keyset pagination, so memory stays flat),
 * and reports the first broken link: a gap in seq, a prev_hash that does not match the previous
 * event's hash, or a hash that does not match the event's content (every column but prev_hash and
 * hash is hashed, so an edit to any of them shows).
 *
 * While one batch is hashed the next ones are already being read: seqs are gapless when the chain
 * is intact, so batch k+1 starts where batch k must end. If batch k shows a gap it reports it before
 * its read-ahead is looked at; a short batch ends the walk (nothing after it existed when it was read).
 */
export async function verifyAuditChain(db: Database, options: VerifyOptions = {}): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 2000;
  const fetchBatch = (after: number) => {
    const pending = queryRows<{ batch: string }>(db, batchQuery(after, batchSize)).then(([row]) => JSON.parse(row?.batch ?? '[]') as Row[]);
    // A read-ahead abandoned by an early return must not surface as an unhandled rejection.
    pending.catch(() => {});
    return pending;
  };
  const key = options.key === undefined ? auditChainKey() : options.key;
  const keyedAfter = options.keyedAfter ?? Infinity;
  const hashes = new Map<number, string>();
  let keyedFrom: number | null = null;
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let count = 0;
  let nextAfter = 0;
  const queue: Promise<Row[]>[] = [];
  for (;;) {
    while (queue.length <= readAhead) {
      queue.push(fetchBatch(nextAfter));
      nextAfter += batchSize;
    }
    const rows = await (queue.shift() as Promise<Row[]>);
    for (const [seq, occurredAt, actor, action, subjectHmac, verificationId, payload, rowPrevHash, hash] of rows) {
      if (seq !== expectedSeq) return { ok: false, count, brokenAt: { seq: expectedSeq, reason: `event ${expectedSeq} is missing` }, hashes };
      if (rowPrevHash !== prevHash) return { ok: false, count, brokenAt: { seq, reason: 'prev_hash does not match the hash of the previous event' }, hashes };
      const kind = linkKind(key, keyedFrom !== null || seq > keyedAfter, prevHash, { seq, occurredAt, actor, action, subjectHmac, verificationId, payload }, hash);
      if (kind === null) return { ok: false, count, brokenAt: { seq, reason: 'hash does not match the event content' }, hashes };
      if (kind === 'keyed' && keyedFrom === null) keyedFrom = seq;
      if (options.collect?.has(seq)) hashes.set(seq, hash);
      prevHash = hash;
      expectedSeq += 1;
      count += 1;
    }
    options.onProgress?.(count);
    if (rows.length < batchSize) return { ok: true, count, headHash: prevHash, headSeq: expectedSeq - 1, keyedFrom, hashes };
  }
}
