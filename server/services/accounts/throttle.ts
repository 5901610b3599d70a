import type { Policy } from '../../../shared/domain/policy/index';

export interface ThrottleRow {
  failedCount: number;
  lockedUntil: Date | null;
}

/** Whether the account is locked now, and the failure count to build on (an expired lock starts afresh). */
export function throttleState(row: ThrottleRow, now: Date): { locked: boolean; failedCount: number } {
  if (row.lockedUntil && row.lockedUntil > now) return { locked: true, failedCount: row.failedCount };
  return { locked: false, failedCount: row.lockedUntil ? 0 : row.failedCount };
}

/** The state after one more failure: locked when the count reaches the policy's limit. */
export function afterFailure(failedCount: number, now: Date, policy: Policy['login']): { failedCount: number; lockedUntil: Date | null } {
  const next = failedCount + 1;
  return { failedCount: next, lockedUntil: next >= policy.lockAfterFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null };
}

/** How long to wait before answering a failure: doubling from the first failure past the threshold. */
export function failureDelayMs(failedCount: number, policy: Policy['login']): number {
  const over = failedCount - policy.delayAfterFailures;
  if (over <= 0) return 0;
  return Math.min(policy.delayMaxMs, policy.delayBaseMs * 2 ** Math.min(over - 1, 20));
}
