// Simulates families: a couple, their children, the children's partners and grandchildren, so relatives
// point at each other both ways and share the homes they really shared.
import { addYears, isoOf, yearOf, yearsBetween } from './dates';
import { changeName, link, moveTo, placeAt, type Life, type Origin, type Sex, type SimContext } from './life';
import { danishLastNames, firstNames, greenlandicLastNames, immigrantLastNames, middleNames } from './names';
import { abroadCountries, randomAbroad, randomHome, type Region } from './places';

/** About 1 in 50 numbers fail the old modulus-11 check, as numbers issued since 2007 may. */
export const modulus11FailRate = 0.02;

const registeredPartnershipsEnd = 15_506; // 2012-06-15: same-sex couples marry from then on

function firstNamePool(origin: Origin, birthYear: number, sex: Sex): readonly string[] {
  if (origin === 'gl') return firstNames.greenlandic[sex];
  if (origin === 'immigrant') return firstNames.immigrant[sex];
  const era = birthYear < 1960 ? 'old' : birthYear < 1990 ? 'middle' : 'young';
  return firstNames[era][sex];
}

export function randomLastName(ctx: SimContext, origin: Origin): string {
  if (origin === 'gl') return ctx.rng.pick(greenlandicLastNames);
  if (origin === 'immigrant') return ctx.rng.pick(immigrantLastNames);
  return ctx.rng.pick(danishLastNames);
}

function decideDeath(ctx: SimContext, birth: number): number | null {
  const { rng } = ctx;
  const age = yearsBetween(birth, ctx.today);
  const p = age >= 95 ? 0.9 : age >= 85 ? 0.55 : age >= 75 ? 0.25 : age >= 65 ? 0.08 : age >= 25 ? 0.008 : 0;
  if (!rng.chance(p)) return null;
  const earliest = addYears(birth, age >= 60 ? 60 : 20);
  return rng.int(Math.min(earliest, ctx.today - 1), ctx.today - 1);
}

export interface NewLife {
  sex: Sex;
  birth: number;
  origin: Origin;
  region: Region;
  lastName?: string;
  /** Born in Denmark/Greenland even if the parents came from abroad. */
  bornHere?: boolean;
}

export function newLife(ctx: SimContext, spec: NewLife): Life {
  const { rng } = ctx;
  let birth = spec.birth;
  let cpr: string | undefined;
  const passes = !rng.chance(modulus11FailRate);
  // A full birth date (a few hundred numbers per class) moves the birth a day on.
  while (!(cpr = ctx.cprs.allocate(isoOf(birth), spec.sex, passes))) birth += 1;
  const year = yearOf(birth);
  const pool = firstNamePool(spec.origin, year, spec.sex);
  const first = rng.chance(0.3) ? `${rng.pick(pool)} ${rng.pick(pool)}` : rng.pick(pool);
  const firstNamesValue = first.split(' ')[0] === first.split(' ')[1] ? (first.split(' ')[0] as string) : first;
  const bornAbroad = spec.origin === 'immigrant' && !spec.bornHere;
  return {
    cpr,
    sex: spec.sex,
    birth,
    death: decideDeath(ctx, birth),
    origin: spec.origin,
    bornIn: bornAbroad ? rng.pick(abroadCountries) : null,
    region: spec.region,
    firstNames: firstNamesValue,
    middleName: spec.origin === 'dk' && rng.chance(0.2) ? rng.pick(middleNames) : null,
    lastName: spec.lastName ?? randomLastName(ctx, spec.origin),
    nameFrom: birth,
    formerNames: [],
    segments: [],
    civil: [{ status: 'unmarried', from: birth, spouse: null }],
    relations: [],
    emigrated: null,
    disappeared: null,
  };
}

