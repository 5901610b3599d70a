// The databases a benchmark runs on: PGlite in a temp folder, and a throw-away PostgreSQL database on
// the server of BENCH_DATABASE_URL (or TEST_DATABASE_URL), each removed afterwards. Not a *.bench.ts
// file, so `npm run bench` does not run it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../server/db/index';
import type { BenchFigure } from './run';

/** Runs fn on a PGlite database in a fresh data folder (on disk, as the embedded console runs). */
export async function withPgliteBench<T>(name: string, fn: (database: OpenDatabase) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), `bench-${name}-`));
  const database = await openDatabase({ dataDir: dir });
  try {
    return await fn(database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figure that says the PostgreSQL half was skipped, and why. */
export const postgresSkipped: BenchFigure = { name: 'PostgreSQL', value: 0, unit: '', note: 'skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL' };

/**
 * Runs fn on a new, empty PostgreSQL database (dropped afterwards), or answers null when no server is
 * configured.
 */
export async function withPostgresBench<T>(name: string, maxConnections: number, fn: (database: OpenDatabase) => Promise<T>): Promise<T | null> {
  const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const dbName = `bench_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  try {
    const url = new URL(base);
    url.pathname = `/${dbName}`;
    const database = await openDatabase({ databaseUrl: url.toString(), maxConnections });
    try {
      return await fn(database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}
