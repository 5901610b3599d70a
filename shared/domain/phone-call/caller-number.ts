// The caller's number as the phone system passed it: a signal about the call, never proof of who is
// calling (a number is easy to spoof, and a withheld or foreign one proves nothing either way).
// Only the classification is stored; the number itself is used while the verification starts, then
// dropped (README, "Screen pop from the phone system").
import { z } from 'zod';

/** What is noted on the verification. `registered_*`: the number is the person's registered MitID mobile. */
export const callerNumberSchema = z.enum(['withheld', 'domestic', 'registered_mobile', 'foreign', 'registered_mobile_abroad']);
export type CallerNumber = z.infer<typeof callerNumberSchema>;

/** The classes an agent and a supervisor should look at twice. */
export const notableCallerNumbers: readonly CallerNumber[] = ['withheld', 'foreign', 'registered_mobile_abroad'];

/** Words phone systems put in the caller-ID field when the caller hid the number. */
const withheldWords = new Set(['', 'anonymous', 'withheld', 'private', 'restricted', 'unknown', 'unavailable', 'hidden']);

/** Country codes whose numbers MitID registers as home numbers: Denmark and Greenland. */
const domesticPrefixes = ['+45', '+299'] as const;

/**
 * The number as the link carries it: digits with an optional leading + or 00, spaces and hyphens
 * allowed, or a "withheld" word. At most 32 characters; anything else is refused.
 */
export const callerNumberTextSchema = z
  .string()
  .max(32)
  .refine((s) => withheldWords.has(s.trim().toLowerCase()) || /^\s*(\+|00)?[0-9][0-9 -]*$/.test(s), 'a phone number (+4512345678) or "anonymous"');

export type ParsedNumber = { kind: 'withheld' } | { kind: 'domestic' | 'foreign'; e164: string } | { kind: 'invalid' };

/**
 * E.164 form of what the phone system passed. Eight digits without a country code are a Danish
 * national number (the numbering plan has no trunk prefix); 00 is the international prefix.
 */
export function parseCallerNumber(text: string | null | undefined): ParsedNumber {
  const trimmed = (text ?? '').trim();
  if (withheldWords.has(trimmed.toLowerCase())) return { kind: 'withheld' };
  const compact = trimmed.replace(/[\s-]/g, '');
  let e164: string;
  if (/^\+\d+$/.test(compact)) e164 = compact;
  else if (/^00\d+$/.test(compact)) e164 = `+${compact.slice(2)}`;
  else if (/^\d{8}$/.test(compact)) e164 = `+45${compact}`;
  else return { kind: 'invalid' };
  // E.164: a country code that does not start with 0, at most 15 digits in all.
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) return { kind: 'invalid' };
  return { kind: domesticPrefixes.some((p) => e164.startsWith(p)) ? 'domestic' : 'foreign', e164 };
}

/**
 * The class noted on the verification. `registeredMobile` is the person's MitID mobile (E.164) when
 * the caller was identified, else null. A Danish mobile roaming abroad still shows its +45 number, so
 * "the registered mobile calling from abroad" can only be seen when that number is itself foreign.
 */
export function classifyCallerNumber(text: string | null | undefined, registeredMobile: string | null): CallerNumber {
  const parsed = parseCallerNumber(text);
  // A number the phone system could not give in a usable form tells as little as a withheld one.
  if (parsed.kind === 'withheld' || parsed.kind === 'invalid') return 'withheld';
  const isRegistered = registeredMobile !== null && parsed.e164 === registeredMobile.replace(/[\s-]/g, '');
  if (parsed.kind === 'domestic') return isRegistered ? 'registered_mobile' : 'domestic';
  return isRegistered ? 'registered_mobile_abroad' : 'foreign';
}
