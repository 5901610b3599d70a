// Step 1 of a call: who the caller says they are, their document and the call language.
// Messages are catalogue keys (translated when shown, so a language switch re-translates them).
import { z } from 'zod';
import type { CallLanguage, DocumentType, OperationInput } from '../../../../shared/api/index';
import { parseCpr } from '../../../../shared/domain/cpr';
import { documentNumberProblem, normaliseDocumentNumber, type DocumentNumberProblem } from '../../../../shared/domain/documents/index';
import { brokenUserIdRules, type UserIdRule } from '../../../../shared/domain/mitid/index';

export const identifySchema = z
  .object({
    callLanguage: z.enum(['da', 'en'] satisfies CallLanguage[]),
    claimKind: z.enum(['cpr', 'userId']),
    cpr: z.string(),
    userId: z.string(),
    documentType: z.enum(['passport', 'driving_licence'] satisfies DocumentType[]),
    documentNumber: z.string(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: 'cpr' | 'userId' | 'documentNumber', message: IdentifyMessageKey) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.claimKind === 'cpr') {
      const problem = cprProblem(v.cpr);
      if (problem) issue('cpr', problem);
    } else {
      const problem = userIdProblem(v.userId);
      if (problem) issue('userId', problem);
    }
    const problem = documentProblem(v.documentType, v.documentNumber);
    if (problem) issue('documentNumber', problem);
  });
export type IdentifyValues = z.infer<typeof identifySchema>;

export type IdentifyMessageKey = `call.identify.validation.${
  | 'cprRequired'
  | 'cprLength'
  | 'cprDate'
  | 'userIdRequired'
  | 'userIdLength'
  | 'userIdChars'
  | 'userIdDigits'
  | 'documentRequired'
  | 'passportFormat'
  | 'passportOld'
  | 'drivingLicenceFormat'}`;

export const emptyIdentify: IdentifyValues = {
  callLanguage: 'da',
  claimKind: 'cpr',
  cpr: '',
  userId: '',
  documentType: 'passport',
  documentNumber: '',
};

/** Never rejects for modulus 11 (DOMAIN.md): only length and an impossible birth date. */
export function cprProblem(cpr: string): IdentifyMessageKey | null {
  if (cpr.trim() === '') return 'call.identify.validation.cprRequired';
  const parsed = parseCpr(cpr);
  if (parsed.ok) return null;
  return parsed.reason === 'invalid-date' ? 'call.identify.validation.cprDate' : 'call.identify.validation.cprLength';
}

const userIdMessages: Record<Exclude<UserIdRule, 'edge_space'>, IdentifyMessageKey> = {
  length: 'call.identify.validation.userIdLength',
  characters: 'call.identify.validation.userIdChars',
  ten_digits: 'call.identify.validation.userIdDigits',
};

/** MitID user ID rules (shared/domain/mitid); leading and trailing spaces are the agent's typing, so trimmed. */
export function userIdProblem(userId: string): IdentifyMessageKey | null {
  const id = userId.trim();
  if (id === '') return 'call.identify.validation.userIdRequired';
  const [first] = brokenUserIdRules(id).filter((rule) => rule !== 'edge_space');
  return first ? userIdMessages[first] : null;
}

const documentMessages: Record<DocumentNumberProblem, IdentifyMessageKey> = {
  required: 'call.identify.validation.documentRequired',
  passport_format: 'call.identify.validation.passportFormat',
  passport_old: 'call.identify.validation.passportOld',
  driving_licence_format: 'call.identify.validation.drivingLicenceFormat',
};

/** Danish document number rules (shared/domain/documents). */
export function documentProblem(type: IdentifyValues['documentType'], number: string): IdentifyMessageKey | null {
  const problem = documentNumberProblem(type, number);
  return problem ? documentMessages[problem] : null;
}

/** The contract's startVerification input from valid form values. */
export function toStartInput(v: IdentifyValues): OperationInput<'startVerification'> {
  return {
    caller: v.claimKind === 'cpr' ? { kind: 'cpr', cpr: v.cpr.replace(/\D/g, '') } : { kind: 'userId', userId: v.userId.trim() },
    document: { type: v.documentType, number: normaliseDocumentNumber(v.documentNumber) },
    callLanguage: v.callLanguage,
  };
}

/** "31.02.90" from the first six digits, for the impossible-date message. */
export function cprDatePart(cpr: string): string {
  const d = cpr.replace(/\D/g, '');
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}`;
}
