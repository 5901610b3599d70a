// Expiry (lazy, on every read), the agent's list of today's calls with their code status, and resuming
// after the API restarts on the same PGlite folder.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionView, VerificationView } from '../../../../../shared/api/index';
import { ManualClock } from '../../../../../server/clock';
import { migrate, openDatabase } from '../../../../../server/db/index';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { activationCodes, verifications } from '../../../../../server/db/schema/verifications';
import { describeEachDatabase, tempDir } from '../../../../support/databases';
import { bearer, createTestApi, type TestApi } from '../../../../support/support-api';
import { correctAnswer, insertRichPerson, runCall, sendAnswer, startCall, startFor } from '../../../../support/verification-helpers';

const minute = 60_000;

describeEachDatabase('expiry and the list of my verifications', (get) => {
  let api: TestApi;
  let agent: { token: string; userId: string };
  beforeAll(async () => {
    // 10:00 in Copenhagen.
    api = await createTestApi(get(), { clock: new ManualClock('2026-11-25T09:00:00Z') });
    agent = await api.signIn('agent');
  });
  afterAll(async () => {
    await api.close();
  });

  const getView = async (id: string, token = agent.token) =>
    (await api.app.inject({ url: `/api/verifications/${id}`, headers: bearer(token) })).json() as VerificationView;
  const expiredEvents = async (id: string) =>
    api.services.db.select().from(auditEvents).where(and(eq(auditEvents.verificationId, id), eq(auditEvents.action, 'verification.expired')));

  it('expires a verification left unanswered for 15 minutes, once, and scores nothing after', async () => {
    const person = await insertRichPerson(get().db);
    const { view } = await startCall(api, agent.token, startFor(person));
    expect(new Date(view.expiresAt).getTime() - new Date(view.startedAt).getTime()).toBe(15 * minute);
    api.clock.advance(15 * minute - 1);
    expect((await getView(view.id)).status).toBe('in_progress');
    api.clock.advance(1);
    const expired = await getView(view.id);
    expect(expired).toMatchObject({ status: 'expired', outcome: { reason: 'expired' }, currentQuestion: null, endedAt: view.expiresAt });
    await getView(view.id);
    expect(await expiredEvents(view.id)).toHaveLength(1);

    const q = view.currentQuestion as QuestionView;
    const late = await sendAnswer(api, agent.token, view.id, q.id, { kind: 'text', text: await correctAnswer(get().db, person.cpr, q) });
    expect(late.json()).toMatchObject({ status: 'expired', progress: { answered: 0 } });
  });

  it('counts the 15 minutes from the last answer', async () => {
    const person = await insertRichPerson(get().db);
    let { view } = await startCall(api, agent.token, startFor(person));
    for (let i = 0; i < 2; i++) {
      api.clock.advance(14 * minute);
      const q = view.currentQuestion as QuestionView;
      view = (await sendAnswer(api, agent.token, view.id, q.id, { kind: 'text', text: await correctAnswer(get().db, person.cpr, q) })).json() as VerificationView;
      expect(view.status).toBe('in_progress');
    }
    api.clock.advance(14 * minute);
    expect((await getView(view.id)).status).toBe('in_progress');
  });

  it('lists my verifications of today (Copenhagen), newest first, expiring what is due and showing the code status', async () => {
    // A fresh day and a fresh agent: 2026-11-26 00:30 in Copenhagen is 23:30 UTC the day before.
    api.clock.set('2026-11-25T22:50:00Z');
    const me = await api.signIn('agent');
    const other = await api.signIn('agent');
    const yesterday = await startCall(api, me.token, startFor(await insertRichPerson(get().db)));
    api.clock.set('2026-11-25T23:30:00Z');
    // Forty minutes idle ended the session: the same agent signs in again.
    const login = await api.app.inject({ method: 'POST', url: '/api/session', payload: { username: me.username, password: 'correct horse battery' } });
    me.token = (login.json() as { token: string }).token;
    other.token = (await api.app.inject({ method: 'POST', url: '/api/session', payload: { username: other.username, password: 'correct horse battery' } })).json().token;
    const passed = await runCall(api, get().db, me.token, await insertRichPerson(get().db));
    api.clock.advance(minute);
    const failed = await runCall(api, get().db, me.token, await insertRichPerson(get().db), () => 'wrong');
    api.clock.advance(minute);
    const open = await startCall(api, me.token, startFor(await insertRichPerson(get().db)));
    await startCall(api, other.token, startFor(await insertRichPerson(get().db)));

    await api.services.db.insert(activationCodes).values({
      id: randomUUID(),
      verificationId: passed.view.id,
      mitidUserId: 'someone',
      subjectHmac: 'a'.repeat(64),
      codeHmac: 'b'.repeat(64),
      issuedBy: me.userId,
      issuedAt: api.clock.now(),
      expiresAt: new Date(api.clock.now().getTime() + 30 * minute),
      maxAttempts: 3,
      deliveryStatus: 'sent',
      maskedMobile: '+45 •• •• •• 00',
    });

    const list = async () => (await api.app.inject({ url: '/api/my/verifications', headers: bearer(me.token) })).json() as { items: { id: string; status: string; codeStatus: string; outcome: string | null }[] };
    const first = await list();
    expect(first.items.map((i) => i.id)).toEqual([open.view.id, failed.view.id, passed.view.id]);
    expect(first.items.map((i) => i.codeStatus)).toEqual(['none', 'none', 'sent']);
    expect(first.items.map((i) => i.outcome)).toEqual([null, 'too_few_correct', 'passed']);
    expect((await getView(passed.view.id, me.token)).code).toMatchObject({ status: 'sent', maskedMobile: '+45 •• •• •• 00', maxAttempts: 3 });
    // The one from yesterday is not today's, but it still expired, and was recorded, on the way.
    expect(first.items.map((i) => i.id)).not.toContain(yesterday.view.id);
    const [old] = await api.services.db.select({ status: verifications.status }).from(verifications).where(eq(verifications.id, yesterday.view.id));
    expect(old?.status).toBe('expired');
    expect(await expiredEvents(yesterday.view.id)).toHaveLength(1);

    // In steps, so the agent's session (15 minutes idle) stays alive: 31 minutes in all.
    for (const step of [10, 10]) {
      api.clock.advance(step * minute);
      await list();
    }
    api.clock.advance(11 * minute);
    const later = await list();
    expect(later.items.map((i) => [i.status, i.codeStatus])).toEqual([
      ['expired', 'none'],
      ['failed', 'none'],
      ['passed', 'expired'],
    ]);
  });
});

