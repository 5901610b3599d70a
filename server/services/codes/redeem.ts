// The caller redeems a code on the activation page and sets a new MitID password.
// Order matters (Ory Kratos' code persister): attempts are counted first, in their own statement,
// then the code is consumed by ONE conditional UPDATE that also compares the HMAC, so two requests
// can never both succeed and a wrong guess is always counted. Failures all look alike.
import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import { ApiError } from '../../../shared/api/index';
import { maskCpr } from '../../../shared/domain/cpr/index';
import { brokenPasswordRules, normaliseUserId } from '../../../shared/domain/mitid/index';
import { registerMitid } from '../../db/schema/register';
import { activationCodes } from '../../db/schema/verifications';
import type { Tx } from '../../db/types';
import { hashPassword } from '../accounts/password';
import { normaliseCode } from './code-secret';
import { codeStatus, liveCodeWhere, openCodeWhere } from './code-status';
import type { CodeRow } from './code-view';
import { auditLater, type AuditLater } from '../audit/audit-later';
import type { CodesDeps } from './deps';
import { redeemFailed } from './errors';

export interface RedeemInput {
  userId: string;
  code: string;
  newPassword: string;
  repeatPassword: string;
}

type Outcome = 'redeemed' | 'failed';

/** Records an expiry the first time anyone notices it (nothing runs at expires_at itself). */
export async function recordExpiry(tx: Tx, audit: AuditLater, row: CodeRow, now: Date): Promise<void> {
  const [marked] = await tx
    .update(activationCodes)
    .set({ expiryRecordedAt: now })
    .where(
      and(
        eq(activationCodes.id, row.id),
        isNull(activationCodes.expiryRecordedAt),
        isNull(activationCodes.usedAt),
        isNull(activationCodes.revokedAt),
        lte(activationCodes.expiresAt, now),
      ),
    )
    .returning({ id: activationCodes.id });
  if (marked) {
    audit.add({
      actor: 'system',
      action: 'code.expired',
      subjectHmac: row.subjectHmac,
      verificationId: row.verificationId,
      payload: { codeId: row.id, expiresAt: row.expiresAt.toISOString() },
      occurredAt: now,
    });
  }
}

export function createRedeem(deps: CodesDeps) {
  const { clock } = deps;

  async function attempt(tx: Tx, audit: AuditLater, userId: string, codeHmac: string, newPassword: string): Promise<Outcome> {
    const now = clock.now();
    const failed = (row: CodeRow | undefined, reason: string, extra: Record<string, number> = {}) => {
      audit.add({
        actor: 'public',
        action: 'code.redeem_failed',
        subjectHmac: row?.subjectHmac ?? null,
        verificationId: row?.verificationId ?? null,
        payload: { reason, ...(row ? { codeId: row.id } : {}), ...extra },
        occurredAt: now,
      });
      return 'failed' as const;
    };

    const [row] = await tx
      .select()
      .from(activationCodes)
      .where(eq(activationCodes.mitidUserId, userId))
      .orderBy(desc(activationCodes.issuedAt))
      .limit(1);
    // Unknown user ID or no code: same answer, and the same HMAC and hashing work were done already.
    // (Issuing revokes older codes, so the newest code is the only one that can be live.)
    if (!row) return failed(undefined, 'no_code');
    const status = codeStatus(row, now);
    if (status === 'redeemed') return failed(row, 'used');
    if (status === 'expired') {
      await recordExpiry(tx, audit, row, now);
      return failed(row, 'expired');
    }
    // The audit keeps the reasons it always gave: a failed delivery or a newer code revoked this one.
    if (status === 'delivery_failed' || status === 'superseded' || status === 'revoked') return failed(row, 'revoked');

    // 1. Count the attempt before looking at the code.
    const [counted] = await tx
      .update(activationCodes)
      .set({ attempts: sql`${activationCodes.attempts} + 1` })
      .where(and(eq(activationCodes.id, row.id), liveCodeWhere(now)))
      .returning({ attempts: activationCodes.attempts, maxAttempts: activationCodes.maxAttempts });
    if (!counted) return failed(row, row.attempts >= row.maxAttempts ? 'blocked' : 'not_active');

    // 2. Consume: one conditional UPDATE. `<=` because this attempt is already counted.
    const [used] = await tx
      .update(activationCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(activationCodes.id, row.id),
          openCodeWhere(now),
          sql`${activationCodes.attempts} <= ${activationCodes.maxAttempts}`,
          eq(activationCodes.codeHmac, codeHmac),
        ),
      )
      .returning({ id: activationCodes.id });
    if (!used) {
      failed(row, 'wrong_code', { attempts: counted.attempts, maxAttempts: counted.maxAttempts });
      if (counted.attempts >= counted.maxAttempts) {
        audit.add({
          actor: 'system',
          action: 'code.blocked',
          subjectHmac: row.subjectHmac,
          verificationId: row.verificationId,
          payload: { codeId: row.id, attempts: counted.attempts },
          occurredAt: now,
        });
      }
      return 'failed';
    }

    // Hashed only now, for the one request that won: failures cost an HMAC, not a scrypt (no cheap
    // amplification on a public route), and they all cost the same. The code row stays locked meanwhile;
    // the audit chain's lock is not taken yet.
    const passwordHash = await hashPassword(newPassword, deps.scryptParams);
    const [mitid] = await tx
      .update(registerMitid)
      .set({ passwordHash })
      .where(eq(registerMitid.userId, userId))
      .returning({ cpr: registerMitid.cpr });
    // A code whose MitID vanished from the register cannot set anything: roll back the consumption.
    if (!mitid) throw new Error('the MitID identity of a live code is missing from the register');
    await deps.notifier.notify(tx, { kind: 'password_set', recipientMasked: maskCpr(mitid.cpr), mitidUserId: userId, subjectHmac: row.subjectHmac, at: now });
    audit.add({
      actor: 'public',
      action: 'code.redeemed',
      subjectHmac: row.subjectHmac,
      verificationId: row.verificationId,
      payload: { codeId: row.id, attempts: counted.attempts },
      occurredAt: now,
    });
    audit.add({
      actor: 'public',
      action: 'mitid.password_set',
      subjectHmac: row.subjectHmac,
      verificationId: row.verificationId,
      payload: { via: 'activation_code', codeId: row.id },
      occurredAt: now,
    });
    return 'redeemed';
  }

  return async function redeemActivationCode(input: RedeemInput): Promise<{ ok: true }> {
    if (input.newPassword !== input.repeatPassword) {
      throw new ApiError(400, 'passwords_differ', 'The two new passwords are not the same.');
    }
    const userId = normaliseUserId(input.userId.trim());
    const broken = brokenPasswordRules(input.newPassword, userId);
    if (broken.length > 0) {
      // Rule ids only: the page shows its own message for each. Says nothing about the user ID or code.
      throw new ApiError(400, 'password_rejected', `The new password breaks these rules: ${broken.join(', ')}.`);
    }
    // The same work whether or not the user ID exists: the HMAC of the code, then the same queries.
    const codeHmac = deps.hashCode(userId, normaliseCode(input.code));
    const outcome = await deps.transaction(async (tx) => {
      const audit = auditLater();
      const result = await attempt(tx, audit, userId, codeHmac, input.newPassword);
      await audit.flush(tx);
      return result;
    });
    if (outcome !== 'redeemed') throw redeemFailed();
    return { ok: true };
  };
}
