// Seeding the sandbox register: generation alone, and generation + insert into PGlite (in memory and on
// disk, as the embedded console does at its first start). SEED_BENCH_PERSONS adds a larger run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, openDatabase } from '../server/db/index';
import { generateRegister } from '../server/sandbox/generator';
import { seedSandboxIfEmpty } from '../server/sandbox/seed';
import type { BenchFigure } from './run';

const now = new Date('2026-11-25T09:00:00Z');

async function seedOnce(persons: number, onDisk: boolean): Promise<number> {
  const dir = onDisk ? mkdtempSync(path.join(tmpdir(), 'seed-bench-')) : undefined;
  const handle = await openDatabase(dir ? { dataDir: dir } : {});
  try {
    await handle.withRunner((r) => migrate(r));
    const result = await seedSandboxIfEmpty(handle.db, { persons, now });
    if (!result.seeded) throw new Error('the fresh database was not empty');
    return result.ms;
  } finally {
    await handle.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const started = performance.now();
  let rows = 0;
  for (const b of generateRegister({ seed: 'bench', persons: 100_000, now })) {
    rows += b.persons.length + b.addresses.length + b.names.length + b.civilStatus.length + b.relations.length + b.documents.length + b.mitid.length;
  }
  const genMs = performance.now() - started;
  figures.push({ name: 'generate 100,000 persons (no database)', value: genMs / 1000, unit: 's', note: `${rows.toLocaleString('en')} rows` });

  // Best of three: the machine is shared; the minimum is the least disturbed run.
  const memory = Math.min(await seedOnce(10_000, false), await seedOnce(10_000, false), await seedOnce(10_000, false));
  figures.push({ name: 'seed 10,000 persons into PGlite (in memory)', value: memory / 1000, unit: 's', goal: 'a few seconds' });
  const disk = await seedOnce(10_000, true);
  figures.push({ name: 'seed 10,000 persons into PGlite (data folder, first embedded start)', value: disk / 1000, unit: 's', goal: 'a few seconds' });

  const large = Number(process.env.SEED_BENCH_PERSONS ?? 0);
  if (large > 0) {
    const ms = await seedOnce(large, true);
    figures.push({ name: `seed ${large.toLocaleString('en')} persons into PGlite (data folder)`, value: ms / 1000, unit: 's' });
  }
  return figures;
}
