// The composition root, wired against the Electron stand-in: what happens at start, in order.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmbeddedApi, UtilityApiOptions } from '../../../../electron/main/utility-api';

type RunningSupportApi = EmbeddedApi;
const start = vi.hoisted(() => vi.fn<(options: UtilityApiOptions) => Promise<EmbeddedApi>>());
vi.mock('../../../../electron/main/utility-api', () => ({ startUtilityApi: start }));

/** Starts the main process afresh and returns the Electron stand-in it runs against. */
async function startMain() {
  vi.resetModules();
  const electron = await import('../../../mocks/electron');
  return electron;
}

async function openWindow(electron: Awaited<ReturnType<typeof startMain>>) {
  await import('../../../../electron/main/index');
  await vi.waitFor(() => expect(electron.createdWindows).toHaveLength(1));
  const window = electron.createdWindows[0]!;
  window.emit('ready-to-show');
  return window;
}

const configDir = mkdtempSync(path.join(os.tmpdir(), 'main-managed-'));
function writeManaged(content: string): string {
  const file = path.join(configDir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, content);
  vi.stubEnv('MITID_CONSOLE_MANAGED_CONFIG', file);
  return file;
}

describe('main process start', () => {
  beforeEach(() => {
    start.mockReset();
    vi.stubEnv('SUPPORT_API_URL', '');
    // No managed file unless a test writes one (never the machine's own /etc one).
    vi.stubEnv('MITID_CONSOLE_MANAGED_CONFIG', path.join(configDir, 'absent.json'));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it('hardens the session, then shows the window once the embedded API is up', async () => {
    const close = vi.fn(async () => {});
    // Only what the shell uses of a running API: its URL and close.
    start.mockResolvedValue({ url: 'http://127.0.0.1:40001', close } as unknown as RunningSupportApi);
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ status: 'ok', version: '9.9.9', database: 'pglite', sandbox: true })));
    const electron = await startMain();
    const window = await openWindow(electron);

    expect(electron.app.enableSandbox).toHaveBeenCalled();
    // Chromium's own formats (date inputs) in the console's language, Danish by default.
    expect(electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'da');
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    // In a utility process running the built entry beside main, with its data in the user-data folder.
    expect(start).toHaveBeenCalledWith(expect.objectContaining({ entry: expect.stringMatching(/support-api\.js$/), dataDir: expect.stringMatching(/support-data$/) }));
    expect(electron.protocol.privileged.map((p) => p.scheme)).toEqual(['app']);
    expect([...electron.protocol.handlers.keys()]).toEqual(['app']);

    await vi.waitFor(() => expect(window.show).toHaveBeenCalled());
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    const handler = electron.ipcMain.handlers.get('console-api')!;
    await expect(handler({ senderFrame: window.webContents.mainFrame }, 'getHealth', {})).resolves.toMatchObject({ ok: true, value: { version: '9.9.9' } });

    // Quitting closes the embedded API first.
    electron.app.emit('before-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('still shows the window when the embedded API cannot start, and says why', async () => {
    start.mockRejectedValue(new Error('the data folder is locked by another process'));
    const electron = await startMain();
    const window = await openWindow(electron);

    await vi.waitFor(() => expect(window.show).toHaveBeenCalled());
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ type: 'error', detail: expect.stringContaining('the data folder is locked by another process') }),
    );
    const handler = electron.ipcMain.handlers.get('console-api')!;
    await expect(handler({ senderFrame: window.webContents.mainFrame }, 'getHealth', {})).resolves.toMatchObject({
      ok: false,
      error: { status: 503, code: 'unavailable', message: expect.stringContaining('could not start') },
    });
  });

  it('does not start the API for a bad SUPPORT_API_URL, and says so', async () => {
    vi.stubEnv('SUPPORT_API_URL', 'file:///etc/passwd');
    const electron = await startMain();
    const window = await openWindow(electron);
    await vi.waitFor(() => expect(window.show).toHaveBeenCalled());
    expect(start).not.toHaveBeenCalled();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ detail: expect.stringContaining('SUPPORT_API_URL') }));
  });

  it('quits at once when another instance is running', async () => {
    const electron = await startMain();
    electron.app.requestSingleInstanceLock.mockReturnValue(false);
    await import('../../../../electron/main/index');
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.createdWindows).toHaveLength(0);
    expect(start).not.toHaveBeenCalled();
  });

  it('stops at a bad managed file with a dialog naming the file and the field', async () => {
    const file = writeManaged(JSON.stringify({ supportApiUrl: 'http://support.centre.example' }));
    const electron = await startMain();
    await import('../../../../electron/main/index');
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('MitID Support Console', expect.stringContaining(`File: ${file}\nField: supportApiUrl\nProblem: must be https`));
    expect(electron.createdWindows).toHaveLength(0);
    expect(start).not.toHaveBeenCalled();
  });

  it('uses the managed shared API through Electron’s network stack, locks its settings, and copies diagnostics', async () => {
    writeManaged(JSON.stringify({ supportApiUrl: 'https://support.centre.example', language: 'en' }));
    vi.stubEnv('SUPPORT_API_URL', 'embedded');
    const electron = await startMain();
    const apiSession = electron.session.fromPartition('support-api');
    apiSession.fetch.mockImplementation(async () => Response.json({ status: 'ok', version: '7.0.0', database: 'postgres', sandbox: false }));
    const window = await openWindow(electron);
    await vi.waitFor(() => expect(window.show).toHaveBeenCalled());
    expect(start).not.toHaveBeenCalled();
    expect(electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'en-GB');

    const api = electron.ipcMain.handlers.get('console-api')!;
    await expect(api({ senderFrame: window.webContents.mainFrame }, 'getHealth', {})).resolves.toMatchObject({ ok: true, value: { version: '7.0.0' } });
    expect(apiSession.fetch).toHaveBeenCalled();

    const settings = electron.ipcMain.handlers.get('console:settings')!;
    expect(await settings({ senderFrame: window.webContents.mainFrame }, { op: 'get' })).toMatchObject({
      ok: true,
      value: { language: 'en', training: false, locked: expect.arrayContaining(['supportApiUrl', 'language', 'sandboxAllowed']) },
    });

    // Help → Copy diagnostics.
    const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as { submenu?: { id?: string; click?: () => void }[] }[];
    const help = template.find((item) => item.submenu)!;
    expect(help.submenu!.map((i) => i.id)).toEqual(['open-log-folder', 'copy-diagnostics']);
    help.submenu!.find((i) => i.id === 'copy-diagnostics')!.click!();
    await vi.waitFor(() => expect(electron.clipboard.writeText).toHaveBeenCalled());
    const summary = electron.clipboard.writeText.mock.calls[0]![0] as string;
    expect(summary).toContain('supportApiUrl: https://support.centre.example — managed');
    expect(summary).toContain('theme: system — default');
    expect(summary).toContain('Support API: ok (version 7.0.0, database postgres)');
    help.submenu!.find((i) => i.id === 'open-log-folder')!.click!();
    expect(electron.shell.openPath).toHaveBeenCalledWith(path.join(electron.app.getPath('userData'), 'logs'));
  });

  it('is a training console without a managed file', async () => {
    start.mockResolvedValue({ url: 'http://127.0.0.1:40001', close: vi.fn(async () => {}) } as unknown as RunningSupportApi);
    const electron = await startMain();
    const window = await openWindow(electron);
    await vi.waitFor(() => expect(window.show).toHaveBeenCalled());
    const settings = electron.ipcMain.handlers.get('console:settings')!;
    expect(await settings({ senderFrame: window.webContents.mainFrame }, { op: 'get' })).toMatchObject({ ok: true, value: { training: true, locked: [] } });
    // The embedded API's process is told where to write its log (the log folder) and at which level.
    expect(start).toHaveBeenCalledWith(
      expect.objectContaining({
        env: expect.objectContaining({ CONSOLE_LOG_DIR: path.join(electron.app.getPath('userData'), 'logs'), CONSOLE_LOG_LEVEL: 'info' }),
      }),
    );
  });
});
