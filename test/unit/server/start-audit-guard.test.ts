// The API refuses to start when the audit log's append-only trigger is gone, and writes the first
// witness checkpoint when it starts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../server/db/index';
import { witnessFileName } from '../../../server/services/audit/witness';
import { startSupportApi } from '../../../server/start';
import { createPostgresDatabase, driverAvailability, tempDir } from '../../support/databases';
import { testScryptParams } from '../../support/support-api';

const masterKey = Buffer.alloc(32, 5).toString('base64');

describe.runIf(driverAvailability('postgres').available || process.env.CI)('start: audit guard [postgres]', () => {
  it('writes a witness checkpoint at start, and refuses to start once the trigger is dropped', async () => {
    const database = await createPostgresDatabase();
    const witness = tempDir('witness-');
    try {
      const handle = await openDatabase({ databaseUrl: database.url });
      await handle.withRunner((r) => migrate(r));
      await handle.close();
      const options = { databaseUrl: database.url, masterKey, seed: false as const, demoAccounts: false, scryptParams: testScryptParams, auditWitnessDir: witness.dir };
      const api = await startSupportApi(options);
      await api.close();
      const file = path.join(witness.dir, witnessFileName);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(1);

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query('drop trigger audit_events_no_update_delete on audit_events');
      await client.end();
      await expect(startSupportApi(options)).rejects.toThrow(/append-only trigger is missing or disabled \(audit_events_no_update_delete\)/);
    } finally {
      witness.remove();
      await database.drop();
    }
  }, 60_000);
});

describe('start: audit guard [pglite]', () => {
  it('writes the embedded witness at start, and refuses to start once the trigger is dropped', async () => {
    const tmp = tempDir('audit-guard-');
    try {
      const dataDir = path.join(tmp.dir, 'data');
      const options = { dataDir, masterKey, seed: false as const, demoAccounts: false, scryptParams: testScryptParams };
      const api = await startSupportApi(options);
      await api.close();
      expect(existsSync(path.join(dataDir, 'audit-witness', witnessFileName))).toBe(true);

      const handle = await openDatabase({ dataDir });
      try {
        await handle.withRunner((r) => r.query('drop trigger audit_events_no_truncate on audit_events'));
      } finally {
        await handle.close();
      }
      await expect(startSupportApi(options)).rejects.toThrow(/append-only trigger is missing or disabled \(audit_events_no_truncate\)/);
    } finally {
      tmp.remove();
    }
  }, 120_000);
});
