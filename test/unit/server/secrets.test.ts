import { sign, verify } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readServerEnv } from '../../../server/config';
import { loadSecrets, secretsFromMasterKey } from '../../../server/secrets';
import { createSubjectHmac } from '../../../server/services/audit/subject-hmac';
import { tempDir } from '../../support/databases';

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);

describe('secrets', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('derives a stable, independent key per purpose', () => {
    const a = secretsFromMasterKey(keyA);
    expect(a.deriveKey('cpr-subject')).toEqual(secretsFromMasterKey(keyA).deriveKey('cpr-subject'));
    expect(a.deriveKey('cpr-subject')).not.toEqual(a.deriveKey('activation-code'));
    expect(a.deriveKey('cpr-subject')).not.toEqual(secretsFromMasterKey(keyB).deriveKey('cpr-subject'));
    expect(a.deriveKey('audit-signing', 64)).toHaveLength(64);
  });

  it('gives an Ed25519 key pair from the master key that signs and verifies', () => {
    const { privateKey, publicKey } = secretsFromMasterKey(keyA).auditSigningKeys();
    const signature = sign(null, Buffer.from('checkpoint'), privateKey);
    expect(verify(null, Buffer.from('checkpoint'), publicKey, signature)).toBe(true);
    const again = secretsFromMasterKey(keyA).auditSigningKeys().publicKey.export({ format: 'der', type: 'spki' });
    expect(again).toEqual(publicKey.export({ format: 'der', type: 'spki' }));
  });

  it('hashes a CPR number to the same subject with or without the hyphen, and not to the number', () => {
    const hmac = createSubjectHmac(secretsFromMasterKey(keyA));
    expect(hmac('010190-1234')).toBe(hmac('0101901234'));
    expect(hmac('0101901234')).toMatch(/^[0-9a-f]{64}$/);
    expect(hmac('0101901234')).not.toBe(createSubjectHmac(secretsFromMasterKey(keyB))('0101901234'));
  });

  it('generates the embedded master key once, private to the user, and reuses it', () => {
    const first = loadSecrets({ embedded: true, dataDir: tmp.dir });
    const file = path.join(tmp.dir, 'master.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(loadSecrets({ embedded: true, dataDir: tmp.dir }).deriveKey('x')).toEqual(first.deriveKey('x'));
  });

  it('prefers the environment key, and refuses PostgreSQL without one', () => {
    const fromEnv = loadSecrets({ embedded: true, dataDir: tmp.dir, masterKey: keyA.toString('base64') });
    expect(fromEnv.deriveKey('x')).toEqual(secretsFromMasterKey(keyA).deriveKey('x'));
    expect(() => loadSecrets({ embedded: false })).toThrow(/SUPPORT_API_MASTER_KEY is not set/);
    expect(() => loadSecrets({ embedded: false, masterKey: Buffer.alloc(16).toString('base64') })).toThrow(/at least 32/);
    expect(() => loadSecrets({ embedded: false, masterKey: 'not base64 at all!' })).toThrow(/base64/);
  });
});

describe('server environment', () => {
  it('validates the master key and ignores empty variables', () => {
    expect(readServerEnv({ SUPPORT_API_MASTER_KEY: keyA.toString('base64'), DATABASE_URL: '' }).SUPPORT_API_MASTER_KEY).toBe(keyA.toString('base64'));
    expect(() => readServerEnv({ SUPPORT_API_MASTER_KEY: 'short' })).toThrow(/SUPPORT_API_MASTER_KEY/);
    // The message names the variable, never its value.
    expect(() => readServerEnv({ SUPPORT_API_MASTER_KEY: 'c2VjcmV0LXZhbHVl' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('c2VjcmV0LXZhbHVl') }));
    expect(() => readServerEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(readServerEnv({}).DATABASE_POOL_SIZE).toBe(10);
  });
});
