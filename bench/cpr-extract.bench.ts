// CPR extract import: a sandbox register of CPR_EXTRACT_BENCH_PERSONS (default 1,000,000) persons is
// written as extract files, then imported into a fresh database; the import's time, persons per second
// and memory (peak RSS above the start, sampled every 100 ms) are the figures. PostgreSQL when
// BENCH_DATABASE_URL / TEST_DATABASE_URL is set, else PGlite on disk.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, type OpenDatabase } from '../server/db/index';
import { seedSandboxIfEmpty } from '../server/sandbox/seed';
import { importCprExtract } from '../server/services/register/cpr-extract/importer';
import { writeExtract } from '../server/services/register/cpr-extract/writer';
import { withPgliteBench, withPostgresBench } from './bench-databases';
import type { BenchFigure } from './run';

const persons = Number(process.env.CPR_EXTRACT_BENCH_PERSONS ?? 1_000_000);
const now = new Date('2026-11-25T09:00:00Z');

async function onDatabase<T>(name: string, fn: (db: OpenDatabase) => Promise<T>): Promise<[T, string]> {
  const viaPostgres = await withPostgresBench(name, 4, async (db) => {
    await db.withRunner((r) => migrate(r));
    return fn(db);
  });
  if (viaPostgres !== null) return [viaPostgres, 'PostgreSQL'];
  return [
    await withPgliteBench(name, async (db) => {
      await db.withRunner((r) => migrate(r));
      return fn(db);
    }),
    'PGlite',
  ];
}

export default async function bench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cpr-extract-bench-'));
  try {
    const [written, driver] = await onDatabase('extract_src', async (db) => {
      await seedSandboxIfEmpty(db.db, { persons, now });
      const started = performance.now();
      const result = await writeExtract(db.db, dir, { now });
      return { ...result, ms: performance.now() - started };
    });
    const bytes = statSync(written.files.persons).size;
    const [imported] = await onDatabase('extract_dst', async (db) => {
      const rssStart = process.memoryUsage().rss;
      let peak = rssStart;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
      // The machine's load during the import (1-minute average, every 5 s): a shared machine's figures need it.
      const loads = [loadavg()[0] as number];
      const loadSampler = setInterval(() => loads.push(loadavg()[0] as number), 5000);
      const started = performance.now();
      try {
        const summary = await importCprExtract(db, [written.files.persons, written.files.roads, written.files.authorities], { now });
        return { summary, ms: performance.now() - started, growthMb: (peak - rssStart) / 1_048_576, peakMb: peak / 1_048_576, load: `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` };
      } finally {
        clearInterval(sampler);
        clearInterval(loadSampler);
      }
    });
    const n = persons.toLocaleString('en');
    return [
      { name: `write ${n} persons as extract files (${driver})`, value: written.ms / 1000, unit: 's', note: `${(bytes / 1_048_576).toFixed(0)} MB, ${written.records.toLocaleString('en')} records` },
      { name: `import ${n} persons from the extract (${driver})`, value: imported.ms / 1000, unit: 's', note: `${Math.round(persons / (imported.ms / 1000)).toLocaleString('en')} persons/s, ${imported.summary.errors} record errors, load average ${imported.load}` },
      { name: `import ${n} persons: peak RSS above the start`, value: Math.round(imported.growthMb), unit: 'MB', note: `peak RSS ${Math.round(imported.peakMb)} MB`, goal: 'flat (streaming)' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
