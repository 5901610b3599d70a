// After each answer: pass, fail, or ask the next question. Pure, so the rule is tested on its own.
import type { VerificationPolicy } from '../../../shared/domain/policy/index';
import { fullyCorrectScore } from './question-kinds';

export interface Tally {
  answered: number;
  correct: number;
  /** Σ strength × score over the answered questions. */
  scoreWeight: number;
  /** Σ strength over the answered questions. */
  totalWeight: number;
}

export type Decision = { next: 'ask' } | { next: 'end'; status: 'passed'; reason: 'passed' } | { next: 'end'; status: 'failed'; reason: 'too_few_correct' };

type Rules = Pick<VerificationPolicy, 'questionCount' | 'extraQuestions' | 'passThreshold' | 'minCorrect'>;

// Floating-point sums of weights like 0.75 must not miss the threshold by 1e-16.
const epsilon = 1e-9;

export function addAnswer(t: Tally, strength: number, score: number): Tally {
  return {
    answered: t.answered + 1,
    correct: t.correct + (score >= fullyCorrectScore ? 1 : 0),
    scoreWeight: t.scoreWeight + strength * score,
    totalWeight: t.totalWeight + strength,
  };
}

export function meetsPass(t: Tally, rules: Rules): boolean {
  return t.correct >= rules.minCorrect && t.totalWeight > 0 && t.scoreWeight + epsilon >= rules.passThreshold * t.totalWeight;
}

/**
 * `remaining` are the strengths of the planned questions not yet asked, in order. The base questions are
 * always all asked (ending early would tell the agent an answer was wrong). Then: pass if the rule is met;
 * otherwise an extra question only while answering every remaining extra fully correctly could still pass.
 */
export function decide(t: Tally, remaining: readonly number[], rules: Rules): Decision {
  if (t.answered < rules.questionCount && remaining.length > 0) return { next: 'ask' };
  if (meetsPass(t, rules)) return { next: 'end', status: 'passed', reason: 'passed' };
  const extrasLeft = remaining.slice(0, Math.max(0, rules.questionCount + rules.extraQuestions - t.answered));
  if (extrasLeft.length === 0) return { next: 'end', status: 'failed', reason: 'too_few_correct' };
  const best = extrasLeft.reduce((acc, strength) => addAnswer(acc, strength, 1), t);
  return meetsPass(best, rules) ? { next: 'ask' } : { next: 'end', status: 'failed', reason: 'too_few_correct' };
}