describe('resuming after a restart (PGlite on disk)', () => {
  const folder = tempDir('verification-restart-');
  afterAll(() => folder.remove());

  it('gives back the current question from the database, and the call goes on to pass', async () => {
    const clock = new ManualClock();
    const open = async () => {
      const handle = await openDatabase({ dataDir: folder.dir });
      await handle.withRunner((r) => migrate(r));
      return { driver: 'pglite' as const, db: handle.db, handle, close: () => handle.close() };
    };
    let database = await open();
    let api = await createTestApi(database, { clock });
    const agent = await api.signIn('agent');
    const person = await insertRichPerson(database.db);
    const { view } = await startCall(api, agent.token, startFor(person));
    const q = view.currentQuestion as QuestionView;
    const afterOne = (await sendAnswer(api, agent.token, view.id, q.id, { kind: 'text', text: await correctAnswer(database.db, person.cpr, q) })).json() as VerificationView;
    await api.close();
    await database.close();

    database = await open();
    api = await createTestApi(database, { clock });
    try {
      let resumed = (await api.app.inject({ url: `/api/verifications/${view.id}`, headers: bearer(agent.token) })).json() as VerificationView;
      expect(resumed).toEqual(afterOne);
      expect(resumed.currentQuestion?.number).toBe(2);
      while (resumed.status === 'in_progress' && resumed.currentQuestion) {
        const text = await correctAnswer(database.db, person.cpr, resumed.currentQuestion);
        resumed = (await sendAnswer(api, agent.token, view.id, resumed.currentQuestion.id, { kind: 'text', text })).json() as VerificationView;
      }
      expect(resumed.status).toBe('passed');
    } finally {
      await api.close();
      await database.close();
    }
  });
});
