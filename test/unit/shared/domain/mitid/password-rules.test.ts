import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenPasswordRules } from '../../../../../shared/domain/mitid/index';

describe('brokenPasswordRules', () => {
  it('accepts a good password', () => {
    expect(brokenPasswordRules('Sommerhus-ved-havet-7', 'kirsten.holm')).toEqual([]);
  });

  it('length: 8 to 64 characters', () => {
    expect(brokenPasswordRules('Kort7!x', 'user1')).toEqual(['length']);
    expect(brokenPasswordRules('Kort7!xy', 'user1')).toEqual([]);
    expect(brokenPasswordRules('Abcdefg1'.repeat(8), 'user1')).toEqual([]);
    expect(brokenPasswordRules('Ab3!'.repeat(16) + 'x', 'user1')).toEqual(['length']);
  });

  it('must not contain the user ID, in any case', () => {
    expect(brokenPasswordRules('xxKirsten.Holmxx', 'kirsten.holm')).toEqual(['contains_user_id']);
    expect(brokenPasswordRules('Sommerhus-ved-havet-7', 'KIRSTEN.HOLM')).toEqual([]);
  });

  it('no 10 digits in a row (nine are fine)', () => {
    expect(brokenPasswordRules('abc0123456789', 'user1')).toContain('ten_digits');
    expect(brokenPasswordRules('abc123456789x', 'user1')).toEqual([]);
  });

  it('not a run of neighbouring keys, either direction', () => {
    for (const run of ['qwertyui', 'asdfghjk', '12345678', 'iuytrewq', 'kjhgfdsa', '87654321', 'QWERTYUIOP', 'asdfghjklæø', 'zxcvbnm,.']) {
      expect(brokenPasswordRules(run, 'user1'), run).toContain('keyboard_run');
    }
    expect(brokenPasswordRules('qwertyu1', 'user1')).toEqual([]);
  });

  it('lists every broken rule', () => {
    expect(brokenPasswordRules('1234567890', '12345')).toEqual(['contains_user_id', 'ten_digits', 'keyboard_run']);
  });

  it('is total: any string gives a list of known rules', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 48 }), (p, u) => {
        const broken = brokenPasswordRules(p, u);
        expect(broken.every((r) => ['length', 'contains_user_id', 'ten_digits', 'keyboard_run'].includes(r))).toBe(true);
        // Any password containing 10 digits in a row breaks that rule.
        if (/\d{10}/.test(p)) expect(broken).toContain('ten_digits');
      }),
    );
  });
});
