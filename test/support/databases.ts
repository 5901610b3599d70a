// Runs a suite against every database driver: PGlite always, PostgreSQL when TEST_DATABASE_URL is set
// (each suite in a database of its own). Without it the PostgreSQL variant is skipped with a visible
// reason locally, and fails under CI, where `.ci/run` provides one (scripts/ci-postgres.sh).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { migrate, openDatabase, type Database, type DriverName, type OpenDatabase } from '../../server/db/index';

export interface TestDatabase {
  driver: DriverName;
  db: Database;
  handle: OpenDatabase;
  /** PostgreSQL only: the URL of this suite's own database (for child processes). */
  url?: string;
  close(): Promise<void>;
}

export const drivers: readonly DriverName[] = ['pglite', 'postgres'];

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/** A fresh, empty PostgreSQL database on the TEST_DATABASE_URL server; `drop` removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = testDatabaseUrl();
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A temp folder removed by the returned function (for PGlite on disk, data folders of child processes). */
export function tempDir(prefix = 'support-api-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens a fresh, migrated database on the given driver (PGlite in memory). */
export async function openTestDatabase(driver: DriverName, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let handle: OpenDatabase;
  let url: string | undefined;
  let drop = async () => {};
  if (driver === 'postgres') {
    const created = await createPostgresDatabase();
    url = created.url;
    drop = created.drop;
    handle = await openDatabase({ databaseUrl: url, maxConnections: 20 });
  } else {
    handle = await openDatabase({});
  }
  if (options.migrate !== false) await handle.withRunner((r) => migrate(r));
  return {
    driver,
    db: handle.db,
    handle,
    ...(url ? { url } : {}),
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}

/** Whether a driver can run here; the reason is shown when it cannot. */
export function driverAvailability(driver: DriverName): { available: true } | { available: false; reason: string } {
  if (driver === 'postgres' && !testDatabaseUrl()) {
    return { available: false, reason: 'TEST_DATABASE_URL is not set (source scripts/ci-postgres.sh to start one)' };
  }
  return { available: true };
}

/**
 * Declares `body` once per driver; `get()` returns the suite's database inside tests and hooks.
 * Each driver's suite gets a fresh database, opened before its tests and closed after them.
 */
export function describeEachDatabase(
  title: string,
  body: (get: () => TestDatabase, driver: DriverName) => void,
  options: { migrate?: boolean } = {},
): void {
  for (const driver of drivers) {
    const availability = driverAvailability(driver);
    if (!availability.available) {
      if (process.env.CI) {
        describe(`${title} [${driver}]`, () => {
          it('has a database to run on', () => {
            throw new Error(`CI must run the ${driver} suites: ${availability.reason}`);
          });
        });
      } else {
        console.warn(`[${title}] ${driver} variant skipped: ${availability.reason}`);
        describe.skip(`${title} [${driver}] — skipped: ${availability.reason}`, () => {
          it('needs its database', () => {});
        });
      }
      continue;
    }
    describe(`${title} [${driver}]`, () => {
      let current: TestDatabase | undefined;
      beforeAll(async () => {
        current = await openTestDatabase(driver, options);
      });
      afterAll(async () => {
        await current?.close();
      });
      body(() => {
        if (!current) throw new Error('the test database is not open yet (use it inside tests or hooks)');
        return current;
      }, driver);
    });
  }
}
