import type { Policy } from '../../../shared/domain/policy/index';

export interface ThrottleRow {
  failedCount: number;
  /** No sign-in is accepted before this: a lockout, or the delay after a failure past the threshold. */
  lockedUntil: Date | null;
}

/**
 * Whether sign-ins are refused now ('locked': the lockout; 'throttled': a failure's delay still runs),
 * and the failure count to build on. An expired lockout starts afresh; an expired delay keeps the count.
 */
export function throttleState(
  row: ThrottleRow,
  now: Date,
  policy: Policy['login'],
): { locked: boolean; reason: 'locked' | 'throttled' | null; failedCount: number } {
  const lockout = row.failedCount >= policy.lockAfterFailures;
  if (row.lockedUntil && row.lockedUntil > now) return { locked: true, reason: lockout ? 'locked' : 'throttled', failedCount: row.failedCount };
  return { locked: false, reason: null, failedCount: row.lockedUntil && lockout ? 0 : row.failedCount };
}

/**
 * The state after one more failure: locked when the count reaches the policy's limit; past the delay
 * threshold, refused until the delay has run. Kept in the row (not in the waiting request), so
 * parallel guesses, on any instance, queue on the row lock and all but the first meet the refusal
 * instead of each being checked and each waiting its own delay.
 */
export function afterFailure(
  failedCount: number,
  now: Date,
  policy: Policy['login'],
): { failedCount: number; lockedUntil: Date | null; lockedNow: boolean } {
  const next = failedCount + 1;
  if (next >= policy.lockAfterFailures) return { failedCount: next, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000), lockedNow: true };
  const delay = failureDelayMs(next, policy);
  return { failedCount: next, lockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null, lockedNow: false };
}

/** How long to wait before answering a failure: doubling from the first failure past the threshold. */
export function failureDelayMs(failedCount: number, policy: Policy['login']): number {
  const over = failedCount - policy.delayAfterFailures;
  if (over <= 0) return 0;
  return Math.min(policy.delayMaxMs, policy.delayBaseMs * 2 ** Math.min(over - 1, 20));
}
