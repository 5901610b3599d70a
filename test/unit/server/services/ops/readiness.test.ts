// Readiness (/api/ready): ready only when the database answers and holds exactly the migrations this
// version knows; not ready when the database is gone, a migration is pending or one is unknown
// (made by a newer version), or the instance is shutting down.
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../../server/db/migrations/bundle.generated';
import { createReadinessCheck, type ReadinessReport } from '../../../../../server/services/ops/readiness';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../../../support/databases';
import { createTestApi } from '../../../../support/support-api';

async function ready(t: TestDatabase): Promise<{ status: number; body: ReadinessReport }> {
  const api = await createTestApi(t);
  try {
    const res = await api.app.inject({ method: 'GET', url: '/api/ready' });
    return { status: res.statusCode, body: res.json() as ReadinessReport };
  } finally {
    await api.close();
  }
}

// One database per driver: each test that bends support_migrations puts it back.
describeEachDatabase('readiness', (get) => {
  const run = (sql: string, params: unknown[] = []) => get().handle.withRunner((r) => r.query(sql, params));

  it('is ready on a reachable, fully migrated database', async () => {
    const { status, body } = await ready(get());
    expect(status).toBe(200);
    expect(body).toEqual({ ready: true, database: 'ok', migrations: 'current', pending: [], unknown: [], changed: [], shuttingDown: false });
  });

  it('is not ready while a migration is pending', async () => {
    const last = migrations.at(-1)!.name;
    const [row] = await run('select name, hash, applied_at from support_migrations where name = $1', [last]);
    await run('delete from support_migrations where name = $1', [last]);
    try {
      const { status, body } = await ready(get());
      expect(status).toBe(503);
      expect(body).toMatchObject({ ready: false, database: 'ok', migrations: 'pending', pending: [last] });
    } finally {
      await run('insert into support_migrations (name, hash, applied_at) values ($1, $2, $3)', [row!.name, row!.hash, row!.applied_at]);
    }
  });

  it('is not ready on a database migrated by a newer version', async () => {
    await run("insert into support_migrations (name, hash) values ('9999_from_a_newer_version', 'x')");
    try {
      const { status, body } = await ready(get());
      expect(status).toBe(503);
      expect(body).toMatchObject({ ready: false, database: 'ok', migrations: 'unknown', unknown: ['9999_from_a_newer_version'] });
    } finally {
      await run("delete from support_migrations where name = '9999_from_a_newer_version'");
    }
    expect((await ready(get())).status).toBe(200);
  });

  it('is not ready when a released migration in the database differs from this version\'s', async () => {
    const first = migrations[0]!.name;
    const [row] = await run('select hash from support_migrations where name = $1', [first]);
    await run('update support_migrations set hash = $2 where name = $1', [first, 'edited']);
    try {
      const { status, body } = await ready(get());
      expect(status).toBe(503);
      expect(body).toMatchObject({ ready: false, database: 'ok', migrations: 'changed', changed: [first] });
    } finally {
      await run('update support_migrations set hash = $2 where name = $1', [first, row!.hash]);
    }
  });
});

describe('readiness without a database', () => {
  it('is not ready when the database is closed, and says so without the driver message', async () => {
    const t = await openTestDatabase('pglite');
    const api = await createTestApi(t);
    try {
      await t.handle.close();
      const res = await api.app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ ready: false, database: 'unreachable', migrations: 'not_checked', pending: [], unknown: [], changed: [], shuttingDown: false });
    } finally {
      await api.close();
    }
  });

  it('is not ready when the database does not answer within the bound', async () => {
    const check = createReadinessCheck({
      withRunner: () => new Promise<never>(() => {}),
      migrationStatus: async () => ({ applied: [], pending: [], unknown: [], changed: [] }),
      isShuttingDown: () => false,
      timeoutMs: 50,
    });
    const started = Date.now();
    await expect(check()).resolves.toMatchObject({ ready: false, database: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('is not ready once the instance is shutting down, though the database is fine', async () => {
    let stopping = false;
    const check = createReadinessCheck({
      withRunner: (fn) => fn({ query: async () => [] }),
      migrationStatus: async () => ({ applied: ['0000_baseline'], pending: [], unknown: [], changed: [] }),
      isShuttingDown: () => stopping,
      timeoutMs: 1_000,
    });
    await expect(check()).resolves.toMatchObject({ ready: true });
    stopping = true;
    await expect(check()).resolves.toMatchObject({ ready: false, database: 'ok', migrations: 'current', shuttingDown: true });
  });
});
