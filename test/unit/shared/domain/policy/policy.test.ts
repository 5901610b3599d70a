// The editable policy of the contract takes its bounds from the policy document: one set of bounds.
import { describe, expect, it } from 'vitest';
import { editablePolicySchema } from '../../../../../shared/api/index';
import { defaultPolicy, policySchema } from '../../../../../shared/domain/policy/index';

const editable = {
  verification: { questionCount: 4, extraQuestions: 2, passThresholdPercent: 75, minCorrect: 3, maxAcquaintanceQuestions: 1, maxAcquaintanceQuestionsWhenThin: 2, minPrivateCorrect: 2, lockoutFailures: 2, lockoutWindowHours: 24, timeoutMinutes: 15 },
  codes: { length: 8, lifetimeMinutes: 30, maxAttempts: 3 },
  session: { consoleLockMinutes: 5 },
  watch: { openingHoursStart: '08:00', openingHoursEnd: '20:00' },
  cosign: { onVelocitySignal: true, onNameAddressProtection: true, borderlineMarginPercent: 10, outsideOpeningHours: false, timeoutMinutes: 5 },
};

describe('policy bounds', () => {
  it.each([
    ['session.consoleLockMinutes', 60, 61, (v: number) => ({ ...editable, session: { consoleLockMinutes: v } }), (v: number) => ({ session: { consoleLockMinutes: v } })],
    ['codes.length', 12, 13, (v: number) => ({ ...editable, codes: { ...editable.codes, length: v } }), (v: number) => ({ codes: { length: v } })],
    ['cosign.timeoutMinutes', 30, 31, (v: number) => ({ ...editable, cosign: { ...editable.cosign, timeoutMinutes: v } }), (v: number) => ({ cosign: { timeoutMinutes: v } })],
    ['cosign.borderlineMarginPercent', 25, 26, (v: number) => ({ ...editable, cosign: { ...editable.cosign, borderlineMarginPercent: v } }), (v: number) => ({ cosign: { borderlineMarginPercent: v } })],
    ['verification.timeoutMinutes', 60, 61, (v: number) => ({ ...editable, verification: { ...editable.verification, timeoutMinutes: v } }), (v: number) => ({ verification: { timeoutMinutes: v } })],
  ])('%s: the contract and the stored document accept %s and refuse %s', (_path, ok, tooMuch, asEditable, asStored) => {
    expect(editablePolicySchema.safeParse(asEditable(ok)).success).toBe(true);
    expect(policySchema.safeParse(asStored(ok)).success).toBe(true);
    expect(editablePolicySchema.safeParse(asEditable(tooMuch)).success).toBe(false);
    expect(policySchema.safeParse(asStored(tooMuch)).success).toBe(false);
  });

  it('bounds the pass threshold at 50-100 % in the contract and 0.5-1 in the document', () => {
    const withPercent = (p: number) => ({ ...editable, verification: { ...editable.verification, passThresholdPercent: p } });
    expect(editablePolicySchema.safeParse(withPercent(50)).success).toBe(true);
    expect(editablePolicySchema.safeParse(withPercent(100)).success).toBe(true);
    expect(editablePolicySchema.safeParse(withPercent(49)).success).toBe(false);
    expect(policySchema.safeParse({ verification: { passThreshold: 0.49 } }).success).toBe(false);
    expect(defaultPolicy.verification.passThreshold).toBe(0.75);
  });

  it('bounds the thin-data exception at 0-4 (the draw keeps room for the private questions); a stored policy from before the field reads', () => {
    const withThin = (v: number, extra: object = {}) => ({ ...editable, verification: { ...editable.verification, maxAcquaintanceQuestionsWhenThin: v, ...extra } });
    expect(editablePolicySchema.safeParse(withThin(2)).success).toBe(true);
    // A smaller questionCount needs no change of this field (drawPlan holds it at questionCount − minPrivateCorrect).
    expect(editablePolicySchema.safeParse(withThin(2, { questionCount: 3, minCorrect: 3 })).success).toBe(true);
    expect(editablePolicySchema.safeParse(withThin(5)).success).toBe(false);
    expect(editablePolicySchema.safeParse(withThin(-1)).success).toBe(false);
    // At or below maxAcquaintanceQuestions: the exception is off, which is allowed.
    expect(editablePolicySchema.safeParse(withThin(0)).success).toBe(true);
    const old = policySchema.parse({ verification: { questionCount: 3, maxAcquaintanceQuestions: 1, minPrivateCorrect: 2 } });
    expect(old.verification.maxAcquaintanceQuestionsWhenThin).toBe(2);
  });

  it('requires every editable field (the document defaults do not leak into the contract)', () => {
    expect(editablePolicySchema.safeParse({ ...editable, codes: { length: 8 } }).success).toBe(false);
    expect(editablePolicySchema.safeParse({ ...editable, cosign: { timeoutMinutes: 5 } }).success).toBe(false);
  });
});
