// Reads the dates Danes type: 12-03-1998, 12.3.98, 12/3 1998, 12. marts 1998, 12 mar 1998, marts 1998,
// 3/1998, 1998-03-12, '98, 1998, "i 1998", 120398, and English month names ("March 12th, 1998").

export interface ParsedDate {
  year: number | null;
  month: number | null;
  day: number | null;
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['januar', 1], ['jan', 1], ['january', 1],
  ['februar', 2], ['feb', 2], ['february', 2],
  ['marts', 3], ['mar', 3], ['march', 3], ['mrt', 3],
  ['april', 4], ['apr', 4],
  ['maj', 5], ['may', 5],
  ['juni', 6], ['jun', 6], ['june', 6],
  ['juli', 7], ['jul', 7], ['july', 7],
  ['august', 8], ['aug', 8],
  ['september', 9], ['sep', 9], ['sept', 9],
  ['oktober', 10], ['okt', 10], ['october', 10], ['oct', 10],
  ['november', 11], ['nov', 11],
  ['december', 12], ['dec', 12],
]);
// Words that carry no date information ("i 1998", "den 12. marts", "the 12th of March", "ca. 1998").
const FILLER = new Set([
  'i', 'in', 'den', 'd', 'the', 'of', 'on', 'aar', 'aaret', 'year', 'omkring', 'ca', 'cirka', 'circa', 'around',
  'det', 'var', 'vist', 'tror', 'jeg', 'han', 'hun', 'vi', 'de', 'blev', 'er', 'maaned', 'maaneden', 'dag', 'dagen',
  'st', 'nd', 'rd', 'th', 'te', 'ste', 'sidst', 'af', 'primo', 'medio', 'ultimo', 'foedt', 'gift', 'skilt', 'flyttede',
]);
const GLUED = /^(\d+)([a-z]+)$/;
const NUMBER = /^\d+$/;

function toYear(token: string, referenceYear: number): number | null {
  if (token.length === 4) return Number(token);
  if (token.length === 2) {
    // Two-digit years point to the past: the latest year ending in these digits, not after the reference.
    const yy = Number(token);
    const century = Math.floor(referenceYear / 100) * 100;
    return century + yy <= referenceYear ? century + yy : century - 100 + yy;
  }
  return null;
}

function daysIn(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function valid(d: ParsedDate): ParsedDate | null {
  if (d.month !== null && (d.month < 1 || d.month > 12)) return null;
  if (d.day !== null && (d.month === null || d.day < 1 || d.day > daysIn(d.month, d.year))) return null;
  if (d.year !== null && (d.year < 1000 || d.year > 9999)) return null;
  return d;
}

function fromCompact(t: string, referenceYear: number): ParsedDate | null {
  if (t.length === 6) {
    // DDMMYY, as in a CPR number.
    return valid({ day: Number(t.slice(0, 2)), month: Number(t.slice(2, 4)), year: toYear(t.slice(4), referenceYear) });
  }
  if (t.length === 8) {
    const iso = valid({ year: Number(t.slice(0, 4)), month: Number(t.slice(4, 6)), day: Number(t.slice(6)) });
    return iso ?? valid({ day: Number(t.slice(0, 2)), month: Number(t.slice(2, 4)), year: Number(t.slice(4)) });
  }
  return null;
}

/** Null when the answer is not one recognisable date (unknown words, too many numbers, 31 February). */
export function parseDate(normalisedTokens: readonly string[], referenceYear: number): ParsedDate | null {
  const numbers: string[] = [];
  let month: number | null = null;
  let monthAt = -1;
  for (const raw of normalisedTokens) {
    const glued = GLUED.exec(raw);
    const parts = glued && glued[1] && glued[2] ? [glued[1], glued[2]] : [raw];
    for (const t of parts) {
      if (NUMBER.test(t)) {
        numbers.push(t);
        continue;
      }
      const m = MONTHS.get(t);
      if (m !== undefined) {
        if (month !== null) return null;
        month = m;
        monthAt = numbers.length;
        continue;
      }
      if (!FILLER.has(t)) return null;
    }
  }
  if (numbers.length > 3) return null;

  if (month !== null) {
    const four = numbers.findIndex((n) => n.length === 4);
    if (four >= 0) {
      const others = numbers.filter((_, i) => i !== four);
      if (others.length > 1) return null;
      const day = others[0];
      return valid({ year: Number(numbers[four]), month, day: day === undefined ? null : Number(day) });
    }
    const before = numbers.slice(0, monthAt);
    const after = numbers.slice(monthAt);
    if (before.length > 1) return null;
    if (before.length === 1) {
      // "12 marts 98" / "12 marts"
      if (after.length > 1) return null;
      return valid({ day: Number(before[0]), month, year: after[0] === undefined ? null : toYear(after[0], referenceYear) });
    }
    // "marts 98", or English "March 12 98"
    if (after.length === 1) return valid({ day: null, month, year: toYear(after[0] ?? '', referenceYear) });
    if (after.length === 2) return valid({ day: Number(after[0]), month, year: toYear(after[1] ?? '', referenceYear) });
    return after.length === 0 ? valid({ day: null, month, year: null }) : null;
  }

  const [a, b, c] = numbers;
  if (a === undefined) return null;
  if (b === undefined) {
    if (a.length === 6 || a.length === 8) return fromCompact(a, referenceYear);
    return valid({ day: null, month: null, year: toYear(a, referenceYear) });
  }
  if (c === undefined) {
    if (a.length === 4) return valid({ year: Number(a), month: Number(b), day: null }); // 1998-03
    if (b.length === 4) return valid({ year: Number(b), month: Number(a), day: null }); // 3/1998
    // "12/3" is day and month; "3/98" is month and year.
    if (Number(b) <= 12 && a.length <= 2) return valid({ day: Number(a), month: Number(b), year: null });
    return valid({ day: null, month: Number(a), year: toYear(b, referenceYear) });
  }
  if (a.length === 4) return valid({ year: Number(a), month: Number(b), day: Number(c) }); // ISO
  if (a.length > 2 || b.length > 2) return null;
  return valid({ day: Number(a), month: Number(b), year: toYear(c, referenceYear) });
}
