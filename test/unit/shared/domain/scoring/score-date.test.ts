import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreDate, type DateFact, type DatePrecision } from '../../../../../shared/domain/scoring/index';

const REFERENCE_YEAR = 2026;

const DA = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const DA_SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Parts {
  d: number;
  m: number;
  y: number;
}
const pad = (n: number) => String(n).padStart(2, '0');
const yy = (y: number) => pad(y % 100);
const ordinal = (d: number) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;
const month = (names: string[], m: number) => names[m - 1] ?? '';

// Ways to write a full date, a month and a year, as Danish agents type what callers say.
const fullForms: Array<(p: Parts) => string> = [
  ({ d, m, y }) => `${pad(d)}-${pad(m)}-${y}`,
  ({ d, m, y }) => `${d}.${m}.${yy(y)}`,
  ({ d, m, y }) => `${d}/${m} ${y}`,
  ({ d, m, y }) => `${d}. ${month(DA, m)} ${y}`,
  ({ d, m, y }) => `${d} ${month(DA_SHORT, m)} ${y}`,
  ({ d, m, y }) => `${y}-${pad(m)}-${pad(d)}`,
  ({ d, m, y }) => `${month(EN, m)} ${ordinal(d)}, ${y}`,
  ({ d, m, y }) => `the ${ordinal(d)} of ${month(EN, m)} ${y}`,
  ({ d, m, y }) => `den ${d}. ${month(DA, m)} ${y}`,
  ({ d, m, y }) => `${pad(d)}${pad(m)}${yy(y)}`,
  ({ d, m, y }) => `${pad(d)}.${pad(m)}.${y}`,
  ({ d, m, y }) => `${d} ${month(DA, m).toUpperCase()} ${yy(y)}`,
];
const monthForms: Array<(p: Parts) => string> = [
  ({ m, y }) => `${month(DA, m)} ${y}`,
  ({ m, y }) => `${m}/${y}`,
  ({ m, y }) => `${month(EN, m)} ${y}`,
  ({ m, y }) => `${month(DA_SHORT, m)}. ${yy(y)}`,
  ({ m, y }) => `i ${month(DA, m)} ${y}`,
];
const yearForms: Array<(p: Parts) => string> = [({ y }) => `${y}`, ({ y }) => `i ${y}`, ({ y }) => `'${yy(y)}`, ({ y }) => `ca. ${y}`];

const dates: Parts[] = [
  { d: 12, m: 3, y: 1998 },
  { d: 1, m: 1, y: 1960 },
  { d: 31, m: 12, y: 2005 },
  { d: 29, m: 2, y: 1984 },
  { d: 7, m: 7, y: 1975 },
];

interface Row {
  answer: string;
  fact: DateFact;
  precision: DatePrecision;
  score: number;
}

// Expected scores are the documented policy (DATE_CREDIT), written out as numbers here.
function rowsFor(p: Parts): Row[] {
  const fact: DateFact = { year: p.y, month: p.m, day: p.d };
  const rows: Row[] = [];
  const add = (answer: string, year: number, mon: number, day: number) => {
    rows.push({ answer, fact, precision: 'year', score: year }, { answer, fact, precision: 'month', score: mon }, { answer, fact, precision: 'day', score: day });
  };
  for (const f of fullForms) add(f(p), 1, 1, 1);
  for (const f of monthForms) add(f(p), 1, 1, 0.75);
  for (const f of yearForms) add(f(p), 1, 0.5, 0.5);
  // Near-misses: a year off by one, another month, another day.
  const otherMonth = p.m === 12 ? 11 : p.m + 1;
  const otherDay = p.d === 1 ? 2 : p.d - 1;
  for (const f of fullForms.slice(0, 6)) {
    add(f({ ...p, y: p.y + 1 }), 0, 0, 0);
    add(f({ ...p, y: p.y - 1 }), 0, 0, 0);
    add(f({ ...p, m: otherMonth, d: Math.min(p.d, 28) }), 1, 0.25, 0.25);
    add(f({ ...p, d: otherDay }), 1, 1, 0.4);
  }
  for (const f of monthForms) add(f({ ...p, m: otherMonth }), 1, 0.25, 0.25);
  for (const f of yearForms) add(f({ ...p, y: p.y + 1 }), 0, 0, 0);
  return rows;
}

