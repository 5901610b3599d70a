// "Today" as the support centre sees it: the calendar day in Europe/Copenhagen, whatever the server's zone.
const zone = 'Europe/Copenhagen';

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });

/** yyyy-mm-dd in Copenhagen. */
export function copenhagenDate(at: Date): string {
  return dateFormat.format(at);
}

/** Minutes Copenhagen is ahead of UTC at that instant (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The instant the Copenhagen day of `at` began (local midnight). */
export function startOfCopenhagenDay(at: Date): Date {
  const midnightUtc = new Date(`${copenhagenDate(at)}T00:00:00Z`);
  // Midnight is never inside a DST switch in Denmark (they happen at 02:00/03:00), so one correction is exact.
  return new Date(midnightUtc.getTime() - offsetMinutes(midnightUtc) * 60_000);
}
