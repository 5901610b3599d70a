import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centuryYear, daysInMonth, formatCpr, maskCpr, parseCpr, passesModulus11 } from '../../../../../shared/domain/cpr';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Any real date from 1858 to 2057 with a serial whose 7th digit gives that century. */
const validCpr = fc
  .record({ year: fc.integer({ min: 1858, max: 2057 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }), rest: fc.integer({ min: 0, max: 999 }), seventh: fc.integer({ min: 0, max: 9 }) })
  .filter(({ year, month, day, seventh }) => day <= daysInMonth(year, month) && centuryYear(year % 100, seventh) === year)
  .map(({ year, month, day, rest, seventh }) => ({
    digits: `${pad(day, 2)}${pad(month, 2)}${pad(year % 100, 2)}${seventh}${pad(rest, 3)}`,
    birthDate: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`,
  }));

describe('parseCpr', () => {
  it('reads the century from the 7th digit and YY (the cpr.dk table)', () => {
    expect(parseCpr('010136-4000')).toMatchObject({ ok: true, cpr: { birthDate: '2036-01-01' } });
    expect(parseCpr('010137-4000')).toMatchObject({ ok: true, cpr: { birthDate: '1937-01-01' } });
    expect(parseCpr('010157-5000')).toMatchObject({ ok: true, cpr: { birthDate: '2057-01-01' } });
    expect(parseCpr('010158-5000')).toMatchObject({ ok: true, cpr: { birthDate: '1858-01-01' } });
    expect(parseCpr('010100-3000')).toMatchObject({ ok: true, cpr: { birthDate: '1900-01-01' } });
    expect(parseCpr('010199-9000')).toMatchObject({ ok: true, cpr: { birthDate: '1999-01-01' } });
    expect(parseCpr('010105-9000')).toMatchObject({ ok: true, cpr: { birthDate: '2005-01-01' } });
  });

  it('gives the sex from the last digit', () => {
    expect(parseCpr('0101901235')).toMatchObject({ ok: true, cpr: { sex: 'male' } });
    expect(parseCpr('0101901234')).toMatchObject({ ok: true, cpr: { sex: 'female' } });
  });

  it('accepts a dash and spaces', () => {
    for (const form of ['010190-1234', '0101901234', ' 010190 1234 ', '01 01 90 - 12 34']) {
      expect(parseCpr(form)).toEqual({ ok: true, cpr: { digits: '0101901234', birthDate: '1990-01-01', sex: 'female' } });
    }
  });

  it('rejects with the reason', () => {
    expect(parseCpr('01019012345')).toEqual({ ok: false, reason: 'wrong-length' });
    expect(parseCpr('010190-123')).toEqual({ ok: false, reason: 'wrong-length' });
    expect(parseCpr('')).toEqual({ ok: false, reason: 'wrong-length' });
    expect(parseCpr('010190-12a4')).toEqual({ ok: false, reason: 'not-digits' });
    expect(parseCpr('010190/1234')).toEqual({ ok: false, reason: 'not-digits' });
    expect(parseCpr('320190-1234')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parseCpr('001390-1234')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parseCpr('000190-1234')).toEqual({ ok: false, reason: 'invalid-date' });
    // 29 February exists in 2000 (7th digit 4, YY 00) but not in 1900 (7th digit 0).
    expect(parseCpr('290200-4000')).toMatchObject({ ok: true, cpr: { birthDate: '2000-02-29' } });
    expect(parseCpr('290200-0000')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parseCpr('310490-1234')).toEqual({ ok: false, reason: 'invalid-date' });
  });

  it('never rejects a number for failing modulus 11', () => {
    // 010107-4009 is a post-2007 style number: valid date, fails the old check.
    expect(passesModulus11('0101074009')).toBe(false);
    expect(parseCpr('010107-4009')).toMatchObject({ ok: true, cpr: { birthDate: '2007-01-01' } });
    fc.assert(
      fc.property(validCpr, ({ digits, birthDate }) => {
        const parsed = parseCpr(digits);
        expect(parsed).toMatchObject({ ok: true, cpr: { digits, birthDate } });
      }),
    );
    // And fast-check finds numbers on both sides of the old check among the accepted ones.
    const seen = new Set(fc.sample(validCpr, 500).map(({ digits }) => passesModulus11(digits)));
    expect(seen).toEqual(new Set([true, false]));
  });

  it('round-trips format and parse', () => {
    fc.assert(
      fc.property(validCpr, ({ digits }) => {
        const formatted = formatCpr(digits);
        expect(formatted).toMatch(/^\d{6}-\d{4}$/);
        const parsed = parseCpr(formatted);
        expect(parsed.ok && parsed.cpr.digits).toBe(digits);
      }),
    );
  });

  it('is total: any string gives a result, never an exception', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const parsed = parseCpr(s);
        expect(typeof parsed.ok).toBe('boolean');
      }),
    );
  });
});

describe('passesModulus11', () => {
  it('computes the weighted sum 4,3,2,7,6,5,4,3,2,1', () => {
    // 0101010001: 3*1 + 7*1 + 5*1 + 1*1 = 16 → fails.
    expect(passesModulus11('0101010001')).toBe(false);
    // 0101010007: 3 + 7 + 5 + 7 = 22 → passes.
    expect(passesModulus11('0101010007')).toBe(true);
    expect(passesModulus11('12345')).toBe(false);
  });
});

describe('maskCpr', () => {
  it('never reveals the last four digits', () => {
    fc.assert(
      fc.property(validCpr, ({ digits }) => {
        const masked = maskCpr(digits);
        expect(masked).toBe(`${digits.slice(0, 6)}-XXXX`);
        // Only the six date digits survive; the serial is gone wherever it might have stood.
        expect(masked.replace(/\D/g, '')).toBe(digits.slice(0, 6));
        expect(maskCpr(formatCpr(digits))).toBe(masked);
      }),
    );
  });
});
