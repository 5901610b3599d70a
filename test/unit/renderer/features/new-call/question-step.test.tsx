import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, errorCodes, type VerificationView } from '../../../../../shared/api/index';
import { callStore } from '../../../../../renderer/src/features/new-call/call-store';
import { fakeApi, renderConsole, sessionFor } from '../../support/render-console';
import { deferred, ended, inProgress, question, verificationId } from './fixtures';

afterEach(() => callStore.claim('nobody'));

/** The console on a call in progress (resumed by id, as after a sign-in or from "My calls"). */
async function onQuestion(first: VerificationView = inProgress(), language: 'da' | 'en' = 'da') {
  const api = fakeApi();
  api.getSession.mockResolvedValue(sessionFor('agent'));
  api.getVerification.mockResolvedValue(first);
  const view = renderConsole({ api, path: `/call/new?id=${verificationId}`, language });
  const input = (await screen.findByRole('textbox', {}, { timeout: 5000 })) as HTMLInputElement;
  return { ...view, api, input };
}

describe('new call, step 2: questions', () => {
  it('shows the script line, the progress and an input that fits the answer format; focus is in the input', async () => {
    const { input } = await onQuestion();
    expect(screen.getByRole('heading', { name: 'Spørgsmål 1 af højst 6' })).toBeTruthy();
    expect(screen.getByText('Hvor boede du i 1998?').getAttribute('lang')).toBe('da');
    expect(screen.getByLabelText('Adresse, som personen siger den')).toBe(input);
    expect(document.activeElement).toBe(input);
    // The input announces the question it answers.
    const describedBy = input.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('Hvor boede du i 1998?');
  });

  it('reads the script in the call language, whatever the UI language', async () => {
    await onQuestion(inProgress(question(1), { callLanguage: 'en' }));
    expect(screen.getByText('Where did you live in 1998?').getAttribute('lang')).toBe('en');
    expect(screen.getByRole('heading', { name: 'Spørgsmål 1 af højst 6' })).toBeTruthy();
  });

  it('sends with Enter, then shows the next question with focus in its fresh input', async () => {
    const user = userEvent.setup();
    const { api, input } = await onQuestion();
    const next = inProgress(question(2, { id: 'q2', kind: 'address_move_in', answerFormat: 'month_year', params: { street: 'Istedgade' } }));
    api.answerQuestion.mockResolvedValue(next);
    await user.type(input, '  Istedgade 45, 3. th, 1650 København V  {Enter}');
    expect(api.answerQuestion).toHaveBeenCalledWith({
      id: verificationId,
      questionId: 'q1',
      answer: { kind: 'text', text: 'Istedgade 45, 3. th, 1650 København V' },
    });
    expect(await screen.findByText('Hvornår flyttede du ind på Istedgade? Sig gerne måned og år.')).toBeTruthy();
    const second = screen.getByLabelText('Måned og år') as HTMLInputElement;
    expect(second.value).toBe('');
    expect(document.activeElement).toBe(second);
    expect(screen.getByRole('heading', { name: 'Spørgsmål 2 af højst 6' })).toBeTruthy();
    // No word on whether the first answer was right.
    expect(screen.queryByText(/rigtigt svar|forkert|korrekt/i)).toBeNull();
  });

  it('says what is wrong with an empty answer or a year without digits, and sends nothing', async () => {
    const user = userEvent.setup();
    const { api, input } = await onQuestion(inProgress(question(1, { kind: 'marriage_year', answerFormat: 'year', params: { when: 'current' } })));
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Skriv personens svar, eller vælg "Ved ikke" (Alt+D).')).toBeTruthy();
    await user.type(input, 'sidste år{Enter}');
    expect(await screen.findByText("Skriv året med cifre, fx 1998 eller '98.")).toBeTruthy();
    expect(api.answerQuestion).not.toHaveBeenCalled();
    api.answerQuestion.mockResolvedValue(inProgress(question(2)));
    await user.clear(input);
    await user.type(input, "'93{Enter}");
    await waitFor(() => expect(api.answerQuestion).toHaveBeenCalledTimes(1));
    expect(api.answerQuestion.mock.calls[0]?.[0].answer).toEqual({ kind: 'text', text: "'93" });
  });

  it.each([['Alt+D', '{Alt>}d{/Alt}'], ['F8', '{F8}']])('sends "doesn\'t know" with %s, even from the input', async (_name, keys) => {
    const user = userEvent.setup();
    const { api, input } = await onQuestion();
    api.answerQuestion.mockResolvedValue(inProgress(question(2, { kind: 'place_of_birth', answerFormat: 'place', params: {} })));
    await user.type(input, 'half a');
    await user.keyboard(keys);
    await waitFor(() => expect(api.answerQuestion).toHaveBeenCalledTimes(1));
    expect(api.answerQuestion).toHaveBeenCalledWith({ id: verificationId, questionId: 'q1', answer: { kind: 'dont_know' } });
    expect(await screen.findByText('Hvor er du født? Sig gerne sognet eller landet.')).toBeTruthy();
  });

  it('sends once while an answer is pending: buttons disabled, the typed text stays', async () => {
    const user = userEvent.setup();
    const { api, input } = await onQuestion();
    const pending = deferred<VerificationView>();
    api.answerQuestion.mockReturnValue(pending.promise);
    await user.type(input, 'Nørregade 12{Enter}');
    await user.keyboard('{Enter}{Enter}');
    await user.keyboard('{Alt>}d{/Alt}');
    expect(api.answerQuestion).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: /Næste/ }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: /Ved ikke/ }).hasAttribute('disabled')).toBe(true);
    expect(input.value).toBe('Nørregade 12');
    expect(screen.getByText('Sender svaret…').getAttribute('role')).toBe('status');
    pending.resolve(inProgress(question(2)));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Spørgsmål 2 af højst 6' })).toBeTruthy());
  });

  it('keeps the typed answer after a failed send; the banner\'s one Retry resends the same question id', async () => {
    const user = userEvent.setup();
    const { api, input } = await onQuestion();
    api.answerQuestion.mockRejectedValueOnce(new ApiError(0, errorCodes.unreachable, 'down'));
    api.answerQuestion.mockResolvedValueOnce(inProgress(question(2)));
    await user.type(input, 'Nørregade 12, 8000 Aarhus{Enter}');
    const alert = (await screen.findByText(/Svaret blev ikke sendt/)).closest('[role="alert"]') as HTMLElement;
    expect(input.value).toBe('Nørregade 12, 8000 Aarhus');
    expect(document.activeElement).toBe(input);
    // During the outage there is one retry action, in the connection banner; the answer has none of its own.
    expect(within(alert).queryByRole('button')).toBeNull();
    expect(alert.textContent).toContain('Prøv igen');
    await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByRole('heading', { name: 'Spørgsmål 2 af højst 6' })).toBeTruthy();
    expect(api.answerQuestion.mock.calls.map((c) => c[0])).toEqual([
      { id: verificationId, questionId: 'q1', answer: { kind: 'text', text: 'Nørregade 12, 8000 Aarhus' } },
      { id: verificationId, questionId: 'q1', answer: { kind: 'text', text: 'Nørregade 12, 8000 Aarhus' } },
    ]);
  });

  it('holds the answer while the API is still down: the banner\'s Retry resends it only once the API answers again', async () => {
    const user = userEvent.setup();
    const { api, input } = await onQuestion();
    api.answerQuestion.mockRejectedValueOnce(new ApiError(0, errorCodes.unreachable, 'down'));
    api.answerQuestion.mockResolvedValueOnce(inProgress(question(2)));
    await user.type(input, 'Nørregade 12{Enter}');
    await screen.findByText(/Svaret blev ikke sendt/);
    // The first Retry finds the API still down (a restarted process not yet listening): nothing is resent.
    api.getHealth.mockRejectedValueOnce(new ApiError(0, errorCodes.unreachable, 'down'));
    await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Prøv igen' }).hasAttribute('disabled')).toBe(false));
    expect(api.answerQuestion).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByRole('heading', { name: 'Spørgsmål 2 af højst 6' })).toBeTruthy();
    expect(api.answerQuestion).toHaveBeenCalledTimes(2);
  });

  it('warns about name and address protection', async () => {
    await onQuestion(inProgress(question(1), { notices: ['name_address_protection'] }));
    expect(screen.getByText(/navne- og adressebeskyttelse/)).toBeTruthy();
  });

  it('goes to the outcome when the last answer ends the verification', async () => {
    const user = userEvent.setup();
    const { api, input } = await onQuestion();
    api.answerQuestion.mockResolvedValue(ended('failed', 'too_few_correct'));
    await user.type(input, 'ved ikke helt{Enter}');
    expect(await screen.findByRole('heading', { name: 'Henvis til Borgerservice' })).toBeTruthy();
  });
});

describe('new call: the session ends mid-call', () => {
  it('sends the agent to sign in and back to the same question with the typed answer', async () => {
    const user = userEvent.setup();
    const { api, input, router } = await onQuestion();
    api.answerQuestion.mockRejectedValueOnce(new ApiError(401, errorCodes.unauthenticated, 'Sign in to continue.'));
    api.login.mockResolvedValue(sessionFor('agent') as never);
    await user.type(input, 'Istedgade 45{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    await user.type(await screen.findByLabelText(/Brugernavn/), 'demo.agent');
    await user.type(screen.getByLabelText(/Adgangskode/), 'a long password{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/call/new'));
    expect(router.state.location.search).toBe(`?id=${verificationId}`);
    const again = (await screen.findByLabelText('Adresse, som personen siger den', {}, { timeout: 3000 })) as HTMLInputElement;
    expect(again.value).toBe('Istedgade 45');
    // Resumed from the server, by id.
    expect(api.getVerification).toHaveBeenLastCalledWith({ id: verificationId });
  });
});
