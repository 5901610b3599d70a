// Formatting shared by the supervisor screens: dates in the console's language, durations as m:ss.

export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'da-DK';
}

export function formatDateTime(iso: string | null, language: string, withSeconds = false): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'short',
    timeStyle: withSeconds ? 'medium' : 'short',
  }).format(new Date(iso));
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export function formatPercent(value: number | null, language: string): string {
  if (value === null) return '';
  // A no-break space: "75 %" never splits across lines (the co-sign card's "threshold 75 %" did at 1280 px).
  return `${new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(value)}\u00a0%`;
}

/** A number with two decimals in the console's language ("0,50" in Danish). */
export function formatDecimal(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}
