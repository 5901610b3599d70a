// Upgrading data made by release 0.1.0 (test/fixtures/upgrade/v0.1.0, filled through that release's own
// services) to this version's migrations: nothing lost, the audit chain and the old checkpoint still
// verify, old accounts sign in, and new work succeeds on the upgraded database.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrate, migrationStatus, queryRows, type Database } from '../../../../server/db/index';
import { migrations } from '../../../../server/db/migrations/bundle.generated';
import { startSupportApi } from '../../../../server/start';
import { verifyAuditChain } from '../../../../server/services/audit/verify';
import { describeEachDatabase, tempDir } from '../../../support/databases';
import { fixtureDir, loadRelease, releaseFacts } from '../../../support/release-fixture';
import { bearer, createTestApi, testScryptParams } from '../../../support/support-api';
import { insertRichPerson, runCall } from '../../../support/verification-helpers';
import { callOp } from '../services/review/api-client';

const release = 'v0.1.0';
const facts = releaseFacts(release);
const checkpoint = JSON.parse(readFileSync(path.join(fixtureDir(release), 'checkpoint.json'), 'utf8')) as Record<string, unknown>;
const testMasterKey = Buffer.alloc(32, 7).toString('base64'); // the key test/support/support-api.ts's secrets derive from

async function tableCounts(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of Object.keys(facts.counts)) {
    if (name === 'support_migrations') continue;
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${name}"`));
    counts[name] = row!.n;
  }
  return counts;
}

const expectedCounts = Object.fromEntries(Object.entries(facts.counts).filter(([n]) => n !== 'support_migrations'));

