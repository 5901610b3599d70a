// A planned question as asked: the row to insert, and what its audit event says of it.
import { randomUUID } from 'node:crypto';
import type { PlannedQuestion } from './plan';
import { questionKinds } from './question-kinds';
import type { QuestionRow } from './view';

export function questionRow(verificationId: string, seq: number, q: PlannedQuestion, now: Date): QuestionRow {
  return {
    verificationId,
    seq,
    questionId: randomUUID(),
    kind: q.kind,
    answerFormat: questionKinds[q.kind].answerFormat,
    params: q.params,
    strength: q.strength,
    askedAt: now,
    answeredAt: null,
    score: null,
    dontKnow: null,
    timeTakenMs: null,
  };
}

export function askedPayload(q: Pick<QuestionRow, 'seq' | 'kind' | 'strength'>): Record<string, unknown> {
  return { seq: q.seq, kind: q.kind, strength: q.strength };
}
