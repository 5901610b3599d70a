// The identify form's checks are the shared rules (shared/domain/mitid, shared/domain/documents), in the
// form's own words (catalogue keys).
import { describe, expect, it } from 'vitest';
import { documentProblem, toStartInput, userIdProblem } from '../../../../../renderer/src/features/new-call/identify-schema';

describe('identify checks', () => {
  it.each([
    ['Kirsten.Holm', null],
    [' Kirsten.Holm ', null],
    ['', 'call.identify.validation.userIdRequired'],
    ['abcd', 'call.identify.validation.userIdLength'],
    ['kirsten/holm', 'call.identify.validation.userIdChars'],
    ['1203681158', 'call.identify.validation.userIdDigits'],
    ['120368-1158', 'call.identify.validation.userIdDigits'],
    // Ten digits not in a row are allowed (DOMAIN.md); the form's own copy of the rule refused these.
    ['holm 12345 67890', null],
  ])('user ID %j: %s', (userId, problem) => {
    expect(userIdProblem(userId)).toBe(problem);
  });

  it('accepts a document number written with dots or dashes, and sends it as the register holds it', () => {
    expect(documentProblem('passport', '204.518.637')).toBeNull();
    expect(documentProblem('passport', 'b1234567')).toBe('call.identify.validation.passportOld');
    const input = toStartInput({ callLanguage: 'da', claimKind: 'cpr', cpr: '120368-1158', userId: '', documentType: 'passport', documentNumber: '204-518 637' });
    expect(input.document).toEqual({ type: 'passport', number: '204518637' });
  });
});
