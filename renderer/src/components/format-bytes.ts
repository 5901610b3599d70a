/** A file size for people: "850 B", "12.4 kB", "3.1 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number, language: string): string {
  const locale = language === 'da' ? 'da-DK' : 'en-GB';
  const [unit, value] = bytes < 1000 ? (['byte', bytes] as const) : bytes < 1_000_000 ? (['kilobyte', bytes / 1000] as const) : (['megabyte', bytes / 1_000_000] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
