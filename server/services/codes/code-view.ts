// What the agent sees of a code: its state, the masked number and the expiry. Never the code.
import { desc, eq } from 'drizzle-orm';
import type { CodeView } from '../../../shared/api/index';
import { activationCodes } from '../../db/schema/verifications';
import type { Database, Tx } from '../../db/types';
import { codeStatus, type CodeStateColumns } from './code-status';

export type CodeRow = typeof activationCodes.$inferSelect;

export const noCode: CodeView = { status: 'none', maskedMobile: null, expiresAt: null, maxAttempts: null };

export function toCodeView(row: (CodeStateColumns & Pick<CodeRow, 'maskedMobile'>) | null | undefined, now: Date): CodeView {
  if (!row) return noCode;
  return {
    status: codeStatus(row, now),
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
