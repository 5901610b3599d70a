import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, queryRows, type OpenDatabase } from '../../../../../server/db/index';
import { auditEvents, auditStaging } from '../../../../../server/db/schema/audit';
import { appendAuditEvents, verifyAuditChain } from '../../../../../server/services/audit/index';
import { configureAuditChainKey, stagedEventMac } from '../../../../../server/services/audit/chain';
import { chainOrder, createAuditGroupCommit, type AuditGroupCommit } from '../../../../../server/services/audit/group-commit';
import { createPostgresDatabase, describeEachDatabase, driverAvailability, tempDir, type TestDatabase } from '../../../../support/databases';

const at = new Date('2026-12-01T08:00:00.456Z');
const root = path.resolve(__dirname, '../../../../..');
const key = Buffer.alloc(32, 7);

const stagedCount = async (t: { db: TestDatabase['db'] }) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_staging`))[0]?.n;

describeEachDatabase('audit group commit', (get) => {
  beforeAll(() => configureAuditChainKey(key));
  afterAll(() => configureAuditChainKey(null));

  it('answers only once the events are chained, keyed, in the order staged', async () => {
    const groupCommit = createAuditGroupCommit(get().handle);
    const before = await verifyAuditChain(get().db, { key });
    await groupCommit.transaction((tx) =>
      appendAuditEvents(tx, [0, 1, 2].map((i) => ({ actor: 'one', action: 'review.flagged', payload: { i }, occurredAt: at }))),
    );
    expect(await stagedCount(get())).toBe(0);
    const rows = await get().db.select().from(auditEvents).where(sql`actor = 'one'`).orderBy(auditEvents.seq);
    expect(rows.map((r) => [r.seq - before.count, r.payload.i])).toEqual([[1, 0], [2, 1], [3, 2]]);
    expect(await verifyAuditChain(get().db, { key })).toMatchObject({ ok: true, count: before.count + 3, keyedFrom: 1 });
  });

  it('stages nothing and chains nothing when the change rolls back', async () => {
    const groupCommit = createAuditGroupCommit(get().handle);
    const before = await verifyAuditChain(get().db, { key });
    await expect(
      groupCommit.transaction(async (tx) => {
        await appendAuditEvents(tx, [{ actor: 'system', action: 'review.flag_cleared', occurredAt: at }]);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await stagedCount(get())).toBe(0);
    expect(await verifyAuditChain(get().db, { key })).toEqual(before);
  });

  it('keys in only events the API staged: a row written straight into staging is chained as a rejection', async () => {
    const groupCommit = createAuditGroupCommit(get().handle);
    const before = await verifyAuditChain(get().db, { key });
    const forged = { occurredAt: at, actor: 'someone', action: 'code.issued', subjectHmac: null, verificationId: null, payload: { codeId: 'x' } };
    // Someone with the database but not the secret: a plain SHA-256 tag, or one copied from another event.
    await get().db.insert(auditStaging).values([
      { ...forged, mac: 'f'.repeat(64) },
      { ...forged, mac: stagedEventMac({ ...forged, actor: 'system' }) },
    ]);
    await groupCommit.flush();
    const rows = await get().db.select().from(auditEvents).where(sql`seq > ${before.count}`).orderBy(auditEvents.seq);
    expect(rows.map((r) => [r.actor, r.action, r.payload.reason])).toEqual([
      ['system', 'audit.staged_event_rejected', 'tag does not match'],
      ['system', 'audit.staged_event_rejected', 'tag does not match'],
    ]);
    expect(await verifyAuditChain(get().db, { key })).toMatchObject({ ok: true, count: before.count + 2 });
  });

  it('tries a failed chaining pass again, with pauses, and fails the caller only after the last try', async () => {
    const pauses: number[] = [];
    let failures = 2;
    const flaky = createAuditGroupCommit(get().handle, {
      retryDelaysMs: [5, 10],
      sleep: async (ms) => void pauses.push(ms),
      onStep: (s) => {
        // Inside the pass's transaction: it rolls back, as on a dropped connection.
        if (s === 'locked' && failures-- > 0) throw new Error('connection lost');
      },
    });
    const before = await verifyAuditChain(get().db, { key });
    await flaky.transaction((tx) => appendAuditEvents(tx, [{ actor: 'retried', action: 'review.flagged', occurredAt: at }]));
    expect(pauses).toEqual([5, 10]);
    expect(await stagedCount(get())).toBe(0);
    expect(await verifyAuditChain(get().db, { key })).toMatchObject({ ok: true, count: before.count + 1 });

    const broken = createAuditGroupCommit(get().handle, {
      retryDelaysMs: [1],
      sleep: async () => {},
      onStep: (s) => {
        if (s === 'locked') throw new Error('database gone');
      },
    });
    await expect(broken.transaction((tx) => appendAuditEvents(tx, [{ actor: 'unacknowledged', action: 'review.flagged', occurredAt: at }]))).rejects.toThrow('database gone');
    // Not acknowledged, not lost: still staged for the next pass.
    expect(await stagedCount(get())).toBe(1);
    await createAuditGroupCommit(get().handle).flush();
    expect(await verifyAuditChain(get().db, { key })).toMatchObject({ ok: true, count: before.count + 2 });
  });

  it('commits a staging transaction asynchronously on PostgreSQL only, and answers after a synchronous pass', async () => {
    const groupCommit = createAuditGroupCommit(get().handle);
    let inside = '';
    await groupCommit.transaction(async (tx) => {
      await appendAuditEvents(tx, [{ actor: 'async', action: 'review.flagged', occurredAt: at }]);
      inside = (await queryRows<{ s: string }>(tx as never, sql`select current_setting('synchronous_commit') as s`))[0]?.s ?? '';
    });
    expect(inside).toBe(get().url ? 'off' : 'on');
    // Transaction-local: the connection (back in the pool) and the pass commit synchronously.
    const after = await queryRows<{ s: string }>(get().db, sql`select current_setting('synchronous_commit') as s`);
    expect(after[0]?.s).toBe('on');
    expect(await stagedCount(get())).toBe(0);
  });

  it('pipelines passes: the next one begins while the one before it is still chaining', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted = 0;
    const order: string[] = [];
    const groupCommit = createAuditGroupCommit(get().handle, {
      onStep: async (s) => {
        order.push(s);
        // The first pass stays open after inserting until the second caller has flushed.
        if (s === 'inserted' && inserted++ === 0) await held;
      },
    });
    const first = groupCommit.transaction((tx) => appendAuditEvents(tx, [{ actor: 'pipe', action: 'review.flagged', payload: { n: 1 }, occurredAt: at }]));
    while (!order.includes('inserted')) await new Promise((r) => setTimeout(r, 5));
    const second = groupCommit.transaction((tx) => appendAuditEvents(tx, [{ actor: 'pipe', action: 'review.flagged', payload: { n: 2 }, occurredAt: at }]));
    if (get().url) {
      // The second pass is already in its transaction, queued on the chain's lock.
      for (let i = 0; i < 200; i++) {
        const waiting = await queryRows<{ n: number }>(get().db, sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`);
        if (waiting[0]?.n === 1) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      const waiting = await queryRows<{ n: number }>(get().db, sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`);
      expect(waiting[0]?.n).toBe(1);
    }
    release();
    await Promise.all([first, second]);
    const rows = await get().db.select().from(auditEvents).where(sql`actor = 'pipe'`).orderBy(auditEvents.seq);
    expect(rows.map((r) => r.payload.n)).toEqual([1, 2]);
    expect(await verifyAuditChain(get().db, { key })).toMatchObject({ ok: true });
  });

  it('shares chaining passes among concurrent writers of several instances, inline appenders beside them, without a fork', async () => {
    const { db } = get();
    // Instances: group commits of their own (on PostgreSQL each with its own pool: other connections).
    const extra: OpenDatabase[] = get().url ? await Promise.all([1, 2].map(() => openDatabase({ databaseUrl: get().url as string, maxConnections: 8 }))) : [];
    try {
      const instances: AuditGroupCommit[] = [get().handle, ...extra, get().handle].map((h) => createAuditGroupCommit(h));
      let passes = 0;
      const counted = createAuditGroupCommit(get().handle, { onStep: (s) => void (s === 'committed' && passes++) });
      instances.push(counted);
      const before = await verifyAuditChain(db, { key });
      const writer = (w: number) => async () => {
        const via = instances[w % instances.length] as AuditGroupCommit;
        for (let i = 0; i < 10; i++) {
          await via.transaction((tx) => appendAuditEvents(tx, [0, 1].map((j) => ({ actor: `w${w}`, action: 'review.flagged', payload: { i, j }, occurredAt: at }))));
        }
      };
      const inline = async () => {
        for (let i = 0; i < 10; i++) await get().handle.transaction((tx) => appendAuditEvents(tx, [{ actor: 'inline', action: 'review.note_added', payload: { i }, occurredAt: at }]));
      };
      await Promise.all([...Array.from({ length: 16 }, (_, w) => writer(w)()), inline()]);
      expect(await stagedCount(get())).toBe(0);
      const result = await verifyAuditChain(db, { key });
      expect(result).toMatchObject({ ok: true, count: before.count + 16 * 10 * 2 + 10 });
      // One transaction's two events sit next to each other, in the order staged.
      const rows = await db.select().from(auditEvents).where(sql`action = 'review.flagged' and actor like 'w%'`).orderBy(auditEvents.seq);
      for (let k = 0; k < rows.length; k += 2) {
        const [a, b] = [rows[k], rows[k + 1]];
        expect([b!.seq - a!.seq, a!.actor === b!.actor, a!.payload.i === b!.payload.i, a!.payload.j, b!.payload.j]).toEqual([1, true, true, 0, 1]);
      }
      // The counted instance's 40 events went in fewer passes than transactions (on one connection too).
      expect(passes).toBeGreaterThan(0);
      expect(passes).toBeLessThan(40);
    } finally {
      await Promise.all(extra.map((h) => h.close()));
    }
  });
});

describe('chainOrder', () => {
  const row = (id: number, xact: number) => ({ id, xact, occurredAt: at, actor: 'a', action: 'a.b', subjectHmac: null, verificationId: null, payload: {}, mac: '', stagedAt: at });
  it("keeps a transaction's events together, transactions by their first staged id (not their xid)", () => {
    // xact 9 staged ids 1 and 4; xact 3 (an older transaction that staged later) ids 2 and 5; xact 7 id 3.
    const order = chainOrder([row(5, 3), row(4, 9), row(3, 7), row(2, 3), row(1, 9)]).map((r) => r.id);
    expect(order).toEqual([1, 4, 2, 5, 3]);
  });
});

/** Runs the crash child; resolves with what it printed and whether it was killed. */
function runChild(env: Record<string, string>, mark: string, crashAt: string): Promise<{ out: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/audit-crash-child.ts', mark, crashAt], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${err}`));
      else resolve({ out, killed: signal === 'SIGKILL' });
    });
  });
}

