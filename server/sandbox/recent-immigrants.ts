// Recent immigrants: people born abroad who came to Denmark in the last five years, alone or as a family.
// Their register record is thin and real: a stay abroad from birth, one to three Danish homes since the
// arrival, foreign citizenship (so no Danish passport; a driving licence only once exchanged here), a
// MitID only after arriving. They come from a random stream of their own, so the rest of a seeded
// register is generated as before.
import { addYears, isoOf, yearsBetween } from './dates';
import { newLife } from './family';
import { link, moveTo, type Life, type Sex } from './life';
import { randomHome, type Home } from './places';
import { Rng } from './prng';
import { toRecord, type PersonRecord, type RecordContext } from './records';

/** Chance, per family drawn, that a recent-immigrant household comes instead (≈ 3 % of persons). */
export const recentImmigrantShare = 0.06;
/** Arrived at most this many years before the seeding day. */
export const recentYears = 5;

const msPerDay = 86_400_000;

interface Household {
  lives: Life[];
  arrival: number;
}

function adult(ctx: RecordContext, sex: Sex, birth: number): Life {
  const life = newLife(ctx, { sex, birth, origin: 'immigrant', region: 'DK' });
  // They arrived recently, and the register holds no death or emigration of theirs yet.
  life.death = null;
  return life;
}

/** One to three Danish homes from the arrival on, shared by everyone in the household (a child born here from birth). */
function settle(ctx: RecordContext, household: Household): void {
  const { rng } = ctx;
  const moves = rng.weighted([
    [0, 5],
    [1, 3],
    [2, 2],
  ]);
  const days = [household.arrival, ...Array.from({ length: moves }, () => rng.int(household.arrival + 120, Math.max(household.arrival + 120, ctx.today - 30)))].sort((a, b) => a - b);
  const homes: { day: number; home: Home }[] = [];
  for (const day of days) homes.push({ day, home: randomHome(rng, 'DK', homes.at(-1)?.home.municipalityCode) });
  for (const life of household.lives) {
    const atBirth = homes.findLast((h) => h.day <= life.birth);
    if (!life.bornIn && atBirth) moveTo(ctx, life, life.birth, atBirth.home);
    for (const h of homes) if (h.day > life.birth) moveTo(ctx, life, h.day, h.home);
  }
}

function household(ctx: RecordContext): Household {
  const { rng } = ctx;
  const arrival = ctx.today - rng.int(30, recentYears * 365 - 1);
  const birthOf = (minAge: number, maxAge: number) => addYears(arrival, -rng.int(minAge, maxAge)) - rng.int(0, 364);
  const first = adult(ctx, rng.chance(0.55) ? 'male' : 'female', birthOf(20, 55));
  const lives = [first];
  if (rng.chance(0.45)) {
    // A couple, married abroad before they came.
    const partner = adult(ctx, first.sex === 'male' ? 'female' : 'male', first.birth + rng.int(-5 * 365, 5 * 365));
    const married = Math.min(arrival - rng.int(30, 10 * 365), addYears(Math.max(first.birth, partner.birth), 30));
    if (married > addYears(Math.max(first.birth, partner.birth), 18)) {
      for (const [p, q] of [[first, partner], [partner, first]] as const) p.civil.push({ status: 'married', from: married, spouse: q.cpr });
      link(first, 'spouse', partner);
    }
    lives.push(partner);
    const mother = first.sex === 'female' ? first : partner;
    const children = rng.weighted([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 1],
    ]);
    for (let i = 0; i < children; i++) {
      const earliest = Math.max(addYears(mother.birth, 20), addYears(arrival, -17));
      const latest = Math.min(addYears(mother.birth, 45), ctx.today - 30);
      if (latest <= earliest) continue;
      const birth = rng.int(earliest, latest);
      // Born abroad before the arrival, or here after it (a Danish birthplace, the family's home).
      const child = newLife(ctx, { sex: rng.chance(0.51) ? 'male' : 'female', birth, origin: 'immigrant', region: 'DK', lastName: first.lastName, bornHere: birth >= arrival });
      child.death = null;
      link(child, 'parent', first);
      link(child, 'parent', partner);
      lives.push(child);
    }
  }
  for (const life of lives) {
    if (life.bornIn) moveTo(ctx, life, life.birth, { kind: 'abroad', country: life.bornIn });
  }
  // Those born abroad share the first adult's country of birth, as families do.
  for (const life of lives.slice(1)) {
    if (life.bornIn && first.bornIn) {
      life.bornIn = first.bornIn;
      life.segments[0] = { from: life.birth, place: { kind: 'abroad', country: first.bornIn } };
    }
  }
  settle(ctx, { lives, arrival });
  return { lives, arrival };
}

/** What a recent arrival's record holds beyond the life story: no Danish citizenship or passport yet. */
function asArrived(ctx: RecordContext, record: PersonRecord, life: Life, arrival: number): PersonRecord {
  const { rng } = ctx;
  const citizenship = life.bornIn ?? record.person.citizenship;
  const documents = record.documents.filter((d) => d.type === 'driving_licence' && yearsBetween(life.birth, ctx.today) >= 18 && rng.chance(0.6));
  // A foreign licence exchanged for a Danish one some months after the arrival.
  const licences = documents.map((d) => {
    const issued = Math.min(arrival + rng.int(60, 400), ctx.today - 1);
    return { ...d, issuedOn: isoOf(issued), expiresOn: isoOf(addYears(issued, 15)) };
  });
  const earliestMitid = Math.max(arrival + rng.int(10, 60), addYears(life.birth, 15));
  const mitid =
    record.mitid && earliestMitid < ctx.today
      ? { ...record.mitid, mobileRegisteredAt: new Date(Math.min(Math.max(record.mitid.mobileRegisteredAt.getTime(), earliestMitid * msPerDay), ctx.nowMs - 60_000)) }
      : null;
  return { ...record, person: { ...record.person, citizenship, churchMember: false }, documents: licences, mitid };
}

/**
 * Recent-immigrant households between the other families: each call may give one (its records), from the
 * stream's own randomness, with CPR numbers, document numbers and user IDs from the register's allocators.
 */
export class RecentImmigrants {
  private readonly rng: Rng;
  constructor(
    seed: string,
    private readonly ctx: RecordContext,
  ) {
    this.rng = new Rng(`recent-immigrants:${seed}`);
  }

  /** A household's records, or null (most of the time, or when it would not fit in `room` persons). */
  next(room: number): PersonRecord[] | null {
    if (!this.rng.chance(recentImmigrantShare)) return null;
    // The household is simulated with this stream's randomness; the allocators and serial are shared.
    const sub: RecordContext = { ...this.ctx, rng: this.rng };
    const { lives, arrival } = household(sub);
    if (lives.length > room) return null;
    const records = lives.map((life) => {
      this.ctx.serial += 1;
      sub.serial = this.ctx.serial;
      return asArrived(sub, toRecord(sub, life), life, arrival);
    });
    return records;
  }
}
