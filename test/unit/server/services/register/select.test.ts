// Which register a deployment reads, and the configuration that says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegisterEnv } from '../../../../../server/config';
import { registerMeta } from '../../../../../server/db/schema/register';
import { selectRegister } from '../../../../../server/services/register/select';
import { openTestDatabase, type TestDatabase } from '../../../../support/databases';

describe('readRegisterEnv', () => {
  it('follows register_meta when unset, and validates a Datafordeler set-up by name only', () => {
    expect(readRegisterEnv({}).REGISTER_SOURCE).toBeUndefined();
    expect(() => readRegisterEnv({ REGISTER_SOURCE: 'cpr' })).toThrow(/REGISTER_SOURCE/);
    expect(() => readRegisterEnv({ REGISTER_SOURCE: 'datafordeler', DATAFORDELER_GRAPHQL_URL: 'https://example.invalid/graphql' })).toThrow(/DATAFORDELER_TOKEN_URL: is required/);
    expect(() => readRegisterEnv({ REGISTER_SOURCE: 'datafordeler', DATAFORDELER_GRAPHQL_URL: 'http://example.invalid/graphql' })).toThrow(/DATAFORDELER_GRAPHQL_URL/);
    const secretPath = '/etc/centre/oces-key.pem';
    try {
      readRegisterEnv({ REGISTER_SOURCE: 'datafordeler', DATAFORDELER_KEY_FILE: secretPath, DATAFORDELER_TIMEOUT_MS: '5' });
    } catch (error) {
      expect(String(error)).not.toContain(secretPath);
    }
  });
});

describe('selectRegister', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
  });
  afterAll(async () => db.close());

  it('uses the sandbox only when register_meta says sandbox, and keeps its aids on only then', async () => {
    expect(await selectRegister(db.db, readRegisterEnv({}))).toMatchObject({ port: { source: 'sandbox' }, sandboxAids: true });
    await expect(selectRegister(db.db, readRegisterEnv({ REGISTER_SOURCE: 'sandbox' }))).rejects.toThrow(/does not say the register is the sandbox/);
    await expect(selectRegister(db.db, readRegisterEnv({ REGISTER_SOURCE: 'cpr-extract' }))).rejects.toThrow(/no CPR extract has been imported/);
    await db.db.insert(registerMeta).values({ key: 'source', value: 'cpr-extract' });
    expect(await selectRegister(db.db, readRegisterEnv({}))).toMatchObject({ port: { source: 'cpr-extract' }, sandboxAids: false });
    expect(await selectRegister(db.db, readRegisterEnv({ REGISTER_SOURCE: 'cpr-extract' }))).toMatchObject({ sandboxAids: false });
    await db.db.update(registerMeta).set({ value: 'sandbox' });
    await expect(
      selectRegister(
        db.db,
        readRegisterEnv({
          REGISTER_SOURCE: 'datafordeler',
          DATAFORDELER_GRAPHQL_URL: 'https://example.invalid/graphql',
          DATAFORDELER_TOKEN_URL: 'https://example.invalid/token',
          DATAFORDELER_CLIENT_ID: 'centre',
          DATAFORDELER_CERT_FILE: '/nonexistent/cert.pem',
          DATAFORDELER_KEY_FILE: '/nonexistent/key.pem',
        }),
      ),
    ).rejects.toThrow(/holding the sandbox register/);
  });
});
