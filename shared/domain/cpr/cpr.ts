// CPR numbers (personnummer): parsing, century rule, sex, formatting and masking (see DOMAIN.md).

export type Sex = 'male' | 'female';

export interface Cpr {
  /** Ten digits, no dash. */
  digits: string;
  /** yyyy-mm-dd */
  birthDate: string;
  sex: Sex;
}

export type CprRejection = 'wrong-length' | 'not-digits' | 'invalid-date';

export type CprParseResult = { ok: true; cpr: Cpr } | { ok: false; reason: CprRejection };

/**
 * The birth year from YY and the 7th digit (cpr.dk's table). Total over its inputs: every
 * 7th digit and YY names exactly one century.
 */
export function centuryYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Accepts "DDMMYYSSSS", "DDMMYY-SSSS", and either with spaces (agents type "010190 1234" or "01 01 90-1234").
 * Rejects with a reason; never for failing modulus 11.
 */
export function parseCpr(input: string): CprParseResult {
  const compact = input.replace(/[\s-]/g, '');
  if (!/^\d*$/.test(compact)) return { ok: false, reason: 'not-digits' };
  if (compact.length !== 10) return { ok: false, reason: 'wrong-length' };
  const day = Number(compact.slice(0, 2));
  const month = Number(compact.slice(2, 4));
  const yy = Number(compact.slice(4, 6));
  const seventh = Number(compact[6]);
  const year = centuryYear(yy, seventh);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'invalid-date' };
  const last = Number(compact[9]);
  return {
    ok: true,
    cpr: { digits: compact, birthDate: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, sex: last % 2 === 1 ? 'male' : 'female' },
  };
}

const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * The old modulus-11 check. For information only: numbers issued since 2007 may fail it and are
 * fully valid, so nothing may reject a CPR number on this.
 */
export function passesModulus11(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * (weights[i] as number);
  return sum % 11 === 0;
}

/** DDMMYY-SSSS */
export function formatCpr(cpr: string): string {
  const digits = cpr.replace(/[\s-]/g, '');
  return `${digits.slice(0, 6)}-${digits.slice(6, 10)}`;
}

/** DDMMYY-XXXX: the birth date stays, the serial (which gives the number away) never shows. */
export function maskCpr(cpr: string): string {
  const digits = cpr.replace(/[\s-]/g, '');
  return `${digits.slice(0, 6)}-XXXX`;
}
