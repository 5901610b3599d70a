import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError, errorCodes } from '../../../../../shared/api/index';
import { fakeApi, renderConsole, sessionFor } from '../../support/render-console';

describe('sign-in', () => {
  it('puts focus on the username and shows Danish field errors when submitted empty', async () => {
    const user = userEvent.setup();
    const { api } = renderConsole({ path: '/sign-in' });
    const username = await screen.findByLabelText(/Brugernavn/);
    expect(document.activeElement).toBe(username);
    await user.click(screen.getByRole('button', { name: 'Log ind' }));
    expect(await screen.findByText('Skriv dit brugernavn.')).toBeTruthy();
    expect(screen.getByText('Skriv din adgangskode.')).toBeTruthy();
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(api.login).not.toHaveBeenCalled();
  });

  it('shows the same field errors in English', async () => {
    const user = userEvent.setup();
    renderConsole({ path: '/sign-in', language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your username.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
  });

  it('translates a shown field error when the language is switched', async () => {
    const user = userEvent.setup();
    renderConsole({ path: '/sign-in' });
    await user.click(await screen.findByRole('button', { name: 'Log ind' }));
    await screen.findByText('Skriv dit brugernavn.');
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Enter your username.')).toBeTruthy();
  });

  it('submits with Enter and routes an agent to the new-call page', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ login: async () => sessionFor('agent') });
    const { router } = renderConsole({ api, path: '/sign-in' });
    await user.type(await screen.findByLabelText(/Brugernavn/), ' demo.agent ');
    await user.type(screen.getByLabelText(/Adgangskode/), 'correct horse battery{Enter}');
    // The first render of a lazy screen transforms its modules: on a busy machine that takes seconds.
    await waitFor(() => expect(router.state.location.pathname).toBe('/call/new'), { timeout: 10_000 });
    // The schema trims the username, as the contract does.
    expect(api.login).toHaveBeenCalledWith({ username: 'demo.agent', password: 'correct horse battery' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nyt opkald' })).toBeTruthy();
    expect(screen.getByText('Logget ind som Anna Agent')).toBeTruthy();
  });

  it('routes a supervisor to the verification log (a lazy route)', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ login: async () => sessionFor('supervisor') });
    const { router } = renderConsole({ api, path: '/sign-in' });
    await user.type(await screen.findByLabelText(/Brugernavn/), 'demo.supervisor');
    await user.type(screen.getByLabelText(/Adgangskode/), 'another long secret{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Verifikationslog' }, { timeout: 10_000 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/supervisor/log');
  });

  it('shows a form-level alert for invalid credentials and clears the password', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      login: async () => {
        throw new ApiError(401, errorCodes.invalidCredentials, 'Wrong username or password.');
      },
    });
    renderConsole({ api, path: '/sign-in' });
    await user.type(await screen.findByLabelText(/Brugernavn/), 'demo.agent');
    const password = screen.getByLabelText(/Adgangskode/);
    await user.type(password, 'wrong-password{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Forkert brugernavn eller adgangskode.');
    expect((password as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(password);
    // Still on sign-in: a wrong password is not an expired session.
    expect(screen.getByRole('heading', { level: 1, name: 'Log ind' })).toBeTruthy();
  });

  it('explains a locked account and an unreachable API differently', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.login.mockRejectedValueOnce(new ApiError(423, 'locked', 'Locked.'));
    api.login.mockRejectedValueOnce(new ApiError(0, errorCodes.unreachable, 'No answer.'));
    renderConsole({ api, path: '/sign-in', language: 'en' });
    await user.type(await screen.findByLabelText(/Username/), 'demo.agent');
    await user.type(screen.getByLabelText(/Password/), 'pw{Enter}');
    expect(await screen.findByText(/temporarily locked/)).toBeTruthy();
    await user.type(screen.getByLabelText(/Password/), 'pw{Enter}');
    expect(await screen.findByText('The Support API could not be reached. Try again shortly.')).toBeTruthy();
  });

  it('shows the demo-accounts hint only in the sandbox', async () => {
    renderConsole({ path: '/sign-in' });
    expect(await screen.findByText(/demokontiene/)).toBeTruthy();
  });

  it('hides the demo-accounts hint outside the sandbox', async () => {
    const api = fakeApi();
    api.getHealth.mockResolvedValue({ status: 'ok', version: '0.1.0', database: 'postgres', sandbox: false });
    renderConsole({ api, path: '/sign-in' });
    await waitFor(() => expect(api.getHealth).toHaveBeenCalled());
    await screen.findByRole('heading', { name: 'Log ind' });
    expect(screen.queryByText(/demokontiene/)).toBeNull();
  });
});
