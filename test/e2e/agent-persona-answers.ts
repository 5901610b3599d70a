// What a demo persona answers, computed in the test (or bench) process from the deterministic persona
// records: the console and its network traffic never carry expected answers. No Playwright here, so the
// benchmark can use it too.
import type { QuestionView } from '../../shared/api/index';
import { countryName, municipalityAt } from '../../shared/domain/geography/index';
import { personaRecords, personas } from '../../server/sandbox/personas';
import type { PersonRecord } from '../../server/sandbox/records';

export { personas };
export type PersonaKey = keyof typeof personas;

const records = new Map(personaRecords(new Date()).map((r) => [r.person.cpr, r]));

function recordOf(cpr: string): PersonRecord {
  const r = records.get(cpr);
  if (!r) throw new Error(`no persona record for ${cpr}`);
  return r;
}

export function persona(key: PersonaKey): PersonRecord {
  return recordOf(personas[key].cpr);
}

const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const monthYear = (iso: string) => `${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const year = (iso: string) => iso.slice(0, 4);
const firstName = (cpr: string) => recordOf(cpr).person.firstNames;

function addressLine(a: PersonRecord['addresses'][number]): string {
  const floor = a.floor ? (a.floor === 'st' ? 'st.' : a.floor === 'kl' ? 'kl.' : `${a.floor}.`) : '';
  const unit = [floor, a.door ?? ''].filter(Boolean).join(' ');
  return `${a.street} ${a.houseNumber}${unit ? `, ${unit}` : ''}, ${a.postcode} ${a.town}`;
}

function livedIn(r: PersonRecord, y: number) {
  return r.addresses.find((a) => a.movedIn <= `${y}-01-01` && (!a.movedOut || a.movedOut > `${y}-12-31`) && a.street);
}

/** Marriages as [married row, how it ended (or undefined)]. */
function marriages(r: PersonRecord) {
  return r.civilStatus.flatMap((row, i) => (row.status === 'married' ? [[row, r.civilStatus[i + 1]] as const] : []));
}

/** What the persona answers to a question, as a caller would say it; null when the test cannot tell. */
export function answerFor(r: PersonRecord, q: Pick<QuestionView, 'kind' | 'params'>): string | null {
  const p = q.params;
  switch (q.kind) {
    case 'earlier_address': {
      const a = livedIn(r, Number(p.year));
      return a ? addressLine(a) : null;
    }
    case 'municipality_in_year': {
      const a = livedIn(r, Number(p.year));
      return a?.postcode ? (municipalityAt(a.postcode, `${String(p.year)}-07-01`)?.name ?? null) : null;
    }
    case 'address_move_in':
    case 'address_move_out': {
      // By street, or under name and address protection by a year lived there.
      const a = p.street !== undefined ? r.addresses.find((x) => x.street === p.street) : livedIn(r, Number(p.year));
      const date = q.kind === 'address_move_in' ? a?.movedIn : a?.movedOut;
      return date ? monthYear(date) : null;
    }
    case 'current_move_in': {
      const a = r.addresses.find((x) => !x.movedOut);
      return a ? monthYear(a.movedIn) : null;
    }
    case 'country_in_year': {
      const a = r.addresses.find((x) => x.movedIn <= `${String(p.year)}-01-01` && (!x.movedOut || x.movedOut > `${String(p.year)}-12-31`));
      return a && a.country !== 'DK' && a.country !== 'GL' ? (countryName(a.country) ?? null) : null;
    }
    case 'parent_first_name': {
      const sex = p.parent === 'mother' ? 'female' : 'male';
      const parent = r.relations.filter((x) => x.kind === 'parent').map((x) => recordOf(x.relatedCpr)).find((x) => x.person.sex === sex);
      return parent?.person.firstNames ?? null;
    }
    case 'spouse_first_name':
    case 'marriage_year': {
      const m = marriages(r).find(([, end]) => (p.when === 'former' ? end !== undefined : end === undefined));
      if (!m) return null;
      if (q.kind === 'marriage_year') return year(m[0].validFrom);
      return m[0].spouseCpr ? firstName(m[0].spouseCpr) : null;
    }
    case 'divorce_year': {
      const d = r.civilStatus.find((x) => x.status === 'divorced');
      return d ? year(d.validFrom) : null;
    }
    case 'child_first_name': {
      const child = r.relations
        .filter((x) => x.kind === 'child')
        .map((x) => recordOf(x.relatedCpr))
        .find((c) => c.person.birthDate.startsWith(String(p.birthYear)));
      return child?.person.firstNames ?? null;
    }
    case 'child_birth_year': {
      const child = r.relations
        .filter((x) => x.kind === 'child')
        .map((x) => recordOf(x.relatedCpr))
        .find((c) => c.person.firstNames.split(' ')[0] === p.childFirstName);
      return child ? year(child.person.birthDate) : null;
    }
    case 'place_of_birth':
      return r.person.birthplace;
    case 'former_surname':
      return r.names[0]?.lastName ?? null;
  }
}

/**
 * Facts of the persona that no response to the console may contain: addresses with house numbers,
 * relatives' names (children's first names excepted: a question may name one), birthplace, former
 * surnames, the CPR number in clear, the mobile number, the document numbers.
 */
export function secretsOf(r: PersonRecord): string[] {
  const names = [
    ...r.relations.filter((x) => x.kind !== 'child').map((x) => firstName(x.relatedCpr)),
    ...r.civilStatus.flatMap((c) => (c.spouseCpr ? [firstName(c.spouseCpr)] : [])),
  ];
  return [
    ...r.addresses.filter((a) => a.street).map((a) => `${a.street} ${a.houseNumber}`),
    ...names,
    r.person.birthplace,
    ...r.names.map((n) => n.lastName).filter((n) => !`${r.person.middleName ?? ''} ${r.person.lastName}`.includes(n)),
    r.person.cpr,
    ...(r.mitid ? [r.mitid.mobileNumber, r.mitid.mobileNumber.slice(-8)] : []),
    ...r.documents.map((d) => d.number),
  ].filter((s) => s.length >= 3);
}

