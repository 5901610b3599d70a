import { asc, gt } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/audit';
import type { Database } from '../../db/types';
import { chainHash, genesisHash } from './chain';

export type VerifyResult =
  | { ok: true; count: number; headHash: string }
  | { ok: false; count: number; brokenAt: { seq: number; reason: string } };

export interface VerifyOptions {
  batchSize?: number;
  /** Called after each batch with the number of events checked so far. */
  onProgress?: (checked: number) => void;
}

/**
 * Walks the whole chain in seq order, a batch at a time (keyset pagination, so memory stays flat),
 * and reports the first broken link: a gap in seq, a prev_hash that does not match the previous
 * event's hash, or a hash that does not match the event's content.
 */
export async function verifyAuditChain(db: Database, options: VerifyOptions = {}): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 2000;
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const row of rows) {
      const broken = (reason: string): VerifyResult => ({ ok: false, count, brokenAt: { seq: row.seq, reason } });
      if (row.seq !== expectedSeq) return { ok: false, count, brokenAt: { seq: expectedSeq, reason: `event ${expectedSeq} is missing` } };
      if (row.prevHash !== prevHash) return broken('prev_hash does not match the hash of the previous event');
      if (chainHash(prevHash, row) !== row.hash) return broken('hash does not match the event content');
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    options.onProgress?.(count);
    if (rows.length < batchSize) return { ok: true, count, headHash: prevHash };
  }
}
