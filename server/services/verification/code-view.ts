// The state of a verification's activation code as the agent sees it (never the code): derived from its row.
import type { CodeStatus, CodeView } from '../../../shared/api/index';
import type { activationCodes } from '../../db/schema/verifications';
import { noCode } from './view';

export type ActivationCodeRow = Pick<
  typeof activationCodes.$inferSelect,
  'usedAt' | 'revokedAt' | 'attempts' | 'maxAttempts' | 'expiresAt' | 'deliveryStatus' | 'maskedMobile'
>;

/** Redeemed before blocked before revoked before a failed delivery before expired; else sent. */
export function codeStatusOf(row: ActivationCodeRow | null | undefined, now: Date): CodeStatus {
  if (!row) return 'none';
  if (row.usedAt) return 'redeemed';
  if (row.attempts >= row.maxAttempts) return 'blocked';
  if (row.revokedAt) return 'revoked';
  if (row.deliveryStatus === 'delivery_failed') return 'delivery_failed';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'sent';
}

export function toCodeView(row: ActivationCodeRow | null | undefined, now: Date): CodeView {
  if (!row) return noCode;
  return { status: codeStatusOf(row, now), maskedMobile: row.maskedMobile, expiresAt: row.expiresAt.toISOString(), maxAttempts: row.maxAttempts };
}
