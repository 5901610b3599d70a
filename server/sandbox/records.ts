// Turns a simulated life into register rows, adding what the register keeps beside the life story:
// documents, MitID, church membership, name and address protection.
import { parishesIn, parishes, countryName } from '../../shared/domain/geography';
import type {
  RegisterAddress,
  RegisterCivilStatusRow,
  RegisterDocument,
  RegisterMitid,
  RegisterNameRow,
  RegisterPerson,
  RegisterRelation,
} from '../db/schema/register';
import type { NumberSequence } from './allocators';
import { userIdLetters } from './allocators';
import { addYears, dayOf, isoOf, yearOf, yearsBetween } from './dates';
import type { Life, SimContext } from './life';
import { townParishName } from './place-names';
import { abroadAddress } from './places';

export interface PersonRecord {
  person: RegisterPerson;
  names: RegisterNameRow[];
  addresses: RegisterAddress[];
  civilStatus: RegisterCivilStatusRow[];
  relations: RegisterRelation[];
  documents: RegisterDocument[];
  mitid: RegisterMitid | null;
}

export interface RecordContext extends SimContext {
  passports: NumberSequence;
  licences: NumberSequence;
  /** Appended to user IDs to keep them unique: the persons generated so far. */
  serial: number;
  /** The seeding clock's instant, in ms. */
  nowMs: number;
}

const mitidLaunch = dayOf('2021-10-18');
const msPerDay = 86_400_000;
const danishMobilePrefixes = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '40', '41', '42', '50', '51', '52', '53', '60', '61', '71', '81', '91', '92', '93'];

function birthplaceOf(ctx: SimContext, life: Life): { birthplace: string; birthplaceKind: 'parish' | 'country' } {
  if (life.bornIn) return { birthplace: countryName(life.bornIn) ?? life.bornIn, birthplaceKind: 'country' };
  const first = life.segments[0]?.place;
  if (first?.kind !== 'home') return { birthplace: ctx.rng.pick(parishes).name, birthplaceKind: 'parish' };
  const local = parishesIn(first.municipalityCode);
  // Most parishes outside the cities bear the town's name (Farsø Sogn, Rødding Sogn).
  const townParish = townParishName(first.town);
  const name = local.length > 0 && ctx.rng.chance(0.7) ? ctx.rng.pick(local).name : townParish;
  return { birthplace: name, birthplaceKind: 'parish' };
}

/** A document's last issue: expired for some, as documents are. */
function issueDates(ctx: SimContext, life: Life, minAge: number, years: number): { issuedOn: string; expiresOn: string } | null {
  const end = Math.min(life.death ?? ctx.today, ctx.today) - 1;
  const start = Math.max(addYears(life.birth, minAge), end - (years + 4) * 365);
  if (start >= end) return null;
  const issued = ctx.rng.int(start, end);
  const validity = yearsBetween(life.birth, issued) < 18 && years === 10 ? 5 : years;
  return { issuedOn: isoOf(issued), expiresOn: isoOf(addYears(issued, validity)) };
}

function userIdFor(ctx: RecordContext, life: Life): string {
  const first = userIdLetters(life.firstNames.split(' ')[0] ?? '');
  const last = userIdLetters(life.lastName);
  const yy = String(yearOf(life.birth)).slice(2);
  const base = ctx.rng.weighted<string>([
    [`${first}.${last}`, 4],
    [`${first}${last}`, 2],
    [`${first}_${yy}x`, 1],
    [`${first}-${last.slice(0, 3)}`, 1],
  ]);
  // Letters and signs, then the serial: no two persons share a serial, so no two share an ID.
  return `${base.slice(0, 30)}${ctx.serial}`;
}

