// Supervisor co-sign and the agent's red flag, through the HTTP API with two sessions (agent and
// supervisor) on both drivers: the gate before the code, the queue, approve/deny, timeout, "not your own
// call", roles, and the audit trail of every step.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CosignRequest, VerificationView } from '../../../../../shared/api/index';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { cosignRequests } from '../../../../../server/db/schema/cosign';
import { activationCodes, velocitySignals, verifications } from '../../../../../server/db/schema/verifications';
import { describeEachDatabase } from '../../../../support/databases';
import {
  bearer,
  createCodesTestApi,
  insertPerson,
  insertVerification,
  issue,
  readSmsCode,
  redeem,
  redeemPayload,
  type CodesTestApi,
} from '../../../../support/code-helpers';

type Session = { token: string; userId: string };

async function actionsOf(api: CodesTestApi, verificationId: string): Promise<string[]> {
  const rows = await api.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.verificationId, verificationId)).orderBy(auditEvents.seq);
  return rows.map((r) => r.action);
}

async function call(api: CodesTestApi, who: Session, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await api.app.inject({ method, url, headers: bearer(who.token), ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

const redFlag = (api: CodesTestApi, agent: Session, id: string, kind: string) => call(api, agent, 'POST', `/api/verifications/${id}/red-flags`, { kind });
const queue = async (api: CodesTestApi, who: Session) => call(api, who, 'GET', '/api/supervision/cosign');
const decide = (api: CodesTestApi, who: Session, id: string, decision: 'approve' | 'deny', reason = 'Checked with the caller') =>
  call(api, who, 'POST', `/api/supervision/cosign/${id}`, { decision, reason });
const view = async (api: CodesTestApi, agent: Session, id: string) => (await call(api, agent, 'GET', `/api/verifications/${id}`)).body as unknown as VerificationView;

describeEachDatabase('supervisor co-sign', (get) => {
  let api: CodesTestApi;
  let agent: Session;
  let supervisor: Session;
  let otherSupervisor: Session;

  beforeAll(async () => {
    api = await createCodesTestApi(get());
    agent = await api.signIn('agent');
    supervisor = await api.signIn('supervisor');
    otherSupervisor = await api.signIn('supervisor');
  });
  afterAll(async () => api?.close());

  async function passedCall() {
    const person = await insertPerson(api.db, api.clock.now());
    const id = await insertVerification(api.db, agent.userId, person, api.clock.now());
    return { person, id };
  }

  it('sends the code at once when no co-sign reason applies', async () => {
    const { id } = await passedCall();
    const res = await issue(api, agent.token, id);
    expect(res.body.code.status).toBe('sent');
    expect(res.body.cosign).toBeNull();
    expect(await actionsOf(api, id)).toEqual(['code.issued', 'code.sent']);
  });

  it('red flag: recorded once, forces co-sign; no code exists until a supervisor approves, then it is sent and redeemable', async () => {
    const { person, id } = await passedCall();
    const flagged = await redFlag(api, agent, id, 'someone_prompting');
    expect(flagged.status).toBe(200);
    expect((flagged.body as unknown as VerificationView).redFlags).toEqual(['someone_prompting']);
    expect((await redFlag(api, agent, id, 'someone_prompting')).status).toBe(200); // twice: recorded once

    const waiting = await issue(api, agent.token, id);
    expect(waiting.status).toBe(200);
    expect(waiting.body.status).toBe('passed');
    expect(waiting.body.code.status).toBe('none');
    expect(waiting.body.cosign).toMatchObject({ status: 'pending', reasons: ['red_flag'] });
    expect(new Date(waiting.body.cosign?.expiresAt ?? 0).getTime() - api.clock.now().getTime()).toBe(5 * 60_000);
    // Nothing to redeem: no code row, no SMS.
    expect(await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, id))).toEqual([]);
    await expect(readSmsCode(api, person.userId)).rejects.toThrow(/no SMS/);
    // Asking again while waiting changes nothing.
    expect((await issue(api, agent.token, id)).body.cosign?.status).toBe('pending');

    const q = await queue(api, supervisor);
    const item = (q.body.items as CosignRequest[]).find((i) => i.verificationId === id);
    expect(item).toMatchObject({ status: 'pending', reasons: ['red_flag'], redFlags: ['someone_prompting'], maskedCpr: `${person.cpr.slice(0, 6)}-XXXX` });
    expect(item?.agent.id).toBe(agent.userId);
    // Facts and signals only: no CPR number in clear, no sealed copy, no plan.
    expect(JSON.stringify(q.body)).not.toContain(person.cpr);
    expect(JSON.stringify(q.body)).not.toMatch(/cprSealed|plan|expected/);

    const approved = await decide(api, supervisor, id, 'approve');
    expect(approved).toEqual({ status: 200, body: { status: 'approved' } });
    const after = await view(api, agent, id);
    expect(after.code.status).toBe('sent');
    expect(after.cosign?.status).toBe('approved');
    expect((await queue(api, supervisor)).body.items as CosignRequest[]).not.toContainEqual(expect.objectContaining({ verificationId: id }));
    expect(await actionsOf(api, id)).toEqual(['verification.red_flagged', 'cosign.requested', 'cosign.approved', 'code.issued', 'code.sent']);
    const [approval] = await api.db.select().from(auditEvents).where(eq(auditEvents.action, 'cosign.approved'));
    expect(approval?.actor).not.toBe(agent.userId);
    const [code] = await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, id));
    expect(code?.issuedBy).toBe(agent.userId);
    expect((await redeem(api, redeemPayload(person.userId, await readSmsCode(api, person.userId)))).status).toBe(200);
  });

  it('deny: the call becomes a referral with the reason, no code; a later decision gets 409', async () => {
    const { id } = await passedCall();
    await redFlag(api, agent, id, 'caller_under_pressure');
    await issue(api, agent.token, id);
    expect(await decide(api, supervisor, id, 'deny', 'Caller sounded coached')).toEqual({ status: 200, body: { status: 'denied' } });
    const after = await view(api, agent, id);
    expect(after.status).toBe('refer');
    expect(after.outcome?.reason).toBe('cosign_denied');
    expect(after.cosign?.status).toBe('denied');
    expect((await issue(api, agent.token, id)).body.code.status).toBe('none');
    expect(await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, id))).toEqual([]);
    expect((await decide(api, otherSupervisor, id, 'approve')).status).toBe(409);
    expect(await actionsOf(api, id)).toEqual(['verification.red_flagged', 'cosign.requested', 'cosign.denied', 'verification.referred']);
    const [row] = await api.db.select().from(cosignRequests).where(eq(cosignRequests.verificationId, id));
    expect(row).toMatchObject({ status: 'denied', decidedBy: supervisor.userId, decisionReason: 'Caller sounded coached' });
  });

  it('unanswered within the policy time: a referral (cosign_timeout), and approving after that gets 409', async () => {
    const { id } = await passedCall();
    await redFlag(api, agent, id, 'answers_read_aloud');
    await issue(api, agent.token, id);
    api.clock.advance(5 * 60_000 - 1);
    expect((await view(api, agent, id)).cosign?.status).toBe('pending');
    api.clock.advance(1);
    const after = await view(api, agent, id);
    expect(after).toMatchObject({ status: 'refer', outcome: { reason: 'cosign_timeout' }, cosign: { status: 'expired' } });
    expect((await decide(api, supervisor, id, 'approve')).status).toBe(409);
    expect(await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, id))).toEqual([]);
    expect(await actionsOf(api, id)).toEqual(['verification.red_flagged', 'cosign.requested', 'cosign.expired', 'verification.referred']);
  });

  it('the queue refers requests whose time ran out, without anyone else looking', async () => {
    const { id } = await passedCall();
    await redFlag(api, agent, id, 'third_party_caller');
    await issue(api, agent.token, id);
    api.clock.advance(6 * 60_000);
    const items = (await queue(api, supervisor)).body.items as CosignRequest[];
    expect(items.map((i) => i.verificationId)).not.toContain(id);
    const [v] = await api.db.select().from(verifications).where(eq(verifications.id, id));
    expect(v).toMatchObject({ status: 'refer', outcomeReason: 'cosign_timeout' });
  });

  it('velocity signals and name/address protection need co-sign; the queue shows the signals', async () => {
    const { id } = await passedCall();
    await api.db.update(verifications).set({ plan: { notices: ['name_address_protection'], questions: [] } }).where(eq(verifications.id, id));
    await api.db.insert(velocitySignals).values({
      id: randomUUID(),
      kind: 'person_multi_agent',
      verificationId: id,
      subjectHmac: null,
      documentHmac: null,
      detectedAt: api.clock.now(),
      details: { agents: 2, attempts: 3 },
    });
    const res = await issue(api, agent.token, id);
    expect(res.body.cosign?.reasons).toEqual(['velocity_person', 'name_address_protection']);
    const item = ((await queue(api, supervisor)).body.items as CosignRequest[]).find((i) => i.verificationId === id);
    expect(item?.nameAddressProtection).toBe(true);
    expect(item?.velocitySignals).toEqual([{ kind: 'person_multi_agent', detectedAt: api.clock.now().toISOString(), details: { agents: 2, attempts: 3 } }]);
    // A red flag raised while waiting joins the request's reasons.
    await redFlag(api, agent, id, 'caller_under_pressure');
    expect((await view(api, agent, id)).cosign?.reasons).toEqual(['red_flag', 'velocity_person', 'name_address_protection']);
    await decide(api, supervisor, id, 'deny');
  });

  it('a borderline pass needs co-sign; a clear pass does not', async () => {
    const borderline = await passedCall();
    await api.db.update(verifications).set({ scoreWeight: 0.8, totalWeight: 1, policy: { passThreshold: 0.75 } }).where(eq(verifications.id, borderline.id));
    expect((await issue(api, agent.token, borderline.id)).body.cosign?.reasons).toEqual(['borderline_score']);
    const clear = await passedCall();
    await api.db.update(verifications).set({ scoreWeight: 0.86, totalWeight: 1, policy: { passThreshold: 0.75 } }).where(eq(verifications.id, clear.id));
    expect((await issue(api, agent.token, clear.id)).body.code.status).toBe('sent');
  });

  it('nobody decides their own call (server-side), whatever their role now', async () => {
    // A user who ran the call and is now a supervisor: the request row names them as its agent.
    const person = await insertPerson(api.db, api.clock.now());
    const id = await insertVerification(api.db, supervisor.userId, person, api.clock.now());
    const now = api.clock.now();
    await api.db.insert(cosignRequests).values({ verificationId: id, agentId: supervisor.userId, status: 'pending', reasons: ['red_flag'], requestedAt: now, expiresAt: new Date(now.getTime() + 60_000) });
    expect((await decide(api, supervisor, id, 'approve')).status).toBe(403);
    expect((await decide(api, supervisor, id, 'deny')).status).toBe(403);
    const [row] = await api.db.select().from(cosignRequests).where(eq(cosignRequests.verificationId, id));
    expect(row?.status).toBe('pending');
    expect(await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, id))).toEqual([]);
  });

  it('roles: agents cannot see the queue or decide; supervisors cannot raise a red flag; another agent gets 404', async () => {
    const { id } = await passedCall();
    expect((await queue(api, agent)).status).toBe(403);
    expect((await decide(api, agent, id, 'approve')).status).toBe(403);
    expect((await redFlag(api, supervisor, id, 'caller_under_pressure')).status).toBe(403);
    const other = await api.signIn('agent');
    expect((await redFlag(api, other, id, 'caller_under_pressure')).status).toBe(404);
    expect((await redFlag(api, agent, id, 'not_a_kind')).status).toBe(400);
    expect((await call(api, supervisor, 'POST', `/api/supervision/cosign/${id}`, { decision: 'approve', reason: '' })).status).toBe(400);
    expect((await decide(api, supervisor, id, 'approve')).status).toBe(404);
  });

  it('two supervisors approving at once: exactly one wins, one code, one approval event (10 rounds)', { timeout: 120_000 }, async () => {
    const url = await api.app.listen({ host: '127.0.0.1', port: 0 });
    const post = (who: Session, id: string, decision: 'approve' | 'deny') =>
      fetch(`${url}/api/supervision/cosign/${id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(who.token) },
        body: JSON.stringify({ decision, reason: 'Race test' }),
      }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      });
    for (let round = 0; round < 10; round++) {
      const { id } = await passedCall();
      await redFlag(api, agent, id, 'caller_under_pressure');
      await issue(api, agent.token, id);
      // Approve against approve in even rounds, approve against deny in odd ones.
      const statuses = await Promise.all([post(supervisor, id, 'approve'), post(otherSupervisor, id, round % 2 ? 'deny' : 'approve')]);
      expect(statuses.sort()).toEqual([200, 409]);
      const actions = await actionsOf(api, id);
      expect(actions.filter((a) => a === 'cosign.approved' || a === 'cosign.denied')).toHaveLength(1);
      const codes = await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, id));
      expect(codes).toHaveLength(actions.includes('cosign.approved') ? 1 : 0);
    }
  });
});