/** Childhood of someone whose parents are not in the register: born abroad or at a home of our making. */
export function ownChildhood(ctx: SimContext, life: Life, until: number): void {
  const { rng } = ctx;
  if (life.bornIn) {
    moveTo(ctx, life, life.birth, { kind: 'abroad', country: life.bornIn });
    // Came to Denmark between birth and 35, but before anything else happens here.
    const arrival = rng.int(life.birth + 30, Math.max(life.birth + 31, Math.min(until - 1, addYears(life.birth, 35))));
    moveTo(ctx, life, arrival, randomHome(rng, life.region));
    return;
  }
  const first = randomHome(rng, life.region);
  moveTo(ctx, life, life.birth, first);
  if (rng.chance(0.5)) {
    const day = rng.int(addYears(life.birth, 2), addYears(life.birth, 15));
    if (day < until) moveTo(ctx, life, day, randomHome(rng, life.region, first.municipalityCode));
  }
}

/** Childhood at home: the homes of the parent the child lived with, from birth until leaving home. */
export function childhoodWith(ctx: SimContext, child: Life, parent: Life, until: number): void {
  const atBirth = placeAt(parent, child.birth);
  if (atBirth) moveTo(ctx, child, child.birth, atBirth);
  for (const s of parent.segments) {
    if (s.from > child.birth && s.from < until) moveTo(ctx, child, s.from, s.place);
  }
}

/** Own homes between leaving home and `until`, sometimes with a stay abroad (and back). */
export function youngYears(ctx: SimContext, life: Life, from: number, until: number, moves: number, reserve: number): void {
  const { rng } = ctx;
  const end = Math.min(until, ctx.today, life.death ?? Infinity);
  if (from >= end || moves <= 0) return;
  const days = Array.from({ length: moves }, () => rng.int(from, end - 1)).sort((a, b) => a - b);
  days[0] = from;
  for (const [i, day] of days.entries()) {
    const lastSegment = life.segments[life.segments.length - 1];
    // Leaving home is a move; a further move within two months of the last one is not a chapter of its own.
    if (i > 0 && lastSegment && day - lastSegment.from < 60) continue;
    const last = lastSegment?.place;
    const near = last?.kind === 'home' ? last.municipalityCode : undefined;
    const abroadStay = rng.chance(0.08) && life.segments.length + 2 + reserve <= 8;
    if (abroadStay) {
      const back = day + rng.int(200, 1100);
      // Only a stay that ends with some months at home before the next chapter (no one-day homes).
      if (back < end - 90 && moveTo(ctx, life, day, randomAbroad(rng), reserve + 1)) {
        moveTo(ctx, life, back, randomHome(rng, life.region), reserve);
        continue;
      }
    }
    moveTo(ctx, life, day, randomHome(rng, life.region, near), reserve);
  }
}

export interface FamilyUnit {
  lives: Life[];
}

/**
 * Two people set up home on `start`; marriage (or registered partnership), children, perhaps divorce,
 * perhaps a death. Builds both partners' shared homes and then each child's life.
 */
