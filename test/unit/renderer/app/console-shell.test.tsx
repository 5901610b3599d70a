import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ApiError, errorCodes } from '../../../../shared/api/index';
import { useConsoleApi } from '../../../../renderer/src/app/console-api-context';
import { rememberedLanguage } from '../../../../renderer/src/app/i18n/i18n';
import { createRoutes } from '../../../../renderer/src/app/routes';
import { fakeApi, renderConsole, sessionFor } from '../support/render-console';

describe('the sandbox banner', () => {
  it('is shown when getHealth says sandbox: true', async () => {
    renderConsole();
    const banner = await screen.findByRole('status', { name: 'SANDKASSE — syntetiske data' });
    expect(banner.textContent).toContain('SANDKASSE — syntetiske data');
  });

  it('is not shown when the API runs on the real register', async () => {
    const api = fakeApi();
    api.getHealth.mockResolvedValue({ status: 'ok', version: '0.1.0', database: 'postgres', sandbox: false });
    renderConsole({ api });
    await screen.findByRole('heading', { name: 'Log ind' });
    await waitFor(() => expect(api.getHealth).toHaveBeenCalledTimes(1));
    expect(screen.queryByText(/SANDKASSE/)).toBeNull();
  });
});

describe('the language switch', () => {
  it('changes the visible text, the document language, and is remembered', async () => {
    const user = userEvent.setup();
    renderConsole();
    expect(await screen.findByRole('heading', { level: 1, name: 'Log ind' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('da');
    const group = screen.getByRole('group', { name: 'Sprog' });
    await user.click(within(group).getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('status', { name: 'SANDBOX — synthetic data' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('console.language')).toBe('en');
  });
});

describe('the desktop shell hints', () => {
  it('start in the language of ?language= until the user picks one here', async () => {
    window.history.replaceState(null, '', '/?language=en');
    try {
      const { i18n } = renderConsole({ language: rememberedLanguage() });
      expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
      expect(i18n.language).toBe('en');
      window.localStorage.setItem('console.language', 'da');
      expect(rememberedLanguage()).toBe('da');
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });
});

describe('the connection banner', () => {
  it('explains an unreachable API and recovers on Retry', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.getHealth.mockRejectedValueOnce(new ApiError(0, errorCodes.unreachable, 'The Support API could not be reached.'));
    renderConsole({ api });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ingen forbindelse til Support API');
    expect(alert.textContent).toContain('Support API svarer ikke');
    expect(screen.queryByText(/SANDKASSE/)).toBeNull();
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    await waitFor(() => expect(screen.queryByText('Ingen forbindelse til Support API')).toBeNull());
    expect(api.getHealth).toHaveBeenCalledTimes(2);
    // The retry's answer said sandbox: the banner is back.
    expect(await screen.findByRole('status', { name: 'SANDKASSE — syntetiske data' })).toBeTruthy();
  });

  it('says the API is unavailable on a 503', async () => {
    const api = fakeApi();
    api.getHealth.mockRejectedValue(new ApiError(503, errorCodes.unavailable, 'Starting.'));
    renderConsole({ api, language: 'en' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The Support API is temporarily unavailable.');
    expect(alert.textContent).toContain('Details: Starting.');
  });
});

describe('routes and session', () => {
  it('sends a signed-out user to sign in and back to the asked-for screen afterwards', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ login: async () => sessionFor('agent') });
    const { router } = renderConsole({ api, path: '/calls' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    await user.type(await screen.findByLabelText(/Brugernavn/), 'demo.agent');
    await user.type(screen.getByLabelText(/Adgangskode/), 'secret{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/calls'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mine opkald' })).toBeTruthy();
    expect(screen.getByText('Dine verifikationer i dag, nyeste først.')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Hovedmenu' });
    expect(within(nav).getByRole('link', { name: 'Mine opkald' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).queryByRole('link', { name: 'Verifikationslog' })).toBeNull();
  });

  it('on a 401 from any call, asks to sign in again and returns to the same screen', async () => {
    const user = userEvent.setup();
    function Probe() {
      const api = useConsoleApi();
      return <button onClick={() => void api.getSession({}).catch(() => undefined)}>probe</button>;
    }
    // The "my calls" screen is swapped for a probe that makes a session-bound call on demand.
    const routes = createRoutes();
    const swap = (list: RouteObject[]) =>
      list.forEach((r) => {
        if (r.path === '/calls') {
          // The screen loads lazily; a lazy route's Component would replace the probe.
          delete r.lazy;
          r.Component = Probe;
        }
        if (r.children) swap(r.children);
      });
    swap(routes);
    const api = fakeApi();
    api.getSession.mockResolvedValueOnce(sessionFor('agent'));
    api.login.mockImplementation(async () => sessionFor('agent') as never);
    const { router } = renderConsole({ api, path: '/calls', routes });
    await user.click(await screen.findByRole('button', { name: 'probe' }));
    // fakeApi's getSession now answers 401: the session has ended on the server.
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(await screen.findByText(/Din session er udløbet/)).toBeTruthy();
    await user.type(screen.getByLabelText(/Brugernavn/), 'demo.agent');
    await user.type(screen.getByLabelText(/Adgangskode/), 'secret{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/calls'));
  });

  it('shows an agent that a supervisor screen is not for them', { timeout: 90_000 }, async () => {
    const api = fakeApi();
    api.getSession.mockResolvedValue(sessionFor('agent'));
    renderConsole({ api, path: '/supervisor/policy' });
    // The supervisor screen's chunk (date pickers included) loads first: slow in jsdom on a busy machine.
    expect(await screen.findByRole('heading', { level: 1, name: 'Ikke tilgængelig for din rolle' }, { timeout: 80_000 })).toBeTruthy();
  });

  it('signs out through logout and does not offer a way back', { timeout: 90_000 }, async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.getSession.mockResolvedValue(sessionFor('supervisor'));
    api.logout.mockResolvedValue({ ok: true });
    const { router } = renderConsole({ api, path: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Verifikationslog' }, { timeout: 80_000 })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Log ud' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(api.logout).toHaveBeenCalledTimes(1);
    expect(router.state.location.state).toBeNull();
    expect(screen.queryByText(/Din session er udløbet/)).toBeNull();
  });
});
