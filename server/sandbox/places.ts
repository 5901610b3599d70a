// Addresses for the synthetic register: real postcodes, towns and municipalities; plausible streets,
// house numbers with letters, floors and doors.
import { countries, danishPostcodes, greenlandicPostcodes, type Postcode } from '../../shared/domain/geography';
import { streetsOf } from './place-names';
import type { Rng } from './prng';

export interface Home {
  kind: 'home';
  street: string;
  houseNumber: string;
  floor: string | null;
  door: string | null;
  postcode: string;
  town: string;
  municipalityCode: string;
  country: 'DK' | 'GL';
}

export interface Abroad {
  kind: 'abroad';
  country: string;
}

export type Place = Home | Abroad;

export type Region = 'DK' | 'GL';

const byMunicipality = new Map<string, Postcode[]>();
for (const p of [...danishPostcodes, ...greenlandicPostcodes]) {
  byMunicipality.set(p.municipalityCode, [...(byMunicipality.get(p.municipalityCode) ?? []), p]);
}

/** Countries people move to for a while (or for good). */
export const abroadCountries = countries.filter((c) => !['DK', 'GL'].includes(c.code)).map((c) => c.code);

// City postcodes are mostly flats; elsewhere mostly houses.
function isCity(postcode: string): boolean {
  const n = Number(postcode);
  return n < 2500 || n === 5000 || n === 8000 || n === 9000;
}

export function randomHome(rng: Rng, region: Region, nearMunicipality?: string): Home {
  const local = nearMunicipality ? byMunicipality.get(nearMunicipality) : undefined;
  const pool = region === 'GL' ? greenlandicPostcodes : danishPostcodes;
  const place = local && rng.chance(0.6) ? rng.pick(local) : rng.pick(pool);
  const flat = rng.chance(isCity(place.code) ? 0.85 : 0.3);
  const number = rng.weighted([
    [rng.int(1, 40), 6],
    [rng.int(41, 160), 3],
  ]);
  const letter = rng.chance(0.12) ? rng.pick(['A', 'B', 'C', 'D']) : '';
  let floor: string | null = null;
  let door: string | null = null;
  if (flat) {
    floor = rng.weighted([
      ['st', 20],
      ['kl', 2],
      [String(rng.int(1, 5)), 70],
      [String(rng.int(6, 12)), 8],
    ]);
    door = rng.weighted([
      ['th', 45],
      ['tv', 45],
      ['mf', 6],
      [String(rng.int(1, 24)), 8],
    ]);
    // Some flats are the only one on their floor.
    if (rng.chance(0.05)) door = null;
  }
  return {
    kind: 'home',
    // A street of this post district in the sandbox's road table (code-tables.ts).
    street: rng.pick(streetsOf(place.code)),
    houseNumber: `${number}${letter}`,
    floor,
    door,
    postcode: place.code,
    town: place.town,
    municipalityCode: place.municipalityCode,
    country: place.country,
  };
}

export function randomAbroad(rng: Rng): Abroad {
  return { kind: 'abroad', country: rng.pick(abroadCountries) };
}

/** The Danish fields of an address row, empty: a stay abroad records only the country. */
export const abroadAddress = {
  street: null,
  houseNumber: null,
  floor: null,
  door: null,
  postcode: null,
  town: null,
  municipalityCode: null,
} as const;
