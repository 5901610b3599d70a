// Scores a typed date against the register's date, at the precision the question asks for.
import type { DateFact, DatePrecision } from './fact-types';
import { danishTokens } from './normalise-danish';
import { parseDate } from './parse-date';

/**
 * Partial credit when the year is right but a finer part asked for is not. Leaving a part out earns
 * more than guessing it wrong, so guessing never pays. A wrong or missing year is always 0, and a
 * year one off is 0 too (no partial credit for near years: strict by default).
 */
export const DATE_CREDIT = {
  /** 'month' question: right year, month left out. */
  monthOmitted: 0.5,
  /** 'month' or 'day' question: right year, wrong month. */
  monthWrong: 0.25,
  /** 'day' question: right year and month, day left out. */
  dayOmitted: 0.75,
  /** 'day' question: right year and month, wrong day. */
  dayWrong: 0.4,
} as const;

/**
 * referenceYear resolves two-digit years towards the past ("98" → 1998 when referenceYear is 2026,
 * "26" → 2026, "27" → 1927); pass the current year from the clock.
 * Parts finer than precision in the answer are ignored (a day given for a year question).
 */
export function scoreDate(answer: string, expected: DateFact, precision: DatePrecision, referenceYear: number): number {
  if (typeof answer !== 'string') return 0;
  const parsed = parseDate(danishTokens(answer), Number.isFinite(referenceYear) ? Math.trunc(referenceYear) : 2000);
  if (parsed === null || parsed.year === null || parsed.year !== expected.year) return 0;
  if (precision === 'year') return 1;
  if (parsed.month === null) return DATE_CREDIT.monthOmitted;
  if (parsed.month !== expected.month) return DATE_CREDIT.monthWrong;
  if (precision === 'month') return 1;
  if (parsed.day === null) return DATE_CREDIT.dayOmitted;
  return parsed.day === expected.day ? 1 : DATE_CREDIT.dayWrong;
}
