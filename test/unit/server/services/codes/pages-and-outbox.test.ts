import { afterAll, beforeAll, expect, it } from 'vitest';
import { servedPageCsp } from '../../../../../server/http/build-app';
import { describeEachDatabase } from '../../../../support/databases';
import {
  bearer,
  createCodesTestApi,
  insertPerson,
  insertVerification,
  issue,
  markSandbox,
  readSmsCode,
  redeem,
  redeemPayload,
  type CodesTestApi,
} from '../../../../support/code-helpers';

describeEachDatabase('activation page, sandbox phone, revoke and outbox', (get) => {
  let api: CodesTestApi;
  let limited: CodesTestApi;
  let agent: { token: string; userId: string };
  let supervisor: { token: string; userId: string };

  beforeAll(async () => {
    api = await createCodesTestApi(get());
    limited = await createCodesTestApi(get(), { redeemLimit: { max: 3, windowMs: 60_000 } });
    agent = await api.signIn('agent');
    supervisor = await api.signIn('supervisor');
  });
  afterAll(async () => {
    await api?.close();
    await limited?.close();
  });

  it('serves the activation page in Danish and English under the API CSP, with no inline script', async () => {
    const da = await api.app.inject({ method: 'GET', url: '/activate' });
    expect(da.statusCode).toBe(200);
    expect(da.headers['content-security-policy']).toBe(servedPageCsp);
    expect(da.body).toContain('<html lang="da">');
    expect(da.body).toContain('<label for="userId">MitID bruger-ID</label>');
    // Every <script> either loads a same-origin file or is a JSON data block (not executed).
    for (const tag of da.body.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/src="\/activate\/activate\.js"|type="application\/json"/);
    expect(da.body).not.toMatch(/https?:\/\//);
    const en = await api.app.inject({ method: 'GET', url: '/activate?lang=en' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Activation code');
    const js = await api.app.inject({ method: 'GET', url: '/activate/activate.js' });
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.body).toContain("fetch('/api/activation/redeem'");
    const css = await api.app.inject({ method: 'GET', url: '/activate/activate.css' });
    expect(css.headers['content-type']).toContain('text/css');
  });

  it('rate-limits redeem per client IP, before any code work', async () => {
    const payload = redeemPayload('nobody.here', '12345678');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.app.inject({ method: 'POST', url: '/api/activation/redeem', payload })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const other = await limited.app.inject({ method: 'POST', url: '/api/activation/redeem', payload, remoteAddress: '10.0.0.2' });
    expect(other.statusCode).toBe(401);
    const limitedBody = await limited.app.inject({ method: 'POST', url: '/api/activation/redeem', payload });
    expect(limitedBody.json()).toEqual({ code: 'rate_limited', message: 'Too many requests. Wait a moment and try again.' });
  });

  it('a supervisor revokes with a reason; agents may not; a second revoke is a conflict', async () => {
    const person = await insertPerson(api.db, api.clock.now());
    const id = await insertVerification(api.db, agent.userId, person, api.clock.now());
    await issue(api, agent.token, id);
    const url = `/api/verifications/${id}/activation-code/revoke`;
    expect((await api.app.inject({ method: 'POST', url, headers: bearer(agent.token), payload: { reason: 'Not sure' } })).statusCode).toBe(403);
    expect((await api.app.inject({ method: 'POST', url, headers: bearer(supervisor.token), payload: { reason: 'x' } })).statusCode).toBe(400);
    expect((await api.app.inject({ method: 'POST', url, headers: bearer(supervisor.token), payload: { reason: 'Caller hung up mid-call' } })).json()).toEqual({ ok: true });
    expect((await api.app.inject({ method: 'POST', url, headers: bearer(supervisor.token), payload: { reason: 'Again please' } })).statusCode).toBe(409);
    const none = await insertVerification(api.db, agent.userId, person, api.clock.now());
    expect((await api.app.inject({ method: 'POST', url: `/api/verifications/${none}/activation-code/revoke`, headers: bearer(supervisor.token), payload: { reason: 'No code here' } })).statusCode).toBe(404);
  });

  it('lists the sandbox outbox newest first, filtered by user ID, bodies unsealed; supervisors only', async () => {
    const a = await insertPerson(api.db, api.clock.now());
    const b = await insertPerson(api.db, api.clock.now());
    await issue(api, agent.token, await insertVerification(api.db, agent.userId, a, api.clock.now()));
    api.clock.advance(1_000);
    await issue(api, agent.token, await insertVerification(api.db, agent.userId, b, api.clock.now()));
    const all = await api.app.inject({ method: 'GET', url: '/api/sandbox/outbox?limit=4', headers: bearer(supervisor.token) });
    const items = (all.json() as { items: { userId: string; channel: string; sentAt: string; body: string; recipient: string }[] }).items;
    expect(items.map((m) => [m.userId, m.channel])).toEqual([
      [b.userId, 'digital_post'],
      [b.userId, 'sms'],
      [a.userId, 'digital_post'],
      [a.userId, 'sms'],
    ]);
    expect(items[1]?.body).toMatch(/^Din aktiveringskode til MitID er \d{4} \d{4}\./);
    expect(items[1]?.recipient).toBe(`+45 •• •• •• ${b.mobile.slice(-2)}`);
    const onlyA = await api.app.inject({ method: 'GET', url: `/api/sandbox/outbox?userId=${a.userId.toUpperCase()}`, headers: bearer(supervisor.token) });
    expect(new Set((onlyA.json() as { items: { userId: string }[] }).items.map((m) => m.userId))).toEqual(new Set([a.userId]));
    expect((await api.app.inject({ method: 'GET', url: '/api/sandbox/outbox', headers: bearer(agent.token) })).statusCode).toBe(403);
  });

  it("marks each SMS with its code's state now: replaced, used, revoked, blocked, expired, active (Digital Post has none)", async () => {
    const states = async (userId: string, token = supervisor.token) => {
      const res = await api.app.inject({ method: 'GET', url: `/api/sandbox/outbox?userId=${userId}`, headers: bearer(token) });
      return (res.json() as { items: { channel: string; codeState: string | null }[] }).items.map((m) => [m.channel, m.codeState]);
    };
    const person = await insertPerson(api.db, api.clock.now());
    await issue(api, agent.token, await insertVerification(api.db, agent.userId, person, api.clock.now()));
    expect(await states(person.userId)).toEqual([['digital_post', null], ['sms', 'active']]);
    // A second code replaces the first: the old SMS reads replaced, not revoked.
    api.clock.advance(1_000);
    const second = await insertVerification(api.db, agent.userId, person, api.clock.now());
    await issue(api, agent.token, second);
    expect((await states(person.userId)).filter(([c]) => c === 'sms')).toEqual([['sms', 'active'], ['sms', 'superseded']]);
    // Used once redeemed.
    expect((await redeem(api, redeemPayload(person.userId, await readSmsCode(api, person.userId)))).status).toBe(200);
    expect((await states(person.userId)).filter(([c]) => c === 'sms')).toEqual([['sms', 'used'], ['sms', 'superseded']]);

    const revokedPerson = await insertPerson(api.db, api.clock.now());
    const revokedId = await insertVerification(api.db, agent.userId, revokedPerson, api.clock.now());
    await issue(api, agent.token, revokedId);
    const revoke = { method: 'POST' as const, url: `/api/verifications/${revokedId}/activation-code/revoke`, headers: bearer(supervisor.token), payload: { reason: 'Caller hung up mid-call' } };
    expect((await api.app.inject(revoke)).statusCode).toBe(200);
    expect(await states(revokedPerson.userId)).toEqual([['digital_post', null], ['sms', 'revoked']]);

    const guessed = await insertPerson(api.db, api.clock.now());
    await issue(api, agent.token, await insertVerification(api.db, agent.userId, guessed, api.clock.now()));
    const wrong = (await readSmsCode(api, guessed.userId)) === '00000000' ? '11111111' : '00000000';
    for (let i = 0; i < 3; i++) await redeem(api, redeemPayload(guessed.userId, wrong));
    expect(await states(guessed.userId)).toEqual([['digital_post', null], ['sms', 'blocked']]);

    const late = await insertPerson(api.db, api.clock.now());
    await issue(api, agent.token, await insertVerification(api.db, agent.userId, late, api.clock.now()));
    api.clock.advance(30 * 60_000);
    // (The sessions above have timed out by now: a fresh one reads the phone, and the next tests use it.)
    supervisor = await api.signIn('supervisor');
    agent = await api.signIn('agent');
    expect(await states(late.userId)).toEqual([['digital_post', null], ['sms', 'expired']]);
  });

  it('the sandbox phone and the outbox exist only while the register is the sandbox one', async () => {
    const page = await api.app.inject({ method: 'GET', url: '/sandbox-phone' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(servedPageCsp);
    expect(page.body).toContain('src="/sandbox-phone/sandbox-phone.js"');
    await markSandbox(api.db, 'cpr-extract');
    try {
      expect((await api.app.inject({ method: 'GET', url: '/sandbox-phone' })).statusCode).toBe(404);
      expect((await api.app.inject({ method: 'GET', url: '/sandbox-phone/sandbox-phone.js' })).statusCode).toBe(404);
      expect((await api.app.inject({ method: 'GET', url: '/api/sandbox/outbox', headers: bearer(supervisor.token) })).statusCode).toBe(404);
      // And codes are not "sent" to a phone that does not exist.
      const person = await insertPerson(api.db, api.clock.now());
      expect((await issue(api, agent.token, await insertVerification(api.db, agent.userId, person, api.clock.now()))).status).toBe(503);
    } finally {
      await markSandbox(api.db);
    }
  });
});
