import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConsoleSettings, parseConsoleSettings } from '../../../../shared/settings/console-settings';
import { openSettingsStore, resolveSupportApiTarget } from '../../../../electron/main/settings-store';
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
    expect(defaultConsoleSettings).toEqual({ supportApiUrl: 'embedded', language: 'da', theme: 'system' });
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
    expect(openSettingsStore({ cwd, log }).read()).toEqual({ supportApiUrl: 'https://support.example.dk', language: 'en', theme: 'dark' });
  });

  it('replaces invalid values by their defaults, keeps the valid ones, and logs the keys', () => {
    writeFileSync(settingsFile(), JSON.stringify({ supportApiUrl: 'javascript:alert(1)', language: 'fr', theme: 'dark' }));
    expect(openSettingsStore({ cwd, log }).read()).toEqual({ supportApiUrl: 'embedded', language: 'da', theme: 'dark' });
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toMatch(/supportApiUrl, language/);
    expect(log.warn.mock.calls[0]![0]).not.toContain('javascript:');
  });

  it('falls back to all defaults when the file is not JSON, and leaves the file for a human', () => {
    writeFileSync(settingsFile(), '{ this is not json');
    expect(openSettingsStore({ cwd, log }).read()).toEqual(defaultConsoleSettings);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/could not be read/));
    expect(readFileSync(settingsFile(), 'utf8')).toBe('{ this is not json');
  });

  it('gives all defaults for content that is not an object', () => {
    expect(parseConsoleSettings([1, 2])).toEqual({ settings: defaultConsoleSettings, invalidKeys: ['(root)'] });
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
    const stored = { ...defaultConsoleSettings, supportApiUrl: 'https://a.example.dk/' };
    expect(resolveSupportApiTarget(stored, {})).toEqual({ kind: 'remote', url: 'https://a.example.dk' });
    expect(resolveSupportApiTarget(stored, { SUPPORT_API_URL: 'http://10.0.0.5:4312' })).toEqual({ kind: 'remote', url: 'http://10.0.0.5:4312' });
    expect(resolveSupportApiTarget(stored, { SUPPORT_API_URL: 'embedded' })).toEqual({ kind: 'embedded' });
    expect(resolveSupportApiTarget(defaultConsoleSettings, {})).toEqual({ kind: 'embedded' });
    expect(() => resolveSupportApiTarget(stored, { SUPPORT_API_URL: 'ftp://x.example' })).toThrow(/SUPPORT_API_URL/);
  });
});
