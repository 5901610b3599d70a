import { advisoryLocks } from './advisory-locks';
import { migrationHash, migrationStatements } from './migration-text';
import { migrations as bundled } from './migrations/bundle.generated';
import { describeErrorSafely } from '../observability/error-summary';

/** The smallest SQL surface the migrator needs: one connection, one statement per call. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Migration {
  name: string;
  sql: string;
}

export interface MigrationStatus {
  /** Known to this version and applied, in order. */
  applied: string[];
  /** Known to this version and not applied yet, in the order they would run. */
  pending: string[];
  /** Applied to the database but unknown to this version: a newer version upgraded it. */
  unknown: string[];
  /** Applied under the same name with a different text (a released migration was edited). */
  changed: string[];
}

const migrationLockKey = advisoryLocks.migrate;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

async function readApplied(runner: SqlRunner): Promise<Map<string, string>> {
  const [exists] = await runner.query<{ present: boolean }>("select to_regclass('support_migrations') is not null as present");
  if (!exists?.present) return new Map();
  const rows = await runner.query<{ name: string; hash: string }>('select name, hash from support_migrations order by name');
  return new Map(rows.map((r) => [r.name, r.hash]));
}

function compare(done: Map<string, string>, migrations: readonly Migration[]): MigrationStatus {
  const known = new Set(migrations.map((m) => m.name));
  const status: MigrationStatus = { applied: [], pending: [], unknown: [], changed: [] };
  for (const m of migrations) {
    const hash = done.get(m.name);
    if (hash === undefined) status.pending.push(m.name);
    else if (hash === migrationHash(m.sql)) status.applied.push(m.name);
    else status.changed.push(m.name);
  }
  status.unknown = [...done.keys()].filter((name) => !known.has(name));
  return status;
}

/** Where the database stands against this version's migrations; reads only. */
export async function migrationStatus(runner: SqlRunner, migrations: readonly Migration[] = bundled): Promise<MigrationStatus> {
  return compare(await readApplied(runner), migrations);
}

/** Why this version must not touch the database, or null when it may migrate it. */
export function refusal(status: MigrationStatus): string | null {
  if (status.unknown.length > 0) {
    return (
      `This database was upgraded by a newer version of the Support API: it holds migration(s) ${status.unknown.join(', ')} ` +
      'that this version does not know. Nothing was changed. Run the newer version, or restore a backup taken before the upgrade.'
    );
  }
  if (status.changed.length > 0) {
    return (
      `Migration(s) ${status.changed.join(', ')} in this database differ from the ones of this version ` +
      '(a released migration must never be edited). Nothing was changed.'
    );
  }
  return null;
}

export interface MigrateOptions {
  /** Report what would run, change nothing. */
  dryRun?: boolean;
}

/**
 * Applies the migrations that are not applied yet, each in its own transaction (a failure rolls that
 * one back and stops), under a session advisory lock so instances starting together apply each once.
 * Refuses, changing nothing, a database that holds migrations this version does not know or whose text
 * differs. Returns the names it applied (or, dry, would apply).
 */
export async function migrate(runner: SqlRunner, migrations: readonly Migration[] = bundled, options: MigrateOptions = {}): Promise<string[]> {
  await runner.query('select pg_advisory_lock($1)', [migrationLockKey]);
  try {
    const status = await migrationStatus(runner, migrations);
    const refused = refusal(status);
    if (refused) throw new MigrationError(refused);
    if (options.dryRun || status.pending.length === 0) return status.pending;
    await runner.query(
      'create table if not exists support_migrations (name text primary key, hash text not null, applied_at timestamptz not null default now())',
    );
    const applied: string[] = [];
    for (const name of status.pending) {
      const m = migrations.find((x) => x.name === name) as Migration;
      await runner.query('begin');
      try {
        for (const statement of migrationStatements(m.sql)) await runner.query(statement);
        await runner.query('insert into support_migrations (name, hash) values ($1, $2)', [m.name, migrationHash(m.sql)]);
        await runner.query('commit');
      } catch (error) {
        await runner.query('rollback');
        // The driver's message can quote a row's value: class and SQLSTATE only (run the file by hand to see more).
        throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${describeErrorSafely(error)}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await runner.query('select pg_advisory_unlock($1)', [migrationLockKey]);
  }
}
