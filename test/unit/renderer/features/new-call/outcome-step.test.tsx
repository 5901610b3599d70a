import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { VerificationView } from '../../../../../shared/api/index';
import { callStore } from '../../../../../renderer/src/features/new-call/call-store';
import { fakeApi, renderConsole, sessionFor } from '../../support/render-console';
import { deferred, ended, inProgress, verificationId } from './fixtures';

afterEach(() => callStore.claim('nobody'));

async function onOutcome(view: VerificationView, language: 'da' | 'en' = 'da') {
  const api = fakeApi();
  api.getSession.mockResolvedValue(sessionFor('agent'));
  api.getVerification.mockResolvedValue(view);
  const rendered = renderConsole({ api, path: `/call/new?id=${verificationId}`, language });
  await screen.findByRole('heading', { level: 2 }, { timeout: 5000 });
  return { ...rendered, api };
}

const passed = () => ended('passed', 'passed');
const sent = (): VerificationView => ({
  ...passed(),
  code: { status: 'sent', maskedMobile: '+45 •• •• •• 37', expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(), maxAttempts: 3 },
});

describe('new call, step 3: outcome', () => {
  it('passed: the send-code action has focus, sends once, then confirms with the masked number, expiry and the script', async () => {
    const user = userEvent.setup();
    const { api } = await onOutcome(passed());
    const send = screen.getByRole('button', { name: 'Send aktiveringskode på SMS' });
    expect(document.activeElement).toBe(send);
    const pending = deferred<VerificationView>();
    api.issueActivationCode.mockReturnValue(pending.promise);
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    expect(api.issueActivationCode).toHaveBeenCalledTimes(1);
    expect(api.issueActivationCode).toHaveBeenCalledWith({ id: verificationId });
    pending.resolve(sent());
    expect(await screen.findByText(/Aktiveringskoden er sendt til \+45 •• •• •• 37\. Den udløber kl\. \d\d[.:]\d\d\./)).toBeTruthy();
    const script = screen.getByText(/Du får nu en SMS med en aktiveringskode/);
    expect(script.textContent).toContain('Koden virker i 30 minutter, og du kan prøve 3 gange.');
    expect(screen.queryByRole('button', { name: 'Send aktiveringskode på SMS' })).toBeNull();
  });

  it('passed in English: the code script follows the call language', async () => {
    const user = userEvent.setup();
    const { api } = await onOutcome({ ...passed(), callLanguage: 'en' });
    api.issueActivationCode.mockResolvedValue({ ...sent(), callLanguage: 'en' });
    await user.click(screen.getByRole('button', { name: 'Send aktiveringskode på SMS' }));
    const script = await screen.findByText(/You will now get an SMS/);
    expect(script.getAttribute('lang')).toBe('en');
    expect(script.textContent).toContain('works for 30 minutes, and you have 3 tries');
  });

  it('a recently changed mobile number turns the send into a refer with its own script', async () => {
    const user = userEvent.setup();
    const { api } = await onOutcome(passed());
    api.issueActivationCode.mockResolvedValue(ended('refer', 'mobile_recently_changed'));
    await user.click(screen.getByRole('button', { name: 'Send aktiveringskode på SMS' }));
    expect(await screen.findByRole('heading', { name: 'Henvis til Borgerservice' })).toBeTruthy();
    expect(screen.getByText(/Mobilnummeret er skiftet inden for de seneste 5 dage/)).toBeTruthy();
    expect(screen.getByText(/registreret eller ændret inden for de seneste 5 dage/)).toBeTruthy();
  });

  it('identity not verified: "could not be verified" and nothing about why', async () => {
    await onOutcome(ended('failed', 'identity_not_verified', { maskedCpr: null }));
    const heading = screen.getByRole('heading', { name: 'Kunne ikke verificeres' });
    expect(document.activeElement).toBe(heading);
    const main = screen.getByRole('main');
    expect(main.textContent).toContain('Jeg kan desværre ikke bekræfte din identitet over telefonen.');
    expect(main.textContent).not.toMatch(/pas(nummer)?\b|kørekort|CPR-nummeret|bruger-ID/i);
  });

  it.each([
    ['too_few_correct', 'failed', /Tag gyldig billedlegitimation med/],
    ['locked_out', 'refer', /for mange forsøg på at bekræfte din identitet/],
    ['no_mitid', 'refer', /Der er ikke noget MitID/],
    ['emigrated', 'refer', /registreret som udrejst/],
    ['deceased', 'refer', /^Jeg kan desværre ikke hjælpe dig over telefonen\. Du er velkommen/],
  ] as const)('%s: the reason and the Borgerservice script line', async (reason, status, script) => {
    await onOutcome(ended(status, reason));
    expect(screen.getByRole('heading', { name: 'Henvis til Borgerservice' })).toBeTruthy();
    expect(screen.getAllByText(script).length).toBeGreaterThan(0);
  });

  it('the deceased guidance warns the agent, and the script says nothing of the death', async () => {
    await onOutcome(ended('refer', 'deceased'));
    expect(screen.getByText(/Giv ingen oplysninger om personen/)).toBeTruthy();
    const script = screen.getByText(/Du er velkommen til at henvende dig i Borgerservice/);
    expect(script.textContent).not.toMatch(/død/);
  });

  it('"New call" clears the call and starts over at identification', async () => {
    const user = userEvent.setup();
    const { router } = await onOutcome(ended('failed', 'too_few_correct'));
    await user.click(screen.getByRole('button', { name: /Nyt opkald/ }));
    expect(await screen.findByRole('heading', { name: 'Hvem ringer?' })).toBeTruthy();
    expect(router.state.location.search).toBe('');
  });
});

