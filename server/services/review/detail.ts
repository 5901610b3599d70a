// One verification for review: the row, its questions (never answer text), the code's life, notes,
// flags, velocity signals and its audit timeline.
import { asc, eq, sql } from 'drizzle-orm';
import { ApiError, errorCodes, type VerificationDetail } from '../../../shared/api/index';
import { auditEvents } from '../../db/schema/audit';
import { reviewNotes } from '../../db/schema/review';
import { activationCodes, velocitySignals, verificationQuestions } from '../../db/schema/verifications';
import { queryRows } from '../../db/rows';
import type { Database, Tx } from '../../db/types';
import { actorNames } from './actors';
import { codeStatus } from '../codes/code-status';
import { queryLogPage, type LogDbRow } from './log-query';
import { auditEventViews } from './timeline';

export const notFound = () => new ApiError(404, errorCodes.notFound, 'No such verification.');

export async function loadVerificationDetail(db: Database | Tx, id: string, now: Date): Promise<VerificationDetail> {
  const [extra] = await queryRows<LogDbRow & { identified: boolean; call_language: string; expires_at: Date | string; max_questions: number; correct_count: number; sealed: boolean; flag_reason: string | null }>(
    db,
    sql`select v.identified, v.call_language, v.expires_at, v.max_questions, v.correct_count, v.cpr_sealed is not null as sealed, v.flag_reason
        from verifications v where v.id = ${id}`,
  );
  if (!extra) throw notFound();
  const { items } = await queryLogPage(db, { filter: { verificationId: id }, sort: { field: 'startedAt', direction: 'desc' }, page: 0, pageSize: 1, countLimit: 0, now });
  const summary = items[0];
  if (!summary) throw notFound();

  const [questions, codes, notes, signals, timeline] = await Promise.all([
    db.select().from(verificationQuestions).where(eq(verificationQuestions.verificationId, id)).orderBy(asc(verificationQuestions.seq)),
    db.select().from(activationCodes).where(eq(activationCodes.verificationId, id)),
    db.select().from(reviewNotes).where(eq(reviewNotes.verificationId, id)).orderBy(asc(reviewNotes.createdAt)),
    db.select().from(velocitySignals).where(eq(velocitySignals.verificationId, id)).orderBy(asc(velocitySignals.detectedAt)),
    auditEventViews(db, eq(auditEvents.verificationId, id)),
  ]);
  const code = codes[0];
  const actor = await actorNames(db, [...notes.map((n) => n.authorId), ...(code ? [code.issuedBy] : [])]);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

  return {
    summary,
    identified: extra.identified,
    callLanguage: extra.call_language,
    expiresAt: toDate(extra.expires_at).toISOString(),
    maxQuestions: Number(extra.max_questions),
    correctCount: Number(extra.correct_count),
    cprRevealable: extra.sealed,
    questions: questions.map((q) => ({
      seq: q.seq,
      kind: q.kind as VerificationDetail['questions'][number]['kind'],
      strength: q.strength,
      score: q.score,
      dontKnow: q.dontKnow,
      askedAt: q.askedAt.toISOString(),
      answeredAt: iso(q.answeredAt),
      timeTakenMs: q.timeTakenMs,
    })),
    code: code
      ? {
          status: codeStatus(code, now),
          issuedAt: code.issuedAt.toISOString(),
          issuedBy: actor(code.issuedBy),
          expiresAt: code.expiresAt.toISOString(),
          attempts: code.attempts,
          maxAttempts: code.maxAttempts,
          usedAt: iso(code.usedAt),
          revokedAt: iso(code.revokedAt),
          revokeReason: code.revokeReason,
          maskedMobile: code.maskedMobile,
        }
      : null,
    notes: notes.map((n) => ({ id: n.id, author: actor(n.authorId), createdAt: n.createdAt.toISOString(), text: n.text })),
    flag: { flagged: summary.flagged, reason: extra.flag_reason },
    velocitySignals: signals.map((s) => ({ id: s.id, kind: s.kind, detectedAt: s.detectedAt.toISOString(), details: s.details })),
    timeline,
  };
}
