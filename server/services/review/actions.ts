// What a supervisor changes on a verification: notes, flags, and a reveal of the CPR number. Each is
// one audit event in the same transaction as the change, and carries the person's subject HMAC so the
// person access log shows it.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ApiError, errorCodes, type ReviewNote } from '../../../shared/api/index';
import { formatCpr } from '../../../shared/domain/cpr/index';
import { reviewNotes } from '../../db/schema/review';
import { users } from '../../db/schema/users';
import { verifications } from '../../db/schema/verifications';
import type { Tx } from '../../db/types';
import { appendAuditEvents } from '../audit/append';
import { notFound } from './detail';

async function lockVerification(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: verifications.id, subjectHmac: verifications.subjectHmac, cprSealed: verifications.cprSealed, flagged: verifications.flagged })
    .from(verifications)
    .where(eq(verifications.id, id))
    .for('update');
  if (!row) throw notFound();
  return row;
}

export async function addNote(tx: Tx, args: { verificationId: string; authorId: string; text: string; at: Date }): Promise<ReviewNote> {
  const v = await lockVerification(tx, args.verificationId);
  const id = randomUUID();
  await tx.insert(reviewNotes).values({ id, verificationId: v.id, authorId: args.authorId, createdAt: args.at, text: args.text });
  // The note may mention the caller: the audit log records that a note was written, not what it says.
  await appendAuditEvents(tx, [{
    actor: args.authorId,
    action: 'review.note_added',
    verificationId: v.id,
    subjectHmac: v.subjectHmac,
    payload: { noteId: id, length: args.text.length },
    occurredAt: args.at,
  }]);
  const [author] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, args.authorId));
  return { id, author: { id: args.authorId, displayName: author?.displayName ?? null }, createdAt: args.at.toISOString(), text: args.text };
}

export async function setFlag(
  tx: Tx,
  args: { verificationId: string; actorId: string; flagged: boolean; reason: string; at: Date },
): Promise<{ flagged: boolean; reason: string | null }> {
  const v = await lockVerification(tx, args.verificationId);
  const reason = args.flagged ? args.reason : null;
  // Not the engine's `version`: a flag is not a step of the call, so it must not fail an agent's answer.
  await tx.update(verifications).set({ flagged: args.flagged, flagReason: reason }).where(eq(verifications.id, v.id));
  await appendAuditEvents(tx, [{
    actor: args.actorId,
    action: args.flagged ? 'review.flagged' : 'review.flag_cleared',
    verificationId: v.id,
    subjectHmac: v.subjectHmac,
    payload: { reason: args.reason, wasFlagged: v.flagged },
    occurredAt: args.at,
  }]);
  return { flagged: args.flagged, reason };
}

export async function revealCpr(
  tx: Tx,
  args: { verificationId: string; actorId: string; reason: string; at: Date; unseal: (sealed: string, verificationId: string) => string },
): Promise<{ cpr: string }> {
  const v = await lockVerification(tx, args.verificationId);
  if (!v.cprSealed) throw new ApiError(409, errorCodes.conflict, 'This verification holds no CPR number to reveal.');
  const cpr = args.unseal(v.cprSealed, v.id).replace(/[\s-]/g, '');
  // Who, when, why and whom: written before the number leaves, in the same transaction.
  await appendAuditEvents(tx, [{
    actor: args.actorId,
    action: 'review.cpr_revealed',
    verificationId: v.id,
    subjectHmac: v.subjectHmac,
    payload: { reason: args.reason },
    occurredAt: args.at,
  }]);
  return { cpr: formatCpr(cpr) };
}
