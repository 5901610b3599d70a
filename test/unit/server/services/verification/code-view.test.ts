// The activation code's status as the agent sees it, derived from its row.
import { describe, expect, it } from 'vitest';
import { codeStatusOf, toCodeView, type ActivationCodeRow } from '../../../../../server/services/verification/code-view';

const now = new Date('2026-11-25T09:00:00Z');
const sent: ActivationCodeRow = {
  usedAt: null,
  revokedAt: null,
  attempts: 0,
  maxAttempts: 3,
  expiresAt: new Date('2026-11-25T09:30:00Z'),
  deliveryStatus: 'sent',
  maskedMobile: '+45 •• •• •• 12',
};

describe('code status', () => {
  it('derives each status, the final ones first', () => {
    expect(codeStatusOf(null, now)).toBe('none');
    expect(codeStatusOf(sent, now)).toBe('sent');
    expect(codeStatusOf({ ...sent, deliveryStatus: 'delivery_failed' }, now)).toBe('delivery_failed');
    expect(codeStatusOf({ ...sent, expiresAt: now }, now)).toBe('expired');
    expect(codeStatusOf({ ...sent, revokedAt: now }, now)).toBe('revoked');
    expect(codeStatusOf({ ...sent, attempts: 3 }, now)).toBe('blocked');
    // Redeemed stays redeemed after it would have expired.
    expect(codeStatusOf({ ...sent, usedAt: now, expiresAt: new Date(0) }, now)).toBe('redeemed');
  });

  it('shows the masked mobile, expiry and attempt limit, never more', () => {
    expect(toCodeView(sent, now)).toEqual({ status: 'sent', maskedMobile: '+45 •• •• •• 12', expiresAt: '2026-11-25T09:30:00.000Z', maxAttempts: 3 });
    expect(toCodeView(undefined, now)).toEqual({ status: 'none', maskedMobile: null, expiresAt: null, maxAttempts: null });
  });
});
