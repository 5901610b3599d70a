// The whole call over HTTP, on both drivers: identify, questions, answers, outcome, and what is recorded.
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { QuestionView, VerificationView } from '../../../../../shared/api/index';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { verificationQuestions, verifications } from '../../../../../server/db/schema/verifications';
import { getPolicy } from '../../../../../server/db/policy';
import { savePolicy } from '../../../../../server/services/review/policy-settings';
import { verifyAuditChain } from '../../../../../server/services/audit/index';
import { describeEachDatabase } from '../../../../support/databases';
import { bearer, createTestApi, type TestApi } from '../../../../support/support-api';
import {
  correctAnswer,
  insertRichPerson,
  runCall,
  sendAnswer,
  startCall,
  startFor,
  type TestPerson,
} from '../../../../support/verification-helpers';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const isoInstant = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/** Response text with ids and timestamps removed, so a year inside a UUID or "2026-…" cannot look like a leak. */
const scrub = (body: string) => body.replace(uuid, '').replace(isoInstant, '');

/** The register facts a run must not have shown: everything the person's register holds, minus what a question showed as its parameter. */
function leaked(person: TestPerson, bodies: string[], questions: QuestionView[]): string[] {
  const shown = new Set(questions.flatMap((q) => Object.values(q.params).map(String)));
  const text = bodies.map(scrub).join('\n');
  const facts = [...person.secrets.streets, ...person.secrets.names, ...person.secrets.years, ...person.secrets.places];
  return facts.filter((f) => !shown.has(f) && text.includes(f));
}

