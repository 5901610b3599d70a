// Single use under concurrency: 100 simultaneous redeems of one code, as separate HTTP requests to a
// listening server (separate connections, the pool's separate database connections on PostgreSQL),
// exactly one wins; 50 rounds. max_attempts is raised on the row so the attempt limit cannot be what
// stops the others: the conditional UPDATE must.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activationCodes } from '../../../../../server/db/schema/verifications';
import { describeEachDatabase } from '../../../../support/databases';
import { createCodesTestApi, insertPerson, insertVerification, issue, readSmsCode, redeemPayload, type CodesTestApi } from '../../../../support/code-helpers';

const concurrent = 100;
const rounds = 50;

describeEachDatabase('redeem race', (get) => {
  let api: CodesTestApi;
  let url: string;

  beforeAll(async () => {
    api = await createCodesTestApi(get());
    url = await api.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => api?.close());

  it(`${concurrent} concurrent redeems of one code: exactly one succeeds, ${rounds} times over`, { timeout: 300_000 }, async () => {
    const agent = await api.signIn('agent');
    const winners: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const person = await insertPerson(api.db, api.clock.now());
      const id = await insertVerification(api.db, agent.userId, person, api.clock.now());
      expect((await issue(api, agent.token, id)).status).toBe(200);
      await api.db.update(activationCodes).set({ maxAttempts: 1_000 }).where(eq(activationCodes.verificationId, id));
      const body = JSON.stringify(redeemPayload(person.userId, await readSmsCode(api, person.userId), `Ny-kode-${round}-hav`));
      const statuses = await Promise.all(
        Array.from({ length: concurrent }, () =>
          fetch(`${url}/api/activation/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => {
            await r.arrayBuffer();
            return r.status;
          }),
        ),
      );
      winners.push(statuses.filter((s) => s === 200).length);
      expect(statuses.filter((s) => s !== 200 && s !== 401)).toEqual([]);
      const [row] = await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, id));
      expect(row?.attempts).toBeGreaterThanOrEqual(1);
      expect(row?.usedAt).not.toBeNull();
    }
    expect(winners).toEqual(Array.from({ length: rounds }, () => 1));
  });
});
