// One verification: the reveal and the revoke each need a reason before anything is sent.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { VerificationDetail } from '../../../../../shared/api/index';
import { fakeApi, renderConsole, sessionFor } from '../../support/render-console';

const id = '11111111-1111-4111-8111-111111111111';
const detail: VerificationDetail = {
  summary: {
    id,
    startedAt: '2026-11-25T08:15:00.000Z',
    endedAt: '2026-11-25T08:19:00.000Z',
    agent: { id: 'a1', username: 'anna', displayName: 'Anna Agent' },
    maskedCpr: '010190-XXXX',
    documentType: 'passport',
    questionsAsked: 2,
    scorePercent: 75,
    status: 'passed',
    outcome: 'passed',
    codeStatus: 'sent',
    durationSeconds: 240,
    flagged: false,
    velocitySignals: 0,
    callId: 'pbx-1701432045.123',
    callerNumber: 'foreign',
    cosignStatus: null,
    redFlags: [],
  },
  identified: true,
  callLanguage: 'da',
  expiresAt: '2026-11-25T08:30:00.000Z',
  maxQuestions: 6,
  correctCount: 1,
  cprRevealable: true,
  questions: [
    { seq: 1, kind: 'earlier_address', strength: 1, score: 1, dontKnow: false, askedAt: '2026-11-25T08:16:00.000Z', answeredAt: '2026-11-25T08:16:20.000Z', timeTakenMs: 20_000 },
    { seq: 2, kind: 'parent_first_name', strength: 0.8, score: 0.5, dontKnow: false, askedAt: '2026-11-25T08:17:00.000Z', answeredAt: '2026-11-25T08:17:09.000Z', timeTakenMs: 9_000 },
  ],
  code: { status: 'sent', issuedAt: '2026-11-25T08:19:00.000Z', issuedBy: { id: 'a1', displayName: 'Anna Agent' }, expiresAt: '2026-11-25T08:49:00.000Z', attempts: 0, maxAttempts: 3, usedAt: null, revokedAt: null, revokeReason: null, maskedMobile: '+45 •• •• •• 12' },
  notes: [],
  flag: { flagged: false, reason: null },
  velocitySignals: [],
  timeline: [{ seq: 7, occurredAt: '2026-11-25T08:15:00.000Z', actor: { id: 'a1', displayName: 'Anna Agent' }, action: 'verification.started', verificationId: id, payload: {} }],
};

function setup(shown: VerificationDetail = detail) {
  const api = fakeApi({
    getSession: async () => sessionFor('supervisor'),
    getVerificationDetail: async () => shown,
    revealCpr: async () => ({ cpr: '010190-1234' }),
    revokeActivationCode: async () => ({ ok: true as const }),
  });
  renderConsole({ api, path: `/supervisor/verifications/${id}` });
  return { api, user: userEvent.setup() };
}

describe('verification detail', () => {
  it('shows the questions by kind and score, and the timeline', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Verifikation 010190-XXXX' }, { timeout: 10_000 })).toBeTruthy();
    const questions = screen.getByRole('table', { name: 'Spørgsmål' });
    expect(within(questions).getByText('Tidligere adresse')).toBeTruthy();
    expect(within(questions).getByText('50 %')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Tidslinje' })).getByText('Verifikation startet')).toBeTruthy();
    // The phone system's call: its ID, and the number only as a class.
    expect(screen.getByText('pbx-1701432045.123')).toBeTruthy();
    expect(screen.getByText('Udenlandsk nummer')).toBeTruthy();
  });

  it('reveals the CPR number only after a reason of 10 characters', async () => {
    const { api, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Vis CPR-nummer' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Begrundelse/), 'kort');
    await user.click(within(dialog).getByRole('button', { name: 'Vis CPR-nummer' }));
    expect(await within(dialog).findByText('Skriv en begrundelse på mindst 10 tegn.')).toBeTruthy();
    expect(api.revealCpr).not.toHaveBeenCalled();
    await user.type(within(dialog).getByLabelText(/Begrundelse/), ' – Art. 15 request');
    await user.click(within(dialog).getByRole('button', { name: 'Vis CPR-nummer' }));
    await waitFor(() => expect(api.revealCpr).toHaveBeenCalledWith({ id, reason: 'kort – Art. 15 request' }));
    expect((await screen.findByTestId('revealed-cpr')).textContent).toBe('010190-1234');
  });

  it('revokes an active code with a reason', async () => {
    const { api, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Tilbagekald kode' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Begrundelse/), 'caller says it was not them');
    await user.click(within(dialog).getByRole('button', { name: 'Tilbagekald kode' }));
    await waitFor(() => expect(api.revokeActivationCode).toHaveBeenCalledWith({ id, reason: 'caller says it was not them' }));
    expect(await screen.findByText('Koden er tilbagekaldt.')).toBeTruthy();
  });

  it('shows a replaced code as replaced, not as revoked, and a revoke reason in words', async () => {
    const replaced = { ...detail.code!, status: 'superseded' as const, revokedAt: '2026-11-25T08:25:00.000Z', revokeReason: 'superseded' };
    setup({ ...detail, summary: { ...detail.summary, codeStatus: 'superseded' }, code: replaced });
    expect(await screen.findByText('Erstattet af en nyere kode til samme MitID', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getAllByText('Erstattet').length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByText('Tilbagekaldt')).toBeNull();
    expect(screen.queryByText('superseded')).toBeNull();
  });

  it('names who revoked a revoked code', async () => {
    setup({ ...detail, code: { ...detail.code!, status: 'revoked', revokedAt: '2026-11-25T08:25:00.000Z', revokeReason: 'supervisor' } });
    expect(await screen.findByText('Tilbagekaldt af en supervisor', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText('supervisor')).toBeNull();
  });

  it('says a verification flagged without a reason is flagged, with no empty reason after a colon', async () => {
    setup({ ...detail, flag: { flagged: true, reason: null } });
    expect(await screen.findByText('Markeret til opfølgning', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText(/Markeret:\s*$/)).toBeNull();
  });

  it('gives the reason of a flag', async () => {
    setup({ ...detail, flag: { flagged: true, reason: 'Ringede to gange' } });
    expect(await screen.findByText('Markeret: Ringede to gange', {}, { timeout: 10_000 })).toBeTruthy();
  });
});