describe('new call: abort', () => {
  it('Alt+A opens the abort dialog; the reason goes to the API and the outcome shows', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.getSession.mockResolvedValue(sessionFor('agent'));
    api.getVerification.mockResolvedValue(inProgress());
    api.abortVerification.mockResolvedValue(ended('aborted', 'suspected_fraud'));
    renderConsole({ api, path: `/call/new?id=${verificationId}` });
    await screen.findByRole('textbox', {}, { timeout: 5000 });
    await user.keyboard('{Alt>}a{/Alt}');
    const dialog = await screen.findByRole('dialog', { name: 'Afbryd opkaldet' });
    // Alt+D does nothing while the dialog is open.
    await user.keyboard('{Alt>}d{/Alt}');
    expect(api.answerQuestion).not.toHaveBeenCalled();
    await user.click(screen.getByRole('radio', { name: 'Mistanke om svindel' }));
    await user.type(screen.getByLabelText(/Note/), '  Sagde to forskellige fødselsdatoer  ');
    await user.click(screen.getByRole('button', { name: 'Afbryd opkaldet' }));
    await waitFor(() => expect(dialog.isConnected).toBe(false));
    expect(api.abortVerification).toHaveBeenCalledWith({
      id: verificationId,
      reason: 'suspected_fraud',
      note: 'Sagde to forskellige fødselsdatoer',
    });
    expect(await screen.findByRole('heading', { name: 'Afbrudt' })).toBeTruthy();
    expect(screen.getByText(/Giv ingen oplysninger og bekræft intet/)).toBeTruthy();
  });

  it('refuses a note over the contract\'s 500 characters before anything is sent', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.getSession.mockResolvedValue(sessionFor('agent'));
    api.getVerification.mockResolvedValue(inProgress());
    renderConsole({ api, path: `/call/new?id=${verificationId}` });
    await screen.findByRole('textbox', {}, { timeout: 5000 });
    await user.keyboard('{Alt>}a{/Alt}');
    await screen.findByRole('dialog', { name: 'Afbryd opkaldet' });
    await user.click(screen.getByLabelText(/Note/));
    await user.paste('x'.repeat(501));
    expect(await screen.findByText('Noten må højst være 500 tegn.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Afbryd opkaldet' }) as HTMLButtonElement).disabled).toBe(true);
    expect(api.abortVerification).not.toHaveBeenCalled();
  });
});
