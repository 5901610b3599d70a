// One synthetic person's whole register record, for trainers who play the caller. Sandbox only.
import { formatCpr, parseCpr } from '../../shared/domain/cpr';
import { countryName, municipalityAt } from '../../shared/domain/geography';
import type { Database } from '../db/types';
import type { RelativeRecord } from '../services/register/port';
import { tablesRegisterPort } from '../services/register/tables-adapter';
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
  const today = now.toISOString().slice(0, 10);
  // Read through the register port, as the engine reads it.
  const register = tablesRegisterPort('sandbox').open(db);
  const record = await register.person(cpr, today);
  if (!record) throw new PersonNotFoundError(`No person ${formatCpr(cpr)} in the sandbox register.`);
  const [documents, mitid] = [await register.documentsOf(cpr), await register.mitid(cpr)];
  const relatedCprs = [...new Set([...record.parents, ...record.children, ...record.civilStatus.flatMap((c) => (c.spouse ? [c.spouse] : []))].map((r) => r.cpr))];
  const relatives = new Map<string, Awaited<ReturnType<typeof register.person>>>();
  for (const c of relatedCprs) relatives.set(c, await register.person(c, today, ['person']));
  const who = (r: RelativeRecord | null) => {
    const p = r ? relatives.get(r.cpr) : null;
    if (!p) return null;
    const name = [p.name.firstNames, p.name.middleName, p.name.lastName].filter(Boolean).join(' ');
    return { cpr: formatCpr(p.cpr), name, birthDate: p.birthDate, status: p.status };
  };
  const spouse = record.civilStatus.findLast((c) => c.status === 'married' || c.status === 'registered_partnership');
  const currentSpouse = spouse && record.civilStatus.at(-1) === spouse ? spouse.spouse : null;
  return {
    cpr: formatCpr(cpr),
    firstNames: record.name.firstNames,
    middleName: record.name.middleName,
    lastName: record.name.lastName,
    birthDate: record.birthDate,
    sex: record.sex,
    birthplace: record.birthRegistration.place,
    birthplaceKind: record.birthRegistration.kind,
    citizenship: record.citizenship,
    status: record.status,
    statusDate: record.statusDate,
    nameAddressProtection: record.nameAddressProtection,
    churchMember: record.churchMember,
    names: record.formerNames,
    addresses: record.addresses.map(({ seq: _s, ...a }) => ({
      ...a,
      ...(a.postcode
        ? { municipalityThen: municipalityAt(a.postcode, a.movedIn)?.name, municipalityNow: municipalityAt(a.postcode, today)?.name }
        : { countryName: countryName(a.country) }),
    })),
    civilStatus: record.civilStatus.map(({ seq: _s, spouse: s, ...c }) => ({ ...c, spouse: who(s) })),
    relations: [
      ...record.parents.map((r) => ({ kind: 'parent', ...who(r) })),
      ...record.children.map((r) => ({ kind: 'child', ...who(r) })),
      ...(currentSpouse ? [{ kind: 'spouse', ...who(currentSpouse) }] : []),
    ],
    documents: documents.map(({ cpr: _c, ...d }) => ({ ...d, valid: d.expiresOn >= today })),
    mitid: mitid ? { userId: mitid.userId, mobileNumber: mitid.mobileNumber, mobileRegisteredAt: mitid.mobileRegisteredAt.toISOString() } : null,
  };
}
