import { describe, expect, it } from 'vitest';
import { codeAlphabets, codeEntropyBits, createCodeHasher, generateCode, groupCode, maskMobile, normaliseCode, smsText } from '../../../../../server/services/codes/index';
import { noticeText } from '../../../../../server/services/notify/index';
import { testSecrets } from '../../../../support/support-api';

describe('activation code generation', () => {
  it('has the policy length and alphabet', () => {
    for (let i = 0; i < 200; i++) {
      expect(generateCode({ length: 8, alphabet: 'digits' })).toMatch(/^\d{8}$/);
      expect(generateCode({ length: 12, alphabet: 'alphanumeric' })).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/);
    }
    expect(codeAlphabets.alphanumeric).not.toMatch(/[01OIL]/);
  });

  it('is uniform over its alphabet (chi-square over 100 000 digits, no modulo bias)', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) for (const c of generateCode({ length: 10, alphabet: 'digits' })) counts[Number(c)]! += 1;
    const expected = 10_000;
    const chi = counts.reduce((s, n) => s + (n - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: 27.9 is the 0.1 % critical value.
    expect(chi).toBeLessThan(27.9);
  });

  it('entropy: the default is ~26.6 bits, 6 digits is the floor', () => {
    expect(codeEntropyBits({ length: 8, alphabet: 'digits' })).toBeCloseTo(26.58, 1);
    expect(codeEntropyBits({ length: 6, alphabet: 'digits' })).toBeCloseTo(19.93, 1);
  });

  it('normalises what people type and groups what they read', () => {
    expect(normaliseCode(' 1234 5678 ')).toBe('12345678');
    expect(normaliseCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(groupCode('12345678')).toBe('1234 5678');
    expect(groupCode('123456789012')).toBe('1234 5678 9012');
  });

  it('the HMAC binds the code to the user ID and ignores spacing', () => {
    const hash = createCodeHasher(testSecrets);
    expect(hash('kirsten.holm', '1234 5678')).toBe(hash('kirsten.holm', '12345678'));
    expect(hash('kirsten.holm', '12345678')).not.toBe(hash('kirsten.holm2', '12345678'));
    expect(hash('kirsten.holm', '12345678')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('masks mobile numbers down to the last two digits', () => {
    expect(maskMobile('+4520481937')).toBe('+45 •• •• •• 37');
    expect(maskMobile('+299551234')).toBe('+299 •• •• 34');
  });

  it('the SMS carries the code; the Digital Post notice never does', () => {
    expect(smsText('12345678', 30)).toContain('1234 5678');
    for (const kind of ['code_issued', 'password_set'] as const) {
      const { subject, body } = noticeText(kind, new Date('2026-11-25T09:00:00Z'));
      expect(subject).toMatch(/MitID/);
      expect(body).toContain('25. november 2026');
      expect(body).toContain('Hvis det ikke var dig');
      expect(body).not.toMatch(/\d{6,}/);
    }
  });
});
