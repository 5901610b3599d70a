import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import type { createHashRouter } from 'react-router';
import type { ConsoleApi } from '../../../shared/api/index';
import { AuthProvider } from './auth';
import { ConsoleApiProvider } from './console-api-context';
import { HealthProvider } from './health';
import { consoleTheme, initialThemeSetting, themeStorageKey } from './theme';

type Router = ReturnType<typeof createHashRouter>;

/** Everything a screen may rely on: theme, language, the Support API, its health and the session. */
export function ConsoleProviders({ api, i18n, children }: { api: ConsoleApi; i18n: I18n; children: ReactNode }) {
  return (
    <ThemeProvider theme={consoleTheme} defaultMode={initialThemeSetting()} modeStorageKey={themeStorageKey}>
      <CssBaseline enableColorScheme />
      <I18nextProvider i18n={i18n}>
        <ConsoleApiProvider api={api}>
          <HealthProvider>
            <AuthProvider>{children}</AuthProvider>
          </HealthProvider>
        </ConsoleApiProvider>
      </I18nextProvider>
    </ThemeProvider>
  );
}

/** The whole console. main.tsx passes the real API and a hash router; tests pass a fake API and a memory router. */
export function ConsoleApp({ api, i18n, router }: { api: ConsoleApi; i18n: I18n; router: Router }) {
  return (
    <ConsoleProviders api={api} i18n={i18n}>
      <RouterProvider router={router} />
    </ConsoleProviders>
  );
}
