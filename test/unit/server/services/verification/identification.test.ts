// Identifying the caller, the attempt limits and the register statuses, over HTTP on both drivers.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VerificationView } from '../../../../../shared/api/index';
import { passesModulus11 } from '../../../../../shared/domain/cpr/index';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { velocitySignals, verifications } from '../../../../../server/db/schema/verifications';
import { describeEachDatabase } from '../../../../support/databases';
import { createTestApi, type TestApi } from '../../../../support/support-api';
import {
  insertRichPerson,
  insertSparsePerson,
  runCall,
  startCall,
  startFor,
  type StartInput,
  type TestPerson,
} from '../../../../support/verification-helpers';

const hour = 3_600_000;

/** What may differ between two "could not be verified" answers: only the ids, times and the document type given. */
function shape(view: VerificationView) {
  const { id: _id, startedAt: _s, expiresAt: _e, endedAt: _n, documentType: _d, ...rest } = view;
  return rest;
}

const withDocument = (person: TestPerson, number: string, type: 'passport' | 'driving_licence' = 'passport'): StartInput => ({
  ...startFor(person),
  document: { type, number },
});

describeEachDatabase('identifying the caller', (get) => {
  let api: TestApi;
  let agent: { token: string; userId: string };
  beforeAll(async () => {
    api = await createTestApi(get());
    agent = await api.signIn('agent');
  });
  afterAll(async () => {
    await api.close();
  });

  const actionsOf = async (id: string) =>
    (await get().db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.verificationId, id)).orderBy(asc(auditEvents.seq))).map(
      (e) => e.action,
    );

  it('answers every identification failure the same way and records each as an attempt on the claimed person', async () => {
    const a = await insertRichPerson(get().db);
    const b = await insertRichPerson(get().db);
    const expired = await insertRichPerson(get().db, { passportExpiresOn: '2026-11-24' });
    const unknownCpr = '0101701235';
    const attempts: [string, StartInput, string][] = [
      ['someone else’s passport', withDocument(a, b.passport), 'document_of_other_person'],
      ['a passport number that exists nowhere', withDocument(b, '999999999'), 'unknown_document'],
      ['an expired passport', withDocument(expired, expired.passport), 'document_expired'],
      ['a person not in the register', { caller: { kind: 'cpr', cpr: unknownCpr }, document: { type: 'passport', number: a.passport } }, 'unknown_person'],
      ['a user ID nobody has', { caller: { kind: 'userId', userId: 'nobody.at.all' }, document: { type: 'passport', number: a.passport } }, 'unknown_person'],
      ['a passport number given as a driving licence', withDocument(a, a.passport, 'driving_licence'), 'unknown_document'],
    ];
    const views: VerificationView[] = [];
    for (const [why, input, check] of attempts) {
      const res = await startCall(api, agent.token, input);
      expect(res.status, why).toBe(200);
      expect(res.view, why).toMatchObject({ status: 'failed', outcome: { reason: 'identity_not_verified' }, maskedCpr: null, currentQuestion: null });
      views.push(res.view);
      expect(await actionsOf(res.view.id), why).toEqual(['verification.started', 'verification.identification_failed']);
      const [event] = await get().db
        .select({ payload: auditEvents.payload })
        .from(auditEvents)
        .where(and(eq(auditEvents.verificationId, res.view.id), eq(auditEvents.action, 'verification.identification_failed')));
      expect(event?.payload.check, why).toBe(check);
    }
    for (const v of views) expect(shape(v)).toEqual(shape(views[0] as VerificationView));

    // Attempts count against the person claimed, not the owner of the document.
    const [row] = await get().db.select().from(verifications).where(eq(verifications.id, views[0]?.id ?? ''));
    expect(row?.subjectHmac).toBe(api.services.subjectHmac(a.cpr));
    const [unknown] = await get().db.select().from(verifications).where(eq(verifications.id, views[3]?.id ?? ''));
    expect(unknown?.subjectHmac).toBe(api.services.subjectHmac(unknownCpr));
    const [nobody] = await get().db.select().from(verifications).where(eq(verifications.id, views[4]?.id ?? ''));
    expect(nobody?.subjectHmac).toBeNull();
  });

  it('matches document numbers exactly: one digit off another person’s passport matches no one', async () => {
    const a = await insertRichPerson(get().db, { passportNumber: '512345670' });
    const b = await insertRichPerson(get().db, { passportNumber: '512345671' });
    const offByOne = await startCall(api, agent.token, withDocument(a, '512345671'));
    expect(offByOne.view.status).toBe('failed');
    const ownMistyped = await startCall(api, agent.token, withDocument(a, '512345679'));
    expect(ownMistyped.view.status).toBe('failed');
    // Spoken with spaces and dashes, the right number still counts.
    const spoken = await startCall(api, agent.token, withDocument(b, '512 345-671'));
    expect(spoken.view.status).toBe('in_progress');
    // b's passport was tried for a and for b within 24 hours.
    const signals = await get().db.select().from(velocitySignals).where(eq(velocitySignals.verificationId, spoken.view.id));
    expect(signals.map((s) => s.kind)).toContain('document_multi_person');
    expect(signals.find((s) => s.kind === 'document_multi_person')?.details).toMatchObject({ persons: 2 });
  });

  it('answers an impossible date with 400 and counts nothing; never rejects for modulus 11; knows the century', async () => {
    const person = await insertRichPerson(get().db);
    const before = await get().db.select({ id: verifications.id }).from(verifications);
    for (const cpr of ['310268-1234', '120368123', '290200-0123', 'abcdefghij']) {
      const res = await startCall(api, agent.token, { caller: { kind: 'cpr', cpr }, document: { type: 'passport', number: person.passport } });
      expect(res.status, cpr).toBe(400);
      expect((res.view as unknown as { code: string }).code).toBe('bad_request');
      expect(res.body).not.toContain(cpr);
    }
    expect(await get().db.select({ id: verifications.id }).from(verifications)).toHaveLength(before.length);
    // 29 February 2000 exists (7th digit 4: 2000s), 29 February 1900 does not (7th digit 0, above).
    const leapDay = await startCall(api, agent.token, { caller: { kind: 'cpr', cpr: '2902004123' }, document: { type: 'passport', number: person.passport } });
    expect(leapDay.status).toBe(200);

    let serial = 0;
    while (passesModulus11(`120368${String(serial).padStart(4, '0')}`) || serial % 3 === 1) serial++;
    const cpr = `120368${String(serial).padStart(4, '0')}`;
    const failsModulus = await insertRichPerson(get().db, { cpr });
    expect(passesModulus11(cpr)).toBe(false);
    const run = await runCall(api, get().db, agent.token, failsModulus);
    expect(run.view.status).toBe('passed');
  });

  it('locks a person out after two failures in 24 hours, without looking at the document, and lets them in again after', async () => {
    const person = await insertRichPerson(get().db);
    const wrongDoc = await startCall(api, agent.token, withDocument(person, '111111111'));
    expect(wrongDoc.view.status).toBe('failed');
    const wrongAnswers = await runCall(api, get().db, agent.token, person, () => 'wrong');
    expect(wrongAnswers.view.outcome?.reason).toBe('too_few_correct');

    const third = await startCall(api, agent.token, startFor(person));
    expect(third.view).toMatchObject({ status: 'refer', outcome: { reason: 'locked_out' }, currentQuestion: null, maskedCpr: null });
    expect(await actionsOf(third.view.id)).toEqual(['verification.started', 'verification.locked_out']);
    // Locked out by user ID too: the count is per person, not per spelling of the claim.
    const byUserId = await startCall(api, agent.token, { caller: { kind: 'userId', userId: person.userId ?? '' }, document: { type: 'passport', number: person.passport } });
    expect(byUserId.view.outcome?.reason).toBe('locked_out');

    api.clock.advance(24 * hour + 60_000);
    try {
      // A day later the morning's session has ended: a new shift signs in.
      const nextDay = await api.signIn('agent');
      const later = await runCall(api, get().db, nextDay.token, person);
      expect(later.view.status).toBe('passed');
    } finally {
      api.clock.advance(-(24 * hour + 60_000));
    }
  });

  it('does not let agents starting at once slip past the limit', async () => {
    const person = await insertRichPerson(get().db);
    expect((await startCall(api, agent.token, withDocument(person, '222222222'))).view.status).toBe('failed');
    const others = await Promise.all([api.signIn('agent'), api.signIn('agent'), api.signIn('agent')]);
    const results = await Promise.all(others.map((o) => startCall(api, o.token, withDocument(person, '222222222'))));
    const outcomes = results.map((r) => r.view.outcome?.reason).sort();
    // One more failure reaches the limit; every start after it is refused.
    expect(outcomes).toEqual(['identity_not_verified', 'locked_out', 'locked_out']);
    // Four agents tried one person within the hour.
    const ids = results.map((r) => r.view.id);
    const signals = await get().db.select().from(velocitySignals).where(and(inArray(velocitySignals.verificationId, ids), eq(velocitySignals.kind, 'person_multi_agent')));
    expect(signals.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...signals.map((s) => Number(s.details.agents)))).toBe(4);
  });

  it('does not raise a velocity signal for one agent trying one person twice', async () => {
    const person = await insertRichPerson(get().db);
    const first = await startCall(api, agent.token, startFor(person));
    const second = await startCall(api, agent.token, startFor(person));
    const signals = await get().db.select().from(velocitySignals).where(inArray(velocitySignals.verificationId, [first.view.id, second.view.id]));
    expect(signals).toEqual([]);
  });

  it('refers deceased, emigrated and disappeared persons and persons without MitID, after the document check', async () => {
    for (const status of ['deceased', 'emigrated', 'disappeared'] as const) {
      const person = await insertRichPerson(get().db, { status });
      const res = await startCall(api, agent.token, startFor(person));
      expect(res.view, status).toMatchObject({ status: 'refer', outcome: { reason: status }, currentQuestion: null });
      // Without the right document the caller learns nothing about the status.
      const wrong = await startCall(api, agent.token, withDocument(person, '333333333'));
      expect(wrong.view.outcome?.reason, status).toBe('identity_not_verified');
    }
    const noMitid = await insertRichPerson(get().db, { mitid: false });
    expect((await startCall(api, agent.token, startFor(noMitid))).view.outcome?.reason).toBe('no_mitid');
  });

  it('shows and asks no address under name/address protection, and says so', async () => {
    const kinds = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const person = await insertRichPerson(get().db, { protection: true });
      const run = await runCall(api, get().db, agent.token, person);
      expect(run.view.notices).toEqual(['name_address_protection']);
      expect(run.view.status).toBe('passed');
      for (const q of run.questions) {
        kinds.add(q.kind);
        // Moves are asked by a year lived there, never by street.
        expect(q.params.street, q.kind).toBeUndefined();
      }
    }
    expect(kinds.has('earlier_address')).toBe(false);
  });

  it('refers a person whose register holds too little for a fair draw', async () => {
    const person = await insertSparsePerson(get().db);
    const res = await startCall(api, agent.token, startFor(person));
    expect(res.view).toMatchObject({ status: 'refer', outcome: { reason: 'insufficient_register_data' }, currentQuestion: null });
  });
});
