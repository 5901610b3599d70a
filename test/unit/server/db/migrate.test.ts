import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrate, MigrationError, openDatabase, queryRows } from '../../../../server/db/index';
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

    it('refuse a database made by a different baseline', async () => {
      const { handle } = get();
      const changed = migrations.map((m) => ({ ...m, sql: `${m.sql}\n-- changed` }));
      await expect(handle.withRunner((r) => migrate(r, changed))).rejects.toThrow(MigrationError);
    });

    it('roll back a failing migration whole', async () => {
      const { handle, db } = get();
      const bad = [{ name: '9999_bad', sql: 'create table half_done (id int)\n--> statement-breakpoint\nselect no_such_function()' }];
      await expect(handle.withRunner((r) => migrate(r, bad))).rejects.toThrow(/9999_bad failed/);
      const t = await queryRows<{ t: string | null }>(db, sql`select to_regclass('public.half_done')::text as t`);
      expect(t[0]?.t).toBeNull();
    });
  },
  { migrate: false },
);

describe.runIf(driverAvailability('postgres').available)('migrations on PostgreSQL under concurrency', () => {
  it('are applied once when several instances start together', async () => {
    const base = await openTestDatabase('postgres', { migrate: false });
    try {
      const others = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: base.url! })));
      const applied = await Promise.all([base.handle, ...others].map((h) => h.withRunner((r) => migrate(r))));
      expect(applied.flat()).toEqual(['0000_baseline']);
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
  });
});
