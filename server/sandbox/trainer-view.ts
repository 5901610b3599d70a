// The trainer's view of one synthetic person, for the console's trainer screen beside a running call
// (the API's showSandboxPerson). Built on `showSandboxPerson` (the same record `npm run sandbox -- show`
// prints), with the CPR numbers left out or masked and the addresses written as people say them.
import type { SandboxPersonView } from '../../shared/api/index';
import { maskCpr, parseCpr } from '../../shared/domain/cpr';
import type { Database } from '../db/types';
import { PersonNotFoundError, showSandboxPerson } from './show';

const joinName = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');

function addressText(a: { street?: string | null; houseNumber?: string | null; floor?: string | null; door?: string | null; postcode?: string | null; town?: string | null }): string {
  const floor = a.floor ? `${a.floor === 'st' || a.floor === 'kl' ? a.floor : `${a.floor}.`}${a.door ? ` ${a.door}` : ''}` : '';
  return [joinName(a.street, a.houseNumber), floor, joinName(a.postcode, a.town)].filter(Boolean).join(', ');
}

/** Null when the input is not a CPR number or no such person is in the sandbox; throws NotSandboxError outside it. */
export async function sandboxPersonView(db: Database, input: string, now: Date): Promise<SandboxPersonView | null> {
  if (!parseCpr(input).ok) return null;
  let p: Awaited<ReturnType<typeof showSandboxPerson>>;
  try {
    p = await showSandboxPerson(db, input, now);
  } catch (err) {
    if (err instanceof PersonNotFoundError) return null;
    throw err;
  }
  return {
    maskedCpr: maskCpr(p.cpr),
    name: joinName(p.firstNames, p.middleName, p.lastName),
    birthDate: p.birthDate,
    sex: p.sex,
    birthplace: p.birthplace,
    status: p.status,
    statusDate: p.statusDate,
    nameAddressProtection: p.nameAddressProtection,
    citizenship: p.citizenship,
    formerNames: p.names.map((n) => ({ name: joinName(n.firstNames, n.middleName, n.lastName), validFrom: n.validFrom, validTo: n.validTo })),
    addresses: p.addresses.map((a) => {
      const abroad = !a.postcode;
      return {
        place: abroad ? ('countryName' in a && a.countryName ? a.countryName : a.country) : addressText(a),
        abroad,
        movedIn: a.movedIn,
        movedOut: a.movedOut,
        municipalityThen: ('municipalityThen' in a ? a.municipalityThen : null) ?? null,
        municipalityNow: ('municipalityNow' in a ? a.municipalityNow : null) ?? null,
      };
    }),
    civilStatus: p.civilStatus.map((c) => ({ status: c.status, validFrom: c.validFrom, spouse: c.spouse?.name ?? null })),
    relatives: p.relations.flatMap((r) =>
      r.name && r.birthDate && r.status ? [{ kind: r.kind as 'parent' | 'child' | 'spouse', name: r.name, birthDate: r.birthDate, status: r.status }] : [],
    ),
    documents: p.documents.map((d) => ({ type: d.type, number: d.number, issuingCountry: d.issuingCountry, expiresOn: d.expiresOn, valid: d.valid })),
    mitidUserId: p.mitid?.userId ?? null,
  };
}
