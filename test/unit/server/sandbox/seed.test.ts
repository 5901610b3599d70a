import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerAddresses, registerMeta, registerMitid, registerPersons, registerRelations } from '../../../../server/db/schema/register';
import { emptyBatch, generateRegister, type RegisterBatch } from '../../../../server/sandbox/generator';
import { personas } from '../../../../server/sandbox/personas';
import { NotSandboxError, readRegisterMeta, reseedSandbox, seedSandboxIfEmpty } from '../../../../server/sandbox/seed';
import { PersonNotFoundError, showSandboxPerson } from '../../../../server/sandbox/show';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../../../support/databases';

const now = new Date('2026-11-25T09:00:00Z');
const persons = 600;

function expected(seed: string): RegisterBatch {
  const all = emptyBatch();
  for (const b of generateRegister({ seed, persons, now })) for (const k of Object.keys(all) as (keyof RegisterBatch)[]) (all[k] as unknown[]).push(...b[k]);
  return all;
}

describeEachDatabase('seedSandboxIfEmpty', (get, driver) => {
  it('seeds exactly the generated register once, even when two starts race', async () => {
    const { db } = get();
    const results = await Promise.all([
      seedSandboxIfEmpty(db, { persons, now, batchSize: 150 }),
      seedSandboxIfEmpty(db, { persons, now, batchSize: 150 }),
    ]);
    expect(results.filter((r) => r.seeded)).toHaveLength(1);
    expect(results.filter((r) => !r.seeded)).toEqual([{ seeded: false, reason: 'register-present' }]);
    const want = expected('mitid-sandbox');
    const [p] = await db.select({ n: count() }).from(registerPersons);
    const [a] = await db.select({ n: count() }).from(registerAddresses);
    const [r] = await db.select({ n: count() }).from(registerRelations);
    expect([p?.n, a?.n, r?.n]).toEqual([want.persons.length, want.addresses.length, want.relations.length]);
    const meta = await readRegisterMeta(db);
    expect(Object.fromEntries(meta)).toEqual({ source: 'sandbox', seed: 'mitid-sandbox', persons: String(persons), generated_at: now.toISOString() });
  });

  it('stores rows as generated (dates, nulls, instants)', async () => {
    const { db } = get();
    const want = expected('mitid-sandbox');
    const stored = await db.select().from(registerPersons).where(eq(registerPersons.cpr, want.persons[300]!.cpr));
    expect(stored).toEqual([want.persons[300]]);
    const [mitid] = await db.select().from(registerMitid).where(eq(registerMitid.cpr, personas.recentMobile.cpr));
    expect(mitid?.mobileRegisteredAt.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(mitid?.passwordHash).toBeNull();
  });

  it('shows a persona with relatives named and municipalities of the day', async () => {
    const { db } = get();
    const record = await showSandboxPerson(db, '230879-2199', now);
    expect(record.cpr).toBe('230879-2199');
    expect(record.addresses.find((x) => x.postcode === '2840')).toMatchObject({ municipalityThen: 'Søllerød', municipalityNow: 'Rudersdal' });
    expect(record.relations.filter((x) => x.kind === 'parent').map((x) => x.name).sort()).toEqual(['Birthe Østergaard Sørensen', 'Jens Sørensen']);
    expect(record.civilStatus.at(-1)).toMatchObject({ status: 'divorced', spouse: { name: 'Line Dahl' } });
    expect(record).not.toHaveProperty('mitid.passwordHash');
    await expect(showSandboxPerson(db, '010101-1234', now)).rejects.toThrow(PersonNotFoundError);
    await expect(showSandboxPerson(db, 'not a cpr', now)).rejects.toThrow(PersonNotFoundError);
  });

  it('regenerates a sandbox register with another seed on request', async () => {
    const { db } = get();
    const before = await db.select({ cpr: registerPersons.cpr }).from(registerPersons);
    const result = await reseedSandbox(db, { persons: 200, seed: 'other', now });
    expect(result).toMatchObject({ seeded: true, persons: 200, seed: 'other' });
    const after = await db.select({ cpr: registerPersons.cpr }).from(registerPersons);
    expect(after).toHaveLength(200);
    expect(after).not.toEqual(before.slice(0, 200));
    expect((await readRegisterMeta(db)).get('seed')).toBe('other');
  });

  describeEachDatabaseNotSandbox(driver);
});

/** A register that is not the sandbox is neither shown nor replaced nor seeded over. */
function describeEachDatabaseNotSandbox(driver: TestDatabase['driver']): void {
  let other: TestDatabase;
  beforeAll(async () => {
    other = await openTestDatabase(driver);
    await other.db.insert(registerMeta).values({ key: 'source', value: 'cpr-extract' });
    await other.db.insert(registerPersons).values({
      cpr: '0101901234',
      firstNames: 'Real',
      lastName: 'Person',
      birthDate: '1990-01-01',
      sex: 'female',
      birthplace: 'Vor Frue Sogn',
      birthplaceKind: 'parish',
      citizenship: 'DK',
      status: 'active',
      churchMember: false,
    });
  });
  afterAll(async () => {
    await other?.close();
  });

  it('refuses to show, replace or seed over a register that is not the sandbox', async () => {
    await expect(showSandboxPerson(other.db, '0101901234', now)).rejects.toThrow(NotSandboxError);
    await expect(reseedSandbox(other.db, { persons: 100, now })).rejects.toThrow(NotSandboxError);
    expect(await seedSandboxIfEmpty(other.db, { persons: 100, now })).toEqual({ seeded: false, reason: 'register-present' });
    const [p] = await other.db.select({ n: count() }).from(registerPersons);
    expect(p?.n).toBe(1);
  });

  it('refuses to show anything from an empty register', async () => {
    const empty = await openTestDatabase(driver);
    try {
      await expect(showSandboxPerson(empty.db, personas.easy.cpr, now)).rejects.toThrow(NotSandboxError);
    } finally {
      await empty.close();
    }
  });
}
