// A failed redemption does the same work whether the user ID is unknown, has no code, or has a live
// code: one scrypt of the new password, one code HMAC, and the same statements. Counted, not timed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Tx } from '../../../../../server/db/types';
import { hashPassword } from '../../../../../server/services/accounts/password';
import { createCodeHasher } from '../../../../../server/services/codes/code-secret';
import { createRedeem } from '../../../../../server/services/codes/redeem';
import { createDigitalPostOutboxNotifier } from '../../../../../server/services/notify/notifier';
import { createOutboxSealer } from '../../../../../server/services/notify/index';
import { describeEachDatabase } from '../../../../support/databases';
import {
  createCodesTestApi,
  insertPerson,
  insertVerification,
  issue,
  readSmsCode,
  testScryptParams,
  testSecrets,
  type CodesTestApi,
} from '../../../../support/code-helpers';

const statementKinds = ['select', 'update', 'insert', 'delete', 'execute'] as const;

describeEachDatabase('redeemActivationCode: same work in every branch', (get) => {
  let api: CodesTestApi;
  beforeAll(async () => {
    api = await createCodesTestApi(get());
  });
  afterAll(() => api.close());

  /** Redeems once with counting hashers and a transaction that counts the statements it builds. */
  async function countedRedeem(userId: string, code: string) {
    const work = { scrypt: 0, codeHmac: 0, statements: [] as string[] };
    const codeHasher = createCodeHasher(testSecrets);
    const sealer = createOutboxSealer(testSecrets);
    const t = get();
    const redeem = createRedeem({
      db: t.db,
      transaction: (fn) =>
        t.handle.transaction((tx) =>
          fn(
            new Proxy(tx, {
              get(target, prop, receiver) {
                const value = Reflect.get(target, prop, receiver) as unknown;
                if (typeof value !== 'function') return value;
                return (...args: unknown[]) => {
                  if ((statementKinds as readonly PropertyKey[]).includes(prop)) work.statements.push(String(prop));
                  return (value as (...a: unknown[]) => unknown).apply(target, args);
                };
              },
            }) as Tx,
          ),
        ),
      clock: api.clock,
      sms: { send: async () => ({ ok: true }) } as never,
      notifier: createDigitalPostOutboxNotifier(sealer),
      hashCode: (u, c) => {
        work.codeHmac += 1;
        return codeHasher(u, c);
      },
      outboxSealer: sealer,
      unsealCpr: () => '',
      isSandbox: async () => true,
      hashPassword: async (password) => {
        work.scrypt += 1;
        return hashPassword(password, testScryptParams);
      },
    });
    const outcome = await redeem({ userId, code, newPassword: 'Sommerhus-ved-havet-7', repeatPassword: 'Sommerhus-ved-havet-7' }).then(
      () => 'redeemed',
      (error: { status?: number }) => `failed ${error.status}`,
    );
    return { outcome, work };
  }

  it('unknown user ID, a user ID without a code and one with a live code cost the same', async () => {
    const agent = await api.signIn('agent');
    const withCode = await insertPerson(api.db, api.clock.now());
    const verificationId = await insertVerification(api.db, agent.userId, withCode, api.clock.now());
    expect((await issue(api, agent.token, verificationId)).status).toBe(200);
    const code = await readSmsCode(api, withCode.userId);
    const wrong = code === '00000000' ? '11111111' : '00000000';
    const withoutCode = await insertPerson(api.db, api.clock.now());

    const unknown = await countedRedeem('no.such.user.anywhere', wrong);
    const noCode = await countedRedeem(withoutCode.userId, wrong);
    const live = await countedRedeem(withCode.userId, wrong);
    for (const run of [unknown, noCode, live]) {
      expect(run.outcome).toBe('failed 401');
      expect(run.work.scrypt).toBe(1);
      expect(run.work.codeHmac).toBe(1);
    }
    expect(noCode.work.statements).toEqual(unknown.work.statements);
    expect(live.work.statements).toEqual(unknown.work.statements);

    // The winner does the same hashing once, and only then writes the password.
    const right = await countedRedeem(withCode.userId, code);
    expect(right.outcome).toBe('redeemed');
    expect(right.work.scrypt).toBe(1);
  });
});
