// The CPR extract round trip: the sandbox register written as extract files (persons, roads, authorities)
// and imported into a fresh database gives back the same register, so the engine draws the same
// questions and scores the same answers the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../../../server/db/types';
import { Rng } from '../../../../../server/sandbox/prng';
import { seedSandboxIfEmpty } from '../../../../../server/sandbox/seed';
import { createSubjectHmac } from '../../../../../server/services/audit/subject-hmac';
import { toLatin1 } from '../../../../../server/services/register/cpr-extract/codec';
import { importCprExtract } from '../../../../../server/services/register/cpr-extract/importer';
import { writeExtract, type WriteResult } from '../../../../../server/services/register/cpr-extract/writer';
import { tablesRegisterPort } from '../../../../../server/services/register/tables-adapter';
import { buildCandidates } from '../../../../../server/services/verification/candidates';
import { drawQuestions } from '../../../../../server/services/verification/draw';
import { expectedAnswer, scoreAgainst, type ExpectedAnswer } from '../../../../../server/services/verification/expected-answer';
import { loadPersonFacts } from '../../../../../server/services/verification/register-facts';
import { openTestDatabase, type TestDatabase } from '../../../../support/databases';
import { testSecrets } from '../../../../support/support-api';

const persons = Number(process.env.ROUND_TRIP_PERSONS ?? 10_000);
const now = new Date('2026-11-25T09:00:00Z');
const today = '2026-11-25';
const hmac = createSubjectHmac(testSecrets);

let sandbox: TestDatabase;
let imported: TestDatabase;
let dir: string;
let written: WriteResult;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cpr-extract-'));
  [sandbox, imported] = [await openTestDatabase('pglite'), await openTestDatabase('pglite')];
  await seedSandboxIfEmpty(sandbox.db, { persons, now });
  written = await writeExtract(sandbox.db, dir, { now });
  // Person file first on the command line: the importer reads the code tables first anyway.
  await importCprExtract(imported.handle, [written.files.persons, written.files.roads, written.files.authorities], { now, batchSize: 700 });
}, 600_000);

afterAll(async () => {
  await sandbox.close();
  await imported.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Rows as the extract can carry them: names in ISO-8859-1 (the sandbox has a few letters beyond it, e.g. ś). */
async function dump(db: Database, table: string, order: string): Promise<unknown[]> {
  const result = await db.execute(sql.raw(`select * from ${table} order by ${order}`));
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? toLatin1(v) : v])),
  );
}

it('writes every person and imports them all back', async () => {
  expect(written.persons).toBe(persons);
  expect(await dump(imported.db, 'register_persons', 'cpr')).toHaveLength(persons);
});

it('gives back the same register, table by table (documents and MitID are ours, not CPR data)', async () => {
  for (const [table, order] of [
    ['register_persons', 'cpr'],
    ['register_name_history', 'cpr, seq'],
    ['register_addresses', 'cpr, seq'],
    ['register_civil_status', 'cpr, seq'],
    ['register_relations', 'cpr, kind, related_cpr'],
  ] as const) {
    const [a, b] = [await dump(sandbox.db, table, order), await dump(imported.db, table, order)];
    const key = (rows: unknown[]) => new Set(rows.map((r) => JSON.stringify(r)));
    const [ka, kb] = [key(a), key(b)];
    expect({ table, onlySandbox: [...ka].filter((r) => !kb.has(r)).slice(0, 3), onlyImported: [...kb].filter((r) => !ka.has(r)).slice(0, 3) }).toEqual({ table, onlySandbox: [], onlyImported: [] });
    expect(b.length, table).toBe(a.length);
    const firstDifference = a.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(b[i]));
    expect(firstDifference === -1 ? null : { table, sandbox: a[firstDifference], imported: b[firstDifference] }).toBeNull();
  }
});

it('carries the sandbox code tables over: the imported register_codes hold the same codes', async () => {
  const codes = async (db: Database) =>
    (await dump(db, 'register_codes', 'kind, municipality_code, code, seq')).map((r) => {
      const { source, ...row } = r as Record<string, unknown>;
      return { ...row, fromSandbox: source === 'sandbox' };
    });
  const [a, b] = [await codes(sandbox.db), await codes(imported.db)];
  expect(a.length).toBeGreaterThan(1000);
  expect(a.every((r) => r.fromSandbox)).toBe(true);
  expect(b.map((r) => ({ ...r, fromSandbox: true }))).toEqual(a);
  expect(b.some((r) => r.fromSandbox)).toBe(false);
});

/** The answer a caller who knows the fact gives. */
function answerFor(expected: ExpectedAnswer): string {
  switch (expected.format) {
    case 'address': {
      const f = expected.fact;
      return `${f.street} ${f.houseNumber}${f.floor ? `, ${f.floor}.` : ''}${f.door ? ` ${f.door}` : ''}, ${f.postcode} ${f.town}`;
    }
    case 'date':
      return expected.precision === 'month' ? `${expected.fact.month ?? 1}/${expected.fact.year}` : String(expected.fact.year);
    default:
      return expected.acceptedNames[0] ?? '';
  }
}

it('draws the same questions (seeded) and scores the same answers the same', async () => {
  const cprs = ((await sandbox.db.execute(sql`select cpr from register_persons where status = 'active' order by cpr`)) as unknown as { rows: { cpr: string }[] }).rows.map((r) => r.cpr);
  const sample = cprs.filter((_, i) => i % Math.max(1, Math.floor(cprs.length / 200)) === 0);
  const [a, b] = [tablesRegisterPort().open(sandbox.db), tablesRegisterPort('cpr-extract').open(imported.db)];
  let questions = 0;
  for (const cpr of sample) {
    const draws = [];
    for (const reader of [a, b]) {
      const rng = new Rng(`round-trip:${cpr}`);
      const pick = <T,>(items: readonly T[]) => rng.pick(items);
      const facts = await loadPersonFacts(reader, cpr, hmac, today);
      if (!facts) throw new Error('person missing after the round trip');
      const drawn = drawQuestions(buildCandidates(facts, pick), 6, pick);
      draws.push(drawn.map((q) => {
        const expected = expectedAnswer(q, facts);
        const text = expected ? answerFor(expected) : '';
        return { kind: q.kind, params: q.params, ref: q.ref, text, score: expected ? scoreAgainst(text, expected, 2026) : null, wrong: expected ? scoreAgainst('Xyzzy 999', expected, 2026) : null };
      }));
    }
    expect(JSON.parse(toLatin1(JSON.stringify(draws[1])))).toEqual(JSON.parse(toLatin1(JSON.stringify(draws[0]))));
    questions += draws[0]?.length ?? 0;
  }
  expect(questions).toBeGreaterThan(sample.length * 3);
}, 180_000);
