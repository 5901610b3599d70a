import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, errorCodes, type MyVerification, type VerificationView } from '../../../../../shared/api/index';
import { callStore } from '../../../../../renderer/src/features/new-call/call-store';
import { fakeApi, renderConsole, sessionFor } from '../../support/render-console';
import { deferred, inProgress, myCall } from './fixtures';

afterEach(() => callStore.claim('nobody'));

function agentApi() {
  const api = fakeApi();
  api.getSession.mockResolvedValue(sessionFor('agent'));
  return api;
}

async function openNewCall(api = agentApi(), language: 'da' | 'en' = 'da') {
  const view = renderConsole({ api, path: '/call/new', language });
  const cpr = await screen.findByLabelText(language === 'da' ? /CPR-nummer/ : /CPR number/, { selector: 'input:not([type="radio"])' }, { timeout: 5000 });
  return { ...view, cpr: cpr as HTMLInputElement };
}

describe('new call, step 1: identify', () => {
  it('puts focus on the CPR number and shows Danish messages that say what is missing', async () => {
    const user = userEvent.setup();
    const { api, cpr } = await openNewCall();
    expect(document.activeElement).toBe(cpr);
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Skriv personens CPR-nummer.')).toBeTruthy();
    expect(screen.getByText('Skriv nummeret på passet eller kørekortet.')).toBeTruthy();
    expect(cpr.getAttribute('aria-invalid')).toBe('true');
    expect(api.startVerification).not.toHaveBeenCalled();
  });

  it('says the same in English when the console is in English', async () => {
    const user = userEvent.setup();
    await openNewCall(agentApi(), 'en');
    await user.keyboard('{Enter}');
    expect(await screen.findByText("Enter the caller's CPR number.")).toBeTruthy();
    expect(screen.getByText('Enter the number of the passport or driving licence.')).toBeTruthy();
  });

  it('masks a typed CPR number as DDMMYY-SSSS and ignores what is not a digit', async () => {
    const user = userEvent.setup();
    const { cpr } = await openNewCall();
    await user.type(cpr, '120368x1158');
    expect(cpr.value).toBe('120368-1158');
    // An eleventh digit has no place.
    await user.type(cpr, '9');
    expect(cpr.value).toBe('120368-1158');
    // Backspace over the dash deletes the digit before it, not nothing.
    await user.clear(cpr);
    await user.type(cpr, '1203681');
    expect(cpr.value).toBe('120368-1');
    await user.keyboard('{Backspace}{Backspace}');
    expect(cpr.value).toBe('12036');
  });

  it.each([
    ['with a dash', '120368-1158'],
    ['without a dash', '1203681158'],
    ['with spaces', '120368 1158'],
    ['spaced out', '12 03 68-1158'],
  ])('accepts a pasted CPR number %s', async (_name, pasted) => {
    const user = userEvent.setup();
    const { cpr } = await openNewCall();
    cpr.focus();
    await user.paste(pasted);
    expect(cpr.value).toBe('120368-1158');
  });

  it('explains an impossible birth date and a wrong length', async () => {
    const user = userEvent.setup();
    const { cpr, api } = await openNewCall();
    await user.type(cpr, '3102901234{Enter}');
    expect(await screen.findByText(/De første 6 cifre er ikke en dato, der findes \(31\.02\.90\)/)).toBeTruthy();
    await user.clear(cpr);
    await user.type(cpr, '310190123{Enter}');
    expect(await screen.findByText('Et CPR-nummer har 10 cifre (DDMMÅÅ-LLLL). Der er 9.')).toBeTruthy();
    expect(api.startVerification).not.toHaveBeenCalled();
  });

  it('never rejects a CPR number for failing modulus 11, and sends digits only', async () => {
    const user = userEvent.setup();
    const api = agentApi();
    api.startVerification.mockResolvedValue(inProgress());
    const { cpr } = await openNewCall(api);
    // 010185-4138 fails the old modulus-11 check and is valid (DOMAIN.md).
    await user.type(cpr, '0101854138');
    await user.type(screen.getByLabelText(/Nummer på legitimationen/), '409 127 356{Enter}');
    await waitFor(() => expect(api.startVerification).toHaveBeenCalledTimes(1));
    expect(api.startVerification).toHaveBeenCalledWith({
      caller: { kind: 'cpr', cpr: '0101854138' },
      document: { type: 'passport', number: '409127356' },
      callLanguage: 'da',
    });
  });

  it('checks the document number against the chosen type: passport 9 digits, driving licence 8', async () => {
    const user = userEvent.setup();
    const api = agentApi();
    api.startVerification.mockResolvedValue(inProgress());
    const { cpr } = await openNewCall(api);
    await user.type(cpr, '1203681158');
    const number = screen.getByLabelText(/Nummer på legitimationen/);
    await user.type(number, '31847265{Enter}');
    expect(await screen.findByText('Et pasnummer har 9 cifre.')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Kørekort' }));
    // The message follows the type at once.
    await waitFor(() => expect(screen.queryByText('Et pasnummer har 9 cifre.')).toBeNull());
    await user.click(number);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(api.startVerification).toHaveBeenCalledTimes(1));
    expect(api.startVerification.mock.calls[0]?.[0].document).toEqual({ type: 'driving_licence', number: '31847265' });
  });

  it('explains that a passport number with a letter is an old, invalid passport', async () => {
    const user = userEvent.setup();
    await openNewCall();
    await user.type(screen.getByLabelText(/Nummer på legitimationen/), 'A1234567{Enter}');
    expect(await screen.findByText(/Pas med bogstav foran nummeret er ikke gyldige/)).toBeTruthy();
  });

  it('takes a MitID user ID instead (focus moves to it) and refuses ten digits in a row', async () => {
    const user = userEvent.setup();
    const api = agentApi();
    api.startVerification.mockResolvedValue(inProgress(undefined, { callLanguage: 'en' }));
    await openNewCall(api);
    await user.click(screen.getByRole('radio', { name: 'MitID bruger-ID' }));
    const userId = await screen.findByLabelText(/MitID bruger-ID/, { selector: 'input:not([type="radio"])' });
    await waitFor(() => expect(document.activeElement).toBe(userId));
    await user.type(userId, '1203681158');
    await user.type(screen.getByLabelText(/Nummer på legitimationen/), '204518637{Enter}');
    expect(await screen.findByText(/Et bruger-ID kan ikke være et CPR-nummer/)).toBeTruthy();
    await user.clear(userId);
    await user.type(userId, ' Kirsten.Holm ');
    await user.click(screen.getByRole('radio', { name: 'English' }));
    await user.click(screen.getByRole('button', { name: 'Start verifikation' }));
    await waitFor(() => expect(api.startVerification).toHaveBeenCalledTimes(1));
    expect(api.startVerification).toHaveBeenCalledWith({
      caller: { kind: 'userId', userId: 'Kirsten.Holm' },
      document: { type: 'passport', number: '204518637' },
      callLanguage: 'en',
    });
  });

  it('shows the identify script line in the call language, not the UI language', async () => {
    const user = userEvent.setup();
    await openNewCall();
    expect(screen.getByText(/Jeg skal bruge dit CPR-nummer/)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'English' }));
    const line = await screen.findByText(/I need your CPR number/);
    expect(line.getAttribute('lang')).toBe('en');
    // The console itself stays Danish.
    expect(screen.getByRole('heading', { name: 'Hvem ringer?' })).toBeTruthy();
  });

  it('sends once however often Enter is pressed while the start is pending', async () => {
    const user = userEvent.setup();
    const api = agentApi();
    const pending = deferred<VerificationView>();
    api.startVerification.mockReturnValue(pending.promise);
    const { cpr } = await openNewCall(api);
    await user.type(cpr, '1203681158');
    const number = screen.getByLabelText(/Nummer på legitimationen/);
    await user.type(number, '204518637');
    fireEvent.submit(number.closest('form') as HTMLFormElement);
    fireEvent.submit(number.closest('form') as HTMLFormElement);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Starter…' }).hasAttribute('disabled')).toBe(true));
    expect(api.startVerification).toHaveBeenCalledTimes(1);
    pending.resolve(inProgress());
    expect(await screen.findByText('Hvor boede du i 1998?')).toBeTruthy();
  });

  it('keeps what was typed when the API cannot be reached, and retries', async () => {
    const user = userEvent.setup();
    const api = agentApi();
    api.startVerification.mockRejectedValueOnce(new ApiError(0, errorCodes.unreachable, 'down'));
    api.startVerification.mockResolvedValueOnce(inProgress());
    const { cpr } = await openNewCall(api);
    await user.type(cpr, '1203681158');
    await user.type(screen.getByLabelText(/Nummer på legitimationen/), '204518637{Enter}');
    const alert = await screen.findByText(/Verifikationen blev ikke startet/);
    expect(cpr.value).toBe('120368-1158');
    expect((screen.getByLabelText(/Nummer på legitimationen/) as HTMLInputElement).value).toBe('204518637');
    await user.click(screen.getByRole('button', { name: 'Send igen' }));
    expect(await screen.findByText('Hvor boede du i 1998?')).toBeTruthy();
    expect(alert.isConnected).toBe(false);
    expect(api.startVerification).toHaveBeenCalledTimes(2);
  });
  it('just after sign-in, before the open calls are in, Enter asks for them and warns about the same person instead of starting', async () => {
    const user = userEvent.setup();
    const api = agentApi();
    // Started a minute ago: the list the warning is built from has it.
    const open = myCall({ startedAt: new Date(Date.now() - 60_000).toISOString() });
    // The page's own list never arrives; the form's request does.
    const pageList = deferred<{ items: MyVerification[] }>();
    api.listMyVerifications.mockReturnValueOnce(pageList.promise).mockResolvedValue({ items: [open] });
    api.startVerification.mockResolvedValue(inProgress());
    const { cpr } = await openNewCall(api);
    await user.type(cpr, '1203681158');
    await user.type(screen.getByLabelText(/Nummer på legitimationen/), '204518637{Enter}');
    expect(await screen.findByRole('button', { name: 'Start alligevel' })).toBeTruthy();
    expect(api.listMyVerifications).toHaveBeenCalledTimes(2);
    expect(api.startVerification).not.toHaveBeenCalled();
    // Warned, the agent may still start it.
    await user.click(screen.getByRole('button', { name: 'Start alligevel' }));
    await waitFor(() => expect(api.startVerification).toHaveBeenCalledTimes(1));
  });

  it('starts as before when that list cannot be fetched (the warning helps, it does not block a call)', async () => {
    const user = userEvent.setup();
    const api = agentApi();
    api.listMyVerifications.mockRejectedValue(new ApiError(503, errorCodes.unavailable, 'down'));
    api.startVerification.mockResolvedValue(inProgress());
    const { cpr } = await openNewCall(api);
    await user.type(cpr, '1203681158');
    await user.type(screen.getByLabelText(/Nummer på legitimationen/), '204518637{Enter}');
    await waitFor(() => expect(api.startVerification).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('button', { name: 'Start alligevel' })).toBeNull();
  });
});
