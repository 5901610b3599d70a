// Sealed values: AES-256-GCM under a key derived for one purpose (deriveKey(purpose)), with the purpose
// bound in as associated data, so a value sealed for one thing never opens as another. Used for the
// claimed CPR number of a verification ('cpr-seal': a call resumes without keeping it in clear, a
// supervisor's "reveal CPR" unseals it) and outbox bodies ('outbox-seal': an SMS carries a code in clear).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Secrets } from '../secrets';

export interface Sealer {
  /** `v1.` + base64url(iv ‖ tag ‖ ciphertext); a fresh IV each time, so equal values seal differently. */
  seal(text: string): string;
  /** The text back; throws SealError when the value was altered, cut short or sealed under another key. */
  unseal(sealed: string): string;
}
export type CprSealer = Sealer;
export type OutboxSealer = Sealer;

export class SealError extends Error {
  override name = 'SealError';
}

export type SealPurpose = 'cpr-seal' | 'outbox-seal';

const version = 'v1.';
const ivBytes = 12;
const tagBytes = 16;

export function createSealer(secrets: Secrets, purpose: SealPurpose): Sealer {
  const key = secrets.deriveKey(purpose);
  const aad = Buffer.from(`mitid-support-console/${purpose}/v1`);
  return {
    seal(text) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
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

/** Seals the ten digits of a CPR number (spaces and the hyphen dropped). */
export function createCprSealer(secrets: Secrets): CprSealer {
  const sealer = createSealer(secrets, 'cpr-seal');
  return { seal: (cpr) => sealer.seal(cpr.replace(/[\s-]/g, '')), unseal: (sealed) => sealer.unseal(sealed) };
}

export function createOutboxSealer(secrets: Secrets): OutboxSealer {
  return createSealer(secrets, 'outbox-seal');
}
