// After each answer: pass, fail, or ask the next question. Pure, so the rule is tested on its own.
import type { VerificationPolicy } from '../../../shared/domain/policy/index';
import { fullyCorrectScore, type Knowledge } from './question-kinds';

export interface Tally {
  answered: number;
  correct: number;
  /** Fully correct answers to private questions (question-kinds.ts `knowledge`); absent counts as 0. */
  privateCorrect?: number;
  /** Σ strength × score over the answered questions. */
  scoreWeight: number;
  /** Σ strength over the answered questions. */
  totalWeight: number;
}

export type Decision = { next: 'ask' } | { next: 'end'; status: 'passed'; reason: 'passed' } | { next: 'end'; status: 'failed'; reason: 'too_few_correct' };

type Rules = Pick<VerificationPolicy, 'questionCount' | 'extraQuestions' | 'passThreshold' | 'minCorrect'> &
  Partial<Pick<VerificationPolicy, 'minPrivateCorrect'>>;

/** A question not yet asked: its strength and whether it is private; a bare strength is a private question. */
export type Remaining = number | { strength: number; knowledge: Knowledge };

// Floating-point sums of weights like 0.75 must not miss the threshold by 1e-16.
const epsilon = 1e-9;

export function addAnswer(t: Tally, strength: number, score: number, knowledge: Knowledge = 'private'): Tally {
  const correct = score >= fullyCorrectScore ? 1 : 0;
  return {
    answered: t.answered + 1,
    correct: t.correct + correct,
    privateCorrect: (t.privateCorrect ?? 0) + (knowledge === 'private' ? correct : 0),
    scoreWeight: t.scoreWeight + strength * score,
    totalWeight: t.totalWeight + strength,
  };
}

export function meetsPass(t: Tally, rules: Rules): boolean {
  return (
    t.correct >= rules.minCorrect &&
    (t.privateCorrect ?? 0) >= (rules.minPrivateCorrect ?? 0) &&
    t.totalWeight > 0 &&
    t.scoreWeight + epsilon >= rules.passThreshold * t.totalWeight
  );
}

/**
 * `remaining` are the strengths of the planned questions not yet asked, in order. The base questions are
 * always all asked (ending early would tell the agent an answer was wrong). Then: pass if the rule is met;
 * otherwise an extra question only while answering every remaining extra fully correctly could still pass.
 */
export function decide(t: Tally, remaining: readonly Remaining[], rules: Rules): Decision {
  if (t.answered < rules.questionCount && remaining.length > 0) return { next: 'ask' };
  if (meetsPass(t, rules)) return { next: 'end', status: 'passed', reason: 'passed' };
  const extrasLeft = remaining.slice(0, Math.max(0, rules.questionCount + rules.extraQuestions - t.answered));
  if (extrasLeft.length === 0) return { next: 'end', status: 'failed', reason: 'too_few_correct' };
  const best = extrasLeft.reduce<Tally>(
    (acc, r) => (typeof r === 'number' ? addAnswer(acc, r, 1) : addAnswer(acc, r.strength, 1, r.knowledge)),
    t,
  );
  return meetsPass(best, rules) ? { next: 'ask' } : { next: 'end', status: 'failed', reason: 'too_few_correct' };
}
