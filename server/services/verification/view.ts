// What the agent may see of a verification: built here only, from the row, the current question and the
// code's state. Expected answers, per-question scores and the CPR number in clear never reach this function.
import type { CodeView, CosignView, QuestionView, VerificationView } from '../../../shared/api/index';
import { noCode } from '../codes/code-view';
import type { verificationQuestions, verifications } from '../../db/schema/verifications';

export type VerificationRow = typeof verifications.$inferSelect;
export type QuestionRow = typeof verificationQuestions.$inferSelect;

export function toQuestionView(q: QuestionRow): QuestionView {
  return {
    id: q.questionId,
    kind: q.kind as QuestionView['kind'],
    answerFormat: q.answerFormat as QuestionView['answerFormat'],
    params: q.params,
    number: q.seq,
  };
}

/** The agent's view. `current` is the unanswered question, if the verification is still in progress. */
export function toVerificationView(row: VerificationRow, current: QuestionRow | null, code: CodeView = noCode, cosign: CosignView | null = null): VerificationView {
  const inProgress = row.status === 'in_progress';
  return {
    id: row.id,
    status: row.status as VerificationView['status'],
    callLanguage: row.callLanguage as VerificationView['callLanguage'],
    maskedCpr: row.identified ? row.maskedCpr : null,
    documentType: row.documentType as VerificationView['documentType'],
    startedAt: row.startedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    endedAt: row.endedAt ? row.endedAt.toISOString() : null,
    progress: { answered: row.answeredCount, maxQuestions: row.maxQuestions },
    currentQuestion: inProgress && current ? toQuestionView(current) : null,
    outcome: row.outcomeReason ? { reason: row.outcomeReason as NonNullable<VerificationView['outcome']>['reason'] } : null,
    notices: (row.plan as { notices?: VerificationView['notices'] } | null)?.notices ?? [],
    code,
    redFlags: row.redFlags,
    cosign,
    phoneCall: row.callId && row.callerNumber ? { callId: row.callId, callerNumber: row.callerNumber } : null,
  };
}
