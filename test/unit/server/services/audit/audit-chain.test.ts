import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../../../../server/db/index';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { appendAuditEvents, genesisHash, verifyAuditChain } from '../../../../../server/services/audit/index';
import { describeEachDatabase, type TestDatabase } from '../../../../support/databases';
import type { AuditAction } from '../../../../../shared/domain/audit/index';

const at = new Date('2026-11-25T09:00:00.123Z');

async function appendMany(t: TestDatabase, n: number, actor = 'system') {
  for (let i = 0; i < n; i++) {
    await t.handle.transaction((tx) => appendAuditEvents(tx, [{ actor, action: 'review.note_added', payload: { i, nested: { b: 1, a: [true, null] } }, occurredAt: at }]));
  }
}

describeEachDatabase('audit chain', (get) => {
  it('links each event to the previous one and verifies', async () => {
    await appendMany(get(), 5);
    const rows = await get().db.select().from(auditEvents).orderBy(auditEvents.seq);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prevHash).toBe(genesisHash);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    const progress: number[] = [];
    const result = await verifyAuditChain(get().db, { batchSize: 2, onProgress: (n) => progress.push(n) });
    expect(result).toMatchObject({ ok: true, count: 5, headHash: rows[4]?.hash });
    expect(progress).toEqual([2, 4, 5]);
  });

  it('does not fork under 16 concurrent writers', async () => {
    const before = await verifyAuditChain(get().db);
    const writers = Array.from({ length: 16 }, (_, w) => appendMany(get(), 10, `writer-${w}`));
    await Promise.all(writers);
    const result = await verifyAuditChain(get().db);
    expect(result).toMatchObject({ ok: true, count: before.count + 160 });
    const [row] = await queryRows<{ n: number; c: number }>(get().db, sql`select count(distinct prev_hash)::int as n, count(*)::int as c from audit_events`);
    expect(row?.n).toBe(row?.c);
  });

  it("chains a transaction's events in the order given, interleaved with other writers' batches", async () => {
    const before = await verifyAuditChain(get().db);
    const batch = (w: number) =>
      get().handle.transaction((tx) =>
        appendAuditEvents(tx, [0, 1, 2].map((i) => ({ actor: `batch-${w}`, action: 'review.flagged', payload: { i }, occurredAt: at }))),
      );
    await Promise.all(Array.from({ length: 8 }, (_, w) => batch(w)));
    const rows = await get().db.select().from(auditEvents).where(sql`action = 'review.flagged'`).orderBy(auditEvents.seq);
    // Each batch took three consecutive seqs: nothing of another writer between them.
    for (let i = 0; i < rows.length; i += 3) expect(rows.slice(i, i + 3).map((r) => r.seq)).toEqual([0, 1, 2].map((n) => rows[i]!.seq + n));
    for (let i = 0; i < rows.length; i += 3) expect(rows.slice(i, i + 3).map((r) => [r.actor, r.payload.i])).toEqual([0, 1, 2].map((n) => [rows[i]!.actor, n]));
    expect(await verifyAuditChain(get().db)).toMatchObject({ ok: true, count: before.count + 24 });
    await expect(get().handle.transaction((tx) => appendAuditEvents(tx, []))).resolves.toBeUndefined();
  });

  it('leaves no event behind when the recorded change rolls back', async () => {
    const before = await verifyAuditChain(get().db);
    await expect(
      get().handle.transaction(async (tx) => {
        await appendAuditEvents(tx, [{ actor: 'system', action: 'review.flag_cleared', occurredAt: at }]);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await verifyAuditChain(get().db)).toEqual(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { db } = get();
    await expect(db.execute(sql`update audit_events set action = 'x.y' where seq = 1`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events where seq = 1`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const [first] = await db.select().from(auditEvents).where(sql`seq = 1`);
    expect(first?.action).toBe('review.note_added');
  });

  it('refuses an action that is not a dotted lower-case name', async () => {
    await expect(
      get().handle.transaction((tx) => appendAuditEvents(tx, [{ actor: 'system', action: 'NotDotted' as AuditAction, occurredAt: at }])),
    ).rejects.toThrow();
  });
});

describeEachDatabase('audit chain tampering', (get) => {
  async function withTriggersOff(fn: () => Promise<unknown>) {
    // As the table owner the test can switch the guard off, as an attacker with DBA rights could.
    await get().db.execute(sql`alter table audit_events disable trigger user`);
    try {
      await fn();
    } finally {
      await get().db.execute(sql`alter table audit_events enable trigger user`);
    }
  }

  it('reports the first edited event', async () => {
    await appendMany(get(), 6);
    await withTriggersOff(() => get().db.execute(sql`update audit_events set payload = '{"i": 99}' where seq in (3, 5)`));
    expect(await verifyAuditChain(get().db, { batchSize: 2 })).toMatchObject({
      ok: false,
      count: 2,
      brokenAt: { seq: 3, reason: 'hash does not match the event content' },
    });
  });

  it('reports a forged event whose hash was recomputed, at the next link', async () => {
    await withTriggersOff(async () => {
      await get().db.execute(sql`update audit_events set payload = '{"i": 2, "nested": {"a": [true, null], "b": 1}}' where seq in (3, 5)`);
      await get().db.execute(sql`update audit_events set hash = repeat('a', 64) where seq = 4`);
    });
    expect(await verifyAuditChain(get().db)).toMatchObject({ ok: false, brokenAt: { seq: 4, reason: 'hash does not match the event content' } });
  });

  it('reports a deleted event as missing, even when a forged event bridges the gap', async () => {
    await withTriggersOff(() => get().db.execute(sql`delete from audit_events where seq >= 2`));
    await get().db.execute(
      sql`insert into audit_events (seq, occurred_at, actor, action, payload, prev_hash, hash) select 3, occurred_at, actor, action, payload, hash, repeat('b', 64) from audit_events where seq = 1`,
    );
    expect(await verifyAuditChain(get().db)).toMatchObject({ ok: false, count: 1, brokenAt: { seq: 2, reason: 'event 2 is missing' } });
  });
});
