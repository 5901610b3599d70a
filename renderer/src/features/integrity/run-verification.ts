// Drives the audit check range by range, so the screen can show progress and the server keeps no job.
import type { ChainBreak, ConsoleApi } from '../../../../shared/api/index';

/** staged: events group commit has staged but not yet chained, when any (normally none for more than a moment). */
type Staged = { count: number; oldestSeconds: number } | null;
export type VerifyOutcome = { ok: true; count: number; headHash: string | null; staged: Staged } | { ok: false; brokenAt: { seq: number; kind: ChainBreak; reason: string } };

export async function runAuditVerification(
  api: Pick<ConsoleApi, 'verifyAuditRange'>,
  onProgress: (checked: number, total: number) => void,
  options: { rangeSize?: number; signal?: AbortSignal } = {},
): Promise<VerifyOutcome> {
  let fromSeq = 1;
  let checked = 0;
  for (;;) {
    if (options.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    const range = await api.verifyAuditRange({ fromSeq, limit: options.rangeSize ?? 5_000 });
    checked += range.checked;
    onProgress(checked, Math.max(range.headSeq, checked));
    if (!range.ok && range.brokenAt) return { ok: false, brokenAt: range.brokenAt };
    if (range.done) return { ok: true, count: checked, headHash: range.lastHash, staged: range.staged && range.staged.count > 0 ? range.staged : null };
    fromSeq = range.nextSeq;
  }
}
