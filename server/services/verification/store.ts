// The verification's persistence: every SQL statement of the verification operations (start, answer,
// abort, listMine) lives here; the rules live in those modules. Ownership (404 for anyone but its
// agent), lazy expiry, and the agent's view of a row.
import { and, desc, eq, gte, isNotNull, isNull, lte } from 'drizzle-orm';
import { ApiError, errorCodes, type VerificationView } from '../../../shared/api/index';
import { activationCodes, verificationQuestions, verifications } from '../../db/schema/verifications';
import type { Database, Tx } from '../../db/types';
import type { AuditEventInput } from '../audit/append';
import { toCodeView } from '../codes/code-view';
import { cosignViewFor } from '../cosign/store';
import { toVerificationView, type QuestionRow, type VerificationRow } from './view';

export const notFoundMessage = 'No such verification.';

/** The verification if this agent started it; otherwise 404, the same as for one that does not exist. */
export async function loadOwned(db: Database | Tx, id: string, agentId: string): Promise<VerificationRow> {
  const [row] = await db
    .select()
    .from(verifications)
    .where(and(eq(verifications.id, id), eq(verifications.agentId, agentId)));
  if (!row) throw new ApiError(404, errorCodes.notFound, notFoundMessage);
  return row;
}

/**
 * Ends a verification whose time ran out (compare-and-set on its version, so two readers record it once).
 * Returns the row as it now stands; its `verification.expired` event goes into `audit` (the caller appends).
 */
export async function expireIfDue(tx: Tx, row: VerificationRow, now: Date, audit: AuditEventInput[]): Promise<VerificationRow> {
  if (row.status !== 'in_progress' || now.getTime() < row.expiresAt.getTime()) return row;
  const updated = await updateIfUnchanged(tx, row, { status: 'expired', outcomeReason: 'expired', endedAt: row.expiresAt });
  if (!updated) {
    const [current] = await tx.select().from(verifications).where(eq(verifications.id, row.id));
    return current ?? row;
  }
  audit.push({
    actor: 'system',
    action: 'verification.expired',
    subjectHmac: row.subjectHmac,
    verificationId: row.id,
    payload: { status: 'expired', reason: 'expired', answered: row.answeredCount, agentId: row.agentId },
    occurredAt: now,
  });
  return updated;
}

/** The agent's view of the row: the open question while in progress, the code once passed. */
export async function viewOf(db: Database | Tx, row: VerificationRow, now: Date): Promise<VerificationView> {
  if (row.status === 'in_progress') {
    const [current] = await db
      .select()
      .from(verificationQuestions)
      .where(and(eq(verificationQuestions.verificationId, row.id), isNull(verificationQuestions.answeredAt)))
      .orderBy(desc(verificationQuestions.seq))
      .limit(1);
    return toVerificationView(row, current ?? null);
  }
  if (row.status === 'passed') {
    const [code] = await db.select().from(activationCodes).where(eq(activationCodes.verificationId, row.id));
    return toVerificationView(row, null, toCodeView(code, now), await cosignViewFor(db, row.id));
  }
  // A referral may come from a co-sign denied or unanswered: the agent sees which.
  if (row.status === 'refer') return toVerificationView(row, null, undefined, await cosignViewFor(db, row.id));
  return toVerificationView(row, null);
}

/** A new verification, and its first question when it goes on to ask one. */
export async function insertVerification(
  tx: Tx,
  row: typeof verifications.$inferInsert,
  firstQuestion: QuestionRow | null,
): Promise<VerificationRow> {
  const [saved] = await tx.insert(verifications).values(row).returning();
  if (firstQuestion) await tx.insert(verificationQuestions).values(firstQuestion);
  return saved as VerificationRow;
}

/** The verification (if this agent's) and the question answered, in one round trip. */
export async function loadForAnswer(
  tx: Tx,
  args: { id: string; questionId: string; agentId: string },
): Promise<{ v: VerificationRow; q: QuestionRow | null } | undefined> {
  const [found] = await tx
    .select({ v: verifications, q: verificationQuestions })
    .from(verifications)
    .leftJoin(
      verificationQuestions,
      and(eq(verificationQuestions.verificationId, verifications.id), eq(verificationQuestions.questionId, args.questionId)),
    )
    .where(and(eq(verifications.id, args.id), eq(verifications.agentId, args.agentId)));
  return found;
}

type VerificationChange = Partial<Omit<typeof verifications.$inferInsert, 'id' | 'version'>>;

/**
 * Compare-and-set: changes the row only if it is still in progress at the version read (and raises
 * the version). Null when another request changed it first.
 */
export async function updateIfUnchanged(tx: Tx, row: VerificationRow, change: VerificationChange): Promise<VerificationRow | null> {
  const [updated] = await tx
    .update(verifications)
    .set({ ...change, version: row.version + 1 })
    .where(and(eq(verifications.id, row.id), eq(verifications.version, row.version), eq(verifications.status, 'in_progress')))
    .returning();
  return updated ?? null;
}

/** Records the answer on its question (never the answer itself) and inserts the next question, if any. */
export async function recordAnswered(
  tx: Tx,
  args: { verificationId: string; seq: number; answeredAt: Date; score: number; dontKnow: boolean; timeTakenMs: number; next: QuestionRow | null },
): Promise<void> {
  await tx
    .update(verificationQuestions)
    .set({ answeredAt: args.answeredAt, score: args.score, dontKnow: args.dontKnow, timeTakenMs: args.timeTakenMs })
    .where(and(eq(verificationQuestions.verificationId, args.verificationId), eq(verificationQuestions.seq, args.seq)));
  if (args.next) await tx.insert(verificationQuestions).values(args.next);
}

/** The scores of a verification's answered questions, by question number. */
export async function answeredScores(tx: Tx, verificationId: string): Promise<{ seq: number; score: number | null }[]> {
  return tx
    .select({ seq: verificationQuestions.seq, score: verificationQuestions.score })
    .from(verificationQuestions)
    .where(and(eq(verificationQuestions.verificationId, verificationId), isNotNull(verificationQuestions.answeredAt)));
}

/** This agent's verifications still in progress whose time ran out. */
export async function dueToExpire(tx: Tx, agentId: string, now: Date): Promise<VerificationRow[]> {
  return tx
    .select()
    .from(verifications)
    .where(and(eq(verifications.agentId, agentId), eq(verifications.status, 'in_progress'), lte(verifications.expiresAt, now)));
}

/** This agent's verifications started since `since`, newest first, each with its code (if any). */
export async function startedSince(tx: Tx, agentId: string, since: Date) {
  return tx
    .select({ v: verifications, code: activationCodes })
    .from(verifications)
    .leftJoin(activationCodes, eq(activationCodes.verificationId, verifications.id))
    .where(and(eq(verifications.agentId, agentId), gte(verifications.startedAt, since)))
    .orderBy(desc(verifications.startedAt), desc(verifications.id));
}
