// The caller redeems a code on the activation page and sets a new MitID password.
// Order matters (Ory Kratos' code persister): attempts are counted first, in their own statement,
// then the code is consumed by ONE conditional UPDATE that also compares the HMAC, so two requests
// can never both succeed and a wrong guess is always counted. Failures all look alike, and cost alike.
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
import { appendAuditEvents, type AuditEventInput } from '../audit/append';
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
export async function recordExpiry(tx: Tx, audit: AuditEventInput[], row: CodeRow, now: Date): Promise<void> {
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
    audit.push({
      actor: 'system',
      action: 'code.expired',
      subjectHmac: row.subjectHmac,
      verificationId: row.verificationId,
      payload: { codeId: row.id, expiresAt: row.expiresAt.toISOString() },
      occurredAt: now,
    });
  }
}

/** Aimed at when there is no live code: a well-formed id no row has. */
const noCodeId = '00000000-0000-0000-0000-000000000000';

export function createRedeem(deps: CodesDeps) {
  const { clock } = deps;
  const hashNewPassword = deps.hashPassword ?? ((password: string) => hashPassword(password, deps.scryptParams));

  async function attempt(tx: Tx, audit: AuditEventInput[], userId: string, codeHmac: string, passwordHash: string): Promise<Outcome> {
    const now = clock.now();
    const failed = (row: CodeRow | undefined, reason: string, extra: Record<string, number> = {}) => {
      audit.push({
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
    // (Issuing revokes older codes, so the newest code is the only one that can be live.)
    const status = codeStatus(row, now);
    const open = row && (status === 'sent' || status === 'blocked') ? row : undefined;

    // Every branch runs the same statements (the UPDATEs can match only a live code), so neither the
    // time taken nor the statements run tell whether the user ID has a code waiting.
    // 1. Count the attempt before looking at the code.
    const [counted] = await tx
      .update(activationCodes)
      .set({ attempts: sql`${activationCodes.attempts} + 1` })
      .where(and(eq(activationCodes.id, open?.id ?? noCodeId), liveCodeWhere(now)))
      .returning({ attempts: activationCodes.attempts, maxAttempts: activationCodes.maxAttempts });

    // 2. Consume: one conditional UPDATE. `<=` because this attempt is already counted; an attempt
    // that was not counted (blocked) aims at no row at all.
    const [used] = await tx
      .update(activationCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(activationCodes.id, counted && open ? open.id : noCodeId),
          openCodeWhere(now),
          sql`${activationCodes.attempts} <= ${activationCodes.maxAttempts}`,
          eq(activationCodes.codeHmac, codeHmac),
        ),
      )
      .returning({ id: activationCodes.id });

    // 3. An older code of this user ID typed again (already used, or replaced by a newer one) is not a
    // guess: the review shows it as what it is. Looked up in every branch, for the same reason as above.
    const [older] = await tx
      .select({ usedAt: activationCodes.usedAt })
      .from(activationCodes)
      .where(and(eq(activationCodes.mitidUserId, userId), eq(activationCodes.codeHmac, codeHmac)))
      .limit(1);

    if (!row) return failed(undefined, 'no_code');
    if (status === 'redeemed') return failed(row, 'used');
    if (status === 'expired') {
      await recordExpiry(tx, audit, row, now);
      return failed(row, 'expired');
    }
    // The audit keeps the reasons it always gave: a failed delivery or a newer code revoked this one.
    if (status === 'delivery_failed' || status === 'superseded' || status === 'revoked') return failed(row, 'revoked');
    if (!counted) return failed(row, 'blocked');
    if (!used) {
      const reason = !older ? 'wrong_code' : older.usedAt ? 'used' : 'superseded';
      failed(row, reason, { attempts: counted.attempts, maxAttempts: counted.maxAttempts });
      if (counted.attempts >= counted.maxAttempts) {
        audit.push({
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

    const [mitid] = await tx
      .update(registerMitid)
      .set({ passwordHash })
      .where(eq(registerMitid.userId, userId))
      .returning({ cpr: registerMitid.cpr });
    // A code whose MitID vanished from the register cannot set anything: roll back the consumption.
    if (!mitid) throw new Error('the MitID identity of a live code is missing from the register');
    await deps.notifier.notify(tx, { kind: 'password_set', recipientMasked: maskCpr(mitid.cpr), mitidUserId: userId, subjectHmac: row.subjectHmac, at: now });
    audit.push({
      actor: 'public',
      action: 'code.redeemed',
      subjectHmac: row.subjectHmac,
      verificationId: row.verificationId,
      payload: { codeId: row.id, attempts: counted.attempts },
      occurredAt: now,
    });
    audit.push({
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
    // The same work whether the user ID is unknown, has no code or has a live one: the HMAC of the
    // code, one scrypt of the new password (before the transaction, so no row stays locked during
    // it; a failure costs a scrypt, which the route's per-IP rate limit bounds), then the same queries.
    const codeHmac = deps.hashCode(userId, normaliseCode(input.code));
    const passwordHash = await hashNewPassword(input.newPassword);
    const outcome = await deps.transaction(async (tx) => {
      const audit: AuditEventInput[] = [];
      const result = await attempt(tx, audit, userId, codeHmac, passwordHash);
      await appendAuditEvents(tx, audit);
      return result;
    });
    if (outcome !== 'redeemed') throw redeemFailed();
    return { ok: true };
  };
}
