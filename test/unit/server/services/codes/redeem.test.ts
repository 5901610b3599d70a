import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { activationCodes } from '../../../../../server/db/schema/verifications';
import { verifyPassword } from '../../../../../server/services/accounts/password';
import { redeemFailedMessage } from '../../../../../server/services/codes/index';
import { describeEachDatabase } from '../../../../support/databases';
import {
  bearer,
  createCodesTestApi,
  insertPerson,
  insertVerification,
  issue,
  passwordHashOf,
  readSmsCode,
  redeem,
  redeemPayload,
  type CodesTestApi,
  type TestPerson,
} from '../../../../support/code-helpers';

/** The one failure every wrong redemption gets, whatever the reason. */
const generic = { status: 401, body: { code: 'invalid_credentials', message: redeemFailedMessage } };

describeEachDatabase('redeemActivationCode', (get) => {
  let api: CodesTestApi;
  let agent: { token: string; userId: string };

  beforeAll(async () => {
    api = await createCodesTestApi(get());
  });
  // Tests move the clock past the session's idle limit: each starts with a fresh sign-in.
  beforeEach(async () => {
    agent = await api.signIn('agent');
  });
  afterAll(async () => api?.close());

  async function issued(): Promise<{ person: TestPerson; code: string; verificationId: string }> {
    const person = await insertPerson(api.db, api.clock.now());
    const verificationId = await insertVerification(api.db, agent.userId, person, api.clock.now());
    expect((await issue(api, agent.token, verificationId)).status).toBe(200);
    return { person, code: await readSmsCode(api, person.userId), verificationId };
  }

  async function actions(verificationId: string): Promise<string[]> {
    const rows = await api.db.select({ a: auditEvents.action }).from(auditEvents).where(eq(auditEvents.verificationId, verificationId)).orderBy(auditEvents.seq);
    return rows.map((r) => r.a);
  }

  async function failReasons(verificationId: string): Promise<string[]> {
    const rows = await api.db
      .select({ payload: auditEvents.payload })
      .from(auditEvents)
      .where(and(eq(auditEvents.verificationId, verificationId), eq(auditEvents.action, 'code.redeem_failed')))
      .orderBy(auditEvents.seq);
    return rows.map((r) => (r.payload as { reason: string }).reason);
  }

  it('sets the new password, consumes the code, notifies, and a second use fails', async () => {
    const { person, code, verificationId } = await issued();
    // Typed the way people do: spaced as in the SMS, user ID in capitals.
    const spaced = `${code.slice(0, 4)} ${code.slice(4)}`;
    const ok = await redeem(api, redeemPayload(person.userId.toUpperCase(), spaced));
    expect(ok).toEqual({ status: 200, body: { ok: true } });
    const hash = await passwordHashOf(api.db, person.userId);
    expect(hash && (await verifyPassword('Sommerhus-ved-havet-7', hash))).toBe(true);
    const [row] = await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, verificationId));
    expect(row?.usedAt).not.toBeNull();
    expect(await actions(verificationId)).toEqual(['code.issued', 'code.sent', 'code.redeemed', 'mitid.password_set']);
    const { items } = await api.services.codes.listSandboxOutbox({ userId: person.userId, limit: 10 });
    expect(items.map((m) => [m.channel, m.subject])).toEqual([
      ['digital_post', 'Ny adgangskode til dit MitID'],
      ['digital_post', 'Aktiveringskode til dit MitID er sendt'],
      ['sms', null],
    ]);
    expect(await redeem(api, redeemPayload(person.userId, code, 'Andet-godt-kodeord-9'))).toEqual(generic);
    // The reuse did not change the password.
    expect(await passwordHashOf(api.db, person.userId)).toBe(hash);
    // Logged as a used code typed again, not as a wrong code.
    expect(await failReasons(verificationId)).toEqual(['used']);
    // The agent now sees the code as redeemed.
    const view = await api.app.inject({ method: 'POST', url: `/api/verifications/${verificationId}/activation-code`, headers: bearer(agent.token), payload: {} });
    expect((view.json() as { code: { status: string } }).code.status).toBe('redeemed');
  });

  it('blocks after 3 wrong entries: then even the right code fails', async () => {
    const { person, code, verificationId } = await issued();
    const wrong = code === '00000000' ? '11111111' : '00000000';
    for (let i = 0; i < 3; i++) expect(await redeem(api, redeemPayload(person.userId, wrong))).toEqual(generic);
    expect(await redeem(api, redeemPayload(person.userId, code))).toEqual(generic);
    expect(await passwordHashOf(api.db, person.userId)).toBeNull();
    const [row] = await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, verificationId));
    expect(row?.attempts).toBe(3);
    expect(await actions(verificationId)).toEqual([
      'code.issued',
      'code.sent',
      'code.redeem_failed',
      'code.redeem_failed',
      'code.redeem_failed',
      'code.blocked',
      'code.redeem_failed',
    ]);
  });

  it('two wrong entries then the right one still works (the third try counts)', async () => {
    const { person, code } = await issued();
    const wrong = code === '00000000' ? '11111111' : '00000000';
    await redeem(api, redeemPayload(person.userId, wrong));
    await redeem(api, redeemPayload(person.userId, wrong));
    expect((await redeem(api, redeemPayload(person.userId, code))).status).toBe(200);
  });

  it('an expired code fails, and the expiry is audited once when first observed', async () => {
    const { person, code, verificationId } = await issued();
    api.clock.advance(30 * 60_000);
    expect(await redeem(api, redeemPayload(person.userId, code))).toEqual(generic);
    expect(await redeem(api, redeemPayload(person.userId, code))).toEqual(generic);
    expect(await actions(verificationId)).toEqual(['code.issued', 'code.sent', 'code.expired', 'code.redeem_failed', 'code.redeem_failed']);
    expect(await passwordHashOf(api.db, person.userId)).toBeNull();
  });

  it('one second before expiry the code still works', async () => {
    const { person, code } = await issued();
    api.clock.advance(30 * 60_000 - 1_000);
    expect((await redeem(api, redeemPayload(person.userId, code))).status).toBe(200);
  });

  it('a revoked code fails', async () => {
    const { person, code, verificationId } = await issued();
    const supervisor = await api.signIn('supervisor');
    const res = await api.app.inject({
      method: 'POST',
      url: `/api/verifications/${verificationId}/activation-code/revoke`,
      headers: bearer(supervisor.token),
      payload: { reason: 'Caller sounded coached' },
    });
    expect(res.statusCode).toBe(200);
    expect(await redeem(api, redeemPayload(person.userId, code))).toEqual(generic);
    expect(await actions(verificationId)).toEqual(['code.issued', 'code.sent', 'code.revoked', 'code.redeem_failed']);
    const view = await api.app.inject({ method: 'POST', url: `/api/verifications/${verificationId}/activation-code`, headers: bearer(agent.token), payload: {} });
    expect((view.json() as { code: { status: string } }).code.status).toBe('revoked');
  });

  it('an older code fails once a newer one is issued; the newer one works', async () => {
    const first = await issued();
    const second = await insertVerification(api.db, agent.userId, first.person, api.clock.now());
    await issue(api, agent.token, second);
    const newer = await readSmsCode(api, first.person.userId);
    expect(await redeem(api, redeemPayload(first.person.userId, first.code))).toEqual(generic);
    expect((await redeem(api, redeemPayload(first.person.userId, newer))).status).toBe(200);
    // The replaced code was logged as replaced, not as a guess.
    expect(await failReasons(second)).toEqual(['superseded']);
  });

  it('a used code typed again while a newer code is live is logged as used, not as a wrong code', async () => {
    const first = await issued();
    expect((await redeem(api, redeemPayload(first.person.userId, first.code))).status).toBe(200);
    const second = await insertVerification(api.db, agent.userId, first.person, api.clock.now());
    await issue(api, agent.token, second);
    expect(await redeem(api, redeemPayload(first.person.userId, first.code))).toEqual(generic);
    const wrong = first.code === '00000000' ? '11111111' : '00000000';
    expect(await redeem(api, redeemPayload(first.person.userId, wrong))).toEqual(generic);
    expect(await failReasons(second)).toEqual(['used', 'wrong_code']);
  });

  it("a code does not work with another person's user ID, nor with an unknown one", async () => {
    const a = await issued();
    const b = await issued();
    expect(await redeem(api, redeemPayload(b.person.userId, a.code))).toEqual(generic);
    expect(await redeem(api, redeemPayload('nobody.here', a.code))).toEqual(generic);
    // Both codes still work for their own user IDs (b's wrong try counted once).
    expect((await redeem(api, redeemPayload(a.person.userId, a.code))).status).toBe(200);
    expect((await redeem(api, redeemPayload(b.person.userId, b.code))).status).toBe(200);
  });

  it('checks the new password against the MitID rules before touching the code', async () => {
    const { person, code, verificationId } = await issued();
    const tooShort = await redeem(api, redeemPayload(person.userId, code, 'kort'));
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.code).toBe('password_rejected');
    expect(tooShort.body.message).toContain('length');
    const withId = await redeem(api, redeemPayload(person.userId, code, `x${person.userId.toUpperCase()}x`));
    expect(withId.body.message).toContain('contains_user_id');
    expect((await redeem(api, redeemPayload(person.userId, code, 'qwertyui'))).body.message).toContain('keyboard_run');
    expect((await redeem(api, redeemPayload(person.userId, code, 'abc1234567890'))).body.message).toContain('ten_digits');
    const differ = await redeem(api, { userId: person.userId, code, newPassword: 'Sommerhus-ved-havet-7', repeatPassword: 'Sommerhus-ved-havet-8' });
    expect(differ).toEqual({ status: 400, body: { code: 'passwords_differ', message: 'The two new passwords are not the same.' } });
    const [row] = await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, verificationId));
    expect(row?.attempts).toBe(0);
    expect((await redeem(api, redeemPayload(person.userId, code))).status).toBe(200);
  });
});
