// Upgrading a centre's database: BENCH_VERIFICATIONS verifications (default 1,000,000) with their codes
// and velocity signals, seeded at release 0.1.0's schema (migration 0000_baseline), then migrated to the
// head by the migrator as an instance would at start. Figures per driver: the time to the second
// migration, then the time from there to the head.
import { migrate, migrationStatus, type OpenDatabase } from '../server/db/index';
import { migrations } from '../server/db/migrations/bundle.generated';
import { postgresSkipped, withPgliteBench, withPostgresBench } from './bench-databases';
import { seedVerifications } from './review-seed';
import type { BenchFigure } from './run';

const total = Number(process.env.BENCH_VERIFICATIONS ?? 1_000_000);

async function upgradeFigures(label: string, database: OpenDatabase): Promise<BenchFigure[]> {
  await database.withRunner((r) => migrate(r, migrations.slice(0, 1)));
  await seedVerifications(database, total);
  const n = total.toLocaleString('en');
  // Two figures: to the second migration (0001_status_checks, the figure issue 11 asks for; its CHECK
  // constraints scan every row), then from there to the head (the migrations added since).
  const timed = async (list?: typeof migrations) => {
    const started = performance.now();
    const applied = await database.withRunner((r) => migrate(r, list));
    return { applied, seconds: (performance.now() - started) / 1000 };
  };
  const second = await timed(migrations.slice(0, 2));
  const rest = await timed();
  const status = await database.withRunner((r) => migrationStatus(r));
  if (status.pending.length > 0) throw new Error('migrations still pending after the upgrade');
  return [
    { name: `${label}: migrate ${n} verifications from 0000_baseline to ${second.applied.at(-1) ?? '0001'}`, value: second.seconds, unit: 's', note: second.applied.join(', ') },
    { name: `${label}: then on to the head (${rest.applied.at(-1) ?? 'head'})`, value: rest.seconds, unit: 's', note: rest.applied.join(', ') },
  ];
}

export default async function upgradeBench(): Promise<BenchFigure[]> {
  // BENCH_REVIEW_DRIVERS=postgres (or pglite) runs one only, as the review bench it shares the seed with.
  const only = process.env.BENCH_REVIEW_DRIVERS;
  const figures: BenchFigure[] = [];
  if (only !== 'pglite') figures.push(...((await withPostgresBench('upgrade', 2, (database) => upgradeFigures('PostgreSQL 15', database))) ?? [postgresSkipped]));
  if (only !== 'postgres') figures.push(...(await withPgliteBench('upgrade', (database) => upgradeFigures('PGlite (on disk)', database))));
  return figures;
}
