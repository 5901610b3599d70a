// The sandbox's CPR code tables (register_codes rows, source 'sandbox'), built from the same geography
// the generator draws from, so a synthetic register and an imported one carry the same kind of codes:
// - roads: each post district has its own fixed set of streets (place-names.ts), numbered 0001… within
//   their municipality, with one post district row each (every house number);
// - authorities: the municipalities (05), the parishes people are born in (25: the named parishes and
//   the town parishes the generator names after a post town), the countries (30).
import { countries, municipalities, parishes, postcodes } from '../../shared/domain/geography';
import type { RegisterCodeRow } from '../db/schema/register';
import { personaRecords } from './personas';
import { streetsOf, townParishName } from './place-names';

const reformDay = (country: string) => (country === 'GL' ? '2009-01-01' : '2007-01-01');
const firstParishCode = 7000;
const firstCountryCode = 5100;

/** Every code row of the sandbox register. */
export function sandboxCodeRows(): RegisterCodeRow[] {
  const source = 'sandbox';
  const rows: RegisterCodeRow[] = [];
  const nextRoad = new Map<string, number>();
  const seen = new Set<string>();
  const road = (municipalityCode: string, street: string, postcode: string, town: string) => {
    const key = `${municipalityCode}|${street}|${postcode}`;
    if (seen.has(key)) return;
    seen.add(key);
    const n = (nextRoad.get(municipalityCode) ?? 0) + 1;
    if (n > 9999) throw new Error(`more than 9999 sandbox roads in municipality ${municipalityCode}`);
    nextRoad.set(municipalityCode, n);
    const code = String(n).padStart(4, '0');
    rows.push({ kind: 'road', municipalityCode, code, seq: 0, name: street, source });
    rows.push({ kind: 'post_district', municipalityCode, code, seq: 1, name: town, postcode, houseFrom: 1, houseTo: 9999, evenOdd: '', source });
  };
  for (const p of postcodes) for (const street of streetsOf(p.code)) road(p.municipalityCode, street, p.code, p.town);
  // The demo personas live on hand-picked streets.
  for (const person of personaRecords(new Date(0))) {
    for (const a of person.addresses) if (a.street && a.municipalityCode && a.postcode && a.town) road(a.municipalityCode, a.street, a.postcode, a.town);
  }

  const authority = (code: string, authorityType: string, name: string, extra: Partial<RegisterCodeRow> = {}) =>
    rows.push({ kind: 'authority', municipalityCode: '', code, seq: 0, name, authorityType, source, ...extra });
  for (const m of municipalities) authority(m.code, '05', m.name, { validFrom: reformDay(m.country) });
  const parishNames = [...new Set([...parishes.map((p) => p.name), ...postcodes.map((p) => townParishName(p.town))])];
  parishNames.forEach((name, i) => authority(String(firstParishCode + i), '25', name));
  countries.forEach((c, i) => authority(String(firstCountryCode + i), '30', c.name, { alpha2: c.code }));
  return rows;
}
