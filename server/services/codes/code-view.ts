// What the agent sees of a code: its state, the masked number and the expiry. Never the code.
import { desc, eq } from 'drizzle-orm';
import type { CodeStatus, CodeView } from '../../../shared/api/index';
import { activationCodes } from '../../db/schema/verifications';
import type { Database, Tx } from '../../db/types';
import { noCode } from '../verification/view';

export type CodeRow = typeof activationCodes.$inferSelect;

/** The status follows from the columns; expiry and blocking need no job to happen. */
export function codeStatusOf(row: CodeRow, now: Date): CodeStatus {
  if (row.usedAt) return 'redeemed';
  if (row.deliveryStatus === 'delivery_failed' || row.revokeReason === 'delivery_failed') return 'delivery_failed';
  if (row.revokedAt) return 'revoked';
  if (row.attempts >= row.maxAttempts) return 'blocked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  // 'sending' (a remote gateway call in flight) shows as sent: the code may well be on its way.
  return 'sent';
}

export function toCodeView(row: CodeRow | undefined, now: Date): CodeView {
  if (!row) return noCode;
  return {
    status: codeStatusOf(row, now),
    maskedMobile: row.maskedMobile,
    expiresAt: row.expiresAt.toISOString(),
    maxAttempts: row.maxAttempts,
  };
}

/** The CodeView of a verification, for the engine's view mapping (toVerificationView). */
export async function codeViewFor(db: Database | Tx, verificationId: string, now: Date): Promise<CodeView> {
  const [row] = await db
    .select()
    .from(activationCodes)
    .where(eq(activationCodes.verificationId, verificationId))
    .orderBy(desc(activationCodes.issuedAt))
    .limit(1);
  return toCodeView(row, now);
}
