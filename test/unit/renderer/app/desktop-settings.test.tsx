// The console in the desktop shell: managed settings shown locked, a training console says so on the
// sign-in screen, language and theme choices saved through the bridge to the settings file.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleBridge } from '../../../../shared/api-client/ipc-client';
import type { DesktopSettingsView } from '../../../../shared/settings/desktop-settings';
import { resetDesktopSettings } from '../../../../renderer/src/app/desktop-settings';
import { rememberedLanguage } from '../../../../renderer/src/app/i18n/i18n';
import { initialThemeSetting } from '../../../../renderer/src/app/theme';
import { renderConsole } from '../support/render-console';

function installBridge(view: DesktopSettingsView) {
  const update = vi.fn(async (change: Partial<DesktopSettingsView>) => ({ ok: true as const, value: { ...view, ...change } }));
  const bridge: ConsoleBridge = {
    invoke: async () => ({ ok: false, error: { status: 503, code: 'unavailable', message: 'not in this test' } }),
    onLockRequested: () => () => {},
    saveDownload: async () => ({ ok: true as const, saved: false as const }),
    saveText: async () => ({ ok: true as const, saved: false as const }),
    cancelDownload: async () => {},
    onDownloadProgress: () => () => {},
    onCallLink: () => () => {},
    takeCallLink: async () => null,
    copyText: async () => true,
    settings: { get: async () => ({ ok: true, value: view }), update },
  };
  window.consoleBridge = bridge;
  return { update };
}

afterEach(() => {
  delete window.consoleBridge;
  resetDesktopSettings();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('desktop settings in the console', () => {
  it('says on the sign-in screen that a console without managed configuration is a training console', async () => {
    installBridge({ language: 'da', theme: 'system', locked: [], training: true, wrapUpCodes: {} });
    renderConsole();
    await screen.findByRole('heading', { level: 1, name: 'Log ind' }, { timeout: 5000 });
    const note = await screen.findByText(/Træningskonsol: der er ingen central konfiguration/);
    expect(note).toBeTruthy();
  });

  it('has no training notice when the centre manages the console, and locks the language it sets', async () => {
    installBridge({ language: 'da', theme: 'system', locked: ['supportApiUrl', 'language'], training: false, wrapUpCodes: {} });
    renderConsole();
    await screen.findByRole('heading', { level: 1, name: 'Log ind' });
    const group = screen.getByRole('group', { name: 'Sprog' });
    await waitFor(() => expect((within(group).getByRole('button', { name: 'English' }) as HTMLButtonElement).disabled).toBe(true));
    expect(group.getAttribute('title')).toBe('Fastlagt af din it-afdeling');
    expect(screen.queryByText(/Træningskonsol/)).toBeNull();
    // The theme is not locked.
    expect((screen.getByRole('button', { name: /^Farvetema/ }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('saves a language choice to the settings file through the bridge', async () => {
    const user = userEvent.setup();
    const { update } = installBridge({ language: 'da', theme: 'system', locked: [], training: true, wrapUpCodes: {} });
    renderConsole();
    const group = await screen.findByRole('group', { name: 'Sprog' });
    await user.click(within(group).getByRole('button', { name: 'English' }));
    await waitFor(() => expect(update).toHaveBeenCalledWith({ language: 'en' }));
    await user.click(screen.getByRole('button', { name: /^Colour theme/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Dark' }));
    await waitFor(() => expect(update).toHaveBeenCalledWith({ theme: 'dark' }));
  });

  it('starts in the settings file’s language and theme in the desktop shell, whatever this browser remembers', () => {
    window.localStorage.setItem('console.language', 'da');
    window.localStorage.setItem('console.theme', 'light');
    window.history.replaceState(null, '', '/?language=en&theme=dark');
    installBridge({ language: 'en', theme: 'dark', locked: [], training: true, wrapUpCodes: {} });
    expect(rememberedLanguage()).toBe('en');
    expect(initialThemeSetting()).toBe('dark');
    expect(window.localStorage.getItem('console.theme')).toBeNull();
  });
});
