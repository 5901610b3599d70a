// CSV for spreadsheets, written by the server (the verification log export) and the console (the
// person access log): RFC 4180 quoting, and a text cell that starts like a formula is prefixed with a
// quote so Excel or LibreOffice never evaluates it (OWASP "CSV injection"). The Danish style separates
// with semicolons and writes decimal commas (what Danish Excel opens by double-click).

export type CsvCellValue = string | number | boolean | null;

export function csvCell(value: CsvCellValue, separator = ',', decimalComma = false): string {
  if (value === null) return '';
  let s = typeof value === 'number' && decimalComma ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
