// The one rule for a code's state, over every combination of the columns it follows from; and the SQL
// that picks live codes (liveCodeWhere) agrees with isLiveCode on every one of them, on both drivers.
import { and, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CodeStatus } from '../../../../../shared/api/index';
import { activationCodes } from '../../../../../server/db/schema/verifications';
import { users } from '../../../../../server/db/schema/users';
import { codeStatus, isLiveCode, liveCodeWhere, type CodeStateColumns } from '../../../../../server/services/codes/code-status';
import { toCodeView } from '../../../../../server/services/codes/code-view';
import { describeEachDatabase } from '../../../../support/databases';
import { seedVerification } from '../../../../support/review-helpers';

const now = new Date('2026-11-25T09:00:00Z');
const earlier = new Date('2026-11-25T08:50:00Z');
const later = new Date('2026-11-25T09:30:00Z');

const live: CodeStateColumns = { usedAt: null, revokedAt: null, revokeReason: null, deliveryStatus: 'sent', attempts: 0, maxAttempts: 3, expiresAt: later };

/** Every combination the columns can take (revokeReason only with revokedAt, as the code writes them). */
function everyCombination(): CodeStateColumns[] {
  const out: CodeStateColumns[] = [];
  for (const usedAt of [null, earlier])
    for (const revoke of [null, 'superseded', 'supervisor', 'delivery_failed'] as const)
      for (const deliveryStatus of ['sending', 'sent', 'delivery_failed'] as const)
        for (const attempts of [0, 2, 3])
          for (const expiresAt of [later, now, earlier])
            out.push({ usedAt, revokedAt: revoke ? earlier : null, revokeReason: revoke, deliveryStatus, attempts, maxAttempts: 3, expiresAt });
  return out;
}

/** The precedence, as a table: the first row whose condition holds names the status. */
const precedence: [CodeStatus, (c: CodeStateColumns) => boolean][] = [
  ['redeemed', (c) => c.usedAt !== null],
  ['delivery_failed', (c) => c.deliveryStatus === 'delivery_failed'],
  ['blocked', (c) => c.attempts >= c.maxAttempts],
  ['superseded', (c) => c.revokedAt !== null && c.revokeReason === 'superseded'],
  ['revoked', (c) => c.revokedAt !== null],
  ['expired', (c) => c.expiresAt.getTime() <= now.getTime()],
  ['sent', () => true],
];

describe('codeStatus', () => {
  it.each([
    ['no code', null, 'none'],
    ['a live code', live, 'sent'],
    ['a code whose SMS is on its way', { ...live, deliveryStatus: 'sending' }, 'sent'],
    ['a used code, long expired', { ...live, usedAt: earlier, expiresAt: earlier }, 'redeemed'],
    ['a failed delivery (revoked with that reason)', { ...live, deliveryStatus: 'delivery_failed', revokedAt: earlier, revokeReason: 'delivery_failed' }, 'delivery_failed'],
    ['a failed delivery, since expired', { ...live, deliveryStatus: 'delivery_failed', revokedAt: earlier, revokeReason: 'delivery_failed', expiresAt: earlier }, 'delivery_failed'],
    ['a blocked code', { ...live, attempts: 3 }, 'blocked'],
    ['a blocked code a supervisor revoked afterwards', { ...live, attempts: 3, revokedAt: earlier, revokeReason: 'supervisor' }, 'blocked'],
    ['a blocked code, since expired', { ...live, attempts: 3, expiresAt: earlier }, 'blocked'],
    ['a code replaced by a newer one', { ...live, revokedAt: earlier, revokeReason: 'superseded' }, 'superseded'],
    ['a superseded code, since expired', { ...live, revokedAt: earlier, revokeReason: 'superseded', expiresAt: earlier }, 'superseded'],
    ['a code a supervisor revoked', { ...live, revokedAt: earlier, revokeReason: 'supervisor' }, 'revoked'],
    ['a revoked code, since expired', { ...live, revokedAt: earlier, revokeReason: 'supervisor', expiresAt: earlier }, 'revoked'],
    ['a code expiring this instant', { ...live, expiresAt: now }, 'expired'],
    ['a code with attempts left', { ...live, attempts: 2 }, 'sent'],
  ] as const)('%s: %s', (_name, code, expected) => {
    expect(codeStatus(code, now)).toBe(expected);
  });

  it('follows the precedence table for every combination of its columns', () => {
    const all = everyCombination();
    expect(all).toHaveLength(2 * 4 * 3 * 3 * 3);
    for (const code of all) {
      const expected = precedence.find(([, holds]) => holds(code))?.[0];
      expect({ code, status: codeStatus(code, now) }).toEqual({ code, status: expected });
      expect(isLiveCode(code, now)).toBe(expected === 'sent');
    }
  });

  it('gives the agent the status, masked number, expiry and attempt limit, never more', () => {
    expect(toCodeView({ ...live, maskedMobile: '+45 •• •• •• 12' }, now)).toEqual({ status: 'sent', maskedMobile: '+45 •• •• •• 12', expiresAt: later.toISOString(), maxAttempts: 3 });
    expect(toCodeView(undefined, now)).toEqual({ status: 'none', maskedMobile: null, expiresAt: null, maxAttempts: null });
  });
});

describeEachDatabase('liveCodeWhere', (get) => {
  const all = everyCombination();
  const ids = all.map((_, i) => `code-state-${i}`);

  beforeAll(async () => {
    const { db, handle } = get();
    const agentId = 'agent-code-state';
    await db.insert(users).values({ id: agentId, username: agentId, displayName: 'Agent', role: 'agent', passwordHash: 'x', createdAt: now });
    for (const [i, code] of all.entries()) {
      const { id: verificationId } = await seedVerification(handle, { agentId, startedAt: earlier, audit: false, scores: [] });
      await db.insert(activationCodes).values({
        ...code,
        id: ids[i]!,
        verificationId,
        mitidUserId: `user-${i}`,
        subjectHmac: 'f'.repeat(64),
        codeHmac: 'e'.repeat(64),
        issuedBy: agentId,
        issuedAt: earlier,
      });
    }
  });

  it('selects exactly the codes isLiveCode calls live', async () => {
    const rows = await get()
      .db.select({ id: activationCodes.id })
      .from(activationCodes)
      .where(and(inArray(activationCodes.id, ids), liveCodeWhere(now)));
    const expected = ids.filter((_, i) => isLiveCode(all[i], now));
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.sort());
  });
});
