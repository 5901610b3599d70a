// Outbox bodies are sealed with AES-256-GCM under deriveKey('outbox-seal'): an SMS body carries an
// activation code in clear, and nothing readable by a table scan may.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Secrets } from '../../secrets';

export interface OutboxSealer {
  seal(body: string): string;
  unseal(sealed: string): string;
}

const version = 'v1.';
const ivBytes = 12;
const tagBytes = 16;
const aad = Buffer.from('mitid-support-console/outbox-seal/v1');

export function createOutboxSealer(secrets: Secrets): OutboxSealer {
  const key = secrets.deriveKey('outbox-seal');
  return {
    seal(body) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
      const data = Buffer.concat([cipher.update(body, 'utf8'), cipher.final()]);
      return version + Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
    },
    unseal(sealed) {
      if (!sealed.startsWith(version)) throw new Error('not a sealed outbox body');
      const raw = Buffer.from(sealed.slice(version.length), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, ivBytes)).setAAD(aad);
      decipher.setAuthTag(raw.subarray(ivBytes, ivBytes + tagBytes));
      return Buffer.concat([decipher.update(raw.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8');
    },
  };
}
