/** '+4520481937' → '+45 •• •• •• 37'; '+299551234' → '+299 •• •• 34'. Only the last two digits show. */
export function maskMobile(e164: string): string {
  const m = /^\+(45|299)(\d+)$/.exec(e164.replace(/\s/g, ''));
  if (!m) return `+•• •• ${e164.slice(-2)}`;
  const digits = m[2] as string;
  const pairs = Math.max(0, Math.ceil(digits.length / 2) - 1);
  return [`+${m[1]}`, ...Array.from({ length: pairs }, () => '••'), digits.slice(-2)].join(' ');
}