function mobileFor(ctx: SimContext, life: Life): string {
  const { rng } = ctx;
  if (life.region === 'GL') return `+299${rng.pick(['2', '4', '5'])}${String(rng.int(0, 99_999)).padStart(5, '0')}`;
  return `+45${rng.pick(danishMobilePrefixes)}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

export function toRecord(ctx: RecordContext, life: Life): PersonRecord {
  const { rng } = ctx;
  const cpr = life.cpr;
  const alive = life.death === null;
  const status = !alive ? 'deceased' : life.emigrated !== null ? 'emigrated' : life.disappeared !== null ? 'disappeared' : 'active';
  const statusDay = life.death ?? life.emigrated ?? life.disappeared;
  const age = yearsBetween(life.birth, life.death ?? ctx.today);
  const person: RegisterPerson = {
    cpr,
    firstNames: life.firstNames,
    middleName: life.middleName,
    lastName: life.lastName,
    birthDate: isoOf(life.birth),
    sex: life.sex,
    ...birthplaceOf(ctx, life),
    citizenship: life.origin === 'immigrant' && life.bornIn && rng.chance(0.6) ? life.bornIn : 'DK',
    status,
    statusDate: statusDay === null ? null : isoOf(statusDay),
    nameAddressProtection: alive && age >= 18 && rng.chance(0.008),
    churchMember: rng.chance(life.origin === 'immigrant' ? 0.08 : life.origin === 'gl' ? 0.9 : 0.72),
  };
  const names: RegisterNameRow[] = life.formerNames.map((n, i) => ({
    cpr,
    seq: i + 1,
    firstNames: n.firstNames,
    middleName: n.middleName,
    lastName: n.lastName,
    validFrom: isoOf(n.from),
    validTo: isoOf(n.to),
  }));
  const addresses: RegisterAddress[] = life.segments.map((s, i) => {
    const next = life.segments[i + 1];
    const common = { cpr, seq: i + 1, movedIn: isoOf(s.from), movedOut: next ? isoOf(next.from) : null };
    if (s.place.kind === 'abroad') return { ...common, ...abroadAddress, country: s.place.country };
    const { street, houseNumber, floor, door, postcode, town, municipalityCode, country } = s.place;
    return { ...common, street, houseNumber, floor, door, postcode, town, municipalityCode, country };
  });
  const civilStatus: RegisterCivilStatusRow[] = life.civil.map((c, i) => ({
    cpr,
    seq: i + 1,
    status: c.status,
    validFrom: isoOf(c.from),
    spouseCpr: c.spouse,
  }));
  const relations: RegisterRelation[] = life.relations.map((r) => ({ cpr, kind: r.kind, relatedCpr: r.cpr }));

  const documents: RegisterDocument[] = [];
  const issuingCountry = life.region === 'GL' ? 'GL' : 'DK';
  if (rng.chance(age >= 18 ? 0.72 : 0.45)) {
    const dates = issueDates(ctx, life, 0, 10);
    if (dates) documents.push({ type: 'passport', number: ctx.passports.next(), issuingCountry, cpr, ...dates });
  }
  if (age >= 18 && rng.chance(0.68)) {
    const dates = issueDates(ctx, life, 18, 15);
    if (dates) documents.push({ type: 'driving_licence', number: ctx.licences.next(), issuingCountry, cpr, ...dates });
  }

  let mitid: RegisterMitid | null = null;
  const canHaveMitid = alive && age >= 15 && (status === 'active' || (status === 'emigrated' && rng.chance(0.5)));
  if (canHaveMitid && rng.chance(0.92)) {
    const from = Math.max(mitidLaunch, addYears(life.birth, 15));
    const to = ctx.today - 6;
    // A few changed their number in the last five days, as happens every day.
    const day = rng.chance(0.01) || from > to ? ctx.today - rng.int(0, 4) : rng.int(from, to);
    const at = new Date(Math.min(day * msPerDay + rng.int(7 * 3600, 22 * 3600) * 1000, ctx.nowMs - 60_000));
    mitid = { userId: userIdFor(ctx, life), cpr, mobileNumber: mobileFor(ctx, life), mobileRegisteredAt: at, passwordHash: null };
  }
  return { person, names, addresses, civilStatus, relations, documents, mitid };
}