describeEachDatabase(
  'upgrade from release 0.1.0',
  (get) => {
    it('loads the release data at its own migration, then migrates to the head', async () => {
      const t = get();
      await loadRelease(t, release, ['0000_baseline']);
      expect(await tableCounts(t.db)).toEqual(expectedCounts);
      const applied = await t.handle.withRunner((r) => migrate(r));
      expect(applied).toEqual(migrations.slice(1).map((m) => m.name));
      expect(applied.length).toBeGreaterThan(0);
      const status = await t.handle.withRunner((r) => migrationStatus(r));
      expect(status.pending).toEqual([]);
    });

    it('keeps every row and every verification in its status', async () => {
      const { db } = get();
      expect(await tableCounts(db)).toEqual(expectedCounts);
      const rows = await queryRows<{ id: string; status: string }>(db, sql`select id, status from verifications`);
      expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual(facts.verifications);
      expect(new Set(Object.values(facts.verifications))).toEqual(new Set(['passed', 'failed', 'refer', 'aborted', 'expired', 'in_progress']));
    });

    it("keeps every row's content: each release row is in its table with the values it had", async () => {
      const { db } = get();
      const tables = JSON.parse(readFileSync(path.join(fixtureDir(release), 'tables.json'), 'utf8')) as Record<string, Record<string, unknown>[]>;
      for (const [name, rows] of Object.entries(tables)) {
        if (name === 'support_migrations' || rows.length === 0) continue;
        // Compared as the database types them (timestamps, jsonb), on the release's columns only:
        // columns added since are new, not lost.
        const columns = Object.keys(rows[0]!);
        const [row] = await queryRows<{ missing: number }>(
          db,
          sql`select count(*)::int as missing from json_populate_recordset(null::${sql.identifier(name)}, ${JSON.stringify(rows)}::json) f
               where not exists (select 1 from ${sql.identifier(name)} t
                 where (select jsonb_object_agg(key, value) from jsonb_each(to_jsonb(t)) where key in (select jsonb_array_elements_text(${JSON.stringify(columns)}::jsonb)))
                     = (select jsonb_object_agg(key, value) from jsonb_each(to_jsonb(f)) where key in (select jsonb_array_elements_text(${JSON.stringify(columns)}::jsonb))))`,
        );
        expect(row?.missing, `${name}: release rows missing or changed`).toBe(0);
      }
    });

    it('verifies the audit chain and the checkpoint exported before the upgrade', async () => {
      const t = get();
      const chain = await verifyAuditChain(t.db);
      expect(chain).toMatchObject({ ok: true, count: facts.counts.audit_events });
      const api = await createTestApi(t, { embedded: true });
      try {
        const supervisor = await signInAs(api, 'fixture-supervisor', 'correct horse battery');
        const res = await callOp(api, supervisor, 'verifyAuditCheckpoint', { checkpoint });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ ok: true });
        for (const [key, id] of Object.entries(facts.ids)) {
          const detail = await callOp(api, supervisor, 'getVerificationDetail', { id });
          expect(detail.statusCode, key).toBe(200);
        }
      } finally {
        await api.close();
      }
    });

    it('signs in the demo and the release\'s accounts, and new work succeeds', async () => {
      const t = get();
      const api = await createTestApi(t, { embedded: true });
      try {
        await signInAs(api, 'agent', 'agent-demo-pass');
        await signInAs(api, 'supervisor', 'supervisor-demo-pass');
        const agent = await signInAs(api, 'fixture-agent-1', 'correct horse battery');
        // The call that was open at the upgrade goes on: its agent reads it back with its question.
        const agent2 = await signInAs(api, 'fixture-agent-2', 'correct horse battery');
        const open = await api.app.inject({ method: 'GET', url: `/api/verifications/${facts.ids.inProgress}`, headers: bearer(agent2) });
        expect(open.statusCode, open.body).toBe(200);
        expect(open.json()).toMatchObject({ id: facts.ids.inProgress });
        const person = await insertRichPerson(t.db);
        const run = await runCall(api, t.db, agent, person);
        expect(run.view.status).toBe('passed');
        const issued = await api.app.inject({ method: 'POST', url: `/api/verifications/${run.view.id}/activation-code`, headers: bearer(agent), payload: {} });
        expect(issued.statusCode, issued.body).toBe(200);
        const chain = await verifyAuditChain(t.db);
        expect(chain.ok).toBe(true);
        expect(chain.count).toBeGreaterThan(facts.counts.audit_events!);
      } finally {
        await api.close();
      }
    });

    it('refuses a status the contract does not know (the 0001 CHECK constraints)', async () => {
      const { db } = get();
      const id = facts.ids.inProgress!;
      await expect(db.execute(sql`update verifications set status = 'nonsense' where id = ${id}`)).rejects.toThrow();
    });
  },
  { migrate: false },
);

async function signInAs(api: Awaited<ReturnType<typeof createTestApi>>, username: string, password: string): Promise<string> {
  const res = await api.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  expect(res.statusCode, `${username} signs in`).toBe(200);
  return (res.json() as { token: string }).token;
}

describe('a desk\'s PGlite data folder made by release 0.1.0', () => {
  it('opens under this version: migrated at start, nothing lost, chain intact, accounts sign in', async () => {
    const tmp = tempDir('upgrade-folder-');
    try {
      const dataDir = path.join(tmp.dir, 'data');
      const tarball = readFileSync(path.join(fixtureDir(release), 'pglite-data.tar.gz'));
      const unpack = await PGlite.create({ dataDir, loadDataDir: new Blob([tarball]) });
      await unpack.close();

      const api = await startSupportApi({ dataDir, masterKey: testMasterKey, seed: false, port: 0, scryptParams: testScryptParams });
      try {
        const status = await api.database.withRunner((r) => migrationStatus(r));
        expect(status.applied).toEqual(migrations.map((m) => m.name));
        expect(await tableCounts(api.database.db)).toEqual(expectedCounts);
        expect(await verifyAuditChain(api.database.db)).toMatchObject({ ok: true, count: facts.counts.audit_events });
        const login = await fetch(`${api.url}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'supervisor', password: 'supervisor-demo-pass' }),
        });
        expect(login.status).toBe(200);
      } finally {
        await api.close();
      }
    } finally {
      tmp.remove();
    }
  }, 120_000);
});
