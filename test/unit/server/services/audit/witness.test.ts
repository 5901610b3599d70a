// The audit log against someone who can write the database but not read the server's secrets:
// truncating the tail, re-chaining with plain SHA-256, editing and recomputing, dropping the
// append-only trigger, and touching the witness are each named by verify-audit's check and by the
// supervisor's integrity page. A log begun by the old release (plain SHA-256 links) still verifies.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DriverName } from '../../../../../server/db/index';
import { auditEvents, auditStaging } from '../../../../../server/db/schema/audit';
import { appendAuditEvents } from '../../../../../server/services/audit/append';
import { auditChainKeyOf, chainHash, configureAuditChainKey, genesisHash } from '../../../../../server/services/audit/chain';
import { checkAuditIntegrity } from '../../../../../server/services/audit/integrity-check';
import { createWitnessWriter, witnessFileName } from '../../../../../server/services/audit/witness';
import { driverAvailability, drivers, openTestDatabase, tempDir, type TestDatabase } from '../../../../support/databases';
import { bearer, createTestApi, testSecrets } from '../../../../support/support-api';

const key = auditChainKeyOf(testSecrets);
const keys = testSecrets.auditSigningKeys();
const at = new Date('2026-11-25T09:00:00.000Z');

async function append(t: TestDatabase, n: number) {
  for (let i = 0; i < n; i++) {
    await t.handle.transaction((tx) => appendAuditEvents(tx, [{ actor: 'system', action: 'user.created', payload: { i }, occurredAt: at }]));
  }
}

async function withTriggersOff(t: TestDatabase, fn: () => Promise<unknown>) {
  await t.db.execute(sql`alter table audit_events disable trigger user`);
  try {
    await fn();
  } finally {
    await t.db.execute(sql`alter table audit_events enable trigger user`);
  }
}

/** Recomputes every link from `fromSeq` on with plain SHA-256, as someone without the key would. */
async function rechainPlain(t: TestDatabase, fromSeq: number) {
  const rows = await t.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
  let prev = genesisHash;
  await withTriggersOff(t, async () => {
    for (const row of rows) {
      if (row.seq >= fromSeq) {
        const hash = chainHash(prev, row);
        await t.db.execute(sql`update audit_events set prev_hash = ${prev}, hash = ${'x' + row.seq} where seq = ${row.seq}`);
        await t.db.execute(sql`update audit_events set hash = ${hash} where seq = ${row.seq}`);
        prev = hash;
      } else prev = row.hash;
    }
  });
}

