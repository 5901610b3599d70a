// A person while their life is simulated: plain mutable state, turned into register rows by records.ts.
import type { Place, Region } from './places';
import type { Rng } from './prng';
import type { CprAllocator } from './allocators';

export type Sex = 'male' | 'female';
export type Origin = 'dk' | 'gl' | 'immigrant';
export type CivilStatus =
  | 'unmarried'
  | 'married'
  | 'divorced'
  | 'widowed'
  | 'registered_partnership'
  | 'dissolved_partnership';

export interface Segment {
  from: number;
  place: Place;
}

export interface FormerName {
  firstNames: string;
  middleName: string | null;
  lastName: string;
  from: number;
  to: number;
}

export interface Life {
  cpr: string;
  sex: Sex;
  /** Days since 1970-01-01. */
  birth: number;
  death: number | null;
  origin: Origin;
  /** Country of birth for those born abroad. */
  bornIn: string | null;
  region: Region;
  firstNames: string;
  middleName: string | null;
  lastName: string;
  /** When the current name began. */
  nameFrom: number;
  formerNames: FormerName[];
  segments: Segment[];
  civil: { status: CivilStatus; from: number; spouse: string | null }[];
  relations: { kind: 'parent' | 'child' | 'spouse'; cpr: string }[];
  emigrated: number | null;
  disappeared: number | null;
}

export interface SimContext {
  rng: Rng;
  /** Today, as a day number: nothing happens after it. */
  today: number;
  cprs: CprAllocator;
}

/** Most lives have at most this many addresses. */
export const maxAddresses = 8;

/** The place at a day, if the person had one. */
export function placeAt(life: Life, day: number): Place | undefined {
  let found: Place | undefined;
  for (const s of life.segments) {
    if (s.from > day) break;
    found = s.place;
  }
  return found;
}

/** The last day on which things can still happen to this person. */
export function lastDay(ctx: SimContext, life: Life): number {
  return life.death ?? ctx.today;
}

/**
 * Moves the person to `place` on `day`, unless that would break the timeline: moves are strictly after
 * the previous one, within the life, not in the future, and within the address budget.
 */
export function moveTo(ctx: SimContext, life: Life, day: number, place: Place, reserve = 0): boolean {
  const last = life.segments[life.segments.length - 1];
  if (last && day <= last.from) return false;
  if (day > lastDay(ctx, life) || day < life.birth) return false;
  if (life.segments.length + 1 + reserve > maxAddresses && life.segments.length > 0) return false;
  life.segments.push({ from: day, place });
  return true;
}

export function changeName(life: Life, day: number, lastName: string, middleName: string | null): void {
  if (day <= life.nameFrom) return;
  life.formerNames.push({
    firstNames: life.firstNames,
    middleName: life.middleName,
    lastName: life.lastName,
    from: life.nameFrom,
    to: day,
  });
  life.lastName = lastName;
  life.middleName = middleName;
  life.nameFrom = day;
}

export function link(a: Life, kind: 'parent' | 'spouse', b: Life): void {
  // (a, parent, b): b is a's parent, and so a is b's child.
  a.relations.push({ kind, cpr: b.cpr });
  b.relations.push({ kind: kind === 'parent' ? 'child' : 'spouse', cpr: a.cpr });
}
