// The one document-number rule of the console's identify form and the server's register lookup.
import { describe, expect, it } from 'vitest';
import { documentNumberProblem, normaliseDocumentNumber } from '../../../../../shared/domain/documents/index';

describe('document numbers', () => {
  it('drops the spaces, dots and dashes of a number read aloud, and compares letters upper-case', () => {
    expect(normaliseDocumentNumber(' 204 518 637 ')).toBe('204518637');
    expect(normaliseDocumentNumber('204.518-637')).toBe('204518637');
    expect(normaliseDocumentNumber('a1234567')).toBe('A1234567');
  });

  it.each([
    ['passport', '204518637', null],
    ['passport', '204 518 637', null],
    ['passport', '204.518.637', null],
    ['passport', '', 'required'],
    ['passport', '   ', 'required'],
    ['passport', '20451863', 'passport_format'],
    ['passport', 'B1234567', 'passport_old'],
    ['passport', 'a1234567', 'passport_old'],
    ['driving_licence', '12345678', null],
    ['driving_licence', '123456789', 'driving_licence_format'],
  ] as const)('%s %j: %s', (type, number, problem) => {
    expect(documentNumberProblem(type, number)).toBe(problem);
  });
});
