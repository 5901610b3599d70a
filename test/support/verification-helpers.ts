// Test helpers for the verification engine: handcrafted register persons, correct answers read straight
// from the register (never from the engine's plan), and a driver that runs a whole call over HTTP.
import { and, eq, gt, isNotNull, isNull, lte } from 'drizzle-orm';
import type { QuestionView, VerificationView } from '../../shared/api/index';
import { countryName, postcodeByCode, municipalityByCode } from '../../shared/domain/geography/index';
import type { Database } from '../../server/db/index';
import {
  registerAddresses,
  registerCivilStatus,
  registerDocuments,
  registerMitid,
  registerNameHistory,
  registerPersons,
  registerRelations,
  type RegisterPerson,
} from '../../server/db/schema/register';
import { bearer, type TestApi } from './support-api';

// ---------------------------------------------------------------------------------------------------
// Register persons

let serial = 0;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A fresh CPR number for a birth date (the 7th digit follows the century rule; modulus 11 is ignored). */
export function newCpr(birthDate: string): string {
  const [y, m, d] = birthDate.split('-');
  const year = Number(y);
  serial += 1;
  // 1900s: 7th digit 0-3; 2000-2036: 7th digit 4.
  const base = year >= 2000 ? 4000 : 0;
  return `${d}${m}${String(year).slice(2)}${pad(base + (serial % 1000) * 3 + 1, 4)}`;
}

let documentSerial = 0;
/** Nine digits, spaced ten apart, so "one digit off" never hits another test person by accident. */
export function newPassportNumber(): string {
  documentSerial += 1;
  return String(300_000_000 + documentSerial * 10);
}
export function newLicenceNumber(): string {
  documentSerial += 1;
  return String(40_000_000 + documentSerial * 10);
}

type AddressSpec = { from: string; street: string; house: string; floor?: string | null; door?: string | null; postcode: string };

export interface RichPersonOptions {
  status?: RegisterPerson['status'];
  protection?: boolean;
  mitid?: boolean;
  passportExpiresOn?: string;
  passportNumber?: string;
  /** A given CPR number (e.g. one that fails modulus 11); a fresh one otherwise. */
  cpr?: string;
}

export interface TestPerson {
  cpr: string;
  userId: string | null;
  passport: string;
  licence: string;
  /** Everything the register says that a caller might be asked (for the "no response leaks it" check). */
  secrets: { streets: string[]; names: string[]; years: string[]; places: string[] };
}

/** A fresh CPR number not yet in this register (a sandbox register may already hold the first pick). */
export async function unusedCpr(db: Database, birthDate: string): Promise<string> {
  for (let tries = 0; ; tries++) {
    if (tries > 1000) throw new Error(`no free CPR number left for ${birthDate}`);
    const cpr = newCpr(birthDate);
    const [taken] = await db.select({ cpr: registerPersons.cpr }).from(registerPersons).where(eq(registerPersons.cpr, cpr));
    if (!taken) return cpr;
  }
}

async function unusedNumber(db: Database, next: () => string): Promise<string> {
  for (;;) {
    const number = next();
    const [taken] = await db.select({ n: registerDocuments.number }).from(registerDocuments).where(eq(registerDocuments.number, number));
    if (!taken) return number;
  }
}

async function insertRelative(db: Database, firstNames: string, lastName: string, sex: 'male' | 'female', birthDate: string): Promise<string> {
  const cpr = await unusedCpr(db, birthDate);
  await db.insert(registerPersons).values({
    cpr,
    firstNames,
    lastName,
    birthDate,
    sex,
    birthplace: 'Holmens Sogn',
    birthplaceKind: 'parish',
    citizenship: 'DK',
    status: 'active',
    churchMember: false,
  });
  return cpr;
}

/**
 * Kirsten Holm, born 1968 in Aarhus Domsogn: five addresses (the last is current), two former surnames,
 * a former and a current marriage, two children, both parents. Answer years (1987, 1993, 1999, 2004,
 * 2005, 2008) never fall in a year the engine can show as a parameter (1981-86, 1988-92, 1994-98, 2000-03).
 */
