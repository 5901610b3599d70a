// One verification under review: its timeline, notes, flags, the CPR reveal and the person access log.
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { describeEachDatabase } from '../../../../support/databases';
import { seedCode, seedSignal, seedVerification, subjectOf } from '../../../../support/review-helpers';
import { createTestApi, type TestApi } from '../../../../support/support-api';
import { callOp } from './api-client';

describeEachDatabase('verification review', (get) => {
  let api: TestApi;
  let sup: { token: string; userId: string };
  let agentId: string;
  let id: string;
  let other: string;
  const cpr = '0707071234';

  beforeAll(async () => {
    const t = get();
    api = await createTestApi(t);
    sup = await api.signIn('supervisor');
    agentId = (await api.signIn('agent')).userId;
    const start = new Date(api.clock.now().getTime() - 600_000);
    id = (await seedVerification(t.handle, { agentId, cpr, startedAt: start, scores: [1, 0.5, null] })).id;
    other = (await seedVerification(t.handle, { agentId, cpr: '0808081234', startedAt: start })).id;
    await seedCode(t.handle, { verificationId: id, agentId, issuedAt: new Date(start.getTime() + 300_000), attempts: 1 });
    await seedSignal(t.db, { verificationId: id, kind: 'document_multi_person', at: start, persons: 3 });
  });
  afterAll(() => api.close());

  const lastEvent = async () => (await get().db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1))[0]!;

  it('shows questions without answers, the code life, signals and the audit timeline', async () => {
    const res = await callOp(api, sup.token, 'getVerificationDetail', { id });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.questions.map((q: { score: number | null }) => q.score)).toEqual([1, 0.5, null]);
    expect(Object.keys(d.questions[0]).sort()).toEqual(['answeredAt', 'askedAt', 'dontKnow', 'kind', 'score', 'seq', 'strength', 'timeTakenMs']);
    expect(d.code).toMatchObject({ status: 'sent', attempts: 1, maxAttempts: 3, issuedBy: { id: agentId } });
    expect(d.velocitySignals[0]).toMatchObject({ kind: 'document_multi_person' });
    expect(d.timeline.map((e: { action: string }) => e.action)).toEqual(['verification.started', 'verification.passed', 'code.issued']);
    expect(d.cprRevealable).toBe(true);
    expect(res.body).not.toContain(cpr);
    expect((await callOp(api, sup.token, 'getVerificationDetail', { id: '00000000-0000-4000-8000-000000000009' })).statusCode).toBe(404);
  });

  it('adds a note (text in the note table, not in the audit log)', async () => {
    const res = await callOp(api, sup.token, 'addReviewNote', { id, text: 'Caller hesitated on the mother’s name' });
    expect(res.statusCode, res.body).toBe(200);
    const event = await lastEvent();
    expect(event).toMatchObject({ action: 'review.note_added', actor: sup.userId, verificationId: id, subjectHmac: subjectOf(cpr) });
    expect(JSON.stringify(event.payload)).not.toContain('hesitated');
    const d = (await callOp(api, sup.token, 'getVerificationDetail', { id })).json();
    expect(d.notes).toEqual([expect.objectContaining({ text: 'Caller hesitated on the mother’s name', author: { id: sup.userId, displayName: expect.any(String) } })]);
    expect(d.timeline.at(-1).action).toBe('review.note_added');
  });

  it('flags and clears a flag, each an audit event with its reason', async () => {
    expect((await callOp(api, sup.token, 'setVerificationFlag', { id, flagged: true, reason: 'same document as yesterday' })).json()).toEqual({ flagged: true, reason: 'same document as yesterday' });
    expect(await lastEvent()).toMatchObject({ action: 'review.flagged', payload: { reason: 'same document as yesterday', wasFlagged: false } });
    const listed = (await callOp(api, sup.token, 'listVerifications', { filter: { flagged: true } })).json();
    expect(listed.items.map((r: { id: string }) => r.id)).toEqual([id]);
    await callOp(api, sup.token, 'setVerificationFlag', { id, flagged: false, reason: 'checked with the agent' });
    expect(await lastEvent()).toMatchObject({ action: 'review.flag_cleared', payload: { reason: 'checked with the agent', wasFlagged: true } });
    expect((await callOp(api, sup.token, 'getVerificationDetail', { id })).json().flag).toEqual({ flagged: false, reason: null });
  });

  it('reveals the CPR number only with a reason, and records who, why and whom', async () => {
    const short = await callOp(api, sup.token, 'revealCpr', { id, reason: 'because' });
    expect(short.statusCode).toBe(400);
    const before = await lastEvent();
    const res = await callOp(api, sup.token, 'revealCpr', { id, reason: 'Art. 15 request, case 2026-118' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ cpr: '070707-1234' });
    const event = await lastEvent();
    expect(event.seq).toBe(before.seq + 1);
    expect(event).toMatchObject({ action: 'review.cpr_revealed', actor: sup.userId, verificationId: id, subjectHmac: subjectOf(cpr), payload: { reason: 'Art. 15 request, case 2026-118' } });
    expect(JSON.stringify(event)).not.toContain('1234');
  });

  it('lists every event about the person, the reveal and the lookup itself included, and nothing about others', async () => {
    const res = await callOp(api, sup.token, 'personAccessLog', { cpr: '070707-1234', reason: 'Art. 15 request, case 2026-118' });
    expect(res.statusCode, res.body).toBe(200);
    const log = res.json();
    expect(log.maskedCpr).toBe('070707-XXXX');
    const actions = log.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['verification.started', 'code.issued', 'review.cpr_revealed', 'review.note_added', 'review.person_access_log_viewed']));
    expect(actions.at(-1)).toBe('review.person_access_log_viewed');
    // code.issued is written with the verification id only: found through the person's verifications.
    expect(log.events.every((e: { verificationId: string | null }) => e.verificationId !== other)).toBe(true);
    const reveal = log.events.find((e: { action: string }) => e.action === 'review.cpr_revealed');
    expect(reveal.actor).toEqual({ id: sup.userId, displayName: expect.any(String) });
    expect(res.body).not.toContain('0707071234');
  });

  it('refuses a reveal when no CPR number was kept', async () => {
    const t = get();
    const none = (await seedVerification(t.handle, { agentId, cpr: null, startedAt: api.clock.now() })).id;
    expect((await callOp(api, sup.token, 'revealCpr', { id: none, reason: 'Art. 15 request, case 2026-118' })).statusCode).toBe(409);
  });
});
