// The data of an earlier release (test/fixtures/upgrade/<release>/, made by that release's own code) loaded
// into a test database at that release's migrations, so upgrade tests migrate real old data to the head.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migrate, type SqlRunner } from '../../server/db/index';
import { migrations } from '../../server/db/migrations/bundle.generated';
import type { TestDatabase } from './databases';

export const fixtureDir = (release: string) => path.resolve(import.meta.dirname, '../fixtures/upgrade', release);

export interface ReleaseFacts {
  release: string;
  counts: Record<string, number>;
  verifications: Record<string, string>;
  ids: Record<string, string>;
  users: string[];
}

export function releaseFacts(release: string): ReleaseFacts {
  return JSON.parse(readFileSync(path.join(fixtureDir(release), 'facts.json'), 'utf8')) as ReleaseFacts;
}

// Parents before children (foreign keys).
const loadOrder = [
  'users',
  'settings',
  'register_meta',
  'register_persons',
  'register_name_history',
  'register_addresses',
  'register_civil_status',
  'register_relations',
  'register_documents',
  'register_mitid',
  'sessions',
  'unknown_login_attempts',
  'verifications',
  'verification_questions',
  'activation_codes',
  'velocity_signals',
  'review_notes',
  'export_tickets',
  'message_outbox',
  'audit_events',
];

/** Migrates an empty database to the release's last migration, then inserts the release's rows as they were. */
export async function loadRelease(t: TestDatabase, release: string, releaseMigrations: string[]): Promise<void> {
  const tables = JSON.parse(readFileSync(path.join(fixtureDir(release), 'tables.json'), 'utf8')) as Record<string, unknown[]>;
  const unknownTables = Object.keys(tables).filter((n) => n !== 'support_migrations' && !loadOrder.includes(n));
  if (unknownTables.length > 0) throw new Error(`fixture tables without a load order: ${unknownTables.join(', ')}`);
  await t.handle.withRunner(async (runner: SqlRunner) => {
    await migrate(runner, migrations.filter((m) => releaseMigrations.includes(m.name)));
    for (const name of loadOrder) {
      const rows = tables[name] ?? [];
      if (rows.length === 0) continue;
      await runner.query(`insert into "${name}" select * from json_populate_recordset(null::"${name}", $1::json)`, [JSON.stringify(rows)]);
    }
    // bigserial columns continue after the loaded rows, as they would have.
    const serials = await runner.query<{ t: string; c: string; s: string }>(
      `select table_name as t, column_name as c, pg_get_serial_sequence(quote_ident(table_name), column_name) as s
         from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`,
    );
    for (const { t: table, c, s } of serials) {
      await runner.query(`select setval('${s}', greatest((select coalesce(max("${c}"), 0) from "${table}"), 1))`);
    }
  });
}
