// The synthetic CPR register: demo personas first, then families drawn from a seeded PRNG, streamed in
// batches so a million persons never sit in memory at once. Same seed and clock, same register.
import type {
  RegisterAddress,
  RegisterCivilStatusRow,
  RegisterDocument,
  RegisterMitid,
  RegisterNameRow,
  RegisterPerson,
  RegisterRelation,
} from '../db/schema/register';
import { CprAllocator, licenceNumbers, passportNumbers } from './allocators';
import { dayOfDate } from './dates';
import { familyUnit, singleUnit } from './family';
import { personaRecords } from './personas';
import { Rng } from './prng';
import { RecentImmigrants } from './recent-immigrants';
import { toRecord, type PersonRecord, type RecordContext } from './records';

export interface GenerateOptions {
  seed: string;
  /** Total persons, personas and their relatives included. */
  persons: number;
  /** The seeding clock: ages, expiry and "changed 2 days ago" are relative to it. */
  now: Date;
  /** Persons per batch (whole families are never split). */
  batchSize?: number;
}

export interface RegisterBatch {
  persons: RegisterPerson[];
  names: RegisterNameRow[];
  addresses: RegisterAddress[];
  civilStatus: RegisterCivilStatusRow[];
  relations: RegisterRelation[];
  documents: RegisterDocument[];
  mitid: RegisterMitid[];
}

export function emptyBatch(): RegisterBatch {
  return { persons: [], names: [], addresses: [], civilStatus: [], relations: [], documents: [], mitid: [] };
}

export function addRecord(batch: RegisterBatch, r: PersonRecord): void {
  batch.persons.push(r.person);
  batch.names.push(...r.names);
  batch.addresses.push(...r.addresses);
  batch.civilStatus.push(...r.civilStatus);
  batch.relations.push(...r.relations);
  batch.documents.push(...r.documents);
  if (r.mitid) batch.mitid.push(r.mitid);
}

/** Share of families living in Greenland. */
const greenlandShare = 0.03;

/** One family (or a single person) drawn from the main stream; returns the persons added. */
function addFamily(ctx: RecordContext, batch: RegisterBatch, remaining: number): number {
  const region = ctx.rng.chance(greenlandShare) ? 'GL' : 'DK';
  let unit = ctx.rng.chance(0.9) ? familyUnit(ctx, region) : singleUnit(ctx, region);
  // The last few places are filled with single persons so the count comes out exact.
  if (unit.lives.length > remaining) unit = singleUnit(ctx, region);
  for (const life of unit.lives) {
    ctx.serial += 1;
    addRecord(batch, toRecord(ctx, life));
  }
  return unit.lives.length;
}

export function* generateRegister(options: GenerateOptions): Generator<RegisterBatch> {
  const batchSize = options.batchSize ?? 1000;
  const fixed = personaRecords(options.now);
  if (options.persons < fixed.length) throw new Error(`A sandbox register holds at least the ${fixed.length} demo persons.`);
  const reservedCprs = new Set(fixed.map((r) => r.person.cpr));
  const reservedNumbers = new Set(fixed.flatMap((r) => r.documents.map((d) => d.number)));
  const ctx: RecordContext = {
    rng: new Rng(options.seed),
    today: dayOfDate(options.now),
    nowMs: options.now.getTime(),
    cprs: new CprAllocator(reservedCprs),
    passports: passportNumbers(options.seed, reservedNumbers),
    licences: licenceNumbers(options.seed, reservedNumbers),
    serial: 0,
  };

  let batch = emptyBatch();
  for (const r of fixed) addRecord(batch, r);
  let remaining = options.persons - fixed.length;
  const arrivals = new RecentImmigrants(options.seed, ctx);
  while (remaining > 0) {
    const arrived = arrivals.next(remaining);
    if (arrived) {
      for (const r of arrived) addRecord(batch, r);
      remaining -= arrived.length;
    } else {
      remaining -= addFamily(ctx, batch, remaining);
    }
    if (batch.persons.length >= batchSize) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (batch.persons.length > 0) yield batch;
}
