// The route generator's role check, exercised with real sessions from the database. The contract may
// not yet hold an operation for a single role, so this file adds a probe operation to it.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type * as Contract from '../../../../shared/api/index';
import { describeEachDatabase } from '../../../support/databases';
import { bearer, createTestApi, type TestApi } from '../../../support/support-api';

vi.mock('../../../../shared/api/index', async (importOriginal) => {
  const original = await importOriginal<typeof Contract>();
  const probe = original.defineOperation({
    name: 'supervisorOnlyProbe',
    method: 'POST',
    path: '/api/test/supervisor-only',
    summary: 'test probe',
    access: ['supervisor'],
    input: z.object({ note: z.string().max(10) }),
    output: z.object({ ok: z.literal(true) }),
  });
  const operations = { ...original.operations, supervisorOnlyProbe: probe };
  return { ...original, operations, operationNames: Object.keys(operations), isOperationName: (n: unknown) => typeof n === 'string' && n in operations };
});

describeEachDatabase('roles', (get) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(get(), { extraHandlers: { supervisorOnlyProbe: async () => ({ ok: true }) } });
  });
  afterAll(async () => {
    await api.close();
  });
  const call = (headers: Record<string, string> = {}) =>
    api.app.inject({ method: 'POST', url: '/api/test/supervisor-only', headers, payload: { note: 'hi' } });

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
    expect(res.json()).toEqual({ ok: true });
  });

  it('answers 401 once the session has ended, whatever the role', async () => {
    const { token } = await api.signIn('supervisor');
    await api.app.inject({ method: 'DELETE', url: '/api/session', headers: bearer(token) });
    expect((await call(bearer(token))).statusCode).toBe(401);
  });
});
