// A supervisor revokes the live code of a verification, with a reason.
import { and, eq, isNull } from 'drizzle-orm';
import { activationCodes } from '../../db/schema/verifications';
import type { Principal } from '../principal';
import { appendAuditEvents } from '../audit/append';
import { revokeReasons } from './code-status';
import type { CodesDeps } from './deps';
import { conflict, notFound } from './errors';

export function createRevoke(deps: CodesDeps) {
  return async function revokeActivationCode(verificationId: string, reason: string, principal: Principal): Promise<{ ok: true }> {
    return deps.transaction(async (tx) => {
      const now = deps.clock.now();
      const [row] = await tx
        .update(activationCodes)
        .set({ revokedAt: now, revokeReason: revokeReasons.supervisor, revokedBy: principal.userId })
        .where(and(eq(activationCodes.verificationId, verificationId), isNull(activationCodes.usedAt), isNull(activationCodes.revokedAt)))
        .returning();
      if (!row) {
        const [any] = await tx.select({ id: activationCodes.id }).from(activationCodes).where(eq(activationCodes.verificationId, verificationId));
        if (!any) throw notFound();
        throw conflict('The code of this verification is already used or revoked.');
      }
      await appendAuditEvents(tx, [{
        actor: principal.userId,
        action: 'code.revoked',
        subjectHmac: row.subjectHmac,
        verificationId,
        // The supervisor's own words, kept for accountability (the audit log is where reasons live).
        payload: { codeId: row.id, reason },
        occurredAt: now,
      }]);
      return { ok: true as const };
    });
  };
}
