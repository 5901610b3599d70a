import { describe, expect, it } from 'vitest';
import { municipalityAt, postcodes } from '../../../../../shared/domain/geography/index';
import type { RegisterCodeRow } from '../../../../../server/db/schema/register';
import { sandboxMunicipalityRows } from '../../../../../server/sandbox/code-tables';
import { MunicipalityTable } from '../../../../../server/services/register/municipalities';

const dates = ['1975-07-01', '2006-12-31', '2007-01-01', '2008-07-01', '2009-01-01', '2010-07-01', '2011-01-01', '2017-07-01', '2018-01-01', '2026-07-01'];

describe('the municipality table', () => {
  it("gives the sandbox's own answers: every postcode on every date, as the geography did", () => {
    const table = MunicipalityTable.fromRows(sandboxMunicipalityRows());
    let compared = 0;
    for (const p of postcodes) {
      for (const date of dates) {
        expect(table.at({ postcode: p.code, municipalityCode: p.municipalityCode }, date), `${p.code} ${date}`).toEqual(municipalityAt(p.code, date));
        compared++;
      }
    }
    expect(compared).toBe(postcodes.length * dates.length);
  });

  // A real register: extract history keeps the code of its day, and the table has no postcodes.
  const row = (code: string, successor: string, seq: number, role: string, name: string, extra: Partial<RegisterCodeRow> = {}): RegisterCodeRow => ({
    kind: 'municipality', municipalityCode: successor, code, seq, name, authorityType: role, source: 'import:x', ...extra,
  });
  const real = MunicipalityTable.fromRows([
    row('0751', '0751', 0, 'name', 'Århus', { validTo: '2006-12-31' }),
    row('0751', '0751', 1, 'name', 'Århus', { validFrom: '2007-01-01', validTo: '2010-12-31' }),
    row('0751', '0751', 2, 'name', 'Aarhus', { validFrom: '2011-01-01' }),
    row('0751', '0751', 3, 'alias', 'Århus Kommune'),
    row('0741', '0751', 0, 'name', 'Hørning', { validTo: '2006-12-31' }),
    row('0710', '0710', 0, 'name', 'Favrskov', { validFrom: '2007-01-01' }),
    row('0733', '0710', 0, 'name', 'Hinnerup', { validTo: '2006-12-31' }),
    row('0733', '0710', 1, 'postcode', 'Hinnerup', { postcode: '8382' }),
  ]);

  it('reads an old code on a pre-reform address, with its successor', () => {
    expect(real.at({ postcode: '8362', municipalityCode: '0741' }, '1995-07-01')).toEqual({ code: '0751', name: 'Hørning', acceptedNames: ['Hørning', 'Aarhus', 'Århus Kommune'] });
  });

  it('names a municipality by the name of the day, and accepts its name today', () => {
    expect(real.at({ postcode: '8000', municipalityCode: '0751' }, '2009-07-01')?.acceptedNames).toEqual(['Århus', 'Aarhus', 'Århus Kommune']);
    expect(real.at({ postcode: '8000', municipalityCode: '0751' }, '2015-07-01')?.name).toBe('Aarhus');
  });

  it('finds the old municipality of a 2007 code through the postcodes it covered, and nothing without them', () => {
    expect(real.at({ postcode: '8382', municipalityCode: '0710' }, '2000-07-01')?.name).toBe('Hinnerup');
    expect(real.at({ postcode: '8380', municipalityCode: '0710' }, '2000-07-01')).toBeUndefined();
    expect(real.at({ postcode: '8382', municipalityCode: '0710' }, '2012-07-01')?.acceptedNames).toEqual(['Favrskov', 'Hinnerup']);
  });

  it('moves an old code into its successor after the reform', () => {
    expect(real.at({ postcode: '8362', municipalityCode: '0741' }, '2008-07-01')).toEqual({ code: '0751', name: 'Århus', acceptedNames: ['Århus', 'Hørning', 'Aarhus', 'Århus Kommune'] });
  });

  it('knows nothing of a code it does not hold', () => {
    expect(real.at({ postcode: '8000', municipalityCode: '0999' }, '2000-07-01')).toBeUndefined();
    expect(real.at({ postcode: '8000', municipalityCode: null }, '2000-07-01')).toBeUndefined();
  });
});
