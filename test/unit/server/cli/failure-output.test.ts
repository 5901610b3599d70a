// A command-line tool that fails on a query prints the error's class and SQLSTATE, never the query's
// message: drizzle's carries the SQL parameters, which are the values the command sent (a display
// name, an extract's names and CPR numbers). A trigger that refuses every insert makes the failure.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../../../server/db/index';
import { migrate } from '../../../../server/db/migrate';
import { formatRecord } from '../../../../server/services/register/cpr-extract/codec';
import { personRecords as R } from '../../../../server/services/register/cpr-extract/layout';
import { createPostgresDatabase, driverAvailability, drivers, tempDir } from '../../../support/databases';

const root = new URL('../../../../', import.meta.url).pathname;
const masterKey = Buffer.alloc(32, 7).toString('base64');

function run(cli: 'admin' | 'sandbox', args: string[], input: string, env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${cli}.ts`, ...args], { cwd: root, input, encoding: 'utf8', env: { ...rest, ...env } });
}

async function refuseInserts(database: OpenDatabase, tables: string[]): Promise<void> {
  await database.withRunner((r) => migrate(r));
  await database.db.execute(sql.raw(`create function refuse_for_test() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`));
  for (const table of tables) {
    await database.db.execute(sql.raw(`create trigger refuse_for_test before insert on ${table} for each row execute function refuse_for_test()`));
  }
}

const cpr = '1203681158';
const extractLines = [
  formatRecord(R.start, { taskNumber: '7', productionDate: '20261124' }),
  formatRecord(R.person, { pnr: cpr, currentPnr: cpr, status: '01', sex: 'K', birthDate: '1968-03-12' }),
  formatRecord(R.name, { pnr: cpr, firstNames: 'Kirsten', lastName: 'Probeholm', nameStart: '1993-06-12' }),
  formatRecord(R.end, { counter: '2' }),
];

for (const driver of drivers) {
  describe.runIf(driverAvailability(driver).available || process.env.CI)(`CLI failure output [${driver}]`, { timeout: 300_000 }, () => {
    it('admin create-user, sandbox seed and admin import-cpr-extract name class and SQLSTATE, not the values', async () => {
      const tmp = tempDir('cli-failure-');
      const pg = driver === 'postgres' ? await createPostgresDatabase() : undefined;
      const env: Record<string, string> = pg ? { DATABASE_URL: pg.url, SUPPORT_API_MASTER_KEY: masterKey } : {};
      const data = pg ? [] : ['--data', path.join(tmp.dir, 'data')];
      try {
        const database = await openDatabase(pg ? { databaseUrl: pg.url } : { dataDir: path.join(tmp.dir, 'data') });
        try {
          await refuseInserts(database, ['users', 'register_persons']);
        } finally {
          await database.close();
        }

        const created = run('admin', ['create-user', '--username', 'probe-user', '--role', 'agent', '--display-name', 'Probe Secret Name', ...data], 'a-long-enough-password\n', env);
        expect(created.status).toBe(1);
        expect(created.stderr).toMatch(/^admin: \w+ \(.*code P0001\)/m);
        for (const value of ['Probe Secret Name', 'probe-user', 'scrypt', 'insert into', 'params']) expect(created.stderr + created.stdout).not.toContain(value);

        // Before the import, which marks the register as a CPR extract even when its persons fail.
        const seeded = run('sandbox', ['seed', '--persons', '100', ...data], '', env);
        expect(seeded.status).toBe(1);
        expect(seeded.stderr).toMatch(/^sandbox: \w+ \(.*code P0001\)/m);
        for (const value of ['insert into', 'params', 'Failed query']) expect(seeded.stderr + seeded.stdout).not.toContain(value);
        const extract = path.join(tmp.dir, 'persons.txt');
        writeFileSync(extract, `${extractLines.join('\r\n')}\r\n`, 'latin1');
        const imported = run('admin', ['import-cpr-extract', extract, ...data], '', env);
        expect(imported.status).not.toBe(0);
        expect(imported.stderr).toContain('P0001');
        for (const value of ['Probeholm', 'Kirsten', cpr, '120368', 'insert into', 'params']) expect(imported.stderr + imported.stdout).not.toContain(value);
      } finally {
        await pg?.drop();
        tmp.remove();
      }
    });
  });
}
