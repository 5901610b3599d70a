// One synthetic person's whole register record, for trainers who play the caller. Sandbox only.
import { asc, eq, inArray } from 'drizzle-orm';
import { formatCpr, parseCpr } from '../../shared/domain/cpr';
import { countryName, municipalityAt } from '../../shared/domain/geography';
import {
  registerAddresses,
  registerCivilStatus,
  registerDocuments,
  registerMitid,
  registerNameHistory,
  registerPersons,
  registerRelations,
} from '../db/schema/register';
import type { Database } from '../db/types';
import { isSandboxRegister, NotSandboxError } from './seed';

export class PersonNotFoundError extends Error {
  override name = 'PersonNotFoundError';
}

/**
 * Everything the register holds on one person, with the municipality each address lay in at the time
 * and the relatives' names. Refuses unless register_meta says source='sandbox': this prints personal
 * data in clear, which is only acceptable for synthetic people.
 */
export async function showSandboxPerson(db: Database, input: string, now: Date) {
  if (!(await isSandboxRegister(db))) {
    throw new NotSandboxError('This register is not the sandbox (register_meta source is not "sandbox"): show is for synthetic persons only.');
  }
  const parsed = parseCpr(input);
  if (!parsed.ok) throw new PersonNotFoundError(`Not a CPR number (${parsed.reason}).`);
  const cpr = parsed.cpr.digits;
  const [person] = await db.select().from(registerPersons).where(eq(registerPersons.cpr, cpr));
  if (!person) throw new PersonNotFoundError(`No person ${formatCpr(cpr)} in the sandbox register.`);
  const [names, addresses, civil, relations, documents, mitid] = await Promise.all([
    db.select().from(registerNameHistory).where(eq(registerNameHistory.cpr, cpr)).orderBy(asc(registerNameHistory.seq)),
    db.select().from(registerAddresses).where(eq(registerAddresses.cpr, cpr)).orderBy(asc(registerAddresses.seq)),
    db.select().from(registerCivilStatus).where(eq(registerCivilStatus.cpr, cpr)).orderBy(asc(registerCivilStatus.seq)),
    db.select().from(registerRelations).where(eq(registerRelations.cpr, cpr)),
    db.select().from(registerDocuments).where(eq(registerDocuments.cpr, cpr)),
    db.select().from(registerMitid).where(eq(registerMitid.cpr, cpr)),
  ]);
  const relatedCprs = [...new Set([...relations.map((r) => r.relatedCpr), ...civil.flatMap((c) => (c.spouseCpr ? [c.spouseCpr] : []))])];
  const relatives = relatedCprs.length
    ? await db.select().from(registerPersons).where(inArray(registerPersons.cpr, relatedCprs))
    : [];
  const byCpr = new Map(relatives.map((p) => [p.cpr, p]));
  const who = (c: string | null) => {
    const p = c ? byCpr.get(c) : undefined;
    if (!p) return null;
    const name = [p.firstNames, p.middleName, p.lastName].filter(Boolean).join(' ');
    return { cpr: formatCpr(p.cpr), name, birthDate: p.birthDate, status: p.status };
  };
  const today = now.toISOString().slice(0, 10);
  return {
    ...person,
    cpr: formatCpr(cpr),
    names: names.map(({ cpr: _c, seq: _s, ...n }) => n),
    addresses: addresses.map(({ cpr: _c, seq: _s, ...a }) => ({
      ...a,
      ...(a.postcode
        ? { municipalityThen: municipalityAt(a.postcode, a.movedIn)?.name, municipalityNow: municipalityAt(a.postcode, today)?.name }
        : { countryName: countryName(a.country) }),
    })),
    civilStatus: civil.map(({ cpr: _c, seq: _s, spouseCpr, ...c }) => ({ ...c, spouse: who(spouseCpr) })),
    relations: relations.map((r) => ({ kind: r.kind, ...who(r.relatedCpr) })),
    documents: documents.map(({ cpr: _c, ...d }) => ({ ...d, valid: d.expiresOn >= today })),
    mitid: mitid[0] ? { userId: mitid[0].userId, mobileNumber: mitid[0].mobileNumber, mobileRegisteredAt: mitid[0].mobileRegisteredAt.toISOString() } : null,
  };
}