const steps = ['staged', 'change-committed', 'locked', 'taken', 'inserted', 'committed', 'none'] as const;

for (const driver of ['pglite', 'postgres'] as const) {
  const availability = driverAvailability(driver);
  describe.skipIf(!availability.available)(`audit group commit under kill -9 [${driver}]`, () => {
    let env: Record<string, string>;
    let open: () => Promise<OpenDatabase>;
    let cleanup = async () => {};
    beforeAll(async () => {
      if (driver === 'postgres') {
        const created = await createPostgresDatabase();
        env = { CRASH_DATABASE_URL: created.url };
        open = () => openDatabase({ databaseUrl: created.url, maxConnections: 4 });
        cleanup = created.drop;
      } else {
        const folder = tempDir('audit-crash-');
        env = { CRASH_DATA_DIR: folder.dir };
        open = () => openDatabase({ dataDir: folder.dir });
        cleanup = async () => folder.remove();
      }
      const database = await open();
      await database.withRunner((r) => migrate(r));
      await database.db.execute(sql`create table crash_marks (mark text primary key)`);
      await database.close();
    });
    afterAll(() => cleanup());

    it.each(steps)('loses nothing acknowledged and leaves no gap when killed at %s', async (step) => {
      const mark = `mark-${step}`;
      const { out, killed } = await runChild(env, mark, step);
      expect(killed).toBe(step !== 'none');
      expect(out.includes('acknowledged')).toBe(step === 'none');
      const database = await open();
      try {
        const changed = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from crash_marks where mark = ${mark}`))[0]?.n;
        // Killed inside the change's transaction: neither the change nor its event; otherwise both.
        expect(changed).toBe(step === 'staged' ? 0 : 1);
        // Killed before its pass committed: the event waits in staging (the pass rolled back), not lost.
        const left = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_staging`))[0]?.n;
        expect(left).toBe(['change-committed', 'locked', 'taken', 'inserted'].includes(step) ? 1 : 0);
        // The next instance's group commit (as at start) chains whatever the dead one left staged.
        configureAuditChainKey(key);
        await createAuditGroupCommit(database).flush();
        configureAuditChainKey(null);
        const events = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_events where payload->>'mark' = ${mark}`);
        expect(events[0]?.n).toBe(changed);
        expect((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_staging`))[0]?.n).toBe(0);
        const chain = await verifyAuditChain(database.db, { key });
        expect(chain.ok).toBe(true);
      } finally {
        await database.close();
      }
    }, 60_000);
  });
}
