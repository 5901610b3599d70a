// One person's records (001 up to the next 001) turned into register rows, with 001's meaning:
// these rows replace everything held for the person. Annulled or corrected history (a mark in
// ANNKOR) is skipped. Problems are collected per record (field names, never values).
import type {
  RegisterAddress,
  RegisterCivilStatusRow,
  RegisterNameRow,
  RegisterPerson,
  RegisterRelation,
} from '../../../db/schema/register';
import { civilStatusByCode, nameAddressProtectionType, readHouseNumber, statusByCode, type CodeTables } from './codes';
import { authorityTypes } from './layout';

export interface ParsedRecord {
  type: string;
  line: number;
  fields: Record<string, string>;
}

export interface RecordProblem {
  line: number;
  recordType: string;
  reason: string;
}

export interface PersonRows {
  cpr: string;
  person: RegisterPerson;
  names: RegisterNameRow[];
  addresses: RegisterAddress[];
  civilStatus: RegisterCivilStatusRow[];
  relations: RegisterRelation[];
}

type Period = Omit<RegisterAddress, 'seq'>;

const cprPattern = /^\d{10}$/;
const countryOfMunicipality = (code: string) => (Number(code) >= 900 ? 'GL' : 'DK');

/** Rows for one person, or null when the block cannot make one (problems say why). */
export function personRows(records: readonly ParsedRecord[], codes: CodeTables, today: string, problems: RecordProblem[]): PersonRows | null {
  const head = records[0];
  if (!head || head.type !== '001') return null;
  const f = head.fields;
  const problem = (r: ParsedRecord, reason: string) => problems.push({ line: r.line, recordType: r.type, reason });
  const cpr = f.pnr ?? '';
  const status = statusByCode[f.status ?? ''];
  if (!cprPattern.test(cpr)) {
    problem(head, 'pnr: not ten digits; person skipped');
    return null;
  }
  if (!status) {
    problem(head, 'status: a code the console does not handle; person skipped');
    return null;
  }
  if (!f.birthDate || (f.sex !== 'M' && f.sex !== 'K')) {
    problem(head, 'birthDate or sex missing; person skipped');
    return null;
  }
  const person: RegisterPerson = {
    cpr,
    firstNames: '',
    middleName: null,
    lastName: '',
    birthDate: f.birthDate,
    sex: f.sex === 'M' ? 'male' : 'female',
    birthplace: '',
    birthplaceKind: 'parish',
    citizenship: '',
    status,
    statusDate: status === 'active' ? null : f.statusStart || null,
    nameAddressProtection: false,
    churchMember: false,
  };
  const names: (Omit<RegisterNameRow, 'seq'>)[] = [];
  const periods: Period[] = [];
  const civil: { status: RegisterCivilStatusRow['status']; validFrom: string; spouseCpr: string | null }[] = [];
  const relations = new Map<string, RegisterRelation>();
  const relate = (kind: RegisterRelation['kind'], relatedCpr: string) => {
    if (cprPattern.test(relatedCpr)) relations.set(`${kind}:${relatedCpr}`, { cpr, kind, relatedCpr });
  };
  let hasName = false;
  let currentRecord: ParsedRecord | null = null;
  let written: Record<string, string> | null = null;

  const danishPeriod = (r: ParsedRecord, movedIn: string, movedOut: string | null, written?: Record<string, string> | null): Period | null => {
    const k = r.fields.municipalityCode ?? '';
    const v = r.fields.roadCode ?? '';
    const house = readHouseNumber(r.fields.houseNumber ?? '');
    const street = codes.road(k, v) ?? (written?.roadAddressingName || undefined);
    const district = written?.postcode ? { postcode: written.postcode, district: written.postDistrict ?? '' } : codes.postDistrict(k, v, house);
    if (!street || !district) {
      problem(r, 'road or post district not in the code tables; address kept without street');
    }
    if (!movedIn) {
      problem(r, 'movedIn missing; address skipped');
      return null;
    }
    return {
      cpr,
      street: street ?? null,
      houseNumber: house || null,
      floor: r.fields.floor || null,
      door: r.fields.door || null,
      postcode: district?.postcode ?? null,
      town: district?.district ?? null,
      municipalityCode: k || null,
      country: countryOfMunicipality(k),
      movedIn,
      movedOut,
    };
  };
  const country = (r: ParsedRecord, code: string | undefined): string | null => {
    const a = code ? codes.authorities.get(code.padStart(4, '0')) : undefined;
    if (!a || a.type !== authorityTypes.country || !a.alpha2) {
      problem(r, 'country code not in the authority table');
      return null;
    }
    return a.alpha2;
  };

  for (const r of records.slice(1)) {
    const x = r.fields;
    if (x.correctionMarker) continue;
    switch (r.type) {
      case '002':
        currentRecord = r;
        break;
      case '003':
        // The current address written out: its postcode and district beat the code tables.
        written = x;
        break;
      case '004':
        if (x.protectionType === nameAddressProtectionType && (!x.startDate || x.startDate <= today) && (!x.endDate || x.endDate > today)) {
          person.nameAddressProtection = true;
        }
        break;
      case '005': {
        const c = country(r, x.exitCountryCode);
        if (c && x.exitDate) periods.push({ ...abroad(cpr, c), movedIn: x.exitDate, movedOut: null });
        break;
      }
      case '008':
        person.firstNames = x.firstNames ?? '';
        person.middleName = x.middleName || null;
        person.lastName = x.lastName ?? '';
        hasName = Boolean(x.firstNames || x.lastName);
        break;
      case '009': {
        const a = codes.authorities.get((x.authorityCode ?? '').padStart(4, '0'));
        if (a && (a.type === authorityTypes.parish || a.type === authorityTypes.country)) {
          person.birthplace = a.name;
          person.birthplaceKind = a.type === authorityTypes.parish ? 'parish' : 'country';
        } else {
          problem(r, 'birth registration authority not in the authority table');
        }
        break;
      }
      case '010':
        person.citizenship = country(r, x.countryCode) ?? '';
        break;
      case '011':
        person.churchMember = x.churchRelation === 'F';
        break;
      case '012':
      case '029': {
        const s = civilStatusByCode[x.civilStatus ?? ''];
        if (s === undefined || !x.start) problem(r, 'civil status code or start missing; period skipped');
        else if (s !== null) civil.push({ status: s, validFrom: x.start, spouseCpr: cprPattern.test(x.spousePnr ?? '') ? (x.spousePnr as string) : null });
        break;
      }
      case '014':
        relate('child', x.childPnr ?? '');
        break;
      case '015':
        relate('parent', x.motherPnr ?? '');
        relate('parent', x.fatherPnr ?? '');
        break;
      case '023': {
        const p = danishPeriod(r, x.movedIn ?? '', x.movedOut || null);
        if (p) periods.push(p);
        break;
      }
      case '024': {
        const c = country(r, x.exitCountryCode);
        if (c && x.exitDate) periods.push({ ...abroad(cpr, c), movedIn: x.exitDate, movedOut: x.entryDate || null });
        break;
      }
      case '026':
        if (!x.nameStart || !x.nameEnd) problem(r, 'name period without start or end; skipped');
        else names.push({ cpr, firstNames: x.firstNames ?? '', middleName: x.middleName || null, lastName: x.lastName ?? '', validFrom: x.nameStart, validTo: x.nameEnd });
        break;
      default:
        // Records the console does not use (007 is on 001's status, 022, 025, 027, …).
        break;
    }
  }
  if (!hasName) {
    problem(head, 'no name record (008); person skipped');
    return null;
  }
  const current = currentRecord ? danishPeriod(currentRecord, currentRecord.fields.movedIn ?? '', null, written) : null;
  if (current) periods.push(current);
  // In the order lived; the current address (no move-out) last among those moved into on one day.
  periods.sort((a, b) => a.movedIn.localeCompare(b.movedIn) || (a.movedOut ?? '9999').localeCompare(b.movedOut ?? '9999'));
  names.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  civil.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const spouse = civil.at(-1);
  // A dead person has no current spouse, though the last civil status stays on record.
  if (status !== 'deceased' && spouse?.spouseCpr && (spouse.status === 'married' || spouse.status === 'registered_partnership')) relate('spouse', spouse.spouseCpr);
  return {
    cpr,
    person,
    names: names.map((n, i) => ({ ...n, seq: i + 1 })),
    addresses: periods.map((p, i) => ({ ...p, seq: i + 1 })),
    civilStatus: civil.map((c, i) => ({ cpr, ...c, seq: i + 1 })),
    relations: [...relations.values()],
  };
}

function abroad(cpr: string, country: string): Omit<Period, 'movedIn' | 'movedOut'> {
  return { cpr, street: null, houseNumber: null, floor: null, door: null, postcode: null, town: null, municipalityCode: null, country };
}
