// The engine reads the register for one call at a time: every reader of a verification (its start and
// each answer) is opened for that verification's id and timeout, so an online register can keep what
// the call looked up, and the register is told when the call ends (outcome or abort).
import { and, eq, gte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerDocuments, registerMitid, registerPersons } from '../../../../../server/db/schema/register';
import { seedSandboxIfEmpty } from '../../../../../server/sandbox/index';
import type { CallScope, RegisterPort } from '../../../../../server/services/register/port';
import { tablesRegisterPort } from '../../../../../server/services/register/tables-adapter';
import { openTestDatabase, type TestDatabase } from '../../../../support/databases';
import { bearer, createTestApi, type TestApi } from '../../../../support/support-api';
import { runCall, startCall, type TestPerson } from '../../../../support/verification-helpers';

const opened: (CallScope | undefined)[] = [];
const ended: string[] = [];
const tables = tablesRegisterPort('sandbox');
const spy: RegisterPort = {
  source: 'sandbox',
  open: (db, call) => {
    opened.push(call);
    return tables.open(db, call);
  },
  endCall: (id) => void ended.push(id),
};

let db: TestDatabase;
let api: TestApi;
let agent: { token: string };
let people: { cpr: string; type: 'passport' | 'driving_licence'; number: string }[];
beforeAll(async () => {
  db = await openTestDatabase('pglite');
  api = await createTestApi(db, { register: spy });
  await seedSandboxIfEmpty(db.db, { persons: 300, seed: 'call-scope', now: api.clock.now() });
  agent = await api.signIn('agent');
  const today = api.clock.now().toISOString().slice(0, 10);
  people = await db.db
    .select({ cpr: registerPersons.cpr, type: registerDocuments.type, number: registerDocuments.number })
    .from(registerPersons)
    .innerJoin(registerMitid, eq(registerMitid.cpr, registerPersons.cpr))
    .innerJoin(registerDocuments, and(eq(registerDocuments.cpr, registerPersons.cpr), gte(registerDocuments.expiresOn, today)))
    .where(eq(registerPersons.status, 'active'))
    .orderBy(sql`${registerPersons.cpr}`)
    .limit(2);
});
afterAll(async () => {
  await api.close();
  await db.close();
});

const person = (r: (typeof people)[number]): TestPerson => ({ cpr: r.cpr, userId: null, passport: r.number, licence: r.number, secrets: { streets: [], names: [], years: [], places: [] } });

it('opens every reader of a call for that call, moves its timeout on with each answer, and ends it with the outcome', async () => {
  const r = people[0]!;
  opened.length = 0;
  ended.length = 0;
  const run = await runCall(api, db.db, agent.token, person(r), () => 'correct', { caller: { kind: 'cpr', cpr: r.cpr }, document: { type: r.type, number: r.number } });
  expect(run.view.status).not.toBe('in_progress');
  expect(opened.length).toBeGreaterThan(1);
  expect(opened.every((c) => c?.id === run.view.id)).toBe(true);
  const untils = opened.map((c) => c!.until.getTime());
  expect(untils.every((u) => u > Date.parse(run.view.startedAt))).toBe(true);
  expect(ended).toEqual([run.view.id]);
});

it('ends the call when the agent aborts it', async () => {
  const r = people[1]!;
  opened.length = 0;
  ended.length = 0;
  const started = await startCall(api, agent.token, { caller: { kind: 'cpr', cpr: r.cpr }, document: { type: r.type, number: r.number } });
  expect(started.view.status).toBe('in_progress');
  expect(ended).toEqual([]);
  const res = await api.app.inject({ method: 'POST', url: `/api/verifications/${started.view.id}/abort`, headers: bearer(agent.token), payload: { reason: 'caller_hung_up' } });
  expect(res.statusCode, res.body).toBe(200);
  expect(ended).toEqual([started.view.id]);
});