export async function insertRichPerson(db: Database, options: RichPersonOptions = {}): Promise<TestPerson> {
  const birthDate = '1968-03-12';
  const cpr = options.cpr ?? (await unusedCpr(db, birthDate));
  const passport = options.passportNumber ?? (await unusedNumber(db, newPassportNumber));
  const licence = await unusedNumber(db, newLicenceNumber);
  const userId = options.mitid === false ? null : `kirsten.holm.${cpr.slice(6)}.${serial}`;
  await db.insert(registerPersons).values({
    cpr,
    firstNames: 'Kirsten',
    lastName: 'Holm',
    birthDate,
    sex: 'female',
    birthplace: 'Aarhus Domsogn',
    birthplaceKind: 'parish',
    citizenship: 'DK',
    status: options.status ?? 'active',
    statusDate: options.status && options.status !== 'active' ? '2025-01-01' : null,
    nameAddressProtection: options.protection ?? false,
    churchMember: true,
  });
  await db.insert(registerNameHistory).values([
    { cpr, seq: 1, firstNames: 'Kirsten', lastName: 'Bak', validFrom: birthDate, validTo: '1987-09-05' },
    { cpr, seq: 2, firstNames: 'Kirsten', lastName: 'Lund', validFrom: '1987-09-05', validTo: '2004-05-01' },
  ]);
  const addresses: AddressSpec[] = [
    { from: birthDate, street: 'Nørregade', house: '12', floor: '1', door: 'tv', postcode: '8000' },
    { from: '1987-08-01', street: 'Istedgade', house: '45', floor: '3', door: 'th', postcode: '1650' },
    { from: '1993-06-01', street: 'Vestergade', house: '7B', floor: 'st', door: null, postcode: '5000' },
    { from: '1999-03-01', street: 'Skovvej', house: '8', postcode: '2820' },
    { from: '2004-09-15', street: 'Lindevej', house: '21', postcode: '2900' },
  ];
  await db.insert(registerAddresses).values(
    addresses.map((a, i) => {
      const place = postcodeByCode(a.postcode);
      if (!place) throw new Error(`unknown postcode ${a.postcode}`);
      return {
        cpr,
        seq: i + 1,
        street: a.street,
        houseNumber: a.house,
        floor: a.floor ?? null,
        door: a.door ?? null,
        postcode: a.postcode,
        town: place.town,
        municipalityCode: place.municipalityCode,
        country: 'DK',
        movedIn: a.from,
        movedOut: addresses[i + 1]?.from ?? null,
      };
    }),
  );
  const mother = await insertRelative(db, 'Else Marie', 'Bak', 'female', '1944-02-02');
  const father = await insertRelative(db, 'Poul', 'Bak', 'male', '1941-07-07');
  const formerSpouse = await insertRelative(db, 'Lars', 'Lund', 'male', '1965-10-10');
  const spouse = await insertRelative(db, 'Henrik', 'Holm', 'male', '1966-11-11');
  const son = await insertRelative(db, 'Mikkel', 'Holm', 'male', '2005-04-04');
  const daughter = await insertRelative(db, 'Sofie Amalie', 'Holm', 'female', '2008-08-08');
  await db.insert(registerCivilStatus).values([
    { cpr, seq: 1, status: 'unmarried', validFrom: birthDate },
    { cpr, seq: 2, status: 'married', validFrom: '1987-09-05', spouseCpr: formerSpouse },
    { cpr, seq: 3, status: 'divorced', validFrom: '1993-02-01', spouseCpr: formerSpouse },
    { cpr, seq: 4, status: 'married', validFrom: '2004-05-01', spouseCpr: spouse },
  ]);
  const both = (kind: 'parent' | 'child' | 'spouse', other: string, back: 'parent' | 'child' | 'spouse') => [
    { cpr, kind, relatedCpr: other },
    { cpr: other, kind: back, relatedCpr: cpr },
  ];
  await db
    .insert(registerRelations)
    .values([
      ...both('parent', mother, 'child'),
      ...both('parent', father, 'child'),
      ...both('spouse', spouse, 'spouse'),
      ...both('child', son, 'parent'),
      ...both('child', daughter, 'parent'),
    ]);
  await db.insert(registerDocuments).values([
    { type: 'passport', number: passport, issuingCountry: 'DK', cpr, issuedOn: '2020-01-01', expiresOn: options.passportExpiresOn ?? '2030-01-01' },
    { type: 'driving_licence', number: licence, issuingCountry: 'DK', cpr, issuedOn: '2019-01-01', expiresOn: '2034-01-01' },
  ]);
  if (userId) {
    await db.insert(registerMitid).values({ userId, cpr, mobileNumber: '+4520000000', mobileRegisteredAt: new Date('2020-01-01T00:00:00Z') });
  }
  return {
    cpr,
    userId,
    passport,
    licence,
    secrets: {
      streets: ['Nørregade', 'Istedgade', 'Vestergade', 'Skovvej', 'Lindevej'],
      names: ['Else', 'Marie', 'Poul', 'Lars', 'Henrik', 'Mikkel', 'Sofie', 'Amalie', 'Bak', 'Lund'],
      years: ['1987', '1993', '1999', '2004', '2005', '2008'],
      places: ['Aarhus', 'Århus', 'Domsogn', 'København', 'Odense'],
    },
  };
}

