import { createPrivateKey, createPublicKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a derived key is for; each purpose gets an independent key from the one master secret. */
export type KeyPurpose = 'cpr-subject' | 'activation-code' | 'audit-signing' | 'login-throttle' | (string & {});

export interface Secrets {
  deriveKey(purpose: KeyPurpose, length?: number): Buffer;
  /** Ed25519 key pair for signed audit checkpoints, derived from the master secret. */
  auditSigningKeys(): { privateKey: KeyObject; publicKey: KeyObject };
}

export class SecretsError extends Error {
  override name = 'SecretsError';
}

const minBytes = 32;
export const masterKeyFileName = 'master.key';

function parseMasterKey(base64: string, source: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length < minBytes || key.toString('base64').replace(/=+$/, '') !== base64.trim().replace(/=+$/, '')) {
    throw new SecretsError(`${source} must be base64 of at least ${minBytes} random bytes (e.g. \`openssl rand -base64 32\`).`);
  }
  return key;
}

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it.
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

export function secretsFromMasterKey(master: Buffer): Secrets {
  const deriveKey = (purpose: KeyPurpose, length = 32) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `mitid-support-console/${purpose}`, length));
  return {
    deriveKey,
    auditSigningKeys() {
      const privateKey = createPrivateKey({
        key: Buffer.concat([ed25519Pkcs8Prefix, deriveKey('audit-signing')]),
        format: 'der',
        type: 'pkcs8',
      });
      return { privateKey, publicKey: createPublicKey(privateKey) };
    },
  };
}

export interface LoadSecretsOptions {
  /** SUPPORT_API_MASTER_KEY (base64). */
  masterKey?: string;
  /** Embedded mode: where the generated master key is kept when no env var is given. */
  dataDir?: string;
  /** PostgreSQL deployments must be given the key: several instances have to share it. */
  embedded: boolean;
}

/** The master secret from the environment, or (embedded only) from the data folder, created on first start. */
export function loadSecrets(options: LoadSecretsOptions): Secrets {
  if (options.masterKey) return secretsFromMasterKey(parseMasterKey(options.masterKey, 'SUPPORT_API_MASTER_KEY'));
  if (!options.embedded || !options.dataDir) {
    throw new SecretsError(
      'SUPPORT_API_MASTER_KEY is not set. A PostgreSQL deployment needs one master key shared by every instance: ' +
        'set it to base64 of 32 random bytes (`openssl rand -base64 32`) and keep it in your secret store.',
    );
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dataDir, masterKeyFileName);
  try {
    // 'wx': never overwrite an existing key (that would orphan every HMAC and signature made with it).
    writeFileSync(file, randomBytes(minBytes).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  return secretsFromMasterKey(parseMasterKey(readFileSync(file, 'utf8'), file));
}
