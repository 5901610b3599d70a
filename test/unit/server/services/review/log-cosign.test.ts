// The log's co-sign and red-flag filters, on both drivers: one WHERE builder for the paged list and the
// CSV export, so both select the same rows; a pending request past its time is filtered (and shown) as
// expired before anyone has recorded the expiry.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../support/databases';
import { seedCosign, seedVerification } from '../../../../support/review-helpers';
import { createTestApi, type TestApi } from '../../../../support/support-api';
import { callOp } from './api-client';

type Row = { id: string; cosignStatus: string | null; redFlags: string[] };

describeEachDatabase('verification log: co-sign and red-flag filters', (get) => {
  let api: TestApi;
  let sup: string;
  const ids: Record<string, string> = {};
  const t0 = new Date('2026-11-24T08:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  beforeAll(async () => {
    const t = get();
    api = await createTestApi(t);
    sup = (await api.signIn('supervisor')).token;
    const agent = (await api.signIn('agent')).userId;
    const seed = async (name: string, minutes: number, extra: { status?: 'passed' | 'refer'; redFlags?: ('caller_under_pressure' | 'answers_read_aloud')[] } = {}) => {
      ids[name] = (await seedVerification(t.handle, { agentId: agent, cpr: '0101901234', startedAt: at(minutes), audit: false, ...extra })).id;
    };
    await seed('plain', 0);
    await seed('approved', 10, { redFlags: ['caller_under_pressure'] });
    await seed('denied', 20, { status: 'refer', redFlags: ['caller_under_pressure', 'answers_read_aloud'] });
    await seed('expired', 30, { status: 'refer' });
    await seed('lapsed', 40);
    await seed('pending', 50);
    await seed('flaggedOnly', 55, { redFlags: ['answers_read_aloud'] });
    const cosign = (name: string, status: 'pending' | 'approved' | 'denied' | 'expired', minutes: number) =>
      seedCosign(t.db, { verificationId: ids[name]!, agentId: agent, status, requestedAt: at(minutes) });
    await cosign('approved', 'approved', 12);
    await cosign('denied', 'denied', 22);
    await cosign('expired', 'expired', 32);
    // Asked at 42 with 5 minutes: past its time at 58, but nobody has looked since.
    await cosign('lapsed', 'pending', 42);
    await cosign('pending', 'pending', 56);
    api.clock.set(at(58));
  });
  afterAll(() => api.close());

  const list = async (filter: Record<string, unknown>) => {
    const res = await callOp(api, sup, 'listVerifications', { filter, pageSize: 100 });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Row[]; total: number };
  };
  const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  const named = (...names: string[]) => names.map((n) => ids[n]!).sort();

  it('shows each row its co-sign state and red flags, a lapsed pending request as expired', async () => {
    const { items } = await list({});
    const byId = new Map(items.map((r) => [r.id, r]));
    expect(byId.get(ids.plain!)).toMatchObject({ cosignStatus: null, redFlags: [] });
    expect(byId.get(ids.denied!)).toMatchObject({ cosignStatus: 'denied', redFlags: ['caller_under_pressure', 'answers_read_aloud'] });
    expect(byId.get(ids.lapsed!)!.cosignStatus).toBe('expired');
    expect(byId.get(ids.pending!)!.cosignStatus).toBe('pending');
  });

  it('filters by co-sign state', async () => {
    expect(idsOf((await list({ cosign: 'requested' })).items)).toEqual(named('approved', 'denied', 'expired', 'lapsed', 'pending'));
    expect(idsOf((await list({ cosign: 'pending' })).items)).toEqual(named('pending'));
    expect(idsOf((await list({ cosign: 'approved' })).items)).toEqual(named('approved'));
    expect(idsOf((await list({ cosign: 'denied' })).items)).toEqual(named('denied'));
    expect(idsOf((await list({ cosign: 'expired' })).items)).toEqual(named('expired', 'lapsed'));
    expect((await callOp(api, sup, 'listVerifications', { filter: { cosign: 'maybe' } })).statusCode).toBe(400);
  });

  it('filters by red flag, alone and with the co-sign state and the outcome', async () => {
    expect(idsOf((await list({ redFlagged: true })).items)).toEqual(named('approved', 'denied', 'flaggedOnly'));
    expect((await list({ redFlagged: false })).total).toBe(4);
    expect(idsOf((await list({ redFlagged: true, cosign: 'requested', status: 'refer' })).items)).toEqual(named('denied'));
  });

  it('exports exactly the filtered rows, with the co-sign state and red flags as the last columns', async () => {
    const created = await callOp(api, sup, 'createVerificationExport', { filter: { redFlagged: true, cosign: 'requested' } });
    expect(created.statusCode, created.body).toBe(200);
    const res = await api.app.inject({ url: (created.json() as { downloadPath: string }).downloadPath });
    const [header, ...lines] = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(',').slice(-2)).toEqual(['cosign_status', 'red_flags']);
    const cells = lines.map((l) => l.split(','));
    expect(cells.map((c) => c[0]).sort()).toEqual(named('approved', 'denied'));
    const denied = cells.find((c) => c[0] === ids.denied)!;
    expect(denied.slice(-2)).toEqual(['denied', 'caller_under_pressure|answers_read_aloud']);
  });

  it('exports a lapsed request under the expired filter, as the list selects it', async () => {
    const created = await callOp(api, sup, 'createVerificationExport', { filter: { cosign: 'expired' } });
    const res = await api.app.inject({ url: (created.json() as { downloadPath: string }).downloadPath });
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
    expect(lines.map((l) => l.split(',')[0]).sort()).toEqual(named('expired', 'lapsed'));
    expect(lines.every((l) => l.split(',').at(-2) === 'expired')).toBe(true);
  });
});
