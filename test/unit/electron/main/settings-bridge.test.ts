// The console window's settings channel: language and theme saved to the settings file, managed
// values locked, every request checked in main.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleSettingsCall, setupSettingsBridge, type SettingsBridgeOptions } from '../../../../electron/main/settings-bridge';
import { openSettingsStore } from '../../../../electron/main/settings-store';
import { defaultConsoleSettings } from '../../../../shared/settings/console-settings';
import { layerSettings } from '../../../../shared/settings/managed-settings';
import { ipcMain, MockBrowserWindow, resetElectronMock } from '../../../mocks/electron';

describe('settings bridge', () => {
  let cwd: string;
  let window: MockBrowserWindow;
  let own: { senderFrame: unknown };
  beforeEach(() => {
    resetElectronMock();
    cwd = mkdtempSync(path.join(os.tmpdir(), 'settings-bridge-'));
    window = new MockBrowserWindow();
    own = { senderFrame: window.webContents.mainFrame };
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  function options(managed?: Parameters<typeof layerSettings>[0]['managed'], training = !managed): SettingsBridgeOptions {
    return {
      ipcMain,
      getWindow: () => window as unknown as Electron.BrowserWindow,
      store: openSettingsStore({ cwd, log: { warn() {} } }),
      start: layerSettings({ user: { ...defaultConsoleSettings }, userKeys: [], ...(managed ? { managed } : {}) }),
      training,
      isOwnUrl: () => true,
    };
  }
  const call = (o: SettingsBridgeOptions, request: unknown, event: unknown = own) => handleSettingsCall(o, event as Electron.IpcMainInvokeEvent, request);

  it('tells a training console so, with nothing locked', () => {
    expect(call(options(), { op: 'get' })).toEqual({ ok: true, value: { language: 'da', theme: 'system', locked: [], training: true, wrapUpCodes: {} } });
  });

  it('saves language and theme to the settings file', () => {
    const o = options();
    expect(call(o, { op: 'update', change: { language: 'en', theme: 'dark' } })).toEqual({ ok: true, value: { language: 'en', theme: 'dark', locked: [], training: true, wrapUpCodes: {} } });
    expect(JSON.parse(readFileSync(path.join(cwd, 'console-settings.json'), 'utf8'))).toMatchObject({ language: 'en', theme: 'dark' });
    expect(call(o, { op: 'get' })).toMatchObject({ ok: true, value: { language: 'en', theme: 'dark' } });
  });

  it('passes the managed wrap-up codes to the console window', () => {
    const o = options({ wrapUpCodes: { passed: 'PW-OK', suspected_fraud: 'FRAUD 1' } });
    expect(call(o, { op: 'get' })).toMatchObject({ ok: true, value: { wrapUpCodes: { passed: 'PW-OK', suspected_fraud: 'FRAUD 1' }, locked: ['wrapUpCodes'] } });
  });

  it('refuses to change what the managed configuration sets, and anything it does not know', () => {
    const o = options({ supportApiUrl: 'https://support.centre.example', language: 'da' });
    expect(call(o, { op: 'get' })).toMatchObject({ ok: true, value: { locked: expect.arrayContaining(['language', 'supportApiUrl', 'sandboxAllowed']), training: false } });
    expect(call(o, { op: 'update', change: { language: 'en' } })).toEqual({ ok: false, error: { message: 'Set by your IT department: language.' } });
    expect(call(o, { op: 'update', change: { supportApiUrl: 'embedded' } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('supportApiUrl') } });
    expect(call(o, { op: 'update', change: { theme: 'neon' } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('theme') } });
    expect(call(o, { op: 'drop' })).toEqual({ ok: false, error: { message: 'Unknown settings request.' } });
    expect(call(o, null)).toEqual({ ok: false, error: { message: 'Unknown settings request.' } });
    // Nothing reached the file.
    expect(() => readFileSync(path.join(cwd, 'console-settings.json'), 'utf8')).toThrow();
  });

  it('answers only the console window', async () => {
    const o = options();
    expect(call(o, { op: 'get' }, { senderFrame: { url: 'https://evil.example' } })).toEqual({ ok: false, error: { message: 'This frame may not read the settings.' } });
    setupSettingsBridge(o);
    const handler = ipcMain.handlers.get('console:settings')!;
    expect(await handler(own, { op: 'get' })).toMatchObject({ ok: true });
  });
});
