// Audit integrity: client-driven range checks find the first broken link; signed checkpoints prove
// that a later chain extends them, and catch a rewrite before them.
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { chainHash, genesisHash } from '../../../../../server/services/audit/chain';
import { checkpointExtends, signCheckpoint } from '../../../../../server/services/review/checkpoint';
import { secretsFromMasterKey } from '../../../../../server/secrets';
import { describeEachDatabase } from '../../../../support/databases';
import { seedVerification, tamperAuditEvent } from '../../../../support/review-helpers';
import { createTestApi, testSecrets, type TestApi } from '../../../../support/support-api';
import { callOp } from './api-client';

type Range = { checked: number; nextSeq: number; headSeq: number; done: boolean; ok: boolean; brokenAt: { seq: number; reason: string } | null };

describeEachDatabase('audit integrity', (get) => {
  let api: TestApi;
  let sup: string;

  beforeAll(async () => {
    const t = get();
    api = await createTestApi(t);
    sup = (await api.signIn('supervisor')).token;
    const agentId = (await api.signIn('agent')).userId;
    for (let i = 0; i < 20; i++) await seedVerification(t.handle, { agentId, cpr: '0101901234', startedAt: new Date(Date.UTC(2026, 10, 24, 8, i)) });
  });
  afterAll(() => api.close());

  /** What the integrity screen does: ranges until done. */
  async function runAll(limit: number): Promise<{ ranges: Range[]; last: Range }> {
    const ranges: Range[] = [];
    let fromSeq = 1;
    for (;;) {
      const res = await callOp(api, sup, 'verifyAuditRange', { fromSeq, limit });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json() as Range;
      ranges.push(r);
      if (r.done) return { ranges, last: r };
      fromSeq = r.nextSeq;
    }
  }

  it('checks the whole chain in ranges and records the result', async () => {
    const { ranges, last } = await runAll(7);
    expect(last.ok).toBe(true);
    expect(ranges.length).toBeGreaterThan(3);
    expect(ranges.reduce((n, r) => n + r.checked, 0)).toBe(last.headSeq);
    const events = await get().db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(events.at(-1)?.action).toBe('audit.verified');
  });

  it('exports a signed checkpoint that the chain, grown since, still extends', async () => {
    const cp = (await callOp(api, sup, 'createAuditCheckpoint')).json();
    expect(cp.format).toBe('mitid-support-audit-checkpoint/1');
    expect(cp.publicKey).toBe(testSecrets.auditSigningKeys().publicKey.export({ format: 'der', type: 'spki' }).toString('base64'));
    await seedVerification(get().handle, { agentId: (await api.signIn('agent')).userId, startedAt: api.clock.now() });
    const verified = (await callOp(api, sup, 'verifyAuditCheckpoint', { checkpoint: cp })).json();
    expect(verified).toMatchObject({ ok: true, reason: null, problem: null });
    expect(verified.headSeq).toBeGreaterThan(cp.seq);
    // A changed field breaks the signature.
    const forged = (await callOp(api, sup, 'verifyAuditCheckpoint', { checkpoint: { ...cp, seq: cp.seq - 1 } })).json();
    expect(forged).toMatchObject({ ok: false, problem: 'signature', reason: 'the signature does not verify' });
    // A checkpoint of another key proves nothing about this server.
    const rows = await get().db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    const foreign = signCheckpoint(rows[4]!, new Date(), secretsFromMasterKey(Buffer.alloc(32, 1)).auditSigningKeys());
    expect((await callOp(api, sup, 'verifyAuditCheckpoint', { checkpoint: foreign })).json()).toMatchObject({ ok: false, problem: 'other_key' });
  });

  it('points at the first changed event, in the ranges and against a checkpoint', async () => {
    const cp = (await callOp(api, sup, 'createAuditCheckpoint')).json();
    await tamperAuditEvent(get().db, 9, { documentType: 'driving_licence' });
    const { last } = await runAll(5);
    expect(last).toMatchObject({ ok: false, done: true, brokenAt: { seq: 9, kind: 'hash', reason: 'hash does not match the event content' } });
    const events = await get().db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(events.at(-1)).toMatchObject({ action: 'audit.verification_failed', payload: { brokenAt: { seq: 9 } } });
    expect((await callOp(api, sup, 'verifyAuditCheckpoint', { checkpoint: cp })).json()).toMatchObject({ ok: false, problem: 'hash', problemSeq: 9, reason: 'event 9: hash does not match its content' });
  });
});

describeEachDatabase('checkpointExtends (pure)', (get) => {
  it('accepts the chain that led to the checkpoint and rejects one that ends before it', async () => {
    const t = get();
    const api = await createTestApi(t);
    const agentId = (await api.signIn('agent')).userId;
    await seedVerification(t.handle, { agentId, startedAt: api.clock.now() });
    const rows = await t.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    const keys = testSecrets.auditSigningKeys();
    const cp = signCheckpoint(rows.at(-2)!, new Date(), keys);
    expect(await checkpointExtends(cp, rows)).toEqual({ ok: true, reason: null, problem: null, problemSeq: null });
    expect(await checkpointExtends(cp, rows.slice(0, -3))).toMatchObject({ ok: false, problem: 'ends_before', reason: expect.stringContaining('ends before') });
    const dropped = rows.filter((r) => r.seq !== 2);
    expect(await checkpointExtends(cp, dropped)).toEqual({ ok: false, problem: 'missing', problemSeq: 2, reason: 'event 2 is missing' });
    // A chain rewritten from an event on, every link recomputed so it holds together, still ends
    // at another head than the signed one: only the checkpoint can tell.
    let prev = genesisHash;
    const rewritten = rows.map((r) => {
      const payload = r.seq === 2 ? { ...r.payload, forged: true } : r.payload;
      const hash = chainHash(prev, { ...r, payload });
      const out = { ...r, payload, prevHash: prev, hash };
      prev = hash;
      return out;
    });
    expect(await checkpointExtends(cp, rewritten)).toMatchObject({ ok: false, problem: 'rewritten', problemSeq: cp.seq });
    await api.close();
  });
});
