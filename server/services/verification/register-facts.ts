// Everything the engine may ask about one person, read through the register port (whichever source
// is behind it, or the in-memory sandbox register of server/sandbox/in-memory-register.ts). Relatives are known by the HMAC of their CPR number, so plans can refer to them
// without it in clear.
import type { AddressPeriod, PersonRecord, RecordPart, RegisterReader, RelativeRecord } from '../register/port';
import { allRecordParts } from '../register/port';
import { geographyLookup, type MunicipalityLookup } from '../register/municipalities';
import type { SubjectHmac } from '../audit/subject-hmac';

export interface Relative {
  /** subjectHmac of the relative's CPR number. */
  hmac: string;
  firstNames: string;
  /** Middle and last name today: a caller may say them after the first name. */
  surnames: string;
  sex: 'male' | 'female';
  birthDate: string;
}

export interface Marriage {
  /** seq of the civil-status row that started it. */
  seq: number;
  from: string;
  /** The row that ended it (divorce, dissolution, widowhood); null while it lasts. */
  endedBy: 'divorced' | 'dissolved_partnership' | 'widowed' | null;
  to: string | null;
  spouse: Relative | null;
}

export type AddressRow = AddressPeriod;

export interface PersonFacts {
  firstNames: string;
  middleName: string | null;
  lastName: string;
  birthDate: string;
  birthplace: string;
  birthplaceKind: 'parish' | 'country';
  status: 'active' | 'deceased' | 'emigrated' | 'disappeared';
  nameAddressProtection: boolean;
  formerNames: { firstNames: string; middleName: string | null; lastName: string }[];
  /** In the order they were lived in; moved_out null marks the current one. */
  addresses: AddressRow[];
  marriages: Marriage[];
  parents: Relative[];
  children: Relative[];
  /** Where an address lay in a year: the register's municipality table (the sandbox geography when absent). */
  municipalityAt?: MunicipalityLookup;
}

/** The municipality lookup the engine asks for a person's addresses. */
export const municipalityLookupOf = (facts: PersonFacts): MunicipalityLookup => facts.municipalityAt ?? geographyLookup;

const startsMarriage = new Set(['married', 'registered_partnership']);
const endsMarriage = new Set(['divorced', 'dissolved_partnership', 'widowed']);

/** The parts of a person's register record; scoring an answer needs one or two of them. */
export type FactPart = RecordPart;
export const allFactParts: readonly FactPart[] = allRecordParts;

const joinNames = (...names: (string | null)[]) => names.filter(Boolean).join(' ');

/**
 * The person's facts as the register stood on `asOf`; parts not asked for come back empty. Null when
 * the person was asked for and the register does not know them.
 */
export async function loadPersonFacts(
  reader: RegisterReader,
  cpr: string,
  hmac: SubjectHmac,
  asOf: string,
  parts: readonly FactPart[] = allFactParts,
): Promise<PersonFacts | null> {
  const record = await reader.person(cpr, asOf, parts);
  if (!record) return null;
  const facts = assemblePersonFacts(record, hmac);
  if (parts.includes('addresses')) facts.municipalityAt = await reader.municipalities();
  return facts;
}

/** PersonFacts from a register record: the one place that turns what the register holds into what the engine asks about. */
export function assemblePersonFacts(record: PersonRecord, hmac: SubjectHmac): PersonFacts {
  const relative = (r: RelativeRecord): Relative => ({
    hmac: hmac(r.cpr),
    firstNames: r.firstNames,
    surnames: joinNames(r.middleName, r.lastName),
    sex: r.sex,
    birthDate: r.birthDate,
  });
  const marriages: Marriage[] = [];
  for (const row of record.civilStatus) {
    const open = marriages.at(-1);
    if (startsMarriage.has(row.status)) {
      marriages.push({ seq: row.seq, from: row.validFrom, endedBy: null, to: null, spouse: row.spouse ? relative(row.spouse) : null });
    } else if (endsMarriage.has(row.status) && open && open.to === null) {
      open.endedBy = row.status as Marriage['endedBy'];
      open.to = row.validFrom;
    }
  }
  return {
    firstNames: record.name.firstNames,
    middleName: record.name.middleName,
    lastName: record.name.lastName,
    birthDate: record.birthDate,
    birthplace: record.birthRegistration.place,
    birthplaceKind: record.birthRegistration.kind,
    status: record.status,
    nameAddressProtection: record.nameAddressProtection,
    formerNames: record.formerNames.map(({ firstNames, middleName, lastName }) => ({ firstNames, middleName, lastName })),
    addresses: [...record.addresses],
    marriages,
    parents: record.parents.map(relative),
    children: record.children.map(relative),
  };
}
