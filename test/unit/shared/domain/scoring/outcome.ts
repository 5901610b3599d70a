// Outcome classes the tables state by hand, independently of the scorer's arithmetic.
import { expect } from 'vitest';

export type Outcome = 'accept' | 'reduce' | 'reject';

/** accept: the answer counts (≥ 0.85); reduce: something given contradicts (0 < s ≤ 0.5); reject: 0. */
export function expectOutcome(score: number, outcome: Outcome, label: string): void {
  if (outcome === 'accept') expect(score, label).toBeGreaterThanOrEqual(0.85);
  else if (outcome === 'reduce') {
    expect(score, label).toBeGreaterThan(0);
    expect(score, label).toBeLessThanOrEqual(0.5);
  } else expect(score, label).toBe(0);
  expect(score, label).toBeLessThanOrEqual(1);
}

export interface Row<F> {
  answer: string;
  fact: F;
  outcome: Outcome;
}
