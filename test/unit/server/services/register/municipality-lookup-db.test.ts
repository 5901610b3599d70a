// The engine's municipality-in-year answer comes from the register's municipality table when it holds
// one (register_codes, kind 'municipality'), and from the sandbox geography when it does not.
import { expect, it } from 'vitest';
import { registerCodes, type RegisterCodeRow } from '../../../../../server/db/schema/register';
import { createSubjectHmac } from '../../../../../server/services/audit/subject-hmac';
import { tablesRegisterPort } from '../../../../../server/services/register/tables-adapter';
import { expectedAnswer } from '../../../../../server/services/verification/expected-answer';
import { loadPersonFacts } from '../../../../../server/services/verification/register-facts';
import { describeEachDatabase } from '../../../../support/databases';
import { testSecrets } from '../../../../support/support-api';
import { insertRichPerson } from '../../../../support/verification-helpers';

const hmac = createSubjectHmac(testSecrets);
const today = '2026-11-25';

const row = (code: string, successor: string, seq: number, role: string, name: string, extra: Partial<RegisterCodeRow> = {}): RegisterCodeRow => ({
  kind: 'municipality', municipalityCode: successor, code, seq, name, authorityType: role, source: 'import:test', ...extra,
});

describeEachDatabase('municipality lookup', (get) => {
  it('answers from the municipality table when the register holds one, else from the geography', async () => {
    const { db } = get();
    const person = await insertRichPerson(db);
    const answerFor = async () => {
      const facts = await loadPersonFacts(tablesRegisterPort().open(db), person.cpr, hmac, today, ['addresses']);
      const home = facts?.addresses.find((a) => a.postcode === '1650');
      if (!facts || !home) throw new Error('no address in 1650');
      return expectedAnswer({ kind: 'municipality_in_year', params: { year: 1990 }, strength: 0, ref: { t: 'address', seq: home.seq } }, facts);
    };
    expect(await answerFor()).toEqual({ format: 'municipality', acceptedNames: ['København', 'Københavns Kommune', 'Copenhagen'] });

    await db.insert(registerCodes).values([
      row('0101', '0101', 0, 'name', 'Nykøbing Vest', { validFrom: '2007-01-01' }),
      row('0190', '0101', 0, 'name', 'Gammelkøbing', { validTo: '2006-12-31' }),
      row('0190', '0101', 1, 'postcode', 'Gammelkøbing', { postcode: '1650' }),
    ]);
    expect(await answerFor()).toEqual({ format: 'municipality', acceptedNames: ['Gammelkøbing', 'Nykøbing Vest'] });
  });
});
