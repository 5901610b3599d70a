import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { unpackPgliteImage } from './pglite-image';
import { lockDataFolder } from './pglite-lock';
import { makeTreePrivate } from './private-folder';
import * as schema from './schema/index';
import type { Database, DriverName, Tx } from './types';
import type { SqlRunner } from './migrate';

export interface OpenDatabaseOptions {
  /** postgres:// URL: node-postgres pool. Otherwise PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; omitted means in memory (tests). */
  dataDir?: string;
  /** A pre-initialised PGlite image (pglite-image.ts) to unpack into a data folder without a database. */
  pgliteImage?: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

export interface OpenDatabase {
  db: Database;
  driver: DriverName;
  /** Runs fn in one transaction (READ COMMITTED), committing when it resolves. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A single connection for the migrator (advisory session lock + its own transactions). */
  withRunner<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T>;
  /** Connections open, in use and requests waiting for one (metrics). PGlite is one connection. */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  size: number;
  inUse: number;
  waiting: number;
}

function wrap(
  db: Database,
  driver: DriverName,
  withRunner: OpenDatabase['withRunner'],
  poolStats: () => PoolStats,
  close: () => Promise<void>,
): OpenDatabase {
  let closed = false;
  return {
    db,
    driver,
    transaction: (fn) => db.transaction(fn),
    withRunner,
    poolStats,
    close: async () => {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}

/**
 * PostgreSQL's default 128 MB of shared buffers live inside PGlite's WebAssembly memory, which never
 * shrinks; one desk's database (about 40 MB with the sandbox register) needs far less. 16 MB takes
 * about 100 MB off the embedded API's resident memory (README "Benchmarks", cold start).
 */
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

async function openPglite(dataDir: string | undefined, image: string | undefined): Promise<OpenDatabase> {
  const release = dataDir ? await lockDataFolder(dataDir) : async () => {};
  let client: PGlite;
  try {
    if (dataDir && image) unpackPgliteImage(dataDir, image);
    client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), startParams: pgliteStartParams });
    if (dataDir) makeTreePrivate(dataDir);
  } catch (error) {
    await release();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  // PGlite is one connection: the migrator may use it directly (nothing else runs during migration).
  const runner: SqlRunner = { query: async (text, params) => (await client.query(text, params ?? [])).rows as never };
  const onePglite = { size: 1, inUse: 1, waiting: 0 };
  return wrap(db, 'pglite', (fn) => fn(runner), () => onePglite, async () => {
    try {
      await client.close();
      if (dataDir) makeTreePrivate(dataDir);
    } finally {
      await release();
    }
  });
}

async function openPostgres(url: string, max: number): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'mitid-support-api' });
  // An idle client that loses its connection emits 'error' on the pool; without a listener Node crashes.
  pool.on('error', (error) => console.error(`PostgreSQL pool: ${error.message}`));
  // Fail now, with the driver's message, rather than on the first request.
  const probe = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  probe.release();
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  return wrap(
    db,
    'postgres',
    async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({ query: async (text, params) => (await client.query(text, params as unknown[])).rows as never });
      } finally {
        client.release();
      }
    },
    () => ({ size: pool.totalCount, inUse: pool.totalCount - pool.idleCount, waiting: pool.waitingCount }),
    () => pool.end(),
  );
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.maxConnections ?? 10) : openPglite(options.dataDir, options.pgliteImage);
}
