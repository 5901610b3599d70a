// Step 1 of a verification: who the caller claims to be, and whether the document they give proves it.
// Every way this can fail looks the same to the agent; only the audit log (for supervisors) says which.
import { ApiError, errorCodes, type CallerClaim, type DocumentClaim } from '../../../shared/api/index';
import { parseCpr } from '../../../shared/domain/cpr/index';
import { normaliseDocumentNumber } from '../../../shared/domain/documents/index';
import type { PersonRecord, RegisterReader } from '../register/port';

/**
 * The ten digits of a claimed CPR number. A number that cannot be one (wrong length, a date that does
 * not exist) is a typing error, answered 400 and not counted as an attempt. Modulus 11 is never checked.
 */
export function claimedCprDigits(input: string): string {
  const parsed = parseCpr(input);
  if (parsed.ok) return parsed.cpr.digits;
  const message =
    parsed.reason === 'invalid-date'
      ? 'The CPR number does not start with a real date (DDMMYY). Check the first six digits with the caller.'
      : 'A CPR number has ten digits (DDMMYY-SSSS). Check the number with the caller.';
  throw new ApiError(400, errorCodes.badRequest, message);
}

/** The CPR number the claim points at: as given, or the owner of the MitID user ID (case-insensitive). */
export async function claimedSubjectCpr(register: RegisterReader, claim: CallerClaim): Promise<string | null> {
  if (claim.kind === 'cpr') return claimedCprDigits(claim.cpr);
  return register.cprOfMitidUser(claim.userId);
}

export type IdentityCheck = 'unknown_person' | 'unknown_document' | 'document_of_other_person' | 'document_expired';

export type Identification =
  | { ok: true; person: PersonRecord; hasMitid: boolean }
  | { ok: false; check: IdentityCheck };

/** The document must exist exactly as given (no near matches), be this person's, Danish or Greenlandic, and valid today. */
export async function identify(register: RegisterReader, cpr: string | null, document: DocumentClaim, today: string): Promise<Identification> {
  if (!cpr) return { ok: false, check: 'unknown_person' };
  const person = await register.person(cpr, today, ['person']);
  if (!person) return { ok: false, check: 'unknown_person' };
  const doc = await register.document(document.type, normaliseDocumentNumber(document.number));
  if (!doc || (doc.issuingCountry !== 'DK' && doc.issuingCountry !== 'GL')) return { ok: false, check: 'unknown_document' };
  if (doc.cpr !== cpr) return { ok: false, check: 'document_of_other_person' };
  if (doc.expiresOn < today) return { ok: false, check: 'document_expired' };
  return { ok: true, person, hasMitid: (await register.mitid(cpr)) !== null };
}
