import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConsoleSettings, parseConsoleSettings } from '../../../../shared/settings/console-settings';
import { loadStartSettings, openSettingsStore, resolveSupportApiTarget } from '../../../../electron/main/settings-store';
import * as mock from '../../../mocks/electron';

describe('console settings', () => {
  let cwd: string;
  const log = { warn: vi.fn() };
  beforeEach(() => {
    mock.resetElectronMock();
    log.warn.mockClear();
    cwd = mkdtempSync(path.join(os.tmpdir(), 'console-settings-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));
  const settingsFile = () => path.join(cwd, 'console-settings.json');

  it('defaults to the embedded API, Danish and the system theme', () => {
    expect(defaultConsoleSettings).toEqual({ supportApiUrl: 'embedded', language: 'da', theme: 'system', logLevel: 'info' });
    expect(openSettingsStore({ cwd, log }).read()).toEqual(defaultConsoleSettings);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('leaves no IPC channel of electron-store open: console-api stays the only one', async () => {
    // Fresh modules: electron-store registers its channel only once per process.
    vi.resetModules();
    const electron = await import('../../../mocks/electron');
    const fresh = await import('../../../../electron/main/settings-store');
    const registered = vi.spyOn(electron.ipcMain, 'on');
    fresh.openSettingsStore({ cwd, log }).read();
    expect(registered).toHaveBeenCalledWith('electron-store-get-data', expect.any(Function));
    expect(electron.ipcMain.eventNames()).toEqual([]);
  });

  it('reads valid stored settings through electron-store', () => {
    writeFileSync(settingsFile(), JSON.stringify({ supportApiUrl: 'https://support.example.dk', language: 'en', theme: 'dark' }));
    expect(openSettingsStore({ cwd, log }).read()).toEqual({ supportApiUrl: 'https://support.example.dk', language: 'en', theme: 'dark', logLevel: 'info' });
    // Which keys the file holds: the rest are defaults (the diagnostics say so).
    expect(openSettingsStore({ cwd, log }).readLayer().storedKeys).toEqual(['supportApiUrl', 'language', 'theme']);
  });

  it('replaces invalid values by their defaults, keeps the valid ones, and logs the keys', () => {
    writeFileSync(settingsFile(), JSON.stringify({ supportApiUrl: 'javascript:alert(1)', language: 'fr', theme: 'dark' }));
    expect(openSettingsStore({ cwd, log }).read()).toEqual({ ...defaultConsoleSettings, theme: 'dark' });
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toMatch(/supportApiUrl, language/);
    expect(log.warn.mock.calls[0]![0]).not.toContain('javascript:');
    expect(openSettingsStore({ cwd, log }).readLayer().storedKeys).toEqual(['theme']);
  });

  it('falls back to all defaults when the file is not JSON, and leaves the file for a human', () => {
    writeFileSync(settingsFile(), '{ this is not json');
    expect(openSettingsStore({ cwd, log }).read()).toEqual(defaultConsoleSettings);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/could not be read/));
    expect(readFileSync(settingsFile(), 'utf8')).toBe('{ this is not json');
  });

  it('gives all defaults for content that is not an object', () => {
    expect(parseConsoleSettings([1, 2])).toEqual({ settings: defaultConsoleSettings, storedKeys: [], invalidKeys: ['(root)'] });
    expect(parseConsoleSettings('embedded').settings).toEqual(defaultConsoleSettings);
  });

  it('saves only valid changes', () => {
    const store = openSettingsStore({ cwd, log });
    expect(store.update({ language: 'en' })).toEqual({ ...defaultConsoleSettings, language: 'en' });
    expect(openSettingsStore({ cwd, log }).read().language).toBe('en');
    expect(() => store.update({ theme: 'neon' as never })).toThrow();
    expect(openSettingsStore({ cwd, log }).read().theme).toBe('system');
  });

  it('lets SUPPORT_API_URL override the stored URL, and refuses a bad one rather than fall back to the sandbox', () => {
    writeFileSync(settingsFile(), JSON.stringify({ supportApiUrl: 'https://a.example.dk/' }));
    const store = openSettingsStore({ cwd, log });
    const managedFile = path.join(cwd, 'no-managed.json');
    const target = (env: NodeJS.ProcessEnv) => resolveSupportApiTarget(loadStartSettings({ store, managedFile, env }));
    expect(target({})).toEqual({ kind: 'remote', url: 'https://a.example.dk' });
    expect(target({ SUPPORT_API_URL: 'https://10.0.0.5:4312' })).toEqual({ kind: 'remote', url: 'https://10.0.0.5:4312' });
    expect(target({ SUPPORT_API_URL: 'http://127.0.0.1:4312' })).toEqual({ kind: 'remote', url: 'http://127.0.0.1:4312' });
    expect(target({ SUPPORT_API_URL: 'embedded' })).toEqual({ kind: 'embedded' });
    expect(loadStartSettings({ store, managedFile, env: { SUPPORT_API_URL: 'embedded' } }).sources.supportApiUrl).toBe('env');
    expect(() => target({ SUPPORT_API_URL: 'ftp://x.example' })).toThrow(/SUPPORT_API_URL/);
  });

  it('refuses a shared API over plain http, saying why', () => {
    const store = openSettingsStore({ cwd, log });
    const managedFile = path.join(cwd, 'no-managed.json');
    expect(() => resolveSupportApiTarget(loadStartSettings({ store, managedFile, env: { SUPPORT_API_URL: 'http://10.0.0.5:4312' } }))).toThrow(
      'The Support API at http://10.0.0.5:4312 uses plain http. A Support API on another machine must use https',
    );
    expect(() => resolveSupportApiTarget(loadStartSettings({ store, managedFile, env: { SUPPORT_API_URL: 'http://support.internal' } }))).toThrow(/must use https/);
  });
});
