// End to end from a real pass: the engine verifies the caller over HTTP, the agent issues a code, the
// caller reads it off the sandbox phone and redeems it; wrong tries, a reuse and a supersede on the way.
// Afterwards every table (all rows, all columns, as text) and every captured log line are searched: no
// clear code, no new password, no CPR number in clear outside register_*, no caller answer text.
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { QuestionView } from '../../../../../shared/api/index';
import { queryRows } from '../../../../../server/db/rows';
import { verificationQuestions, verifications } from '../../../../../server/db/schema/verifications';
import { verifyPassword } from '../../../../../server/services/accounts/password';
import { describeEachDatabase } from '../../../../support/databases';
import type { TestApi } from '../../../../support/support-api';
import { correctAnswer, insertRichPerson, runCall, wrongAnswer } from '../../../../support/verification-helpers';
import { createCodesTestApi, issue, passwordHashOf, readSmsCode, redeem, redeemPayload, type CodesTestApi } from '../../../../support/code-helpers';

/** Every row of every table in the public schema, as text, by table. */
async function dumpTables(api: CodesTestApi): Promise<Map<string, string>> {
  const tables = await queryRows<{ table_name: string }>(
    api.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const dump = new Map<string, string>();
  for (const { table_name } of tables) {
    const rows = await queryRows<{ t: string }>(api.db, sql`select t::text as t from ${sql.identifier(table_name)} t`);
    dump.set(table_name, rows.map((r) => r.t).join('\n'));
  }
  return dump;
}

describeEachDatabase('activation code from a real pass', (get) => {
  let api: CodesTestApi;
  const logs: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    api = await createCodesTestApi(get(), { logger: { level: 'trace', stream } });
  });
  afterAll(async () => api?.close());

  it('passes, issues, redeems; then nothing secret is left in any table or log line', { timeout: 120_000 }, async () => {
    const agent = await api.signIn('agent');
    const person = await insertRichPerson(api.db);
    const userId = person.userId as string;
    const engineApi = { app: api.app } as TestApi;

    // A first, failed call (wrong answers) then a passed one, both through the engine.
    const answers: string[] = [];
    const failed = await runCall(engineApi, api.db, agent.token, person, () => 'wrong');
    expect(failed.view.status).toBe('failed');
    expect((await issue(api, agent.token, failed.view.id)).status).toBe(409);
    for (const q of failed.questions) answers.push(wrongAnswer(q));
    const passed = await runCall(engineApi, api.db, agent.token, person, () => 'correct');
    expect(passed.view.status).toBe('passed');
    for (const q of passed.questions) answers.push(await correctAnswer(api.db, person.cpr, q));

    const issued = await issue(api, agent.token, passed.view.id);
    expect(issued.status).toBe(200);
    expect(issued.body.code).toMatchObject({ status: 'sent', maskedMobile: '+45 •• •• •• 00', maxAttempts: 3 });
    const firstCode = await readSmsCode(api, userId);

    // The agent's own view of the verification (the engine's getVerification) shows the code as sent.
    const got = await api.app.inject({ method: 'GET', url: `/api/verifications/${passed.view.id}`, headers: { authorization: `Bearer ${agent.token}` } });
    expect((got.json() as { code: { status: string } }).code.status).toBe('sent');

    // A second pass in a later call supersedes the first code.
    const again = await runCall(engineApi, api.db, agent.token, person, () => 'correct');
    for (const q of again.questions) answers.push(await correctAnswer(api.db, person.cpr, q));
    expect((await issue(api, agent.token, again.view.id)).status).toBe(200);
    const code = await readSmsCode(api, userId);
    expect(code).not.toBe(firstCode);

    const password = 'Efterårsferie-i-Skagen-24';
    expect((await redeem(api, redeemPayload(userId, firstCode, password))).status).toBe(401);
    expect((await redeem(api, redeemPayload(userId, code === '00000000' ? '99999999' : '00000000', password))).status).toBe(401);
    expect((await redeem(api, redeemPayload(userId, code, password))).status).toBe(200);
    expect((await redeem(api, redeemPayload(userId, code, password))).status).toBe(401);
    const hash = await passwordHashOf(api.db, userId);
    expect(hash && (await verifyPassword(password, hash))).toBe(true);

    // --- the scan
    const dump = await dumpTables(api);
    expect(dump.get('activation_codes')).toBeTruthy();
    expect(dump.get('message_outbox')).toBeTruthy();
    // Positive control: the scan does see values (the register holds the CPR number in clear).
    expect(dump.get('register_persons')).toContain(person.cpr);
    const everything = [...dump.values()].join('\n');
    const logText = logs.join('');
    expect(logText).toContain('"route":"/api/activation/redeem"'); // the logs were captured
    for (const secret of [firstCode, code, `${code.slice(0, 4)} ${code.slice(4)}`, password]) {
      expect(everything.includes(secret), `a table holds ${secret}`).toBe(false);
      expect(logText.includes(secret), `a log line holds ${secret}`).toBe(false);
    }
    const cprForms = [person.cpr, `${person.cpr.slice(0, 6)}-${person.cpr.slice(6)}`];
    for (const [table, text] of dump) {
      if (table.startsWith('register_')) continue;
      for (const form of cprForms) expect(text.includes(form), `${table} holds the CPR number`).toBe(false);
    }
    for (const form of cprForms) expect(logText.includes(form)).toBe(false);

    // Answer texts (long enough to be distinctive), minus what a question shows as a parameter: asked
    // ones, and planned ones in verifications.plan (e.g. a child's name in "when was Mikkel born?").
    const params = await api.db.select({ p: verificationQuestions.params }).from(verificationQuestions);
    const plans = await api.db.select({ plan: verifications.plan }).from(verifications);
    const planned = plans.flatMap((r) => (r.plan as { questions?: { params: QuestionView['params'] }[] } | null)?.questions ?? []);
    const shown = new Set([...params.map((r) => r.p), ...planned.map((q) => q.params)].flatMap((p) => Object.values(p).map(String)));
    const distinctive = [...new Set(answers)].filter((a) => a.length >= 5 && !/^\d+$/.test(a) && !shown.has(a));
    expect(distinctive.length).toBeGreaterThan(0);
    for (const [table, text] of dump) {
      if (table.startsWith('register_')) continue;
      for (const a of distinctive) expect(text.includes(a), `${table} holds the answer "${a}"`).toBe(false);
    }
    for (const a of distinctive) expect(logText.includes(a), `a log line holds "${a}"`).toBe(false);
  });
});
