import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, errorCodes } from '../../../../../shared/api/index';
import { callStore } from '../../../../../renderer/src/features/new-call/call-store';
import { fakeApi, renderConsole, sessionFor } from '../../support/render-console';
import { inProgress, myCall, question, verificationId } from '../new-call/fixtures';

afterEach(() => callStore.claim('nobody'));

const row = myCall;

function agentApi() {
  const api = fakeApi();
  api.getSession.mockResolvedValue(sessionFor('agent'));
  return api;
}

describe('my calls', () => {
  it("lists today's calls with outcome, code and time; an unfinished one resumes at its current question", async () => {
    const user = userEvent.setup();
    const api = agentApi();
    api.listMyVerifications.mockResolvedValue({
      items: [
        row({}),
        row({ id: '11111111-2222-4333-8444-555555555555', status: 'passed', outcome: 'passed', codeStatus: 'sent', endedAt: '2026-11-25T08:20:00.000Z' }),
        row({ id: '21111111-2222-4333-8444-555555555555', status: 'failed', outcome: 'identity_not_verified', maskedCpr: null }),
      ],
    });
    api.getVerification.mockResolvedValue(inProgress(question(3)));
    const { router } = renderConsole({ api, path: '/calls' });
    const table = await screen.findByRole('table', { name: 'Mine opkald i dag' }, { timeout: 5000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]?.textContent).toContain('120368-XXXX');
    expect(rows[0]?.textContent).toContain('I gang');
    expect(rows[1]?.textContent).toContain('Verificeret');
    expect(rows[1]?.textContent).toContain('Kode sendt');
    expect(rows[2]?.textContent).toContain('Kunne ikke verificeres');
    expect(rows[2]?.textContent).toContain('Ikke identificeret');
    // Times in the agent's language (Copenhagen or whatever the machine's zone is: just HH.MM).
    expect(rows[0]?.textContent).toMatch(/\d\d[.:]\d\d/);

    await user.click(within(rows[0] as HTMLElement).getByRole('link', { name: /Genoptag opkaldet startet kl\./ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/call/new'));
    expect(router.state.location.search).toBe(`?id=${verificationId}`);
    expect(await screen.findByRole('heading', { name: 'Spørgsmål 3 af højst 6' }, { timeout: 3000 })).toBeTruthy();
    expect(api.getVerification).toHaveBeenCalledWith({ id: verificationId });
  });

  it('says so when there are no calls today, in English too', async () => {
    const api = agentApi();
    api.listMyVerifications.mockResolvedValue({ items: [] });
    renderConsole({ api, path: '/calls', language: 'en' });
    expect(await screen.findByText('You have no calls today.', {}, { timeout: 5000 })).toBeTruthy();
  });

  it('shows a failed load with a retry', async () => {
    const user = userEvent.setup();
    const api = agentApi();
    api.listMyVerifications.mockRejectedValueOnce(new ApiError(0, errorCodes.unreachable, 'down'));
    api.listMyVerifications.mockResolvedValueOnce({ items: [] });
    renderConsole({ api, path: '/calls' });
    const alert = await screen.findByText('Support API kunne ikke nås. Prøv igen om lidt.', {}, { timeout: 5000 });
    await user.click(within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByText('Du har ingen opkald i dag.')).toBeTruthy();
  });
});
