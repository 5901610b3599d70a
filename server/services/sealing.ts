// Sealed CPR numbers: AES-256-GCM under deriveKey('cpr-seal'). The engine seals the claimed CPR number on
// each verification (to resume a call without keeping it in clear); a supervisor's "reveal CPR" unseals it.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Secrets } from '../secrets';

export interface CprSealer {
  /** `v1.` + base64url(iv ‖ tag ‖ ciphertext); a fresh IV each time, so equal numbers seal differently. */
  seal(cpr: string): string;
  /** The ten digits back; throws SealError when the value was altered or sealed under another key. */
  unseal(sealed: string): string;
}

export class SealError extends Error {
  override name = 'SealError';
}

const version = 'v1.';
const ivBytes = 12;
const tagBytes = 16;
// Binds the ciphertext to its purpose: a value sealed for something else under the same key fails.
const aad = Buffer.from('mitid-support-console/cpr-seal/v1');

export function createCprSealer(secrets: Secrets): CprSealer {
  const key = secrets.deriveKey('cpr-seal');
  return {
    seal(cpr) {
      const digits = cpr.replace(/[\s-]/g, '');
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
      const body = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
      return version + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    unseal(sealed) {
      if (!sealed.startsWith(version)) throw new SealError('not a sealed value of a known version');
      const raw = Buffer.from(sealed.slice(version.length), 'base64url');
      if (raw.length < ivBytes + tagBytes + 1) throw new SealError('sealed value too short');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, ivBytes)).setAAD(aad);
      decipher.setAuthTag(raw.subarray(ivBytes, ivBytes + tagBytes));
      try {
        return Buffer.concat([decipher.update(raw.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8');
      } catch {
        throw new SealError('sealed value does not authenticate');
      }
    },
  };
}
