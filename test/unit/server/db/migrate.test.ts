import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrate, migrationStatus, MigrationError, openDatabase, queryRows } from '../../../../server/db/index';
import { migrations } from '../../../../server/db/migrations/bundle.generated';
import { describeEachDatabase, driverAvailability, openTestDatabase, tempDir } from '../../../support/databases';

describeEachDatabase(
  'migrations',
  (get) => {
    it('apply the bundled baseline once, then nothing', async () => {
      const { handle, db } = get();
      expect(await handle.withRunner((r) => migrate(r))).toEqual(migrations.map((m) => m.name));
      expect(await handle.withRunner((r) => migrate(r))).toEqual([]);
      const tables = await queryRows<{ t: string | null }>(db, sql`select to_regclass('public.audit_events')::text as t`);
      expect(tables[0]?.t).toBe('audit_events');
    });

    it('refuse a database whose applied migration text differs, changing nothing', async () => {
      const { handle } = get();
      const changed = migrations.map((m) => ({ ...m, sql: `${m.sql}\n-- changed` }));
      await expect(handle.withRunner((r) => migrate(r, changed))).rejects.toThrow(/differ from the ones of this version/);
    });

    it('roll back a failing migration whole and stop before the next', async () => {
      const { handle, db } = get();
      const bad = [
        ...migrations,
        { name: '9998_bad', sql: 'create table half_done (id int)\n--> statement-breakpoint\nselect no_such_function()' },
        { name: '9999_after', sql: 'create table after_bad (id int)' },
      ];
      await expect(handle.withRunner((r) => migrate(r, bad))).rejects.toThrow(/9998_bad failed and was rolled back/);
      const t = await queryRows<{ a: string | null; b: string | null }>(db, sql`select to_regclass('public.half_done')::text as a, to_regclass('public.after_bad')::text as b`);
      expect(t[0]).toEqual({ a: null, b: null });
      const status = await handle.withRunner((r) => migrationStatus(r, bad));
      expect(status.pending).toEqual(['9998_bad', '9999_after']);
    });

    it('report pending migrations on a dry run without applying them', async () => {
      const { handle, db } = get();
      const next = [...migrations, { name: '9999_next', sql: 'create table next_one (id int)' }];
      expect(await handle.withRunner((r) => migrate(r, next, { dryRun: true }))).toEqual(['9999_next']);
      const t = await queryRows<{ t: string | null }>(db, sql`select to_regclass('public.next_one')::text as t`);
      expect(t[0]?.t).toBeNull();
    });

    it('refuse a database upgraded by a newer version (unknown migrations), changing nothing', async () => {
      const { handle, db } = get();
      const newer = [...migrations, { name: '9999_from_the_future', sql: 'create table future_table (id int)' }];
      await handle.withRunner((r) => migrate(r, newer));
      // This version knows only the first migration: the second (pending for it) must not run either.
      const older = migrations.slice(0, 1);
      const notApplied = { name: '0001_not_applied', sql: 'create table must_not_exist (id int)' };
      const error = await handle.withRunner((r) => migrate(r, [...older, notApplied])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(/upgraded by a newer version.*9999_from_the_future.*Nothing was changed/s);
      const t = await queryRows<{ t: string | null }>(db, sql`select to_regclass('public.must_not_exist')::text as t`);
      expect(t[0]?.t).toBeNull();
      const status = await handle.withRunner((r) => migrationStatus(r, [...older, notApplied]));
      expect(status.unknown).toContain('9999_from_the_future');
    });
  },
  { migrate: false },
);

describe.runIf(driverAvailability('postgres').available || process.env.CI)('migrations on PostgreSQL under concurrency', () => {
  it('are applied once when several instances start together', async () => {
    const base = await openTestDatabase('postgres', { migrate: false });
    try {
      const others = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: base.url! })));
      const applied = await Promise.all([base.handle, ...others].map((h) => h.withRunner((r) => migrate(r))));
      expect(applied.flat()).toEqual(migrations.map((m) => m.name));
      await Promise.all(others.map((o) => o.close()));
    } finally {
      await base.close();
    }
  });
});

describe('PGlite data folder', () => {
  it('cannot be opened by two holders at once, and reopens after close', async () => {
    const tmp = tempDir();
    try {
      const first = await openDatabase({ dataDir: tmp.dir });
      await expect(openDatabase({ dataDir: tmp.dir })).rejects.toThrow('The data folder is in use by another process');
      await first.close();
      const again = await openDatabase({ dataDir: tmp.dir });
      await again.close();
    } finally {
      tmp.remove();
    }
    // Two folder opens, the first an initdb: over 30 s on a loaded machine.
  }, 120_000);
});
