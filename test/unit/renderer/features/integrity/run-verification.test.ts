// The integrity screen's driver: ranges until done, progress after each, the first broken link.
import { describe, expect, it, vi } from 'vitest';
import { runAuditVerification } from '../../../../../renderer/src/features/integrity/run-verification';

type Range = { checked: number; nextSeq: number; headSeq: number; done: boolean; ok: boolean; brokenAt: { seq: number; kind: 'missing' | 'prev_hash' | 'hash'; reason: string } | null; lastHash: string | null; staged: { count: number; oldestSeconds: number } | null };

function fakeChain(head: number, brokenAt?: number, stagedCount = 0) {
  return vi.fn(async ({ fromSeq, limit }: { fromSeq?: number; limit?: number }): Promise<Range> => {
    const from = fromSeq ?? 1;
    const end = Math.min(from + (limit ?? 5000), head + 1);
    if (brokenAt !== undefined && brokenAt >= from && brokenAt < end) {
      return { checked: brokenAt - from, nextSeq: brokenAt, headSeq: head, done: true, ok: false, brokenAt: { seq: brokenAt, kind: 'hash', reason: 'hash does not match the event content' }, lastHash: null, staged: null };
    }
    const done = end > head;
    return { checked: end - from, nextSeq: end, headSeq: head, done, ok: true, brokenAt: null, lastHash: 'h'.repeat(64), staged: done ? { count: stagedCount, oldestSeconds: stagedCount ? 3 : 0 } : null };
  });
}

describe('runAuditVerification', () => {
  it('walks the chain range by range and reports progress', async () => {
    const verifyAuditRange = fakeChain(12_001);
    const progress: [number, number][] = [];
    const outcome = await runAuditVerification({ verifyAuditRange }, (c, t) => progress.push([c, t]), { rangeSize: 5_000 });
    expect(outcome).toEqual({ ok: true, count: 12_001, headHash: 'h'.repeat(64), staged: null });
    expect(verifyAuditRange.mock.calls.map((c) => c[0].fromSeq)).toEqual([1, 5_001, 10_001]);
    expect(progress).toEqual([[5_000, 12_001], [10_000, 12_001], [12_001, 12_001]]);
  });

  it('hands on events staged and not yet chained, when there are any', async () => {
    const outcome = await runAuditVerification({ verifyAuditRange: fakeChain(10, undefined, 4) }, () => {});
    expect(outcome).toEqual({ ok: true, count: 10, headHash: 'h'.repeat(64), staged: { count: 4, oldestSeconds: 3 } });
  });

  it('stops at the first broken link', async () => {
    const outcome = await runAuditVerification({ verifyAuditRange: fakeChain(9_000, 6_123) }, () => {}, { rangeSize: 5_000 });
    expect(outcome).toEqual({ ok: false, brokenAt: { seq: 6_123, kind: 'hash', reason: 'hash does not match the event content' } });
  });
});
