// The engine's municipality-in-year answer comes from the register's municipality table when it holds
// one (register_codes, kind 'municipality'), and from the sandbox geography when it does not.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { registerCodes, type RegisterCodeRow } from '../../../../../server/db/schema/register';
import { createSubjectHmac } from '../../../../../server/services/audit/subject-hmac';
import { cachedMunicipalityLoader, geographyLookup } from '../../../../../server/services/register/municipalities';
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

describeEachDatabase('municipality lookup cache', (get) => {
  it('keeps the parsed table while its rows are the same and reloads when an import rewrites them', async () => {
    const { db } = get();
    const load = cachedMunicipalityLoader();
    const home = { postcode: '1650', municipalityCode: '0101' };
    await db.insert(registerCodes).values([row('0101', '0101', 0, 'name', 'Nykøbing Vest', { validFrom: '2007-01-01' })]);
    const first = await load(db);
    expect(await load(db)).toBe(first);
    expect(first(home, '2010-07-01')?.name).toBe('Nykøbing Vest');

    // Renamed in place (an update), then rewritten as an import does (delete, insert): each is seen.
    await db.update(registerCodes).set({ name: 'Nykøbing Øst' }).where(eq(registerCodes.code, '0101'));
    const renamed = await load(db);
    expect(renamed).not.toBe(first);
    expect(renamed(home, '2010-07-01')?.name).toBe('Nykøbing Øst');
    await db.delete(registerCodes);
    await db.insert(registerCodes).values([row('0101', '0101', 0, 'name', 'Nykøbing Øst', { validFrom: '2007-01-01' })]);
    const reimported = await load(db);
    expect(reimported).not.toBe(renamed);
    expect(reimported(home, '2010-07-01')?.name).toBe('Nykøbing Øst');

    // Emptied: the geography again, as for a register without the table.
    await db.delete(registerCodes);
    expect(await load(db)).toBe(geographyLookup);
  });
});
