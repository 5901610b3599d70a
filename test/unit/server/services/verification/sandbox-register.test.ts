// The engine against the synthetic register (Greenlandic addresses, stays abroad, hyphenated names, old
// municipalities): every caller who answers from the register passes, or is referred for too little data.
import { and, eq, gte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerDocuments, registerMitid, registerPersons } from '../../../../../server/db/schema/register';
import { verificationQuestions } from '../../../../../server/db/schema/verifications';
import { seedSandboxIfEmpty } from '../../../../../server/sandbox/index';
import { describeEachDatabase } from '../../../../support/databases';
import { createTestApi, type TestApi } from '../../../../support/support-api';
import { runCall, type TestPerson } from '../../../../support/verification-helpers';

const callers = 40;

describeEachDatabase('verification against the sandbox register', (get) => {
  let api: TestApi;
  let agent: { token: string };
  beforeAll(async () => {
    api = await createTestApi(get());
    await seedSandboxIfEmpty(get().db, { persons: 600, seed: 'verification-engine', now: api.clock.now() });
    agent = await api.signIn('agent');
  });
  afterAll(async () => {
    await api.close();
  });

  it('passes callers who answer from their register facts', async () => {
    const today = api.clock.now().toISOString().slice(0, 10);
    const rows = await get()
      .db.select({ cpr: registerPersons.cpr, type: registerDocuments.type, number: registerDocuments.number })
      .from(registerPersons)
      .innerJoin(registerMitid, eq(registerMitid.cpr, registerPersons.cpr))
      .innerJoin(registerDocuments, and(eq(registerDocuments.cpr, registerPersons.cpr), gte(registerDocuments.expiresOn, today)))
      .where(eq(registerPersons.status, 'active'))
      .orderBy(sql`${registerPersons.cpr}`)
      .limit(callers);
    expect(rows.length).toBe(callers);
    const outcomes: Record<string, number> = {};
    const misses: string[] = [];
    // Spelled out in full when the test fails: a bare key count hid what went wrong once in CI.
    const unexpected: string[] = [];
    for (const r of rows) {
      const person: TestPerson = { cpr: r.cpr, userId: null, passport: r.number, licence: r.number, secrets: { streets: [], names: [], years: [], places: [] } };
      const run = await runCall(api, get().db, agent.token, person, () => 'correct', { caller: { kind: 'cpr', cpr: r.cpr }, document: { type: r.type, number: r.number } });
      const key = `${run.view.status}/${run.view.outcome?.reason}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      if (key !== 'passed/passed' && key !== 'refer/insufficient_register_data') {
        unexpected.push(`${key} after ${run.questions.map((q) => `${q.kind} ${JSON.stringify(q.params)}`).join('; ')}: ${JSON.stringify(run.view)}`);
      }
      const scored = await get().db.select().from(verificationQuestions).where(eq(verificationQuestions.verificationId, run.view.id));
      for (const q of scored) if (q.score !== null && q.score < 1) misses.push(`${q.kind} ${JSON.stringify(q.params)} scored ${q.score}`);
    }
    expect(misses).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(outcomes['passed/passed'] ?? 0).toBeGreaterThanOrEqual(callers * 0.8);
  });
});