export function formCouple(ctx: SimContext, unit: FamilyUnit, a: Life, b: Life, start: number, depth: number): void {
  const { rng } = ctx;
  const firstDeath = Math.min(a.death ?? Infinity, b.death ?? Infinity);
  const sameSex = a.sex === b.sex;
  const end0 = Math.min(firstDeath, ctx.today);
  let married: number | null = null;
  if (rng.chance(sameSex ? 0.6 : 0.75)) {
    const day = start + rng.int(0, 5 * 365);
    if (day < end0) married = day;
  }
  let split: number | null = null;
  if (rng.chance(married !== null ? 0.28 : 0.35)) {
    const day = (married ?? start) + rng.int(2 * 365, 20 * 365);
    if (day < end0) split = day;
  }
  const householdEnd = Math.min(split ?? Infinity, end0);

  // Shared homes.
  const homes = rng.int(1, 4);
  const reserveAfter = split !== null ? 2 : 1;
  let home = randomHome(rng, a.region);
  if (moveTo(ctx, a, start, home, reserveAfter)) moveTo(ctx, b, start, home, reserveAfter);
  for (let i = 1; i < homes; i++) {
    const day = rng.int(start + 365, start + 365 + 15 * 365);
    if (day >= householdEnd) break;
    home = randomHome(rng, a.region, home.municipalityCode);
    if (moveTo(ctx, a, day, home, reserveAfter)) moveTo(ctx, b, day, home, reserveAfter);
  }

  // Civil status and names.
  if (married !== null) {
    const partnership = sameSex && married < registeredPartnershipsEnd;
    for (const [p, q] of [[a, b], [b, a]] as const) p.civil.push({ status: partnership ? 'registered_partnership' : 'married', from: married, spouse: q.cpr });
    const wife = a.sex === 'female' ? a : b.sex === 'female' ? b : null;
    const husband = wife === a ? b : a;
    if (!sameSex && wife && rng.chance(0.5)) {
      changeName(wife, married, husband.lastName, rng.chance(0.3) ? wife.lastName : wife.middleName);
    }
    if (split !== null) {
      for (const [p, q] of [[a, b], [b, a]] as const) p.civil.push({ status: partnership ? 'dissolved_partnership' : 'divorced', from: split, spouse: q.cpr });
      if (wife && wife.nameFrom === married && rng.chance(0.5)) {
        const maiden = wife.formerNames[wife.formerNames.length - 1];
        if (maiden) changeName(wife, split, maiden.lastName, maiden.middleName);
      }
    } else if (firstDeath <= ctx.today) {
      const [dead, survivor] = (a.death ?? Infinity) <= (b.death ?? Infinity) ? [a, b] : [b, a];
      if ((survivor.death ?? Infinity) > firstDeath) survivor.civil.push({ status: 'widowed', from: firstDeath, spouse: dead.cpr });
    } else {
      link(a, 'spouse', b);
    }
  }

  // After a split each goes their own way; a widow(er) sometimes moves.
  if (split !== null) {
    for (const p of [a, b]) youngYears(ctx, p, split + rng.int(0, 60), ctx.today, rng.int(1, 2), 0);
  } else if (firstDeath < ctx.today && rng.chance(0.4)) {
    const survivor = a.death === firstDeath ? b : a;
    youngYears(ctx, survivor, firstDeath + rng.int(30, 5 * 365), ctx.today, 1, 0);
  }

  // Children (opposite-sex couples; same-sex couples here have none).
  if (sameSex) return;
  const mother = a.sex === 'female' ? a : b;
  const father = mother === a ? b : a;
  const count = rng.weighted([
    [0, 14],
    [1, 20],
    [2, 40],
    [3, 20],
    [4, 6],
  ]);
  const earliest = Math.max(start - 365, addYears(mother.birth, 19));
  const latest = Math.min(addYears(mother.birth, 42), firstDeath - 1, ctx.today, split !== null ? split + 365 : Infinity);
  if (latest <= earliest) return;
  const births = Array.from({ length: count }, () => rng.int(earliest, latest)).sort((x, y) => x - y);
  for (const birth of births) {
    const lastName = married !== null || rng.chance(0.5) ? father.lastName : mother.lastName;
    const child = newLife(ctx, {
      sex: rng.chance(0.51) ? 'male' : 'female',
      birth,
      origin: mother.origin === 'immigrant' ? 'immigrant' : mother.origin,
      region: mother.region,
      lastName,
      bornHere: true,
    });
    if (child.death !== null && child.death < birth) child.death = null;
    link(child, 'parent', mother);
    link(child, 'parent', father);
    unit.lives.push(child);
    // A child stays with the mother unless she dies while the child is young.
    const leave = addYears(child.birth, rng.int(18, 25));
    const custodian = mother.death !== null && mother.death < leave ? father : mother;
    adultLife(ctx, unit, child, (until) => childhoodWith(ctx, child, custodian, until), leave, depth + 1);
  }
}

/**
 * A life from childhood on: childhood (given), leaving home, own homes, perhaps a partner (who joins the
 * unit) and children, perhaps emigration.
 */
