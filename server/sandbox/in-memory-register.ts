// The synthetic register held in memory, person by person, as the verification engine reads it: for the
// simulated callers (bench/, test/unit) and the property tests that run over every sandbox person
// without a database. Same generator, same seed, same people as `npm run sandbox -- seed`.
import type { RegisterPerson } from '../db/schema/register';
import { assemblePersonFacts, type PersonFacts, type PersonRows } from '../services/verification/register-facts';
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

  return all.persons.map((person) => {
    const rows: PersonRows = {
      person: { ...person, middleName: person.middleName ?? null, nameAddressProtection: person.nameAddressProtection ?? false },
      names: [...(names.get(person.cpr) ?? [])].sort((a, b) => a.seq - b.seq).map((n) => ({ ...n, middleName: n.middleName ?? null })),
      addresses: [...(addresses.get(person.cpr) ?? [])]
        .sort((a, b) => a.seq - b.seq)
        .map((a) => ({
          cpr: a.cpr,
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
      civil: [...(civil.get(person.cpr) ?? [])]
        .sort((a, b) => a.seq - b.seq)
        .map((c) => {
          const spouse = c.spouseCpr ? persons.get(c.spouseCpr) : undefined;
          return {
            status: c.status,
            seq: c.seq,
            validFrom: c.validFrom,
            spouseCpr: spouse?.cpr ?? null,
            spouseFirstNames: spouse?.firstNames ?? null,
            spouseMiddleName: spouse?.middleName ?? null,
            spouseLastName: spouse?.lastName ?? null,
            spouseSex: spouse?.sex ?? null,
            spouseBirthDate: spouse?.birthDate ?? null,
          };
        }),
      relations: (relations.get(person.cpr) ?? []).flatMap((r) => {
        const related = persons.get(r.relatedCpr);
        return related ? [{ kind: r.kind, cpr: related.cpr, firstNames: related.firstNames, middleName: related.middleName ?? null, lastName: related.lastName, sex: related.sex, birthDate: related.birthDate }] : [];
      }),
    };
    return {
      person,
      facts: assemblePersonFacts(rows, inMemoryHmac),
      hasValidDocument: (documents.get(person.cpr) ?? []).some((d) => d.expiresOn >= today && (d.issuingCountry === 'DK' || d.issuingCountry === 'GL')),
      hasMitid: withMitid.has(person.cpr),
    };
  });
}
