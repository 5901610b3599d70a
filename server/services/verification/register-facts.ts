// Everything the engine may ask about one person, read from the register in a handful of queries.
// Relatives are known by the HMAC of their CPR number, so plans can refer to them without it in clear.
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  registerAddresses,
  registerCivilStatus,
  registerNameHistory,
  registerPersons,
  registerRelations,
} from '../../db/schema/register';
import type { Database, Tx } from '../../db/types';
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

export type AddressRow = typeof registerAddresses.$inferSelect;

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
}

const startsMarriage = new Set(['married', 'registered_partnership']);
const endsMarriage = new Set(['divorced', 'dissolved_partnership', 'widowed']);

/** The parts of a person's register record; scoring an answer needs one or two of them. */
export type FactPart = 'person' | 'names' | 'addresses' | 'civil' | 'relations';
export const allFactParts: readonly FactPart[] = ['person', 'names', 'addresses', 'civil', 'relations'];

// Stands in for the person row when it is not read: nothing that scores without it looks at it.
const unreadPerson = {
  firstNames: '',
  middleName: null,
  lastName: '',
  birthDate: '',
  birthplace: '',
  birthplaceKind: 'parish',
  status: 'active',
  nameAddressProtection: false,
} as const;

const joinNames = (...names: (string | null)[]) => names.filter(Boolean).join(' ');

/**
 * The person's facts; parts not asked for come back empty. One query per part, one after another (a
 * transaction is one connection). Null when the person row was asked for and is not there.
 */
export async function loadPersonFacts(
  db: Database | Tx,
  cpr: string,
  hmac: SubjectHmac,
  parts: readonly FactPart[] = allFactParts,
): Promise<PersonFacts | null> {
  const [person] = parts.includes('person') ? await db.select().from(registerPersons).where(eq(registerPersons.cpr, cpr)) : [unreadPerson];
  if (!person) return null;
  const spouse = alias(registerPersons, 'spouse');
  const related = alias(registerPersons, 'related');
  const names = parts.includes('names')
    ? await db.select().from(registerNameHistory).where(eq(registerNameHistory.cpr, cpr)).orderBy(asc(registerNameHistory.seq))
    : [];
  const addresses = parts.includes('addresses')
    ? await db.select().from(registerAddresses).where(eq(registerAddresses.cpr, cpr)).orderBy(asc(registerAddresses.seq))
    : [];
  const civil = parts.includes('civil')
    ? await db
        .select({
          seq: registerCivilStatus.seq,
          status: registerCivilStatus.status,
          validFrom: registerCivilStatus.validFrom,
          spouseCpr: spouse.cpr,
          spouseFirstNames: spouse.firstNames,
          spouseMiddleName: spouse.middleName,
          spouseLastName: spouse.lastName,
          spouseSex: spouse.sex,
          spouseBirthDate: spouse.birthDate,
        })
        .from(registerCivilStatus)
        .leftJoin(spouse, eq(spouse.cpr, registerCivilStatus.spouseCpr))
        .where(eq(registerCivilStatus.cpr, cpr))
        .orderBy(asc(registerCivilStatus.seq))
    : [];
  const relations = parts.includes('relations')
    ? await db
        .select({
          kind: registerRelations.kind,
          cpr: related.cpr,
          firstNames: related.firstNames,
          middleName: related.middleName,
          lastName: related.lastName,
          sex: related.sex,
          birthDate: related.birthDate,
        })
        .from(registerRelations)
        .innerJoin(related, eq(related.cpr, registerRelations.relatedCpr))
        .where(and(eq(registerRelations.cpr, cpr)))
    : [];

  return assemblePersonFacts({ person, names, addresses, civil, relations }, hmac);
}


type PersonRow = Pick<
  typeof registerPersons.$inferSelect,
  'firstNames' | 'middleName' | 'lastName' | 'birthDate' | 'birthplace' | 'birthplaceKind' | 'status' | 'nameAddressProtection'
>;

/** The register rows of one person as read above (or built in memory from the sandbox generator). */
export interface PersonRows {
  person: PersonRow;
  names: readonly Pick<typeof registerNameHistory.$inferSelect, 'firstNames' | 'middleName' | 'lastName'>[];
  addresses: readonly AddressRow[];
  /** In seq order, each with the spouse's person row joined when there is one. */
  civil: readonly {
    status: string;
    seq: number;
    validFrom: string;
    spouseCpr: string | null;
    spouseFirstNames: string | null;
    spouseMiddleName: string | null;
    spouseLastName: string | null;
    spouseSex: 'male' | 'female' | null;
    spouseBirthDate: string | null;
  }[];
  relations: readonly {
    kind: string;
    cpr: string;
    firstNames: string;
    middleName: string | null;
    lastName: string;
    sex: 'male' | 'female';
    birthDate: string;
  }[];
}

/** PersonFacts from the rows: the one place that turns register rows into what the engine asks about. */
export function assemblePersonFacts(rows: PersonRows, hmac: SubjectHmac): PersonFacts {
  const { person, names, addresses, civil, relations } = rows;
  const marriages: Marriage[] = [];
  for (const row of civil) {
    const open = marriages.at(-1);
    if (startsMarriage.has(row.status)) {
      const spouseFacts =
        row.spouseCpr && row.spouseFirstNames && row.spouseSex && row.spouseBirthDate
          ? {
              hmac: hmac(row.spouseCpr),
              firstNames: row.spouseFirstNames,
              surnames: joinNames(row.spouseMiddleName, row.spouseLastName),
              sex: row.spouseSex,
              birthDate: row.spouseBirthDate,
            }
          : null;
      marriages.push({ seq: row.seq, from: row.validFrom, endedBy: null, to: null, spouse: spouseFacts });
    } else if (endsMarriage.has(row.status) && open && open.to === null) {
      open.endedBy = row.status as Marriage['endedBy'];
      open.to = row.validFrom;
    }
  }
  const relative = (r: (typeof relations)[number]): Relative => ({
    hmac: hmac(r.cpr),
    firstNames: r.firstNames,
    surnames: joinNames(r.middleName, r.lastName),
    sex: r.sex,
    birthDate: r.birthDate,
  });
  return {
    firstNames: person.firstNames,
    middleName: person.middleName,
    lastName: person.lastName,
    birthDate: person.birthDate,
    birthplace: person.birthplace,
    birthplaceKind: person.birthplaceKind,
    status: person.status,
    nameAddressProtection: person.nameAddressProtection,
    formerNames: names.map((n) => ({ firstNames: n.firstNames, middleName: n.middleName, lastName: n.lastName })),
    addresses: [...addresses],
    marriages,
    parents: relations.filter((r) => r.kind === 'parent').map(relative),
    children: relations.filter((r) => r.kind === 'child').map(relative),
  };
}
