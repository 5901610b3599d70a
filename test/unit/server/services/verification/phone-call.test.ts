// The screen pop on the Support API, both drivers: a call ID is stored with the verification, shown and
// searchable in the supervisor log, exported in the CSV and written to the audit log; the caller's
// number is classified against the registered mobile and never stored or logged.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { registerMitid } from '../../../../../server/db/schema/register';
import { verifications } from '../../../../../server/db/schema/verifications';
import { describeEachDatabase } from '../../../../support/databases';
import { createTestApi, type TestApi } from '../../../../support/support-api';
import { insertRichPerson, startCall, startFor, type TestPerson } from '../../../../support/verification-helpers';
import { callOp } from '../review/api-client';

describeEachDatabase('screen pop: the phone system’s call on a verification', (get) => {
  let api: TestApi;
  let agent: { token: string; userId: string };
  let sup: string;
  let person: TestPerson;
  let abroad: TestPerson;

  beforeAll(async () => {
    api = await createTestApi(get());
    agent = await api.signIn('agent');
    sup = (await api.signIn('supervisor')).token;
    person = await insertRichPerson(get().db);
    abroad = await insertRichPerson(get().db);
    // A person whose registered mobile is a Swedish number.
    await get().db.update(registerMitid).set({ mobileNumber: '+46701234567' }).where(eq(registerMitid.cpr, abroad.cpr));
  });
  afterAll(() => api.close());

  const start = async (who: TestPerson, phoneCall?: { callId: string; from: string | null }) => {
    const started = await startCall(api, agent.token, { ...startFor(who), ...(phoneCall ? { phoneCall } : {}) } as never);
    expect(started.status, started.body).toBe(200);
    return started.view;
  };

  it('stores the call ID and a class of the number, never the number', async () => {
    const cases: [TestPerson, string | null, string][] = [
      [person, null, 'withheld'],
      [person, 'anonymous', 'withheld'],
      [person, '+45 31 41 59 26', 'domestic'],
      [person, '20000000', 'registered_mobile'],
      [person, '+4520000000', 'registered_mobile'],
      [person, '0046701234567', 'foreign'],
      [abroad, '+46701234567', 'registered_mobile_abroad'],
      [abroad, '+4520000000', 'domestic'],
    ];
    for (const [i, [who, from, expected]] of cases.entries()) {
      const view = await start(who, { callId: `pbx-${i}.42`, from });
      expect(view.phoneCall, `${from}`).toEqual({ callId: `pbx-${i}.42`, callerNumber: expected });
      const [row] = await get().db.select().from(verifications).where(eq(verifications.id, view.id));
      expect(row).toMatchObject({ callId: `pbx-${i}.42`, callerNumber: expected });
      const digits = (from ?? '').replace(/\D/g, '').slice(-8);
      if (digits) expect(JSON.stringify(row)).not.toContain(digits);
    }
  });

  it('compares with the registered mobile only when the document proved who is calling', async () => {
    const view = await startCall(api, agent.token, {
      caller: startFor(person).caller,
      document: { type: 'passport', number: '999999999' },
      phoneCall: { callId: 'pbx-unverified', from: '+4520000000' },
    } as never);
    expect(view.view.status).toBe('failed');
    expect(view.view.phoneCall).toEqual({ callId: 'pbx-unverified', callerNumber: 'domestic' });
  });

  it('leaves calls typed in by hand without a phone call', async () => {
    const view = await start(person);
    expect(view.phoneCall).toBeNull();
  });

  it('refuses a malformed call ID or number with 400 and starts nothing', async () => {
    const before = (await get().db.select({ id: verifications.id }).from(verifications)).length;
    for (const phoneCall of [
      { callId: '', from: null },
      { callId: 'x'.repeat(129), from: null },
      { callId: 'id with space', from: null },
      { callId: '<script>', from: null },
      { callId: 'ok-1', from: 'call me maybe' },
      { callId: 'ok-1', from: '+45'.padEnd(40, '1') },
      { callId: 'ok-1', from: null, extra: 'x' },
    ]) {
      const res = await startCall(api, agent.token, { ...startFor(person), phoneCall } as never);
      expect(res.status, JSON.stringify(phoneCall)).toBe(400);
    }
    expect((await get().db.select({ id: verifications.id }).from(verifications)).length).toBe(before);
  });

  it('writes the call ID and the class to the audit log, not the number', async () => {
    const view = await start(person, { callId: 'pbx-audit-1', from: '+4731234567' });
    const events = await get().db.select().from(auditEvents).where(eq(auditEvents.verificationId, view.id));
    const started = events.find((e) => e.action === 'verification.started');
    expect(started?.payload).toMatchObject({ phoneCall: { callId: 'pbx-audit-1', callerNumber: 'foreign' } });
    expect(JSON.stringify(events)).not.toContain('31234567');
  });

  it('shows the call ID in the log and the detail, finds it by search, and exports it', async () => {
    const view = await start(person, { callId: 'pbx-find-me.7', from: null });
    const listed = await callOp(api, sup, 'listVerifications', { filter: { callId: ' pbx-find-me.7 ' } });
    expect(listed.statusCode, listed.body).toBe(200);
    const { items } = listed.json() as { items: { id: string; callId: string | null; callerNumber: string | null }[] };
    expect(items).toEqual([expect.objectContaining({ id: view.id, callId: 'pbx-find-me.7', callerNumber: 'withheld' })]);
    expect((await callOp(api, sup, 'listVerifications', { filter: { callId: 'pbx-find-me' } })).json()).toMatchObject({ total: 0 });
    expect((await callOp(api, sup, 'listVerifications', { filter: { callId: 'bad id' } })).statusCode).toBe(400);

    const detail = (await callOp(api, sup, 'getVerificationDetail', { id: view.id })).json() as { summary: { callId: string } };
    expect(detail.summary.callId).toBe('pbx-find-me.7');

    const created = await callOp(api, sup, 'createVerificationExport', { filter: { callId: 'pbx-find-me.7' } });
    expect(created.statusCode, created.body).toBe(200);
    const csv = (await api.app.inject({ url: (created.json() as { downloadPath: string }).downloadPath })).body.replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = csv[0]!.split(',');
    const callIdAt = header.indexOf('call_id');
    expect(callIdAt).toBeGreaterThan(0);
    expect(header[callIdAt + 1]).toBe('caller_number');
    expect(csv).toHaveLength(2);
    const cells = csv[1]!.split(',');
    expect(cells[0]).toBe(view.id);
    expect(cells.slice(callIdAt, callIdAt + 2)).toEqual(['pbx-find-me.7', 'withheld']);
  });
});