/** Only a current address, no relatives, no former names, born where they live: nothing fair to ask. */
export async function insertSparsePerson(db: Database): Promise<TestPerson> {
  const birthDate = '1990-01-01';
  const cpr = await unusedCpr(db, birthDate);
  const passport = await unusedNumber(db, newPassportNumber);
  const userId = `sparse.${cpr}`;
  await db.insert(registerPersons).values({
    cpr,
    firstNames: 'Ida',
    lastName: 'Nielsen',
    birthDate,
    sex: 'female',
    birthplace: 'Gentofte Sogn',
    birthplaceKind: 'parish',
    citizenship: 'DK',
    status: 'active',
    churchMember: false,
  });
  await db.insert(registerAddresses).values({
    cpr, seq: 1, street: 'Lindevej', houseNumber: '3', postcode: '2900', town: 'Hellerup', municipalityCode: '0157', country: 'DK', movedIn: birthDate,
  });
  await db.insert(registerDocuments).values({ type: 'passport', number: passport, issuingCountry: 'DK', cpr, issuedOn: '2020-01-01', expiresOn: '2030-01-01' });
  await db.insert(registerMitid).values({ userId, cpr, mobileNumber: '+4520000001', mobileRegisteredAt: new Date('2020-01-01T00:00:00Z') });
  return { cpr, userId, passport, licence: '', secrets: { streets: [], names: [], years: [], places: [] } };
}

// ---------------------------------------------------------------------------------------------------
// Answers, from the register

const danishMonths = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const fold = (s: string) => s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');

// "2tv" is how people type a floor and a side door, but floor 2 door 3 run together ("23") means
// nothing to anyone: a numbered door keeps its space.
const looseDoor = (door: string | null) => (door === null ? '' : /^\d/.test(door) ? ` ${door}` : door);

async function addressLivedInAllYear(db: Database, cpr: string, year: number) {
  const [a] = await db
    .select()
    .from(registerAddresses)
    .where(and(eq(registerAddresses.cpr, cpr), lte(registerAddresses.movedIn, `${year}-01-01`), gt(registerAddresses.movedOut, `${year}-12-31`)));
  if (!a) throw new Error(`no address covers ${year}`);
  return a;
}

async function relatives(db: Database, cpr: string, kind: 'parent' | 'child') {
  return db
    .select({ firstNames: registerPersons.firstNames, sex: registerPersons.sex, birthDate: registerPersons.birthDate })
    .from(registerRelations)
    .innerJoin(registerPersons, eq(registerPersons.cpr, registerRelations.relatedCpr))
    .where(and(eq(registerRelations.cpr, cpr), eq(registerRelations.kind, kind)));
}

async function marriages(db: Database, cpr: string) {
  const rows = await db.select().from(registerCivilStatus).where(eq(registerCivilStatus.cpr, cpr)).orderBy(registerCivilStatus.seq);
  const out: { from: string; to: string | null; spouseCpr: string | null }[] = [];
  for (const r of rows) {
    if (r.status === 'married' || r.status === 'registered_partnership') out.push({ from: r.validFrom, to: null, spouseCpr: r.spouseCpr });
    else if (out.at(-1) && out.at(-1)?.to === null && r.status !== 'unmarried') (out.at(-1) as { to: string | null }).to = r.validFrom;
  }
  return out;
}

