// The CPR code tables in memory: roads (municipality + road code → street name), post districts
// (road + house number range → postcode and district) and authorities (birth registration parishes,
// countries, municipalities old and new, each with validity dates). Built from register_codes
// (code-store.ts), never from files: the importer reads persons with them, the writer exports with them.
import type { RegisterCodeRow } from '../../../db/schema/register';
import type { CivilStatus, PersonStatus } from '../port';

export interface Authority {
  code: string;
  type: string;
  name: string;
  alpha2: string;
  validFrom: string;
  validTo: string;
}

interface PostDistrictRange {
  from: number;
  to: number;
  /** 'L' even numbers, 'U' odd, anything else both. */
  evenOdd: string;
  postcode: string;
  district: string;
}

const houseValue = (houseNumber: string) => Number.parseInt(houseNumber, 10);

export class CodeTables {
  readonly roads = new Map<string, string>();
  readonly postDistricts = new Map<string, PostDistrictRange[]>();
  readonly authorities = new Map<string, Authority>();

  static fromRows(rows: Iterable<RegisterCodeRow>): CodeTables {
    const codes = new CodeTables();
    for (const r of rows) {
      if (r.kind === 'road') codes.addRoad(r.municipalityCode, r.code, r.name);
      else if (r.kind === 'post_district') {
        codes.addPostDistrict(r.municipalityCode, r.code, { from: r.houseFrom ?? 0, to: r.houseTo ?? 9999, evenOdd: r.evenOdd ?? '', postcode: r.postcode ?? '', district: r.name });
      } else {
        codes.authorities.set(r.code.padStart(4, '0'), {
          code: r.code,
          type: r.authorityType ?? '',
          name: r.name,
          alpha2: r.alpha2 ?? '',
          validFrom: r.validFrom ?? '',
          validTo: r.validTo ?? '',
        });
      }
    }
    return codes;
  }

  addRoad(municipalityCode: string, roadCode: string, name: string): void {
    this.roads.set(`${municipalityCode}:${roadCode}`, name);
  }

  addPostDistrict(municipalityCode: string, roadCode: string, range: PostDistrictRange): void {
    const key = `${municipalityCode}:${roadCode}`;
    const list = this.postDistricts.get(key);
    if (list) list.push(range);
    else this.postDistricts.set(key, [range]);
  }

  road(municipalityCode: string, roadCode: string): string | undefined {
    return this.roads.get(`${municipalityCode}:${roadCode}`);
  }

  /** The postcode and district of one house on a road. */
  postDistrict(municipalityCode: string, roadCode: string, houseNumber: string): { postcode: string; district: string } | undefined {
    const n = houseValue(houseNumber);
    const ranges = this.postDistricts.get(`${municipalityCode}:${roadCode}`) ?? [];
    const parity = n % 2 === 0 ? 'L' : 'U';
    const hit = ranges.find((r) => n >= r.from && n <= r.to && (r.evenOdd !== 'L' && r.evenOdd !== 'U' ? true : r.evenOdd === parity));
    return hit ? { postcode: hit.postcode, district: hit.district } : undefined;
  }

  /** The road code of a street in one post district of a municipality (the writer's way back). */
  roadCodeOf(municipalityCode: string, street: string, postcode: string): string | undefined {
    if (!this.roadIndex) {
      this.roadIndex = new Map();
      for (const [key, ranges] of this.postDistricts) {
        const name = this.roads.get(key);
        const [municipality, road] = key.split(':') as [string, string];
        for (const r of ranges) if (name !== undefined) this.roadIndex.set(`${municipality}|${name}|${r.postcode}`, road);
      }
    }
    return this.roadIndex.get(`${municipalityCode}|${street}|${postcode}`);
  }
  private roadIndex: Map<string, string> | undefined;

  /** The authority code of a parish or country (by name, or a country by ISO alpha-2). */
  authorityCodeOf(type: string, nameOrAlpha2: string): string | undefined {
    if (!this.authorityIndex) {
      this.authorityIndex = new Map();
      for (const a of this.authorities.values()) {
        this.authorityIndex.set(`${a.type}|${a.name}`, a.code);
        if (a.alpha2) this.authorityIndex.set(`${a.type}|${a.alpha2}`, a.code);
      }
    }
    return this.authorityIndex.get(`${type}|${nameOrAlpha2}`);
  }
  private authorityIndex: Map<string, string> | undefined;

  get size(): number {
    return this.roads.size + this.postDistricts.size + this.authorities.size;
  }
}

// CPR codes ↔ the register's own values (status on record 001, civil status, sex, church).
export const statusByCode: Readonly<Record<string, PersonStatus>> = {
  '01': 'active',
  '03': 'active',
  '05': 'active',
  '07': 'active',
  '70': 'disappeared',
  '80': 'emigrated',
  '90': 'deceased',
};
export const codeOfStatus: Readonly<Record<PersonStatus, string>> = { active: '01', disappeared: '70', emigrated: '80', deceased: '90' };

/** U G F E P O L D; L (longest-living partner) is a widowhood; D (dead) changes nothing asked about. */
export const civilStatusByCode: Readonly<Record<string, CivilStatus | null>> = {
  U: 'unmarried',
  G: 'married',
  F: 'divorced',
  E: 'widowed',
  P: 'registered_partnership',
  O: 'dissolved_partnership',
  L: 'widowed',
  D: null,
};
export const codeOfCivilStatus: Readonly<Record<CivilStatus, string>> = {
  unmarried: 'U',
  married: 'G',
  divorced: 'F',
  widowed: 'E',
  registered_partnership: 'P',
  dissolved_partnership: 'O',
};

/** Protection type 0001: name and address protection. */
export const nameAddressProtectionType = '0001';

/** '12B' ↔ '012B' (number right-aligned with zeros, then the letter). */
export function formatHouseNumber(houseNumber: string): string {
  const m = /^(\d+)([A-Za-z]?)$/.exec(houseNumber);
  if (!m) return houseNumber;
  return `${(m[1] as string).padStart(m[2] ? 3 : 4, '0')}${m[2] ?? ''}`;
}
export function readHouseNumber(raw: string): string {
  return raw.trim().replace(/^0+(?=\d)/, '');
}
