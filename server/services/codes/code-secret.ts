// The code itself: drawn with node:crypto randomInt (CSPRNG, rejection sampling: no modulo bias) and
// stored only as HMAC-SHA256 under deriveKey('activation-code'), bound to the MitID user ID.
import { createHmac, randomInt } from 'node:crypto';
import type { CodesPolicy } from '../../../shared/domain/policy/index';
import type { Secrets } from '../../secrets';

export const codeAlphabets: Record<CodesPolicy['alphabet'], string> = {
  digits: '0123456789',
  // Upper-case letters and digits a caller cannot misread: no 0/O, 1/I/L.
  alphanumeric: 'ABCDEFGHJKMNPQRSTUVWXYZ23456789',
};

export function generateCode(policy: Pick<CodesPolicy, 'length' | 'alphabet'>): string {
  const chars = codeAlphabets[policy.alphabet];
  let code = '';
  for (let i = 0; i < policy.length; i++) code += chars[randomInt(chars.length)];
  return code;
}

/** Bits of entropy of a code under this policy. */
export function codeEntropyBits(policy: Pick<CodesPolicy, 'length' | 'alphabet'>): number {
  return policy.length * Math.log2(codeAlphabets[policy.alphabet].length);
}

/** How people type a code: spaces and hyphens from the SMS's grouping, any case. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** "12345678" → "1234 5678": easier to read off a phone. */
export function groupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/** HMAC of (user ID, code): a code row matches only the user ID it was issued for. */
export type CodeHasher = (mitidUserId: string, code: string) => string;

export function createCodeHasher(secrets: Secrets): CodeHasher {
  const key = secrets.deriveKey('activation-code');
  return (userId, code) => createHmac('sha256', key).update(`${userId}\u0000${normaliseCode(code)}`).digest('hex');
}
