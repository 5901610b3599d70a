// How many private questions (question-kinds.ts `knowledge`) a call has answered fully correctly so far.
// Read from the scored questions (store.ts answeredScores) rather than kept in a column: it is needed only
// once the base questions are done, and each question row already holds its score.
import type { Knowledge } from './question-kinds';
import { fullyCorrectScore, questionKinds } from './question-kinds';
import type { VerificationPlan } from './plan';

export function knowledgeOf(kind: string): Knowledge {
  return questionKinds[kind as keyof typeof questionKinds]?.knowledge ?? 'acquaintance';
}

/** Fully correct answers to private questions among the answered questions of the plan. */
export function privateCorrectOf(answered: readonly { seq: number; score: number | null }[], plan: VerificationPlan): number {
  return answered.filter((r) => {
    const planned = plan.questions[r.seq - 1];
    return planned && knowledgeOf(planned.kind) === 'private' && (r.score ?? 0) >= fullyCorrectScore;
  }).length;
}
