// Fills an empty database with the synthetic register: batched multi-row INSERTs, all in one transaction
// so a register is either complete or absent (an interrupted first start leaves nothing half-seeded).
import { count, eq, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  registerAddresses,
  registerCivilStatus,
  registerCodes,
  registerDocuments,
  registerMeta,
  registerMitid,
  registerNameHistory,
  registerPersons,
  registerRelations,
} from '../db/schema/register';
import type { Database, Tx } from '../db/types';
import { sandboxCodeRows } from './code-tables';
import { generateRegister, type RegisterBatch } from './generator';

export interface SeedOptions {
  /** Total persons including the demo personas; default 10,000. */
  persons?: number;
  seed?: string;
  /** The seeding clock (ages, expiry, "mobile changed 2 days ago"). */
  now: Date;
  /** Persons generated and inserted per round; whole families are never split. */
  batchSize?: number;
}

export type SeedResult =
  | { seeded: true; persons: number; seed: string; ms: number }
  | { seeded: false; reason: 'register-present' };

export const defaultSandboxSeed = 'mitid-sandbox';
export const defaultSandboxPersons = 10_000;

// Any constant: only seeders of this register take it.
const seedLockKey = 7_301_004_212;
const tables: readonly (readonly [keyof RegisterBatch, PgTable])[] = [
  ['persons', registerPersons],
  ['names', registerNameHistory],
  ['addresses', registerAddresses],
  ['civilStatus', registerCivilStatus],
  ['relations', registerRelations],
  ['documents', registerDocuments],
  ['mitid', registerMitid],
];

/**
 * One INSERT … SELECT FROM unnest(array per column) per table and batch: a handful of parameters
 * however many rows, several times faster than multi-row VALUES on PGlite and within PostgreSQL's
 * parameter limit at any batch size.
 */
export async function insertRows(tx: Tx, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  const columns = Object.entries(getTableColumns(table));
  const names = sql.join(columns.map(([, c]) => sql.identifier(c.name)), sql`, `);
  const arrays = sql.join(
    columns.map(([key, c]) => {
      const values = rows.map((r) => {
        const v = r[key];
        return v instanceof Date ? v.toISOString() : (v ?? null);
      });
      return sql`${sql.param(values)}::${sql.raw(c.getSQLType())}[]`;
    }),
    sql`, `,
  );
  await tx.execute(sql`insert into ${table} (${names}) select * from unnest(${arrays})`);
}

async function insertBatch(tx: Tx, batch: RegisterBatch): Promise<void> {
  // Persons first: the other tables refer to them.
  for (const [key, table] of tables) {
    const rows = batch[key] as unknown as Record<string, unknown>[];
    if (rows.length > 0) await insertRows(tx, table, rows);
  }
}

/** What register_meta says about the register, as a map. */
export async function readRegisterMeta(db: Database | Tx): Promise<Map<string, string>> {
  const rows = await db.select().from(registerMeta);
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** Whether this database holds the synthetic register (and nothing else is in the register tables). */
export async function isSandboxRegister(db: Database | Tx): Promise<boolean> {
  const rows = await db.select({ value: registerMeta.value }).from(registerMeta).where(eq(registerMeta.key, 'source'));
  return rows[0]?.value === 'sandbox';
}

async function registerIsEmpty(tx: Tx): Promise<boolean> {
  const [persons] = await tx.select({ n: count() }).from(registerPersons);
  const [meta] = await tx.select({ n: count() }).from(registerMeta);
  return (persons?.n ?? 0) === 0 && (meta?.n ?? 0) === 0;
}

async function fill(tx: Tx, options: SeedOptions, persons: number, seed: string): Promise<void> {
  for (const batch of generateRegister({ seed, persons, now: options.now, batchSize: options.batchSize ?? 2000 })) {
    await insertBatch(tx, batch);
  }
  // The code tables its streets, parishes and countries come from, as an imported register has them.
  await insertRows(tx, registerCodes, sandboxCodeRows() as unknown as Record<string, unknown>[]);
  await tx.insert(registerMeta).values([
    { key: 'source', value: 'sandbox' },
    { key: 'seed', value: seed },
    { key: 'persons', value: String(persons) },
    { key: 'generated_at', value: options.now.toISOString() },
  ]);
}

/**
 * Seeds the sandbox register unless the register already holds anything (a sandbox or real data).
 * Concurrent seeders (several API instances starting together) wait for each other; one seeds.
 */
export async function seedSandboxIfEmpty(db: Database, options: SeedOptions): Promise<SeedResult> {
  const persons = options.persons ?? defaultSandboxPersons;
  const seed = options.seed ?? defaultSandboxSeed;
  const started = performance.now();
  const seeded = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${seedLockKey})`);
    if (!(await registerIsEmpty(tx))) return false;
    await fill(tx, options, persons, seed);
    return true;
  });
  if (!seeded) return { seeded: false, reason: 'register-present' };
  return { seeded: true, persons, seed, ms: Math.round(performance.now() - started) };
}

export class NotSandboxError extends Error {
  override name = 'NotSandboxError';
}

/**
 * Replaces a sandbox register with a freshly generated one. Refuses unless register_meta says
 * source='sandbox' or the register is empty: real register data is never deleted from here.
 */
export async function reseedSandbox(db: Database, options: SeedOptions): Promise<SeedResult> {
  const persons = options.persons ?? defaultSandboxPersons;
  const seed = options.seed ?? defaultSandboxSeed;
  const started = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${seedLockKey})`);
    if (!(await registerIsEmpty(tx)) && !(await isSandboxRegister(tx))) {
      throw new NotSandboxError('This register is not the sandbox (register_meta source is not "sandbox"): refusing to replace it.');
    }
    // Children before parents: every table refers to persons.
    for (const [, table] of [...tables].reverse()) await tx.delete(table);
    await tx.delete(registerCodes);
    await tx.delete(registerMeta);
    await fill(tx, options, persons, seed);
  });
  return { seeded: true, persons, seed, ms: Math.round(performance.now() - started) };
}

/** The hook server/start.ts runs at an embedded start: the default sandbox on the server's clock. */
export const seedSandboxHook = (db: Database, { clock }: { clock: { now(): Date } }): Promise<SeedResult> =>
  seedSandboxIfEmpty(db, { now: clock.now() });
