// The thin-data exception over HTTP (policy maxAcquaintanceQuestionsWhenThin): someone who moved once in
// their adult life has two private facts (the home they grew up in, the month they left it); they are
// asked both plus acquaintance questions, must answer both private ones, and are referred when the
// exception is off.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getPolicy } from '../../../../../server/db/policy';
import { registerAddresses, registerDocuments, registerMitid, registerNameHistory, registerPersons } from '../../../../../server/db/schema/register';
import type { Database } from '../../../../../server/db/types';
import { savePolicy } from '../../../../../server/services/review/policy-settings';
import { questionKinds } from '../../../../../server/services/verification/question-kinds';
import { describeEachDatabase } from '../../../../support/databases';
import { createTestApi, type TestApi } from '../../../../support/support-api';
import { runCall, unusedCpr, type TestPerson } from '../../../../support/verification-helpers';

let serial = 0;

/** Grew up on Nørregade in Aarhus, moved to Hellerup in August 2001 and has lived there since. */
async function insertMovedOnce(db: Database): Promise<TestPerson> {
  const birthDate = '1980-05-05';
  const cpr = await unusedCpr(db, birthDate);
  const passport = String(700_000_000 + process.pid * 100 + ++serial);
  const userId = `moved.once.${cpr}`;
  await db.insert(registerPersons).values({
    cpr, firstNames: 'Ida', lastName: 'Holm', birthDate, sex: 'female', birthplace: 'Aarhus Domsogn', birthplaceKind: 'parish', citizenship: 'DK', status: 'active', churchMember: true,
  });
  await db.insert(registerNameHistory).values({ cpr, seq: 1, firstNames: 'Ida', lastName: 'Bak', validFrom: birthDate, validTo: '2005-06-01' });
  await db.insert(registerAddresses).values([
    { cpr, seq: 1, street: 'Nørregade', houseNumber: '12', floor: '1', door: 'tv', postcode: '8000', town: 'Aarhus C', municipalityCode: '0751', country: 'DK', movedIn: birthDate, movedOut: '2001-08-01' },
    { cpr, seq: 2, street: 'Lindevej', houseNumber: '21', postcode: '2900', town: 'Hellerup', municipalityCode: '0157', country: 'DK', movedIn: '2001-08-01' },
  ]);
  await db.insert(registerDocuments).values({ type: 'passport', number: passport, issuingCountry: 'DK', cpr, issuedOn: '2020-01-01', expiresOn: '2030-01-01' });
  await db.insert(registerMitid).values({ userId, cpr, mobileNumber: '+4520000002', mobileRegisteredAt: new Date('2020-01-01T00:00:00Z') });
  return { cpr, userId, passport, licence: '', secrets: { streets: [], names: [], years: [], places: [] } };
}

describeEachDatabase('thin-data exception (maxAcquaintanceQuestionsWhenThin)', (get) => {
  let api: TestApi;
  let token: string;
  const setWhenThin = (value: number) =>
    api.services.transaction(async (tx) => {
      const policy = await getPolicy(tx);
      await savePolicy(tx, { ...policy, verification: { ...policy.verification, maxAcquaintanceQuestionsWhenThin: value } }, { actor: 'system', at: api.clock.now() });
    });

  beforeAll(async () => {
    api = await createTestApi(get());
    token = (await api.signIn('agent')).token;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('asks both private facts and two acquaintance questions, and passes a caller who knows them', async () => {
    const run = await runCall(api, get().db, token, await insertMovedOnce(get().db));
    expect(run.view).toMatchObject({ status: 'passed' });
    const privates = run.questions.filter((q) => questionKinds[q.kind].knowledge === 'private');
    expect(privates).toHaveLength(2);
    expect(run.questions).toHaveLength(4);
  });

  it('fails a caller who misses one of the two private facts, however well they know the family', async () => {
    // The first private question wrong, everything else right.
    let missed = false;
    const run = await runCall(api, get().db, token, await insertMovedOnce(get().db), (q) => {
      if (missed || questionKinds[q.kind].knowledge !== 'private') return 'correct';
      missed = true;
      return 'wrong';
    });
    expect(missed).toBe(true);
    expect(run.view).toMatchObject({ status: 'failed', outcome: { reason: 'too_few_correct' } });
  });

  it('refers the caller for thin data when the exception is off', async () => {
    await setWhenThin(1);
    try {
      const run = await runCall(api, get().db, token, await insertMovedOnce(get().db));
      expect(run.view).toMatchObject({ status: 'refer', outcome: { reason: 'insufficient_register_data' } });
      expect(run.questions).toEqual([]);
    } finally {
      await setWhenThin(2);
    }
  });
});
