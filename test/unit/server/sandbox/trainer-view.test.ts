// The trainer's view of a sandbox person over HTTP: supervisors only, the sandbox only, CPR numbers masked,
// no value of the request in an error, and every view in the audit log.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SandboxPersonView } from '../../../../shared/api/index';
import { auditEvents } from '../../../../server/db/schema/audit';
import { createTrainerView } from '../../../../server/services/sandbox/trainer-view';
import { seedSandboxIfEmpty } from '../../../../server/sandbox/seed';
import { markSandbox } from '../../../support/code-helpers';
import { describeEachDatabase } from '../../../support/databases';
import { bearer, createTestApi, type TestApi } from '../../../support/support-api';

describeEachDatabase('trainer view of a sandbox person (showSandboxPerson)', (get) => {
  let api: TestApi;
  let supervisor: string;
  let supervisorId: string;
  let agent: string;
  const show = (token: string, cpr: string) => api.app.inject({ method: 'POST', url: '/api/sandbox/person', payload: { cpr }, headers: bearer(token) });

  beforeAll(async () => {
    api = await createTestApi(get());
    await seedSandboxIfEmpty(api.services.db, { persons: 60, now: api.clock.now() });
    ({ token: supervisor, userId: supervisorId } = await api.signIn('supervisor'));
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

  it('records who looked at whom (the subject HMAC, not the number) each time, and nothing for an unknown number', async () => {
    const viewsOf = (subjectHmac: string) =>
      get().db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sandbox.person_viewed'), eq(auditEvents.subjectHmac, subjectHmac)));
    const kirsten = api.services.subjectHmac('1203681158');
    const before = (await viewsOf(kirsten)).length;
    expect((await show(supervisor, '120368 1158')).statusCode).toBe(200);
    expect((await show(supervisor, '120368-1158')).statusCode).toBe(200);
    const views = await viewsOf(kirsten);
    expect(views).toHaveLength(before + 2);
    expect(views.at(-1)).toMatchObject({ actor: supervisorId, payload: {}, verificationId: null });
    expect(JSON.stringify(views)).not.toMatch(/120368-?\s?1158/);

    const all = async () => (await get().db.select().from(auditEvents).where(eq(auditEvents.action, 'sandbox.person_viewed'))).length;
    const count = await all();
    expect((await show(supervisor, '010101-0000')).statusCode).toBe(404);
    expect((await show(agent, '120368-1158')).statusCode).toBe(403);
    expect(await all()).toBe(count);
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
    const show = createTrainerView({ ...api.services, isSandbox: async () => false });
    await expect(show('120368-1158', { userId: supervisorId, username: 'supervisor', role: 'supervisor', sessionId: 's' })).rejects.toMatchObject({ status: 404 });
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
