// Reading a verification back: ownership (404 for anyone but its agent), lazy expiry, and the agent's view.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { ApiError, errorCodes, type VerificationView } from '../../../shared/api/index';
import { activationCodes, verificationQuestions, verifications } from '../../db/schema/verifications';
import type { Database, Tx } from '../../db/types';
import { appendAuditEvent } from '../audit/append';
import { toCodeView } from '../codes/code-view';
import { toVerificationView, type VerificationRow } from './view';

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
 * Returns the row as it now stands.
 */
export async function expireIfDue(tx: Tx, row: VerificationRow, now: Date): Promise<VerificationRow> {
  if (row.status !== 'in_progress' || now.getTime() < row.expiresAt.getTime()) return row;
  const [updated] = await tx
    .update(verifications)
    .set({ status: 'expired', outcomeReason: 'expired', endedAt: row.expiresAt, version: row.version + 1 })
    .where(and(eq(verifications.id, row.id), eq(verifications.version, row.version), eq(verifications.status, 'in_progress')))
    .returning();
  if (!updated) {
    const [current] = await tx.select().from(verifications).where(eq(verifications.id, row.id));
    return current ?? row;
  }
  await appendAuditEvent(tx, {
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
    return toVerificationView(row, null, toCodeView(code, now));
  }
  return toVerificationView(row, null);
}
