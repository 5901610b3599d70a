import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { messageOutbox } from '../../../../../server/db/schema/outbox';
import { activationCodes, verifications } from '../../../../../server/db/schema/verifications';
import { describeEachDatabase } from '../../../../support/databases';
import { createCodesTestApi, insertPerson, insertVerification, issue, readSmsCode, type CodesTestApi } from '../../../../support/code-helpers';

async function actionsOf(api: CodesTestApi, verificationId: string): Promise<string[]> {
  const rows = await api.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.verificationId, verificationId)).orderBy(auditEvents.seq);
  return rows.map((r) => r.action);
}

describeEachDatabase('issueActivationCode', (get) => {
  let api: CodesTestApi;
  let agent: { token: string; userId: string };
  let otherAgent: { token: string; userId: string };

  beforeAll(async () => {
    api = await createCodesTestApi(get());
    agent = await api.signIn('agent');
    otherAgent = await api.signIn('agent');
  });
  afterAll(async () => api?.close());

  it('sends an SMS for a passed verification and shows the agent only the masked number and expiry', async () => {
    const person = await insertPerson(api.db, api.clock.now());
    const id = await insertVerification(api.db, agent.userId, person, api.clock.now());
    const res = await issue(api, agent.token, id);
    expect(res.status).toBe(200);
    expect(res.body.code).toEqual({
      status: 'sent',
      maskedMobile: `+45 •• •• •• ${person.mobile.slice(-2)}`,
      expiresAt: new Date(api.clock.now().getTime() + 30 * 60_000).toISOString(),
      maxAttempts: 3,
    });
    const code = await readSmsCode(api, person.userId);
    expect(code).toMatch(/^\d{8}$/);
    expect(JSON.stringify(res.body)).not.toContain(code);
    const [row] = await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, id));
    expect(row?.codeHmac).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.mitidUserId).toBe(person.userId);
    expect(await actionsOf(api, id)).toEqual(['code.issued', 'code.sent']);
    // A Digital Post notice went out as well, without the code.
    const { items } = await api.services.codes.listSandboxOutbox({ userId: person.userId, limit: 10 });
    const notice = items.find((m) => m.channel === 'digital_post');
    expect(notice?.body).toContain('Hvis det ikke var dig');
    expect(notice?.body).not.toContain(code);
    expect(notice?.recipient).toBe(`${person.cpr.slice(0, 6)}-XXXX`);
  });

  it('issues once per verification: a second call returns the current view and sends nothing', async () => {
    const person = await insertPerson(api.db, api.clock.now());
    const id = await insertVerification(api.db, agent.userId, person, api.clock.now());
    const first = await issue(api, agent.token, id);
    const [second, third] = await Promise.all([issue(api, agent.token, id), issue(api, agent.token, id)]);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, id))).toHaveLength(1);
    expect(await api.db.select().from(messageOutbox).where(eq(messageOutbox.mitidUserId, person.userId))).toHaveLength(2); // one SMS, one notice
  });

  it('refuses a failed or unfinished verification with 409', async () => {
    const person = await insertPerson(api.db, api.clock.now());
    for (const status of ['failed', 'in_progress'] as const) {
      const id = await insertVerification(api.db, agent.userId, person, api.clock.now(), status);
      const res = await issue(api, agent.token, id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('conflict');
    }
    expect(await api.db.select().from(activationCodes).where(eq(activationCodes.mitidUserId, person.userId))).toHaveLength(0);
  });

  it("answers 404 for another agent's verification and issues nothing", async () => {
    const person = await insertPerson(api.db, api.clock.now());
    const id = await insertVerification(api.db, agent.userId, person, api.clock.now());
    const res = await issue(api, otherAgent.token, id);
    expect(res.status).toBe(404);
    expect(await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, id))).toHaveLength(0);
  });

  it('refuses a person without a MitID user ID', async () => {
    const person = await insertPerson(api.db, api.clock.now(), { mitid: false });
    const id = await insertVerification(api.db, agent.userId, person, api.clock.now());
    expect((await issue(api, agent.token, id)).status).toBe(409);
  });

  it('refuses once the pass is older than the issue window (policy: 15 minutes)', async () => {
    const person = await insertPerson(api.db, api.clock.now());
    // Passed 16 minutes ago (moving the clock instead would end the agent's idle session).
    const id = await insertVerification(api.db, agent.userId, person, new Date(api.clock.now().getTime() - 16 * 60_000));
    const res = await issue(api, agent.token, id);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('verify the caller again');
  });

  it('refers instead of sending when the mobile number changed 2 days ago', async () => {
    const person = await insertPerson(api.db, api.clock.now(), { mobileAgeDays: 2 });
    const id = await insertVerification(api.db, agent.userId, person, api.clock.now());
    const res = await issue(api, agent.token, id);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('refer');
    expect(res.body.outcome).toEqual({ reason: 'mobile_recently_changed' });
    expect(res.body.code.status).toBe('none');
    const [row] = await api.db.select().from(verifications).where(eq(verifications.id, id));
    expect(row?.status).toBe('refer');
    expect(row?.outcomeReason).toBe('mobile_recently_changed');
    expect(await api.db.select().from(messageOutbox).where(eq(messageOutbox.mitidUserId, person.userId))).toHaveLength(0);
    expect(await actionsOf(api, id)).toEqual(['verification.referred']);
    // Asking again changes nothing.
    expect((await issue(api, agent.token, id)).body).toEqual(res.body);
  });

  it('sends when the number is just over 5 days old', async () => {
    const person = await insertPerson(api.db, api.clock.now(), { mobileAgeDays: 5.01 });
    const id = await insertVerification(api.db, agent.userId, person, api.clock.now());
    expect((await issue(api, agent.token, id)).body.code.status).toBe('sent');
  });

  it("a new code supersedes the person's older active code in the same transaction", async () => {
    const person = await insertPerson(api.db, api.clock.now());
    const first = await insertVerification(api.db, agent.userId, person, api.clock.now());
    await issue(api, agent.token, first);
    const second = await insertVerification(api.db, otherAgent.userId, person, api.clock.now());
    await issue(api, otherAgent.token, second);
    const [old] = await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, first));
    expect(old?.revokeReason).toBe('superseded');
    expect(old?.revokedAt).not.toBeNull();
    expect(await actionsOf(api, first)).toEqual(['code.issued', 'code.sent', 'code.superseded']);
  });

  it('only agents may issue', async () => {
    const supervisor = await api.signIn('supervisor');
    const person = await insertPerson(api.db, api.clock.now());
    const id = await insertVerification(api.db, agent.userId, person, api.clock.now());
    expect((await issue(api, supervisor.token, id)).status).toBe(403);
  });
});

describe('code policy bounds', () => {
  it('rejects codes shorter than 6 or longer than 12 characters', async () => {
    const { policySchema } = await import('../../../../../shared/domain/policy/index');
    expect(policySchema.safeParse({ codes: { length: 1 } }).success).toBe(false);
    expect(policySchema.safeParse({ codes: { length: 5 } }).success).toBe(false);
    expect(policySchema.safeParse({ codes: { length: 13 } }).success).toBe(false);
    expect(policySchema.safeParse({ codes: { alphabet: 'emoji' } }).success).toBe(false);
    expect(policySchema.parse({}).codes).toEqual({
      length: 8,
      alphabet: 'digits',
      lifetimeMinutes: 30,
      maxAttempts: 3,
      mobileQuarantineDays: 5,
      issueWithinMinutes: 15,
    });
  });
});
