// A code's status as a supervisor sees it, from its row and the time now. The order matters: a revoked
// code stays revoked even if it had expired since, a used one stays redeemed.
import type { CodeStatus } from '../../../shared/api/index';

export interface CodeStateColumns {
  expiresAt: Date;
  attempts: number;
  maxAttempts: number;
  usedAt: Date | null;
  revokedAt: Date | null;
  deliveryStatus: string;
}

export function codeStatusAt(code: CodeStateColumns | null, now: Date): CodeStatus {
  if (!code) return 'none';
  if (code.usedAt) return 'redeemed';
  if (code.revokedAt) return 'revoked';
  if (code.attempts >= code.maxAttempts) return 'blocked';
  if (code.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (code.deliveryStatus === 'delivery_failed') return 'delivery_failed';
  return 'sent';
}