export function adultLife(
  ctx: SimContext,
  unit: FamilyUnit,
  life: Life,
  childhood: (until: number) => void,
  leave: number,
  depth: number,
): void {
  const { rng } = ctx;
  const age = yearsBetween(life.birth, ctx.today);
  const wantsPartner = depth < 2 && age >= 23 && rng.chance(0.7);
  const start = addYears(life.birth, rng.int(21, 32));
  if (wantsPartner && start < Math.min(ctx.today - 30, life.death ?? Infinity)) {
    const partnerSex: Sex = rng.chance(0.03) ? life.sex : life.sex === 'male' ? 'female' : 'male';
    const partnerOrigin: Origin = life.region === 'GL' ? 'gl' : rng.chance(0.1) ? 'immigrant' : 'dk';
    const partner = newLife(ctx, {
      sex: partnerSex,
      birth: life.birth + rng.int(-4 * 365, 4 * 365),
      origin: partnerOrigin,
      region: life.region,
    });
    if (partner.death !== null && partner.death <= start) partner.death = null;
    unit.lives.push(partner);
    const leaveHome = Math.min(leave, start);
    childhood(leaveHome);
    // Danes move most between leaving home and settling down (student rooms, first flats): two to four homes.
    youngYears(ctx, life, leaveHome, start, leaveHome < start ? rng.int(2, 4) : 0, 3);
    const partnerLeave = Math.min(addYears(partner.birth, rng.int(18, 25)), start);
    ownChildhood(ctx, partner, partnerLeave);
    youngYears(ctx, partner, partnerLeave, start, partnerLeave < start ? rng.int(1, 4) : 0, 3);
    formCouple(ctx, unit, life, partner, start, depth);
    return;
  }
  childhood(leave);
  if (leave < ctx.today) youngYears(ctx, life, leave, ctx.today, rng.int(2, 5), 1);
  if (life.death === null && age >= 20) {
    if (rng.chance(0.015)) {
      const day = rng.int(Math.max(leave, ctx.today - 15 * 365), ctx.today - 1);
      if (moveTo(ctx, life, day, randomAbroad(rng))) life.emigrated = day;
    } else if (rng.chance(0.0005)) {
      life.disappeared = rng.int(Math.max(leave, ctx.today - 10 * 365), ctx.today - 1);
    }
  }
}

/** A family of up to three generations around one couple born in `year`. */
export function familyUnit(ctx: SimContext, region: Region): FamilyUnit {
  const { rng } = ctx;
  const unit: FamilyUnit = { lives: [] };
  const origin: Origin = region === 'GL' ? 'gl' : rng.chance(0.07) ? 'immigrant' : 'dk';
  const year = rng.int(1925, 1985);
  const yearStart = Math.floor(Date.UTC(year, 0, 1) / 86_400_000);
  const he = newLife(ctx, { sex: 'male', birth: yearStart + rng.int(0, 364), origin, region });
  const sameSex = rng.chance(0.02);
  const she = newLife(ctx, {
    sex: sameSex ? 'male' : 'female',
    birth: he.birth + rng.int(-3 * 365, 5 * 365),
    origin,
    region,
  });
  unit.lives.push(he, she);
  const start = addYears(Math.max(he.birth, she.birth), rng.int(20, 30));
  const firstDeath = Math.min(he.death ?? Infinity, she.death ?? Infinity);
  if (start >= Math.min(ctx.today - 30, firstDeath)) {
    // They never met: two single lives.
    for (const p of [he, she]) adultLife(ctx, unit, p, (until) => ownChildhood(ctx, p, until), addYears(p.birth, 20), 2);
    return unit;
  }
  for (const p of [he, she]) {
    const leave = Math.min(addYears(p.birth, rng.int(18, 25)), start);
    ownChildhood(ctx, p, leave);
    youngYears(ctx, p, leave, start, leave < start ? rng.int(0, 2) : 0, 3);
  }
  formCouple(ctx, unit, he, she, start, 0);
  return unit;
}

/** Someone alone in the register: no parents, partner or children recorded (often born abroad). */
export function singleUnit(ctx: SimContext, region: Region): FamilyUnit {
  const { rng } = ctx;
  const origin: Origin = region === 'GL' ? 'gl' : rng.chance(0.5) ? 'immigrant' : 'dk';
  const birth = Math.floor(Date.UTC(rng.int(1935, 2005), 0, 1) / 86_400_000) + rng.int(0, 364);
  const life = newLife(ctx, { sex: rng.chance(0.5) ? 'male' : 'female', birth: Math.min(birth, ctx.today - 365), origin, region });
  adultLife(ctx, { lives: [] }, life, (until) => ownChildhood(ctx, life, until), addYears(life.birth, ctx.rng.int(18, 25)), 2);
  return { lives: [life] };
}
