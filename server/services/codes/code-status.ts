// The one rule for an activation code's state (as Ory Kratos keeps the validity rule on the code type):
// the agent's screen, My calls, the supervisor log and redemption all ask this module, and the SQL that
// picks live codes is built here from the same columns (test/unit/server/services/codes/code-status.test.ts
// checks the two agree).
import { and, gt, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { CodeStatus } from '../../../shared/api/index';
import { activationCodes, type deliveryStatuses } from '../../db/schema/verifications';

type DeliveryStatus = (typeof deliveryStatuses)[number];

/** The columns a code's state follows from; nothing runs at expires_at, so expiry and blocking are derived. */
export interface CodeStateColumns {
  usedAt: Date | null;
  revokedAt: Date | null;
  /** Why revokedAt is set: 'superseded' (a newer code for the same MitID user), 'supervisor', 'delivery_failed'. */
  revokeReason: string | null;
  deliveryStatus: DeliveryStatus;
  attempts: number;
  maxAttempts: number;
  expiresAt: Date;
}

export const revokeReasons = { superseded: 'superseded', supervisor: 'supervisor', deliveryFailed: 'delivery_failed' } as const;
const deliveryFailed = 'delivery_failed';

/**
 * A code's state: the first thing that ended its life wins. Redemption needs a live code, so a used
 * code is redeemed. A failed delivery ends it at issue (it is also revoked then, with that reason). Attempts
 * are only counted while the code is live, so a blocked code was blocked before anything revoked it.
 * A revoked code stays revoked (superseded when a newer code replaced it) after its expiry passes.
 * 'sending' (a remote gateway call in flight) shows as sent: the code may well be on its way.
 */
export function codeStatus(code: CodeStateColumns | null | undefined, now: Date): CodeStatus {
  if (!code) return 'none';
  if (code.usedAt) return 'redeemed';
  if (code.deliveryStatus === deliveryFailed) return 'delivery_failed';
  if (code.attempts >= code.maxAttempts) return 'blocked';
  if (code.revokedAt) return code.revokeReason === revokeReasons.superseded ? 'superseded' : 'revoked';
  if (code.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'sent';
}

/** Live: a code that can still be redeemed (and so can be revoked or superseded). */
export function isLiveCode(code: CodeStateColumns | null | undefined, now: Date): boolean {
  return codeStatus(code, now) === 'sent';
}

/**
 * Neither used, revoked nor expired: the code's own columns say it may still be used. `liveCodeWhere`
 * adds the attempt limit; the consuming UPDATE of redemption uses this with `attempts <= max` instead,
 * because its attempt is already counted.
 */
export function openCodeWhere(now: Date): SQL {
  return and(isNull(activationCodes.usedAt), isNull(activationCodes.revokedAt), gt(activationCodes.expiresAt, now)) as SQL;
}

/** The SQL form of isLiveCode. */
export function liveCodeWhere(now: Date): SQL {
  return and(
    openCodeWhere(now),
    sql`${activationCodes.attempts} < ${activationCodes.maxAttempts}`,
    // A failed delivery also sets revoked_at; this term keeps the SQL equal to codeStatus for any row.
    ne(activationCodes.deliveryStatus, deliveryFailed),
  ) as SQL;
}