async function firstNameOf(db: Database, cpr: string | null): Promise<string> {
  if (!cpr) throw new Error('no spouse');
  const [p] = await db.select({ firstNames: registerPersons.firstNames }).from(registerPersons).where(eq(registerPersons.cpr, cpr));
  return (p?.firstNames ?? '').split(' ')[0] ?? '';
}

/**
 * A correct answer, written the way callers say things ("noerregade 12 1tv", "Århus Kommune",
 * "august 1987"), found in the register from the question's kind and parameters alone.
 */
export async function correctAnswer(db: Database, cpr: string, q: QuestionView): Promise<string> {
  const p = q.params;
  switch (q.kind) {
    case 'earlier_address': {
      const a = await addressLivedInAllYear(db, cpr, Number(p.year));
      // Two spellings, alternating by year: the loose typed one and the full postal one.
      return Number(p.year) % 2 === 0
        ? `${fold(a.street ?? '')} ${a.houseNumber?.toLowerCase()} ${a.floor ?? ''}${looseDoor(a.door)}`.trim()
        : `${a.street} ${a.houseNumber}${a.floor ? `, ${a.floor === 'st' ? 'st.' : `${a.floor}.`}` : ''}${a.door ? ` ${a.door}` : ''}, ${a.postcode} ${a.town}`;
    }
    case 'address_move_in':
    case 'address_move_out': {
      // By street, or under name and address protection by a year lived there.
      const [a] =
        p.street !== undefined
          ? await db.select().from(registerAddresses).where(and(eq(registerAddresses.cpr, cpr), eq(registerAddresses.street, String(p.street))))
          : [await addressLivedInAllYear(db, cpr, Number(p.year))];
      const date = q.kind === 'address_move_in' ? a?.movedIn : a?.movedOut;
      if (!date) throw new Error('no such move');
      return `${danishMonths[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
    }
    case 'current_move_in': {
      const [a] = await db.select().from(registerAddresses).where(and(eq(registerAddresses.cpr, cpr), isNull(registerAddresses.movedOut)));
      if (!a) throw new Error('no current address');
      return `${danishMonths[Number(a.movedIn.slice(5, 7)) - 1]} ${a.movedIn.slice(0, 4)}`;
    }
    case 'country_in_year': {
      const a = await addressLivedInAllYear(db, cpr, Number(p.year));
      return countryName(a.country) ?? a.country;
    }
    case 'municipality_in_year': {
      const a = await addressLivedInAllYear(db, cpr, Number(p.year));
      const place = postcodeByCode(a.postcode ?? '');
      if (!place) throw new Error('unknown postcode');
      // Before the 2007 reform people name the old municipality.
      return Number(p.year) < 2007 ? `${place.oldMunicipality} Kommune` : (municipalityByCode(place.municipalityCode)?.name ?? '');
    }
    case 'parent_first_name': {
      const parent = (await relatives(db, cpr, 'parent')).find((r) => r.sex === (p.parent === 'mother' ? 'female' : 'male'));
      return parent?.firstNames.split(' ')[0] ?? '';
    }
    case 'spouse_first_name':
    case 'marriage_year': {
      const all = await marriages(db, cpr);
      const m = p.when === 'current' ? all.find((x) => x.to === null) : all.find((x) => x.to !== null);
      if (!m) throw new Error('no such marriage');
      return q.kind === 'marriage_year' ? `i ${m.from.slice(0, 4)}` : `han hedder ${await firstNameOf(db, m.spouseCpr)}`;
    }
    case 'divorce_year': {
      const m = (await marriages(db, cpr)).find((x) => x.to !== null);
      return m?.to?.slice(0, 4) ?? '';
    }
    case 'child_first_name': {
      const child = (await relatives(db, cpr, 'child')).find((c) => c.birthDate.startsWith(String(p.birthYear)));
      return child?.firstNames ?? '';
    }
    case 'child_birth_year': {
      const child = (await relatives(db, cpr, 'child')).find((c) => c.firstNames.split(' ')[0] === p.childFirstName);
      return child?.birthDate.slice(0, 4) ?? '';
    }
    case 'place_of_birth': {
      const [person] = await db.select({ birthplace: registerPersons.birthplace }).from(registerPersons).where(eq(registerPersons.cpr, cpr));
      return `i ${person?.birthplace ?? ''}`;
    }
    case 'former_surname': {
      const [n] = await db
        .select({ lastName: registerNameHistory.lastName })
        .from(registerNameHistory)
        .where(and(eq(registerNameHistory.cpr, cpr), isNotNull(registerNameHistory.lastName)))
        .orderBy(registerNameHistory.seq);
      return n?.lastName ?? '';
    }
  }
}

/** An answer no test person's register supports. */
export function wrongAnswer(q: QuestionView): string {
  switch (q.answerFormat) {
    case 'address':
      return 'Påfuglevej 999, 9990 Skagen';
    case 'year':
      return '1901';
    case 'month_year':
      return 'januar 1901';
    case 'municipality':
      return 'Fanø';
    case 'place':
      return 'Tórshavn';
    case 'name':
      return 'Xerxes';
  }
}

// ---------------------------------------------------------------------------------------------------
// Driving a call over HTTP

export type AnswerPlan = 'correct' | 'wrong' | 'dont_know';

export interface CallRun {
  view: VerificationView;
  /** Every response body of the call, as sent. */
  bodies: string[];
  questions: QuestionView[];
}

export interface StartInput {
  caller: { kind: 'cpr'; cpr: string } | { kind: 'userId'; userId: string };
  document: { type: 'passport' | 'driving_licence'; number: string };
  callLanguage?: 'da' | 'en';
}

export function startFor(person: TestPerson, document: 'passport' | 'driving_licence' = 'passport'): StartInput {
  return { caller: { kind: 'cpr', cpr: `${person.cpr.slice(0, 6)}-${person.cpr.slice(6)}` }, document: { type: document, number: document === 'passport' ? person.passport : person.licence } };
}

export async function startCall(api: TestApi, token: string, input: StartInput): Promise<{ status: number; view: VerificationView; body: string }> {
  const res = await api.app.inject({ method: 'POST', url: '/api/verifications', headers: bearer(token), payload: input });
  return { status: res.statusCode, view: res.json() as VerificationView, body: res.body };
}

export async function sendAnswer(
  api: TestApi,
  token: string,
  id: string,
  questionId: string,
  answer: { kind: 'text'; text: string } | { kind: 'dont_know' },
) {
  return api.app.inject({ method: 'POST', url: `/api/verifications/${id}/answers`, headers: bearer(token), payload: { questionId, answer } });
}

/**
 * Starts a call and answers every question as `plan(question, index)` says until it ends. Correct answers
 * come from the register via `correctAnswer`, so a pass proves the engine scored the register's facts.
 */
export async function runCall(
  api: TestApi,
  db: Database,
  token: string,
  person: TestPerson,
  plan: (q: QuestionView, index: number) => AnswerPlan = () => 'correct',
  input: StartInput = startFor(person),
): Promise<CallRun> {
  const started = await startCall(api, token, input);
  if (started.status !== 200) throw new Error(`start failed: ${started.status} ${started.body}`);
  const bodies = [started.body];
  const questions: QuestionView[] = [];
  let view = started.view;
  for (let i = 0; view.status === 'in_progress' && view.currentQuestion; i++) {
    const q = view.currentQuestion;
    questions.push(q);
    const how = plan(q, i);
    const answer = how === 'dont_know' ? ({ kind: 'dont_know' } as const) : { kind: 'text' as const, text: how === 'correct' ? await correctAnswer(db, person.cpr, q) : wrongAnswer(q) };
    const res = await sendAnswer(api, token, view.id, q.id, answer);
    if (res.statusCode !== 200) throw new Error(`answer failed: ${res.statusCode} ${res.body}`);
    bodies.push(res.body);
    view = res.json() as VerificationView;
    if (i > 20) throw new Error('the call never ended');
  }
  return { view, bodies, questions };
}
