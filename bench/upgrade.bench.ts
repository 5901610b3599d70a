// Upgrading a centre's database: BENCH_VERIFICATIONS verifications (default 1,000,000) with their codes
// and velocity signals, seeded at release 0.1.0's schema (migration 0000_baseline), then migrated to the
// head by the migrator as an instance would at start. Figure: the time the migration takes, per driver.
import { migrate, migrationStatus, type OpenDatabase } from '../server/db/index';
import { migrations } from '../server/db/migrations/bundle.generated';
import { postgresSkipped, withPgliteBench, withPostgresBench } from './bench-databases';
import { seedVerifications } from './review-seed';
import type { BenchFigure } from './run';

const total = Number(process.env.BENCH_VERIFICATIONS ?? 1_000_000);

async function upgradeFigures(label: string, database: OpenDatabase): Promise<BenchFigure[]> {
  await database.withRunner((r) => migrate(r, migrations.slice(0, 1)));
  await seedVerifications(database, total);
  const started = performance.now();
  const applied = await database.withRunner((r) => migrate(r));
  const seconds = (performance.now() - started) / 1000;
  const status = await database.withRunner((r) => migrationStatus(r));
  if (status.pending.length > 0) throw new Error('migrations still pending after the upgrade');
  return [{ name: `${label}: migrate ${total.toLocaleString('en')} verifications from 0000_baseline to ${applied.at(-1) ?? 'head'}`, value: seconds, unit: 's', note: applied.join(', ') }];
}

export default async function upgradeBench(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  figures.push(...((await withPostgresBench('upgrade', 2, (database) => upgradeFigures('PostgreSQL 15', database))) ?? [postgresSkipped]));
  figures.push(...(await withPgliteBench('upgrade', (database) => upgradeFigures('PGlite (on disk)', database))));
  return figures;
}