describeEachDatabase('verification over HTTP', (get) => {
  let api: TestApi;
  let agent: { token: string; userId: string };
  beforeAll(async () => {
    api = await createTestApi(get());
    agent = await api.signIn('agent');
  });
  afterAll(async () => {
    await api.close();
  });

  it('passes a caller who answers from the register, records every step, and never shows an answer', async () => {
    const person = await insertRichPerson(get().db);
    const run = await runCall(api, get().db, agent.token, person);
    expect(run.view).toMatchObject({ status: 'passed', outcome: { reason: 'passed' }, currentQuestion: null, maskedCpr: `${person.cpr.slice(0, 6)}-XXXX` });
    expect(run.questions).toHaveLength(4);
    expect(run.view.progress.answered).toBe(4);
    expect(leaked(person, run.bodies, run.questions)).toEqual([]);
    // No response carries a score, a plan or an expected answer field.
    for (const body of run.bodies) expect(body).not.toMatch(/"(score|plan|expected|strength|acceptedNames)"/);

    const [row] = await get().db.select().from(verifications).where(eq(verifications.id, run.view.id));
    expect(row).toMatchObject({ status: 'passed', identified: true, answeredCount: 4, correctCount: 4, agentId: agent.userId });
    expect(row?.cprSealed).not.toContain(person.cpr);
    const questions = await get().db.select().from(verificationQuestions).where(eq(verificationQuestions.verificationId, run.view.id)).orderBy(asc(verificationQuestions.seq));
    expect(questions.map((q) => q.score)).toEqual([1, 1, 1, 1]);
    expect(questions.every((q) => q.dontKnow === false && q.timeTakenMs === 0)).toBe(true);

    const events = await get().db.select().from(auditEvents).where(eq(auditEvents.verificationId, run.view.id)).orderBy(asc(auditEvents.seq));
    expect(events.map((e) => e.action)).toEqual([
      'verification.started',
      'verification.question_asked',
      ...Array.from({ length: 3 }, () => ['verification.answer_scored', 'verification.question_asked']).flat(),
      'verification.answer_scored',
      'verification.passed',
    ]);
    expect(new Set(events.map((e) => e.subjectHmac))).toEqual(new Set([api.services.subjectHmac(person.cpr)]));
    // The answer text is in no table: look for the typed answers of this run in the audit payloads.
    const typed = await Promise.all(run.questions.map((q) => correctAnswer(get().db, person.cpr, q)));
    const payloads = JSON.stringify(events.map((e) => e.payload));
    for (const answer of typed) expect(payloads).not.toContain(answer);
    expect((await verifyAuditChain(get().db)).ok).toBe(true);
  });

  it('never shows as one question\'s parameter the answer to another question of the same call', async () => {
    const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Answers may be typed loosely ("noerregade"): compare folded forms.
    const fold = (v: string) => v.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
    // Eight questions a call, so most calls ask two of a family (where giveaways could hide).
    // Acquaintance questions unlimited here: eight must come from this person's record.
    await setVerificationPolicy(api, { questionCount: 8, extraQuestions: 0, maxAcquaintanceQuestions: 4, minPrivateCorrect: 0 });
    try {
      for (let i = 0; i < 10; i++) {
        const person = await insertRichPerson(get().db);
        const run = await runCall(api, get().db, agent.token, person);
        expect(run.questions.length).toBeGreaterThanOrEqual(7);
        const answers = await Promise.all(run.questions.map((q) => correctAnswer(get().db, person.cpr, q)));
        run.questions.forEach((q, a) => {
          for (const value of Object.values(q.params).map(String)) {
            answers.forEach((answer, b) => {
              if (a !== b) expect(fold(answer), `${q.kind} ${value} vs ${run.questions[b]?.kind}`).not.toMatch(new RegExp(`(^|[^\\p{L}\\p{N}])${escape(fold(value))}([^\\p{L}\\p{N}]|$)`, 'u'));
            });
          }
        });
      }
    } finally {
      await setVerificationPolicy(api, {});
    }
  });

  it('accepts the caller by MitID user ID in any case and by driving licence', async () => {
    const person = await insertRichPerson(get().db);
    const run = await runCall(api, get().db, agent.token, person, () => 'correct', {
      caller: { kind: 'userId', userId: (person.userId ?? '').toUpperCase() },
      document: { type: 'driving_licence', number: person.licence },
    });
    expect(run.view.status).toBe('passed');
  });

  it('fails a caller who answers wrongly, after all four questions and no more', async () => {
    const person = await insertRichPerson(get().db);
    const run = await runCall(api, get().db, agent.token, person, () => 'wrong');
    expect(run.view).toMatchObject({ status: 'failed', outcome: { reason: 'too_few_correct' } });
    expect(run.questions).toHaveLength(4);
    expect(leaked(person, run.bodies, run.questions)).toEqual([]);
  });

  it('never ends early: three "don\'t know" still get the fourth question', async () => {
    const person = await insertRichPerson(get().db);
    const run = await runCall(api, get().db, agent.token, person, () => 'dont_know');
    expect(run.questions).toHaveLength(4);
    expect(run.view).toMatchObject({ status: 'failed', outcome: { reason: 'too_few_correct' } });
    const questions = await get().db.select().from(verificationQuestions).where(eq(verificationQuestions.verificationId, run.view.id));
    expect(questions.every((q) => q.dontKnow === true && q.score === 0)).toBe(true);
  });

  it('asks extra questions while a pass is still possible, and passes on them', async () => {
    // minCorrect 4 of 4 makes one "don't know" borderline whatever the draw: one extra can still make it.
    await setVerificationPolicy(api, { minCorrect: 4, passThreshold: 0.5 });
    try {
      const person = await insertRichPerson(get().db);
      const pass = await runCall(api, get().db, agent.token, person, (_q, i) => (i === 0 ? 'dont_know' : 'correct'));
      expect(pass.questions).toHaveLength(5);
      expect(pass.view).toMatchObject({ status: 'passed', progress: { answered: 5 } });

      const other = await insertRichPerson(get().db);
      const fail = await runCall(api, get().db, agent.token, other, (_q, i) => (i === 0 || i >= 4 ? 'dont_know' : 'correct'));
      expect(fail.questions).toHaveLength(6);
      expect(fail.view).toMatchObject({ status: 'failed', outcome: { reason: 'too_few_correct' } });
      expect(leaked(person, pass.bodies, pass.questions)).toEqual([]);
      expect(leaked(other, fail.bodies, fail.questions)).toEqual([]);

      // Three wrong of four: even two correct extras cannot reach four correct, so no extra is asked.
      const third = await insertRichPerson(get().db);
      const hopeless = await runCall(api, get().db, agent.token, third, (_q, i) => (i < 3 ? 'wrong' : 'correct'));
      expect(hopeless.questions).toHaveLength(4);
      expect(hopeless.view.status).toBe('failed');
    } finally {
      await setVerificationPolicy(api, {});
    }
  });

  it('keeps the policy a verification started with', async () => {
    const person = await insertRichPerson(get().db);
    const started = await startCall(api, agent.token, startFor(person));
    await setVerificationPolicy(api, { questionCount: 6, minCorrect: 6 });
    try {
      let view = started.view;
      const asked: string[] = [];
      while (view.status === 'in_progress' && view.currentQuestion) {
        asked.push(view.currentQuestion.id);
        const text = await correctAnswer(get().db, person.cpr, view.currentQuestion);
        view = (await sendAnswer(api, agent.token, view.id, view.currentQuestion.id, { kind: 'text', text })).json() as VerificationView;
      }
      expect(asked).toHaveLength(4);
      expect(view.status).toBe('passed');
      const [row] = await get().db.select({ policy: verifications.policy }).from(verifications).where(eq(verifications.id, view.id));
      expect(row?.policy).toMatchObject({ questionCount: 4, minCorrect: 3 });
    } finally {
      await setVerificationPolicy(api, {});
    }
  });

  it('answers a re-sent answer with the current state and scores it once', async () => {
    const person = await insertRichPerson(get().db);
    const { view } = await startCall(api, agent.token, startFor(person));
    const q = view.currentQuestion as QuestionView;
    const text = await correctAnswer(get().db, person.cpr, q);
    const first = await sendAnswer(api, agent.token, view.id, q.id, { kind: 'text', text });
    // The retry says something else: it must not be scored again.
    const again = await sendAnswer(api, agent.token, view.id, q.id, { kind: 'dont_know' });
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const scored = await get().db.select().from(auditEvents).where(and(eq(auditEvents.verificationId, view.id), eq(auditEvents.action, 'verification.answer_scored')));
    expect(scored).toHaveLength(1);
    const [row] = await get().db.select().from(verifications).where(eq(verifications.id, view.id));
    expect(row).toMatchObject({ answeredCount: 1, correctCount: 1 });
    // A question id that is not in this verification.
    const unknown = await sendAnswer(api, agent.token, view.id, 'not-a-question', { kind: 'dont_know' });
    expect(unknown.statusCode).toBe(404);
  });

  it('lets two agents answering one question at once advance it exactly once', async () => {
    const person = await insertRichPerson(get().db);
    const { view } = await startCall(api, agent.token, startFor(person));
    const q = view.currentQuestion as QuestionView;
    const text = await correctAnswer(get().db, person.cpr, q);
    const results = await Promise.all([
      sendAnswer(api, agent.token, view.id, q.id, { kind: 'text', text }),
      sendAnswer(api, agent.token, view.id, q.id, { kind: 'dont_know' }),
      sendAnswer(api, agent.token, view.id, q.id, { kind: 'text', text }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const views = results.map((r) => r.json() as VerificationView);
    // Everyone sees the same next question.
    expect(new Set(views.map((v) => v.currentQuestion?.id)).size).toBe(1);
    expect(views[0]?.currentQuestion?.number).toBe(2);
    const [row] = await get().db.select().from(verifications).where(eq(verifications.id, view.id));
    expect(row).toMatchObject({ answeredCount: 1, version: 1 });
    const scored = await get().db.select().from(auditEvents).where(and(eq(auditEvents.verificationId, view.id), eq(auditEvents.action, 'verification.answer_scored')));
    expect(scored).toHaveLength(1);
    const asked = await get().db.select().from(verificationQuestions).where(eq(verificationQuestions.verificationId, view.id));
    expect(asked).toHaveLength(2);
  });

  it('aborts with a reason, keeps the note out of the log, and ignores a second abort', async () => {
    const person = await insertRichPerson(get().db);
    const { view } = await startCall(api, agent.token, startFor(person));
    const abort = (reason: string, note?: string) =>
      api.app.inject({ method: 'POST', url: `/api/verifications/${view.id}/abort`, headers: bearer(agent.token), payload: { reason, ...(note ? { note } : {}) } });
    const res = await abort('suspected_fraud', 'Caller read answers from a note, name Kirsten');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'aborted', outcome: { reason: 'suspected_fraud' }, currentQuestion: null });
    const second = await abort('caller_hung_up');
    expect(second.json()).toMatchObject({ status: 'aborted', outcome: { reason: 'suspected_fraud' } });
    const events = await get().db.select().from(auditEvents).where(and(eq(auditEvents.verificationId, view.id), eq(auditEvents.action, 'verification.aborted')));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]?.payload)).not.toContain('Kirsten');
    const [row] = await get().db.select({ note: verifications.abortNote }).from(verifications).where(eq(verifications.id, view.id));
    expect(row?.note).toContain('note');
    // Answering after the abort changes nothing.
    const late = await sendAnswer(api, agent.token, view.id, (view.currentQuestion as QuestionView).id, { kind: 'dont_know' });
    expect(late.json()).toMatchObject({ status: 'aborted', progress: { answered: 0 } });
  });

  it('resumes: getVerification gives back the current question', async () => {
    const person = await insertRichPerson(get().db);
    const { view } = await startCall(api, agent.token, startFor(person));
    const q = view.currentQuestion as QuestionView;
    const answered = await sendAnswer(api, agent.token, view.id, q.id, { kind: 'text', text: await correctAnswer(get().db, person.cpr, q) });
    const res = await api.app.inject({ url: `/api/verifications/${view.id}`, headers: bearer(agent.token) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(answered.json());
    expect((res.json() as VerificationView).currentQuestion?.number).toBe(2);
  });

  it('shows another agent nothing: 404 for read, answer and abort, as for a verification that does not exist', async () => {
    const person = await insertRichPerson(get().db);
    const { view } = await startCall(api, agent.token, startFor(person));
    const other = await api.signIn('agent');
    const q = view.currentQuestion as QuestionView;
    const reads = [
      await api.app.inject({ url: `/api/verifications/${view.id}`, headers: bearer(other.token) }),
      await sendAnswer(api, other.token, view.id, q.id, { kind: 'dont_know' }),
      await api.app.inject({ method: 'POST', url: `/api/verifications/${view.id}/abort`, headers: bearer(other.token), payload: { reason: 'other' } }),
      await api.app.inject({ url: `/api/verifications/${crypto.randomUUID()}`, headers: bearer(other.token) }),
    ];
    expect(reads.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
    expect(new Set(reads.map((r) => r.body)).size).toBe(1);
    const [row] = await get().db.select().from(verifications).where(eq(verifications.id, view.id));
    expect(row).toMatchObject({ status: 'in_progress', answeredCount: 0 });
  });

  it('refuses callers who are not signed in (401) and supervisors (403)', async () => {
    const person = await insertRichPerson(get().db);
    const input = startFor(person);
    const anonymous = await api.app.inject({ method: 'POST', url: '/api/verifications', payload: input });
    const supervisor = await api.signIn('supervisor');
    const asSupervisor = await api.app.inject({ method: 'POST', url: '/api/verifications', headers: bearer(supervisor.token), payload: input });
    const list = await api.app.inject({ url: '/api/my/verifications', headers: bearer(supervisor.token) });
    expect([anonymous.statusCode, asSupervisor.statusCode, list.statusCode]).toEqual([401, 403, 403]);
    const [n] = await get().db.select({ n: sql<number>`count(*)::int` }).from(verifications).where(eq(verifications.documentType, 'passport'));
    const before = n?.n;
    await api.app.inject({ method: 'POST', url: '/api/verifications', headers: bearer(supervisor.token), payload: input });
    const [after] = await get().db.select({ n: sql<number>`count(*)::int` }).from(verifications).where(eq(verifications.documentType, 'passport'));
    expect(after?.n).toBe(before);
  });
});

async function setVerificationPolicy(api: TestApi, values: Record<string, number>): Promise<void> {
  await api.services.transaction(async (tx) => {
    const policy = await getPolicy(tx);
    const fresh = { ...policy, verification: { ...(await getPolicy(tx)).verification, ...defaultsFor(values) } };
    await savePolicy(tx, fresh, { actor: 'system', at: api.clock.now() });
  });
}

// An empty override restores the defaults.
function defaultsFor(values: Record<string, number>) {
  return { questionCount: 4, extraQuestions: 2, passThreshold: 0.75, minCorrect: 3, maxAcquaintanceQuestions: 1, minPrivateCorrect: 2, ...values };
}
