// Dates on the trainer screen in the console's language: months of moves as the questions ask them.
const locale = (lang: string) => (lang.startsWith('da') ? 'da-DK' : 'en-GB');

/** "marts 1998" / "March 1998" from an ISO date. */
export function formatMonthYear(iso: string, lang: string): string {
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "12. marts 1998" / "12 March 1998". */
export function formatDay(iso: string, lang: string): string {
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
