// The route generator's role check, exercised with real sessions from the database, on a
// supervisor-only operation of the contract (getPolicy).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../support/databases';
import { bearer, createTestApi, type TestApi } from '../../../support/support-api';

describeEachDatabase('roles', (get) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(get());
  });
  afterAll(async () => {
    await api.close();
  });
  const call = (headers: Record<string, string> = {}) => api.app.inject({ method: 'GET', url: '/api/supervision/policy', headers });

  it('answers 401 without a session or with an unknown token', async () => {
    expect((await call()).statusCode).toBe(401);
    expect((await call(bearer('not-a-real-token'))).json()).toEqual({ code: 'unauthenticated', message: expect.any(String) });
  });

  it('answers 403 to a signed-in user of the wrong role', async () => {
    const res = await call(bearer((await api.signIn('agent')).token));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 'forbidden', message: expect.any(String) });
  });

  it('lets the right role through to the handler', async () => {
    const res = await call(bearer((await api.signIn('supervisor')).token));
    expect(res.statusCode).toBe(200);
    expect(res.json().policy.verification.questionCount).toEqual(expect.any(Number));
  });

  it('answers 401 once the session has ended, whatever the role', async () => {
    const { token } = await api.signIn('supervisor');
    await api.app.inject({ method: 'DELETE', url: '/api/session', headers: bearer(token) });
    expect((await call(bearer(token))).statusCode).toBe(401);
  });
});
