// CSV for spreadsheets, written by the server (the verification log export) and the console (the
// person access log): RFC 4180 quoting, and a text cell that starts like a formula is prefixed with a
// quote so Excel or LibreOffice never evaluates it (OWASP "CSV injection").

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
