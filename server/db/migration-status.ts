// TEMPORARY shim: the coordinator adds migrationStatus(runner) to server/db/migrate.ts with this
// signature. Delete this file after `git merge main` and import it from './migrate' instead.
import { migrations as bundled } from './migrations/bundle.generated';
import type { SqlRunner } from './migrate';

export async function migrationStatus(runner: SqlRunner): Promise<{ applied: string[]; pending: string[]; unknown: string[] }> {
  const [table] = await runner.query<{ present: boolean }>("select to_regclass('support_migrations') is not null as present");
  const rows = table?.present ? await runner.query<{ name: string }>('select name from support_migrations order by name') : [];
  const applied = rows.map((r) => r.name);
  const known = new Set(bundled.map((m) => m.name));
  const done = new Set(applied);
  return {
    applied,
    pending: bundled.map((m) => m.name).filter((n) => !done.has(n)),
    unknown: applied.filter((n) => !known.has(n)),
  };
}
