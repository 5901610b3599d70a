// Dates as whole days since 1970-01-01 (UTC): cheap to compare and add while simulating lives.

const msPerDay = 86_400_000;

export function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / msPerDay);
}

export function dayOfDate(date: Date): number {
  return Math.floor(date.getTime() / msPerDay);
}

export function isoOf(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/** The same calendar day `years` later (29 February becomes 28 February in a common year). */
export function addYears(day: number, years: number): number {
  const d = new Date(day * msPerDay);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / msPerDay);
}

export function yearOf(day: number): number {
  return new Date(day * msPerDay).getUTCFullYear();
}

/** Whole years from `from` to `to`: an age. */
export function yearsBetween(from: number, to: number): number {
  let years = yearOf(to) - yearOf(from);
  if (addYears(from, years) > to) years -= 1;
  return years;
}
