// A migration that fails at start is rolled back whole and the API does not start: the database stays
// at the last migration that succeeded, and the message names the migration, the error's class and its
// SQLSTATE (never the driver's text). The failure is real: an index already holds the name that
// 0002's third statement creates, after its first two have added columns.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrate, migrationStatus, openDatabase, queryRows, type OpenDatabase } from '../../../../server/db/index';
import { migrations } from '../../../../server/db/migrations/bundle.generated';
import { startSupportApi } from '../../../../server/start';
import { createPostgresDatabase, driverAvailability, drivers, tempDir } from '../../../support/databases';
import { testScryptParams } from '../../../support/support-api';

const masterKey = Buffer.alloc(32, 5).toString('base64');
const failing = '0002_phone_call_screen_pop';
const before = migrations.slice(0, migrations.findIndex((m) => m.name === failing));

async function prepare(database: OpenDatabase): Promise<void> {
  await database.withRunner((r) => migrate(r, before));
  await database.db.execute(sql`create index verifications_call_id_idx on verifications (id)`);
}

async function expectUntouched(database: OpenDatabase): Promise<void> {
  const status = await database.withRunner((r) => migrationStatus(r));
  expect(status.applied).toEqual(before.map((m) => m.name));
  const columns = await queryRows<{ name: string }>(database.db, sql`select column_name as name from information_schema.columns where table_name = 'verifications' and column_name in ('call_id', 'caller_number')`);
  expect(columns).toEqual([]);
}

for (const driver of drivers) {
  describe.runIf(driverAvailability(driver).available || process.env.CI)(`a migration failing at start [${driver}]`, { timeout: 120_000 }, () => {
    it('is rolled back whole and the API does not start', async () => {
      const tmp = tempDir('failed-migration-');
      const pg = driver === 'postgres' ? await createPostgresDatabase() : undefined;
      const dataDir = path.join(tmp.dir, 'data');
      const open = () => openDatabase(pg ? { databaseUrl: pg.url } : { dataDir });
      try {
        let database = await open();
        try {
          await prepare(database);
        } finally {
          await database.close();
        }
        const start = startSupportApi({ ...(pg ? { databaseUrl: pg.url } : { dataDir }), masterKey, seed: false, port: 0, scryptParams: testScryptParams });
        const error = await start.then(
          async (api) => {
            await api.close();
            return null;
          },
          (e: unknown) => e as Error,
        );
        expect(error?.message).toMatch(new RegExp(`^Could not migrate the database: Migration ${failing} failed and was rolled back: \\w+ \\(.*code 42P07\\)$`));
        expect(error?.message).not.toContain('verifications_call_id_idx');
        database = await open();
        try {
          await expectUntouched(database);
        } finally {
          await database.close();
        }
      } finally {
        await pg?.drop();
        tmp.remove();
      }
    });
  });
}
