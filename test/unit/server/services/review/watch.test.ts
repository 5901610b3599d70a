// The watch: per-hour and per-agent figures and each anomaly list, on data made to show it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { zScore } from '../../../../../server/services/review/watch';
import { describeEachDatabase } from '../../../../support/databases';
import { seedCode, seedSignal, seedVerification } from '../../../../support/review-helpers';
import { createTestApi, type TestApi } from '../../../../support/support-api';
import { callOp } from './api-client';

describeEachDatabase('watch', (get) => {
  let api: TestApi;
  let sup: string;
  const agents: string[] = [];
  const day = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 24, h, m));
  let docReuse: string;

  beforeAll(async () => {
    const t = get();
    api = await createTestApi(t);
    api.clock.set(day(23));
    sup = (await api.signIn('supervisor')).token;
    for (let i = 0; i < 4; i++) agents.push((await api.signIn('agent')).userId);
    // Three agents pass about 60 %; the fourth passes everything.
    for (let a = 0; a < 3; a++) {
      for (let i = 0; i < 20; i++) {
        const cpr = `01018${a}${String(i).padStart(4, '0')}`;
        await seedVerification(t.handle, { agentId: agents[a]!, cpr, status: i % 5 < 3 ? 'passed' : 'failed', startedAt: day(9 + (i % 3), a * 10 + i), audit: false });
      }
    }
    for (let i = 0; i < 20; i++) {
      const v = await seedVerification(t.handle, { agentId: agents[3]!, cpr: `0202990${String(i).padStart(3, '0')}`, startedAt: day(10, i), audit: false });
      // Every code of the fourth agent goes unredeemed, and two are issued at 06:00 Copenhagen time.
      await seedCode(t.handle, { verificationId: v.id, agentId: agents[3]!, issuedAt: i < 2 ? day(5, i) : day(10, 30 + i) });
    }
    for (let a = 0; a < 3; a++) {
      for (let i = 0; i < 6; i++) {
        const v = await seedVerification(t.handle, { agentId: agents[a]!, cpr: `0303${a}${i}0000`, startedAt: day(12, a * 6 + i), audit: false });
        await seedCode(t.handle, { verificationId: v.id, agentId: agents[a]!, issuedAt: day(12, 30 + i), usedAt: day(12, 40 + i) });
      }
    }
    // One person tried by two agents, three times.
    for (let a = 0; a < 3; a++) await seedVerification(t.handle, { agentId: agents[a % 2]!, cpr: '1111111118', status: 'failed', startedAt: day(14, a), audit: false });
    docReuse = (await seedVerification(t.handle, { agentId: agents[0]!, cpr: '1212121212', startedAt: day(15), audit: false })).id;
    await seedSignal(t.db, { verificationId: docReuse, kind: 'document_multi_person', at: day(15, 1), persons: 3 });
  });
  afterAll(() => api.close());

  it('counts per hour and per agent over the window', async () => {
    const res = await callOp(api, sup, 'getWatchStats', { from: day(0).toISOString(), to: day(23).toISOString() });
    expect(res.statusCode, res.body).toBe(200);
    const w = res.json();
    expect(w.perHour).toHaveLength(23);
    expect(w.perHour.reduce((n: number, h: { total: number }) => n + h.total, 0)).toBe(60 + 20 + 18 + 3 + 1);
    expect(w.perHour.find((h: { hour: string }) => h.hour === day(10).toISOString())).toMatchObject({ total: 7 * 3 + 20 });
    const fourth = w.perAgent.find((a: { agent: { id: string } }) => a.agent.id === agents[3]);
    expect(fourth).toMatchObject({ total: 20, ended: 20, passed: 20, passRate: 1 });
  });

  it('lists the anomalies', async () => {
    const w = (await callOp(api, sup, 'getWatchStats', { from: day(0).toISOString(), to: day(23).toISOString() })).json();
    expect(w.anomalies.agentPassRate.map((a: { agent: { id: string } }) => a.agent.id)).toEqual([agents[3]]);
    expect(w.anomalies.agentPassRate[0].zScore).toBeGreaterThan(3);
    expect(w.anomalies.repeatedPersons[0]).toMatchObject({ maskedCpr: '111111-XXXX', attempts: 3, agents: 2 });
    expect(w.anomalies.documentReuse).toEqual([expect.objectContaining({ verificationId: docReuse, persons: 3, maskedCpr: '121212-XXXX' })]);
    expect(w.anomalies.offHoursCodes).toHaveLength(2);
    expect(w.anomalies.offHoursCodes[0].agent.id).toBe(agents[3]);
    expect(w.anomalies.unredeemedCodes.map((c: { agent: { id: string } }) => c.agent.id)).toEqual([agents[3]]);
    expect(w.anomalies.unredeemedCodes[0]).toMatchObject({ issued: 20, unredeemed: 20, rate: 1 });
  });

  it('takes the opening hours from the policy', async () => {
    const state = (await callOp(api, sup, 'getPolicy')).json();
    await callOp(api, sup, 'updatePolicy', { policy: { ...state.policy, watch: { openingHoursStart: '05:00', openingHoursEnd: '22:00' } }, reason: 'early shift opened this week' });
    const w = (await callOp(api, sup, 'getWatchStats', { from: day(0).toISOString(), to: day(23).toISOString() })).json();
    expect(w.anomalies.offHoursCodes).toHaveLength(0);
    expect(w.openingHours).toMatchObject({ start: '05:00', end: '22:00', timeZone: 'Europe/Copenhagen' });
  });
});

it('zScore: how many standard errors a rate is from the peers', () => {
  expect(zScore(50, 100, 0.5)).toBe(0);
  expect(zScore(100, 100, 0.5)).toBeCloseTo(10);
  expect(zScore(0, 0, 0.5)).toBe(0);
});
