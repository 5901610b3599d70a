import { createHash } from 'node:crypto';
import { advisoryLocks } from './advisory-locks';
import { migrations as bundled } from './migrations/bundle.generated';

/** The smallest SQL surface the migrator needs: one connection, one statement per call. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Migration {
  name: string;
  sql: string;
}

const migrationLockKey = advisoryLocks.migrate;
const breakpoint = '--> statement-breakpoint';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Applies the bundled migrations that are not applied yet, each in its own transaction, under a
 * session advisory lock so several API instances starting together apply each migration once.
 * Returns the names it applied.
 */
export async function migrate(runner: SqlRunner, migrations: readonly Migration[] = bundled): Promise<string[]> {
  const applied: string[] = [];
  await runner.query('select pg_advisory_lock($1)', [migrationLockKey]);
  try {
    await runner.query(
      'create table if not exists support_migrations (name text primary key, hash text not null, applied_at timestamptz not null default now())',
    );
    const rows = await runner.query<{ name: string; hash: string }>('select name, hash from support_migrations');
    const done = new Map(rows.map((r) => [r.name, r.hash]));
    for (const m of migrations) {
      const hash = sha256(m.sql);
      const previous = done.get(m.name);
      if (previous === hash) continue;
      if (previous !== undefined) {
        // Until the first deployment the baseline is regenerated from the schema; an older one cannot be upgraded.
        throw new MigrationError(
          `The database was created by a different version of migration ${m.name}. ` +
            'If this is a development or sandbox data folder, delete it and start again.',
        );
      }
      await runner.query('begin');
      try {
        for (const statement of m.sql.split(breakpoint)) {
          if (statement.replace(/--.*$/gm, '').trim()) await runner.query(statement);
        }
        await runner.query('insert into support_migrations (name, hash) values ($1, $2)', [m.name, hash]);
        await runner.query('commit');
      } catch (error) {
        await runner.query('rollback');
        throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
  } finally {
    await runner.query('select pg_advisory_unlock($1)', [migrationLockKey]);
  }
  return applied;
}
