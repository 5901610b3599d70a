// How many private questions (question-kinds.ts `knowledge`) a call has answered fully correctly so far.
// Read from the scored questions rather than kept in a column: it is needed only once the base questions
// are done, and each question row already holds its score.
import { and, eq, isNotNull } from 'drizzle-orm';
import { verificationQuestions } from '../../db/schema/verifications';
import type { Tx } from '../../db/types';
import type { Knowledge } from './question-kinds';
import { fullyCorrectScore, questionKinds } from './question-kinds';
import type { VerificationPlan } from './plan';

export function knowledgeOf(kind: string): Knowledge {
  return questionKinds[kind as keyof typeof questionKinds]?.knowledge ?? 'acquaintance';
}

/** Fully correct answers to private questions among the questions of the plan answered before now. */
export async function privateCorrectSoFar(tx: Tx, verificationId: string, plan: VerificationPlan): Promise<number> {
  const rows = await tx
    .select({ seq: verificationQuestions.seq, score: verificationQuestions.score })
    .from(verificationQuestions)
    .where(and(eq(verificationQuestions.verificationId, verificationId), isNotNull(verificationQuestions.answeredAt)));
  return rows.filter((r) => {
    const planned = plan.questions[r.seq - 1];
    return planned && knowledgeOf(planned.kind) === 'private' && (r.score ?? 0) >= fullyCorrectScore;
  }).length;
}
