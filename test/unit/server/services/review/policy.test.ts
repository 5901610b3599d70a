// Policy: read, change with a reason (audited), bounds enforced by the contract and the document.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getPolicy } from '../../../../../server/db/policy';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { describeEachDatabase } from '../../../../support/databases';
import { createTestApi, type TestApi } from '../../../../support/support-api';
import { callOp } from './api-client';

describeEachDatabase('policy settings', (get) => {
  let api: TestApi;
  let sup: { token: string; userId: string };
  beforeAll(async () => {
    api = await createTestApi(get());
    sup = await api.signIn('supervisor');
  });
  afterAll(() => api.close());

  it('starts from the defaults of the policy document', async () => {
    const state = (await callOp(api, sup.token, 'getPolicy')).json();
    const doc = await getPolicy(get().db);
    expect(state.policy.verification.questionCount).toBe(doc.verification.questionCount);
    expect(state.policy.verification.passThresholdPercent).toBe(Math.round(doc.verification.passThreshold * 100));
    expect(state.policy.codes.length).toBe(doc.codes.length);
    expect(state.updatedAt).toBeNull();
  });

  it('saves a change with its reason, keeps what the form does not show, and audits what changed', async () => {
    const state = (await callOp(api, sup.token, 'getPolicy')).json();
    const before = await getPolicy(get().db);
    const policy = {
      ...state.policy,
      verification: { ...state.policy.verification, questionCount: 5, passThresholdPercent: 80 },
      codes: { ...state.policy.codes, length: 9 },
      watch: { openingHoursStart: '07:30', openingHoursEnd: '21:00' },
    };
    const res = await callOp(api, sup.token, 'updatePolicy', { policy, reason: 'more questions after the fraud review' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ policy, updatedBy: { id: sup.userId } });
    const doc = await getPolicy(get().db);
    expect(doc.verification).toMatchObject({ questionCount: 5, passThreshold: 0.8, personAgentsWindowMinutes: before.verification.personAgentsWindowMinutes });
    expect(doc.codes).toMatchObject({ length: 9, alphabet: before.codes.alphabet });
    expect(doc.login).toEqual(before.login);
    const [reason] = await get().db.select().from(auditEvents).where(eq(auditEvents.action, 'policy.change_reason'));
    expect(reason).toMatchObject({
      actor: sup.userId,
      payload: { reason: 'more questions after the fraud review', changed: { 'verification.questionCount': { from: before.verification.questionCount, to: 5 }, 'codes.length': { from: before.codes.length, to: 9 } } },
    });
    const [updated] = await get().db.select().from(auditEvents).where(eq(auditEvents.action, 'policy.updated')).orderBy(desc(auditEvents.seq));
    expect(updated?.seq).toBe(reason!.seq - 1);
    expect((await callOp(api, sup.token, 'getPolicy')).json().policy.watch).toEqual({ openingHoursStart: '07:30', openingHoursEnd: '21:00' });
  });

  it('edits the co-sign section: its triggers and time limit, audited as a diff, read by the rule in force', async () => {
    const { policy } = (await callOp(api, sup.token, 'getPolicy')).json();
    const before = await getPolicy(get().db);
    expect(policy.cosign).toEqual(before.cosign);
    const cosign = { ...policy.cosign, onVelocitySignal: false, outsideOpeningHours: true, borderlineMarginPercent: 0, timeoutMinutes: 12 };
    const res = await callOp(api, sup.token, 'updatePolicy', { policy: { ...policy, cosign }, reason: 'a supervisor is on duty all night now' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().policy.cosign).toEqual(cosign);
    expect((await getPolicy(get().db)).cosign).toEqual(cosign);
    const [reason] = await get().db.select().from(auditEvents).where(eq(auditEvents.action, 'policy.change_reason')).orderBy(desc(auditEvents.seq));
    expect(reason?.payload).toEqual({
      reason: 'a supervisor is on duty all night now',
      changed: {
        'cosign.onVelocitySignal': { from: true, to: false },
        'cosign.outsideOpeningHours': { from: before.cosign.outsideOpeningHours, to: true },
        'cosign.borderlineMarginPercent': { from: before.cosign.borderlineMarginPercent, to: 0 },
        'cosign.timeoutMinutes': { from: before.cosign.timeoutMinutes, to: 12 },
      },
    });
  });

  it('refuses a co-sign time limit or borderline margin out of the policy schema\'s bounds', async () => {
    const { policy } = (await callOp(api, sup.token, 'getPolicy')).json();
    for (const cosign of [
      { ...policy.cosign, timeoutMinutes: 0 },
      { ...policy.cosign, timeoutMinutes: 31 },
      { ...policy.cosign, borderlineMarginPercent: 26 },
      { ...policy.cosign, onVelocitySignal: 'yes' },
    ]) {
      const res = await callOp(api, sup.token, 'updatePolicy', { policy: { ...policy, cosign }, reason: 'a long enough reason' });
      expect(res.statusCode, JSON.stringify(cosign)).toBe(400);
    }
    const { cosign: rest, ...withoutCosign } = policy;
    expect(rest).toBeDefined();
    expect((await callOp(api, sup.token, 'updatePolicy', { policy: withoutCosign, reason: 'a long enough reason' })).statusCode).toBe(400);
  });

  it('refuses unsafe values and a missing reason', async () => {
    const { policy } = (await callOp(api, sup.token, 'getPolicy')).json();
    const bad = [
      { ...policy, verification: { ...policy.verification, passThresholdPercent: 0 } },
      { ...policy, codes: { ...policy.codes, length: 1 } },
      { ...policy, verification: { ...policy.verification, minCorrect: 6, questionCount: 4 } },
      { ...policy, verification: { ...policy.verification, minPrivateCorrect: 4, minCorrect: 3 } },
      { ...policy, verification: { ...policy.verification, maxAcquaintanceQuestions: 4, questionCount: 4 } },
      { ...policy, verification: { ...policy.verification, maxAcquaintanceQuestions: -1 } },
      { ...policy, session: { consoleLockMinutes: 60 } },
    ];
    for (const p of bad) {
      const res = await callOp(api, sup.token, 'updatePolicy', { policy: p, reason: 'a long enough reason' });
      expect(res.statusCode, JSON.stringify(p)).toBe(400);
    }
    expect((await callOp(api, sup.token, 'updatePolicy', { policy, reason: '' })).statusCode).toBe(400);
  });
});
