// Danish identity document numbers (DOMAIN.md): what the agent may type, and the one form in which a
// number is looked up in the register and hashed for velocity signals.

export type DocumentType = 'passport' | 'driving_licence';

export type DocumentNumberProblem = 'required' | 'passport_format' | 'passport_old' | 'driving_licence_format';

/** Spaces, dots and dashes are how people read numbers aloud; letters (old passports) compare upper-case. */
export function normaliseDocumentNumber(number: string): string {
  return number.replace(/[\s.-]/g, '').toUpperCase();
}

/** Danish passport: 9 digits (old ones, invalid since 2010: A or B and digits); driving licence: 8 digits. No check digit. */
export function documentNumberProblem(type: DocumentType, number: string): DocumentNumberProblem | null {
  const n = normaliseDocumentNumber(number);
  if (n === '') return 'required';
  if (type === 'passport') {
    if (/^\d{9}$/.test(n)) return null;
    return /^[AB]\d+$/.test(n) ? 'passport_old' : 'passport_format';
  }
  return /^\d{8}$/.test(n) ? null : 'driving_licence_format';
}