for (const driver of drivers as readonly DriverName[]) {
  const availability = driverAvailability(driver);
  // In CI a missing database fails the suite instead of skipping it, as describeEachDatabase does.
  describe.skipIf(!availability.available && !process.env.CI)(`audit witness [${driver}]`, () => {
    let t: TestDatabase;
    let witness: ReturnType<typeof tempDir>;
    const check = () => checkAuditIntegrity(t.db, { key, witnessDir: witness.dir, publicKey: keys.publicKey });

    // A log the old release began (plain links), then the keyed chain with checkpoints in the witness.
    beforeEach(async () => {
      configureAuditChainKey(null);
      t = await openTestDatabase(driver);
      witness = tempDir('audit-witness-');
      await append(t, 3);
      configureAuditChainKey(key);
      const writer = createWitnessWriter({ db: t.db, dir: witness.dir, keys, now: () => at });
      await writer.checkpoint(true);
      await append(t, 4);
      await writer.checkpoint();
      await append(t, 2);
      await writer.checkpoint();
    });
    afterEach(async () => {
      await t.close();
      witness.remove();
    });

    it('verifies a log that is plain SHA-256 up to the upgrade and keyed after it', async () => {
      const rows = await t.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
      const headSeq = rows.at(-1)!.seq;
      // The plain part: exactly what the old release wrote.
      let prev = genesisHash;
      for (const row of rows.filter((r) => r.seq <= headSeq - 6)) {
        expect(row.hash).toBe(chainHash(prev, row));
        prev = row.hash;
      }
      expect(rows.at(-1)!.hash).not.toBe(chainHash(rows.at(-2)!.hash, rows.at(-1)!));
      expect(await check()).toMatchObject({ ok: true, witnessChecked: true, problems: [], headSeq });
    });

    it('names the missing tail when the end of the log is cut off', async () => {
      const head = (await check()).headSeq;
      await withTriggersOff(t, () => t.db.execute(sql`delete from audit_events where seq > ${head - 3}`));
      const report = await check();
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual({ kind: 'truncated', seq: head - 2, reason: expect.stringContaining(`events ${head - 2}–${head} are missing`) });
    });

    it('names the re-chain when the whole log is recomputed with plain SHA-256 after an edit', async () => {
      const head = (await check()).headSeq;
      const firstCheckpoint = head - 6;
      await withTriggersOff(t, () => t.db.execute(sql`update audit_events set payload = '{"i": 99}' where seq = 2`));
      await rechainPlain(t, 2);
      const report = await check();
      expect(report.ok).toBe(false);
      // The first link that had to be keyed, and the first checkpoint the log no longer reaches.
      expect(report.problems).toContainEqual({ kind: 'chain', seq: firstCheckpoint + 1, reason: expect.stringContaining('hash does not match') });
      expect(report.problems).toContainEqual({ kind: 'rewritten', seq: firstCheckpoint, reason: expect.stringContaining('rewritten at or before it') });
    });

    it('names the edited event when a keyed event is changed and the rest recomputed', async () => {
      const head = (await check()).headSeq;
      const edited = head - 3;
      await withTriggersOff(t, () => t.db.execute(sql`update audit_events set payload = '{"i": 42}' where seq = ${edited}`));
      await rechainPlain(t, edited);
      const report = await check();
      expect(report.problems[0]).toEqual({ kind: 'chain', seq: edited, reason: expect.stringContaining(`event ${edited}`) });
    });

    it('reports a dropped or disabled append-only trigger', async () => {
      await t.db.execute(sql`drop trigger audit_events_no_truncate on audit_events`);
      await t.db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
      const report = await check();
      expect(report.problems[0]).toMatchObject({ kind: 'trigger_missing', reason: expect.stringContaining('audit_events_no_update_delete, audit_events_no_truncate') });
    });

    it('reports a missing or altered witness', async () => {
      const file = path.join(witness.dir, witnessFileName);
      const text = readFileSync(file, 'utf8');
      const lines = text.trim().split('\n');
      const second = JSON.parse(lines[1]!) as { seq: number };
      lines[1] = JSON.stringify({ ...second, seq: second.seq - 1 });
      writeFileSync(file, `${lines.join('\n')}\n`);
      expect((await check()).problems).toContainEqual({ kind: 'witness_altered', seq: null, reason: expect.stringContaining('witness line 2') });
      rmSync(file);
      expect((await check()).problems).toContainEqual({ kind: 'witness_missing', seq: null, reason: expect.stringContaining('does not exist') });
    });

    it('reports events staged and not chained, and one staged over a minute ago as a finding (check and page)', async () => {
      const staged = { occurredAt: at, actor: 'system', action: 'user.created', subjectHmac: null, verificationId: null, payload: { i: 0 }, mac: 'f'.repeat(64) };
      await t.db.insert(auditStaging).values(staged);
      const fresh = await check();
      expect(fresh).toMatchObject({ ok: true, staged: { count: 1 } });
      expect(fresh.staged.oldestSeconds).toBeLessThan(60);
      await t.db.execute(sql`update audit_staging set staged_at = now() - interval '2 minutes'`);
      const old = await check();
      expect(old.ok).toBe(false);
      expect(old.staged.oldestSeconds).toBeGreaterThanOrEqual(120);
      expect(old.problems).toContainEqual({ kind: 'staged', seq: null, reason: expect.stringContaining('1 staged audit event(s) not chained') });

      await t.db.delete(auditStaging);
      const api = await createTestApi(t, { auditWitnessDir: witness.dir });
      const { token } = await api.signIn('supervisor');
      const verify = async () => (await api.app.inject({ method: 'POST', url: '/api/supervision/audit/verify', headers: bearer(token), payload: { fromSeq: 1, limit: 50_000 } })).json();
      expect(await verify()).toMatchObject({ ok: true, done: true, staged: { count: 0, oldestSeconds: 0 } });
      await t.db.insert(auditStaging).values({ ...staged, stagedAt: new Date(Date.now() - 120_000) });
      expect(await verify()).toMatchObject({ ok: false, brokenAt: { kind: 'staged' }, staged: { count: 1 } });
      await api.close();
    });

    it('the integrity page names a cut-off tail and a missing witness', async () => {
      const api = await createTestApi(t, { auditWitnessDir: witness.dir });
      const { token } = await api.signIn('supervisor');
      await createWitnessWriter({ db: t.db, dir: witness.dir, keys, now: () => at }).checkpoint(true);
      const verify = async () => (await api.app.inject({ method: 'POST', url: '/api/supervision/audit/verify', headers: bearer(token), payload: { fromSeq: 1, limit: 50_000 } })).json();
      expect(await verify()).toMatchObject({ ok: true, done: true });
      const head = (await check()).headSeq;
      await withTriggersOff(t, () => t.db.execute(sql`delete from audit_events where seq > ${head - 2}`));
      expect(await verify()).toMatchObject({ ok: false, brokenAt: { kind: 'truncated', seq: head - 1 } });
      rmSync(path.join(witness.dir, witnessFileName));
      expect(await verify()).toMatchObject({ ok: false, brokenAt: { kind: 'witness' } });
      await api.close();
    });
  });
}
