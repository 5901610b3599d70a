// The trainer's view of a sandbox person over HTTP: supervisors only, the sandbox only, CPR numbers masked,
// and no value of the request in an error.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SandboxPersonView } from '../../../../shared/api/index';
import { sandboxHandlers } from '../../../../server/handlers/sandbox';
import { seedSandboxIfEmpty } from '../../../../server/sandbox/seed';
import { markSandbox } from '../../../support/code-helpers';
import { describeEachDatabase } from '../../../support/databases';
import { bearer, createTestApi, type TestApi } from '../../../support/support-api';

describeEachDatabase('trainer view of a sandbox person (showSandboxPerson)', (get) => {
  let api: TestApi;
  let supervisor: string;
  let agent: string;
  const show = (token: string, cpr: string) => api.app.inject({ method: 'POST', url: '/api/sandbox/person', payload: { cpr }, headers: bearer(token) });

  beforeAll(async () => {
    api = await createTestApi(get());
    await seedSandboxIfEmpty(api.services.db, { persons: 60, now: api.clock.now() });
    supervisor = (await api.signIn('supervisor')).token;
    agent = (await api.signIn('agent')).token;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('shows a persona with masked CPR numbers, the homes with their months and municipalities, relatives and documents', async () => {
    const res = await show(supervisor, '120368-1158');
    expect(res.statusCode).toBe(200);
    const view = res.json<SandboxPersonView>();
    expect(view.maskedCpr).toBe('120368-XXXX');
    expect(res.body).not.toMatch(/120368-?1158/);
    // No relative's CPR number either (Henrik Holm 280166-1141, Mads 090495-1137).
    expect(res.body).not.toMatch(/\d{6}-?\d{4}/);
    expect(view.name).toBe('Kirsten Jensen Holm');
    expect(view.addresses[0]).toMatchObject({ place: 'Nørregade 12, 1. tv, 8000 Aarhus C', movedIn: '1968-03-12', movedOut: '1987-08-01', abroad: false });
    expect(view.addresses[0]?.municipalityThen).toMatch(/Århus|Aarhus/);
    expect(view.addresses.at(-1)?.movedOut).toBeNull();
    expect(view.relatives).toContainEqual(expect.objectContaining({ kind: 'child', name: expect.stringContaining('Mads') as string, birthDate: expect.stringMatching(/^1995-/) as string }));
    expect(view.documents).toContainEqual(expect.objectContaining({ type: 'passport', number: '204518637', valid: true }));
    expect(view.mitidUserId).toBe('kirsten.holm');
    expect(view.formerNames.map((n) => n.name)).toContain('Kirsten Jensen');
  });

  it('refuses agents, answers 404 without the number for an unknown or malformed one', async () => {
    expect((await show(agent, '120368-1158')).statusCode).toBe(403);
    for (const cpr of ['010101-0000', 'not a number']) {
      const res = await show(supervisor, cpr);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(cpr);
    }
  });

  it('does not exist with a real register source configured, whatever the tables hold', async () => {
    // compose.ts passes isSandbox = () => false when REGISTER_SOURCE names a real source (sandboxAids false).
    const handlers = sandboxHandlers({ db: api.services.db, clock: api.clock, isSandbox: async () => false });
    await expect(handlers.showSandboxPerson({ cpr: '120368-1158' }, {} as never)).rejects.toMatchObject({ status: 404 });
  });

  it('does not exist outside the sandbox register', async () => {
    await markSandbox(api.services.db, 'cpr-extract');
    try {
      const res = await show(supervisor, '120368-1158');
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Kirsten');
    } finally {
      await markSandbox(api.services.db);
    }
  });
});
