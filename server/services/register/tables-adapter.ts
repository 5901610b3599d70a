// The register port over the register_* tables: the synthetic sandbox register, or a register loaded
// from CPR extract files (server/services/register/cpr-extract). One query per part, one after another
// (a transaction is one connection).
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  registerAddresses,
  registerCivilStatus,
  registerNameHistory,
  registerPersons,
  registerRelations,
} from '../../db/schema/register';
import type { Database, Tx } from '../../db/types';
import { cachedMunicipalityLoader, type MunicipalityLoader } from './municipalities';
import { ownTablesReader } from './own-tables';
import { allRecordParts, type PersonRecord, type RegisterPort, type RegisterReader, type RegisterSource } from './port';

// Stands in for the person row when it is not read: nothing that needs it may look at it.
const unread = {
  status: 'active',
  statusDate: null,
  sex: 'female',
  birthDate: '',
  firstNames: '',
  middleName: null,
  lastName: '',
  birthplace: '',
  birthplaceKind: 'parish',
  citizenship: '',
  nameAddressProtection: false,
  churchMember: false,
} as const;

function tablesReader(db: Database | Tx, municipalities: MunicipalityLoader): RegisterReader {
  return {
    ...ownTablesReader(db, municipalities),
    async person(cpr, _asOf, parts = allRecordParts): Promise<PersonRecord | null> {
      // The tables hold the register as it stands now: asOf selects nothing further here.
      const [person] = parts.includes('person') ? await db.select().from(registerPersons).where(eq(registerPersons.cpr, cpr)) : [unread];
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
            .where(eq(registerRelations.cpr, cpr))
            // A stable order whatever order the rows were loaded in (sandbox seed or extract import).
            .orderBy(asc(related.birthDate), asc(related.cpr))
        : [];
      const relative = ({ kind: _k, ...r }: (typeof relations)[number]) => r;
      return {
        cpr,
        status: person.status,
        statusDate: person.statusDate,
        sex: person.sex,
        birthDate: person.birthDate,
        name: { firstNames: person.firstNames, middleName: person.middleName, lastName: person.lastName },
        formerNames: names.map(({ firstNames, middleName, lastName, validFrom, validTo }) => ({ firstNames, middleName, lastName, validFrom, validTo })),
        addresses: addresses.map(({ cpr: _c, ...a }) => a),
        civilStatus: civil.map((c) => ({
          seq: c.seq,
          status: c.status,
          validFrom: c.validFrom,
          spouse:
            c.spouseCpr && c.spouseFirstNames && c.spouseLastName !== null && c.spouseSex && c.spouseBirthDate
              ? {
                  cpr: c.spouseCpr,
                  firstNames: c.spouseFirstNames,
                  middleName: c.spouseMiddleName,
                  lastName: c.spouseLastName,
                  sex: c.spouseSex,
                  birthDate: c.spouseBirthDate,
                }
              : null,
        })),
        parents: relations.filter((r) => r.kind === 'parent').map(relative),
        children: relations.filter((r) => r.kind === 'child').map(relative),
        nameAddressProtection: person.nameAddressProtection,
        birthRegistration: { place: person.birthplace, kind: person.birthplaceKind },
        citizenship: person.citizenship,
        churchMember: person.churchMember,
      };
    },
  };
}

/** The port over the register tables; `source` is what register_meta says they hold. */
export function tablesRegisterPort(source: Exclude<RegisterSource, 'datafordeler'> = 'sandbox'): RegisterPort {
  const municipalities = cachedMunicipalityLoader();
  return { source, open: (db) => tablesReader(db, municipalities) };
}