const rows = dates.flatMap(rowsFor);

describe('scoreDate: realistic answers', () => {
  it('has a table of at least 200 answers', () => {
    expect(new Set(rows.map((r) => `${r.answer}|${r.fact.year}`)).size).toBeGreaterThanOrEqual(200);
  });

  it.each(rows)('$answer ($precision of $fact.year-$fact.month-$fact.day) → $score', ({ answer, fact, precision, score }) => {
    expect(scoreDate(answer, fact, precision, REFERENCE_YEAR)).toBe(score);
  });
});

describe('scoreDate: rules', () => {
  const fact: DateFact = { year: 1998, month: 3, day: 12 };

  it('resolves two-digit years towards the past from the reference year', () => {
    expect(scoreDate("'98", fact, 'year', 2026)).toBe(1);
    expect(scoreDate('05', { year: 2005 }, 'year', 2026)).toBe(1);
    expect(scoreDate('26', { year: 2026 }, 'year', 2026)).toBe(1);
    expect(scoreDate('27', { year: 1927 }, 'year', 2026)).toBe(1);
    expect(scoreDate('27', { year: 2027 }, 'year', 2026)).toBe(0);
    expect(scoreDate('05', { year: 1905 }, 'year', 2003)).toBe(1);
  });

  it('rejects impossible dates and answers that are not dates', () => {
    for (const a of ['31-02-1998', '12-13-1998', '32. marts 1998', 'marts', '12/3', 'ved ikke', 'foo 1998', '1998 1999', 'marts april 1998']) {
      expect(scoreDate(a, fact, 'year', REFERENCE_YEAR), a).toBe(0);
    }
  });

  it('accepts 29 February only in a leap year', () => {
    expect(scoreDate('29-02-1984', { year: 1984, month: 2, day: 29 }, 'day', REFERENCE_YEAR)).toBe(1);
    expect(scoreDate('29-02-1983', { year: 1983, month: 2, day: 28 }, 'year', REFERENCE_YEAR)).toBe(0);
  });

  it('reads the Danish day-month order, not the American one', () => {
    expect(scoreDate('3/12/1998', fact, 'day', REFERENCE_YEAR)).toBeLessThan(1);
    expect(scoreDate('12/3/1998', fact, 'day', REFERENCE_YEAR)).toBe(1);
  });

  it('never rewards a wrong guess over leaving the part out', () => {
    expect(scoreDate('april 1998', fact, 'month', REFERENCE_YEAR)).toBeLessThan(scoreDate('1998', fact, 'month', REFERENCE_YEAR));
    expect(scoreDate('13. marts 1998', fact, 'day', REFERENCE_YEAR)).toBeLessThan(scoreDate('marts 1998', fact, 'day', REFERENCE_YEAR));
  });
});

describe('scoreDate: properties', () => {
  // Within the hundred years a two-digit year can name (1927-2026 for reference year 2026).
  const date = fc.record({ y: fc.integer({ min: 1927, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
  const precision = fc.constantFrom<DatePrecision>('year', 'month', 'day');

  it('scores every written form of the right date 1', () => {
    fc.assert(
      fc.property(date, fc.constantFrom(...fullForms), precision, (p, form, prec) => scoreDate(form(p), { year: p.y, month: p.m, day: p.d }, prec, REFERENCE_YEAR) === 1),
    );
  });

  it('scores any other year 0, whatever the precision', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1927, max: 2026 }), fc.constantFrom(...fullForms, ...monthForms, ...yearForms), precision, (p, other, form, prec) => {
        fc.pre(other !== p.y);
        return scoreDate(form({ ...p, y: other }), { year: p.y, month: p.m, day: p.d }, prec, REFERENCE_YEAR) === 0;
      }),
    );
  });
});
