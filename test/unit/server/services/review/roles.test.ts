// Every supervisor operation refuses an agent (403) and a caller without a session (401), with a
// valid input, so the refusal comes from the role check and not from validation.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { supervisionOperations, type OperationName } from '../../../../../shared/api/index';
import { describeEachDatabase } from '../../../../support/databases';
import { createTestApi, type TestApi } from '../../../../support/support-api';
import { callOp } from './api-client';

const id = '00000000-0000-4000-8000-000000000001';
const policy = {
  verification: { questionCount: 4, extraQuestions: 2, passThresholdPercent: 75, minCorrect: 3, lockoutFailures: 2, lockoutWindowHours: 24, timeoutMinutes: 15 },
  codes: { length: 8, lifetimeMinutes: 30, maxAttempts: 3 },
  session: { consoleLockMinutes: 5 },
  watch: { openingHoursStart: '08:00', openingHoursEnd: '20:00' },
};
const checkpoint = { format: 'mitid-support-audit-checkpoint/1', seq: 1, headHash: 'a'.repeat(64), createdAt: '2026-11-25T09:00:00.000Z', publicKey: 'AAAA', signature: 'AAAA' };

/** A valid input for each operation: the role check, not validation, must be what refuses. */
export const sampleInputs: Record<keyof typeof supervisionOperations, Record<string, unknown>> = {
  listVerifications: { filter: { cpr: '010190-1234', flagged: true }, page: 0, pageSize: 10 },
  listAgents: {},
  getVerificationDetail: { id },
  addReviewNote: { id, text: 'note' },
  setVerificationFlag: { id, flagged: true, reason: 'looks odd' },
  revealCpr: { id, reason: 'Art. 15 request case 2026-118' },
  personAccessLog: { cpr: '0101901234', reason: 'Art. 15 request case 2026-118' },
  getWatchStats: { from: '2026-11-25T00:00:00.000Z', to: '2026-11-26T00:00:00.000Z' },
  createVerificationExport: { filter: {} },
  verifyAuditRange: { fromSeq: 1, limit: 100 },
  createAuditCheckpoint: {},
  verifyAuditCheckpoint: { checkpoint },
  getPolicy: {},
  updatePolicy: { policy, reason: 'tighten after the review meeting' },
};

describeEachDatabase('supervisor operations: roles', (get) => {
  let api: TestApi;
  let agent: string;
  beforeAll(async () => {
    api = await createTestApi(get());
    agent = (await api.signIn('agent')).token;
  });
  afterAll(() => api.close());

  for (const name of Object.keys(supervisionOperations) as (keyof typeof supervisionOperations)[]) {
    it(`${name}: 403 for an agent, 401 without a session`, async () => {
      const res = await callOp(api, agent, name as OperationName, sampleInputs[name]);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('forbidden');
      expect((await callOp(api, 'no-such-token', name as OperationName, sampleInputs[name])).statusCode).toBe(401);
    });
  }

  it('the CSV download refuses a missing, made-up or agent-less ticket', async () => {
    expect((await api.app.inject({ url: '/api/exports/verifications.csv' })).statusCode).toBe(400);
    expect((await api.app.inject({ url: '/api/exports/verifications.csv?ticket=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(403);
  });
});
