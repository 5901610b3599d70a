// Makes every kind of failure the API can meet, with a recognisable value in each request, and scans
// what the server logged: no value sent may appear in any line, and failures name the operation, the
// error class and the request.
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../support/databases';
import { insertRichPerson } from '../../../support/verification-helpers';
import { bearer, createTestApi, type TestApi } from '../../../support/support-api';

const id = '00000000-0000-4000-8000-0000000000aa';

describeEachDatabase('log lines carry no request value', (get) => {
  let api: TestApi;
  const lines: string[] = [];
  let supervisor: string;
  let agent: string;
  let n = 0;
  const sent: string[] = [];
  /** A value no log line may contain. */
  const mark = () => {
    const value = `zq${++n}secret${Math.random().toString(36).slice(2, 8)}`;
    sent.push(value);
    return value;
  };

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    api = await createTestApi(get(), { logger: { level: 'trace', stream } });
    supervisor = (await api.signIn('supervisor')).token;
    agent = (await api.signIn('agent')).token;
  });
  afterAll(() => api.close());

  it('logs no value of any failed request', async () => {
    const t = get();
    const inject = api.app.inject.bind(api.app);
    const json = { 'content-type': 'application/json' };
    // Validation, the text rule, a wrong role, no session, unknown routes and ids, unreadable requests.
    await inject({ method: 'POST', url: `/api/supervision/verifications/${id}/notes`, headers: bearer(supervisor), payload: { text: 5, extra: mark() } });
    await inject({ method: 'POST', url: `/api/supervision/verifications/${id}/notes`, headers: bearer(supervisor), payload: { text: `${mark()}\u0000` } });
    await inject({ method: 'POST', url: `/api/supervision/person-access-log`, headers: bearer(agent), payload: { cpr: '0101901234', reason: mark() } });
    await inject({ method: 'POST', url: `/api/supervision/person-access-log`, payload: { cpr: '0101901234', reason: mark() } });
    await inject({ method: 'GET', url: `/api/${mark()}?q=${mark()}` });
    await inject({ method: 'GET', url: `/api/verifications/${mark()}`, headers: bearer(agent) });
    await inject({ method: 'GET', url: `/api/sandbox/outbox?userId=${mark()}`, headers: bearer(supervisor) });
    await inject({ method: 'GET', url: `/api/verifications/${mark()}%E0%A4%A` });
    await inject({ method: 'GET', url: `/api/verifications/${mark()}${'a'.repeat(200)}` });
    await inject({ method: 'POST', url: '/api/session', headers: json, payload: `{"username":"${mark()}` });
    await inject({ method: 'POST', url: '/api/session', headers: json, payload: JSON.stringify({ username: mark(), password: 'x'.repeat(70_000) }) });
    await inject({ method: 'POST', url: '/api/session', payload: { username: mark(), password: mark() } });
    await inject({ method: 'POST', url: '/api/activation/redeem', payload: { userId: mark(), code: mark(), newPassword: mark(), repeatPassword: mark() } });

    // A query that fails in the database: its error message carries the SQL parameters.
    await t.db.execute(sql.raw(`create function refuse_note() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`));
    await t.db.execute(sql.raw(`create trigger refuse_note before insert on review_notes for each row execute function refuse_note()`));
    const verification = await startedVerificationId();
    const failed = await inject({ method: 'POST', url: `/api/supervision/verifications/${verification}/notes`, headers: bearer(supervisor), payload: { text: mark() } });
    expect(failed.statusCode).toBe(500);
    // And one where the failed query holds a username: the users table is gone.
    await t.db.execute(sql.raw('alter table users rename to users_gone'));
    const login = await inject({ method: 'POST', url: '/api/session', payload: { username: mark(), password: mark() } });
    await t.db.execute(sql.raw('alter table users_gone rename to users'));
    expect(login.statusCode).toBe(500);

    const all = lines.join('\n');
    for (const value of sent) expect(all, `log holds ${value}`).not.toContain(value);
    const errors = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => (l.level as number) >= 50);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    for (const line of errors) {
      expect(line).toMatchObject({ msg: 'request failed', operation: expect.any(String), errorClass: expect.any(String), reqId: expect.any(String) });
    }
    expect(errors.map((e) => e.operation)).toEqual(expect.arrayContaining(['addReviewNote', 'login']));
  });

  /** A real verification row, so the note insert reaches the database. */
  async function startedVerificationId(): Promise<string> {
    const person = await insertRichPerson(get().db);
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/verifications',
      headers: bearer(agent),
      payload: { caller: { kind: 'cpr', cpr: person.cpr }, document: { type: 'passport', number: person.passport }, callLanguage: 'da' },
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { id: string }).id;
  }
});
