// Renders the whole console (providers, routes, layout) over a fake ConsoleApi in a memory router.
import { cleanup, render } from '@testing-library/react';
import { createMemoryRouter, type RouteObject } from 'react-router';
import { afterEach, vi, type Mock } from 'vitest';
import { ApiError, errorCodes, operationNames, type ConsoleApi, type Role, type SessionInfo } from '../../../../shared/api/index';
import { ConsoleApp } from '../../../../renderer/src/app/console-app';
import type { Language } from '../../../../renderer/src/app/i18n/catalogue';
import { createConsoleI18n } from '../../../../renderer/src/app/i18n/i18n';
import { createRoutes } from '../../../../renderer/src/app/routes';

// vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

// jsdom has no matchMedia; MUI's 'system' colour scheme asks it for prefers-color-scheme.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

export type FakeApi = { [N in keyof ConsoleApi]: Mock<ConsoleApi[N]> };

/** Every operation rejects with 503 unless the test says otherwise; getSession says "not signed in". */
// Loosely typed on purpose: the contract's ClientOutput<'login'> still lists `token` (see report), which
// the renderer never receives.
type Overrides = Partial<Record<keyof ConsoleApi, (input: never) => Promise<unknown>>>;

export function fakeApi(overrides: Overrides = {}): FakeApi {
  const api = Object.fromEntries(
    operationNames.map((name) => [
      name,
      vi.fn(async () => {
        throw new ApiError(503, errorCodes.unavailable, `${name} is not available yet.`);
      }),
    ]),
  ) as unknown as FakeApi;
  api.getHealth.mockResolvedValue({ status: 'ok', version: '0.1.0', database: 'pglite', sandbox: true });
  api.getSession.mockRejectedValue(new ApiError(401, errorCodes.unauthenticated, 'Sign in to continue.'));
  for (const [name, impl] of Object.entries(overrides)) {
    (api[name as keyof FakeApi] as Mock).mockImplementation(impl as never);
  }
  return api;
}

export function sessionFor(role: Role): SessionInfo {
  return {
    user: { id: `u-${role}`, username: `demo.${role}`, displayName: role === 'agent' ? 'Anna Agent' : 'Søren Supervisor', role },
    expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
    idleTimeoutSeconds: 600,
  };
}

export function renderConsole(
  options: { api?: FakeApi; path?: string; language?: Language; routes?: RouteObject[] } = {},
) {
  const api = options.api ?? fakeApi();
  const router = createMemoryRouter(options.routes ?? createRoutes(), { initialEntries: [options.path ?? '/'] });
  const i18n = createConsoleI18n(options.language ?? 'da');
  const view = render(<ConsoleApp api={api} i18n={i18n} router={router} />);
  return { ...view, api, router, i18n };
}
