// The CPR code tables an extract needs to be read: roads (municipality + road code → street name),
// post districts (road + house number range → postcode and district) and authorities (birth
// registration parishes, countries, municipalities old and new, each with validity dates).
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
