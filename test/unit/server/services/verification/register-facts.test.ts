// Scoring reads only the register parts a question needs: that must resolve the same expected answer.
import { randomInt } from 'node:crypto';
import { expect, it } from 'vitest';
import { buildCandidates, type Pick } from '../../../../../server/services/verification/candidates';
import { expectedAnswer, factPartsFor } from '../../../../../server/services/verification/expected-answer';
import { loadPersonFacts } from '../../../../../server/services/verification/register-facts';
import { describeEachDatabase } from '../../../../support/databases';
import { testSecrets } from '../../../../support/support-api';
import { insertRichPerson } from '../../../../support/verification-helpers';
import { createSubjectHmac } from '../../../../../server/services/audit/subject-hmac';
import { tablesRegisterPort } from '../../../../../server/services/register/tables-adapter';

const pick: Pick = (items) => items[randomInt(items.length)] as (typeof items)[number];
const hmac = createSubjectHmac(testSecrets);
const port = tablesRegisterPort();
const today = '2026-11-25';

describeEachDatabase('register facts', (get) => {
  it('resolves every candidate from its own parts exactly as from the whole record', async () => {
    const person = await insertRichPerson(get().db);
    const full = await loadPersonFacts(port.open(get().db), person.cpr, hmac, today);
    if (!full) throw new Error('person not found');
    const candidates = buildCandidates(full, pick);
    // Every kind but country_in_year (this person never lived abroad).
    expect(new Set(candidates.map((c) => c.kind)).size).toBe(13);
    for (const c of candidates) {
      const partial = await loadPersonFacts(port.open(get().db), person.cpr, hmac, today, factPartsFor(c));
      expect(partial && expectedAnswer(c, partial), c.kind).toEqual(expectedAnswer(c, full));
    }
  });

  it('says so when the person is not in the register', async () => {
    expect(await loadPersonFacts(port.open(get().db), '0101010000', hmac, today)).toBeNull();
  });
});
