// The verification log: server-side filters, sorting and paging, the CPR filter by HMAC, and the
// streaming CSV export through a one-time ticket.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { describeEachDatabase } from '../../../../support/databases';
import { seedCode, seedSignal, seedVerification, subjectOf } from '../../../../support/review-helpers';
import { createTestApi, type TestApi } from '../../../../support/support-api';
import { callOp } from './api-client';

type Row = { id: string; agent: { id: string }; status: string; maskedCpr: string | null; codeStatus: string; scorePercent: number | null; flagged: boolean; velocitySignals: number; durationSeconds: number | null; questionsAsked: number };

describeEachDatabase('verification log', (get) => {
  let api: TestApi;
  let sup: string;
  let agentA: string;
  let agentB: string;
  const ids: Record<string, string> = {};
  const t0 = new Date('2026-11-24T08:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  beforeAll(async () => {
    const t = get();
    api = await createTestApi(t);
    sup = (await api.signIn('supervisor')).token;
    agentA = (await api.signIn('agent')).userId;
    agentB = (await api.signIn('agent')).userId;
    const runner = t.handle;
    ids.passA = (await seedVerification(runner, { agentId: agentA, cpr: '0101901234', startedAt: at(0), scores: [1, 1, 1, 0.5] })).id;
    ids.failA = (await seedVerification(runner, { agentId: agentA, cpr: '0101901234', status: 'failed', startedAt: at(10), scores: [0, 0.5, 0] })).id;
    ids.passB = (await seedVerification(runner, { agentId: agentB, cpr: '1502852468', startedAt: at(20), flagged: true, durationSeconds: 600 })).id;
    ids.openB = (await seedVerification(runner, { agentId: agentB, cpr: null, status: 'in_progress', startedAt: at(30), scores: [null] })).id;
    for (let i = 0; i < 30; i++) await seedVerification(runner, { agentId: agentB, cpr: '2003781111', status: 'refer', startedAt: at(-100 - i), audit: false });
    await seedCode(runner, { verificationId: ids.passA, agentId: agentA, issuedAt: at(5), usedAt: at(8) });
    await seedCode(runner, { verificationId: ids.passB, agentId: agentB, issuedAt: at(25) });
    await seedSignal(t.db, { verificationId: ids.passB, kind: 'person_multi_agent', at: at(21) });
    // While passB's code is still valid.
    api.clock.set(at(40));
  });
  afterAll(() => api.close());

  const list = async (input: Record<string, unknown>) => {
    const res = await callOp(api, sup, 'listVerifications', input);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Row[]; total: number; totalIsLowerBound: boolean };
  };

  it('pages newest first with an exact total and the review columns', async () => {
    const page0 = await list({ pageSize: 3 });
    expect(page0.total).toBe(34);
    expect(page0.items.map((r) => r.id)).toEqual([ids.openB, ids.passB, ids.failA]);
    const passB = page0.items[1]!;
    expect(passB).toMatchObject({ flagged: true, velocitySignals: 1, durationSeconds: 600, maskedCpr: '150285-XXXX', codeStatus: 'sent', questionsAsked: 4 });
    const page1 = await list({ pageSize: 3, page: 1 });
    expect(page1.items[0]!.id).toBe(ids.passA);
    expect(page1.items[0]).toMatchObject({ codeStatus: 'redeemed', scorePercent: 87.5 });
  });

  it('filters by agent, status, flag and time range', async () => {
    expect((await list({ filter: { agentId: agentA } })).items.map((r) => r.id).sort()).toEqual([ids.passA, ids.failA].sort());
    expect((await list({ filter: { status: 'failed' } })).items.map((r) => r.id)).toEqual([ids.failA]);
    expect((await list({ filter: { flagged: true } })).items.map((r) => r.id)).toEqual([ids.passB]);
    const window = await list({ filter: { from: at(5).toISOString(), to: at(25).toISOString() } });
    expect(window.items.map((r) => r.id)).toEqual([ids.passB, ids.failA]);
  });

  it('finds a person by the CPR number typed in any spelling, through the subject HMAC', async () => {
    for (const cpr of ['0101901234', '010190-1234', ' 010190 1234 ']) {
      const found = await list({ filter: { cpr } });
      expect(found.items.map((r) => r.id).sort()).toEqual([ids.passA, ids.failA].sort());
    }
    expect((await list({ filter: { cpr: '0101901235' } })).total).toBe(0);
    expect((await callOp(api, sup, 'listVerifications', { filter: { cpr: '01019' } })).statusCode).toBe(400);
  });

  it('sorts by score and duration with nulls last', async () => {
    const byScore = await list({ sort: { field: 'score', direction: 'desc' }, pageSize: 100 });
    const scores = byScore.items.map((r) => r.scorePercent);
    expect(scores.at(-1)).toBeNull();
    const numbers = scores.filter((s): s is number => s !== null);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    const byDuration = await list({ sort: { field: 'duration', direction: 'asc' }, pageSize: 100 });
    expect(byDuration.items.at(-1)!.id).toBe(ids.openB);
    expect(byDuration.items.at(-2)!.id).toBe(ids.passB);
  });

  it('streams the filtered log as CSV once per ticket, and audits the export without the CPR number', async () => {
    const created = await callOp(api, sup, 'createVerificationExport', { filter: { cpr: '010190-1234' } });
    expect(created.statusCode, created.body).toBe(200);
    const { downloadPath } = created.json() as { downloadPath: string };
    expect(downloadPath).not.toContain('0101901234');
    const res = await api.app.inject({ url: downloadPath });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.split(',')[0]).toBe('id');
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual([ids.passA, ids.failA].sort());
    expect(res.body).not.toContain('1234');
    // Used once: the second download is refused.
    expect((await api.app.inject({ url: downloadPath })).statusCode).toBe(403);
    const [event] = await get().db.select().from(auditEvents).where(eq(auditEvents.action, 'review.log_exported'));
    expect(event?.subjectHmac).toBe(subjectOf('0101901234'));
    expect(JSON.stringify(event?.payload)).not.toContain('0101901234');
  });

  it('exports every row across keyset batches, in time order', async () => {
    const { downloadPath } = (await callOp(api, sup, 'createVerificationExport', { sort: { field: 'startedAt', direction: 'asc' } })).json() as { downloadPath: string };
    const body = (await api.app.inject({ url: downloadPath })).body.trim().split('\r\n').slice(1);
    expect(body).toHaveLength(34);
    const times = body.map((l) => l.split(',')[1]!);
    expect(times).toEqual([...times].sort());
  });

  it('exports in the Danish style on request: semicolons, decimal commas, local time with offset and a local file name', async () => {
    const created = await callOp(api, sup, 'createVerificationExport', { format: { style: 'danish', timeZone: 'Europe/Copenhagen' } });
    expect(created.statusCode, created.body).toBe(200);
    const res = await api.app.inject({ url: (created.json() as { downloadPath: string }).downloadPath });
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(res.headers['content-disposition']).toMatch(/filename="verifications-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv"/);
    const [header, ...rows] = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(';').slice(0, 3)).toEqual(['id', 'started_at', 'ended_at']);
    for (const row of rows) expect(row.split(';')[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    const scores = rows.map((r) => r.split(';')[8]!).filter((s) => s !== '');
    expect(scores.some((s) => s.includes(','))).toBe(true);
    expect(scores.every((s) => !s.includes('.'))).toBe(true);
  });

  it('refuses an unknown time zone for the export', async () => {
    const res = await callOp(api, sup, 'createVerificationExport', { format: { style: 'danish', timeZone: 'Europe/Atlantis' } });
    expect(res.statusCode).toBe(400);
  });

  it('refuses an expired ticket', async () => {
    const { downloadPath } = (await callOp(api, sup, 'createVerificationExport', {})).json() as { downloadPath: string };
    api.clock.advance(61_000);
    expect((await api.app.inject({ url: downloadPath })).statusCode).toBe(403);
  });

  it('lists the agents for the filter', async () => {
    const res = await callOp(api, sup, 'listAgents');
    const ids = (res.json() as { items: { id: string }[] }).items.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([agentA, agentB]));
  });
});
