// The synthetic register held in memory, person by person, as the verification engine reads it: for the
// simulated callers (bench/, test/unit) and the property tests that run over every sandbox person
// without a database. Same generator, same seed, same people as `npm run sandbox -- seed`.
import type { RegisterPerson } from '../db/schema/register';
import type { PersonRecord, RelativeRecord } from '../services/register/port';
import { assemblePersonFacts, type PersonFacts } from '../services/verification/register-facts';
import { generateRegister, type GenerateOptions, type RegisterBatch } from './generator';

export interface SandboxPerson {
  person: RegisterPerson;
  facts: PersonFacts;
  /** A passport or driving licence valid on the seeding day. */
  hasValidDocument: boolean;
  hasMitid: boolean;
}

/** A stand-in for the subject HMAC: plans refer to relatives by it, and no key is needed in memory. */
export const inMemoryHmac = (cpr: string) => `h:${cpr}`;

/** Every person of a generated register with their facts, in generation order. */
export function loadSandboxInMemory(options: GenerateOptions): SandboxPerson[] {
  const all: RegisterBatch = { persons: [], names: [], addresses: [], civilStatus: [], relations: [], documents: [], mitid: [] };
  for (const b of generateRegister(options)) {
    for (const key of Object.keys(all) as (keyof RegisterBatch)[]) (all[key] as unknown[]).push(...(b[key] as unknown[]));
  }
  const group = <T extends { cpr: string }>(rows: readonly T[]) => {
    const by = new Map<string, T[]>();
    for (const r of rows) by.set(r.cpr, [...(by.get(r.cpr) ?? []), r]);
    return by;
  };
  const persons = new Map(all.persons.map((p) => [p.cpr, p]));
  const names = group(all.names);
  const addresses = group(all.addresses);
  const civil = group(all.civilStatus);
  const relations = group(all.relations);
  const documents = group(all.documents);
  const withMitid = new Set(all.mitid.map((m) => m.cpr));
  const today = options.now.toISOString().slice(0, 10);

  const relative = (cpr: string | null | undefined): RelativeRecord | null => {
    const p = cpr ? persons.get(cpr) : undefined;
    return p ? { cpr: p.cpr, firstNames: p.firstNames, middleName: p.middleName ?? null, lastName: p.lastName, sex: p.sex, birthDate: p.birthDate } : null;
  };
  // The order the tables adapter reads relatives in (server/services/register/tables-adapter.ts).
  const relatives = (cpr: string, kind: string) =>
    (relations.get(cpr) ?? [])
      .filter((r) => r.kind === kind)
      .flatMap((r) => relative(r.relatedCpr) ?? [])
      .sort((a, b) => a.birthDate.localeCompare(b.birthDate) || a.cpr.localeCompare(b.cpr));

  return all.persons.map((person) => {
    // The register record as the port would give it for this person.
    const record: PersonRecord = {
      cpr: person.cpr,
      status: person.status,
      statusDate: person.statusDate ?? null,
      sex: person.sex,
      birthDate: person.birthDate,
      name: { firstNames: person.firstNames, middleName: person.middleName ?? null, lastName: person.lastName },
      formerNames: [...(names.get(person.cpr) ?? [])]
        .sort((a, b) => a.seq - b.seq)
        .map((n) => ({ firstNames: n.firstNames, middleName: n.middleName ?? null, lastName: n.lastName, validFrom: n.validFrom, validTo: n.validTo })),
      addresses: [...(addresses.get(person.cpr) ?? [])]
        .sort((a, b) => a.seq - b.seq)
        .map((a) => ({
          seq: a.seq,
          street: a.street ?? null,
          houseNumber: a.houseNumber ?? null,
          floor: a.floor ?? null,
          door: a.door ?? null,
          postcode: a.postcode ?? null,
          town: a.town ?? null,
          municipalityCode: a.municipalityCode ?? null,
          country: a.country,
          movedIn: a.movedIn,
          movedOut: a.movedOut ?? null,
        })),
      civilStatus: [...(civil.get(person.cpr) ?? [])]
        .sort((a, b) => a.seq - b.seq)
        .map((c) => ({ seq: c.seq, status: c.status, validFrom: c.validFrom, spouse: relative(c.spouseCpr) })),
      parents: relatives(person.cpr, 'parent'),
      children: relatives(person.cpr, 'child'),
      nameAddressProtection: person.nameAddressProtection ?? false,
      birthRegistration: { place: person.birthplace, kind: person.birthplaceKind },
      citizenship: person.citizenship,
      churchMember: person.churchMember,
    };
    return {
      person,
      facts: assemblePersonFacts(record, inMemoryHmac),
      hasValidDocument: (documents.get(person.cpr) ?? []).some((d) => d.expiresOn >= today && (d.issuingCountry === 'DK' || d.issuingCountry === 'GL')),
      hasMitid: withMitid.has(person.cpr),
    };
  });
}
