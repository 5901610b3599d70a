import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../shared/api/index';
import type { HttpConsoleApi } from '../../../../shared/api-client/http-client';
import { consoleApiChannel } from '../../../../electron/ipc-channels';
import { setupIpcBridge, type ApiBackend } from '../../../../electron/main/ipc-bridge';
import * as mock from '../../../mocks/electron';

const ownUrl = 'app://console/index.html';
const health = { status: 'ok', version: '1.2.3', database: 'pglite', sandbox: true };

function fakeClient() {
  return {
    getHealth: vi.fn(async () => health),
    login: vi.fn(async () => ({ user: { id: 'u1' } })),
    getSession: vi.fn(async () => Promise.reject(new ApiError(401, 'unauthenticated', 'Sign in to continue.'))),
  };
}

function setup(backend: ApiBackend) {
  const window = new mock.MockBrowserWindow();
  window.webContents.mainFrame.url = `${ownUrl}#/call`;
  const log = { warn: vi.fn(), error: vi.fn() };
  setupIpcBridge({ ipcMain: mock.ipcMain as never, getWindow: () => window as never, backend: async () => backend, log });
  const handler = mock.ipcMain.handlers.get(consoleApiChannel)!;
  const fromMainFrame = (op: unknown, input: unknown) => handler({ senderFrame: window.webContents.mainFrame }, op, input);
  return { window, handler, fromMainFrame, log };
}

describe('IPC bridge', () => {
  let client: ReturnType<typeof fakeClient>;
  beforeEach(() => {
    mock.resetElectronMock();
    client = fakeClient();
  });
  const ready = (): ApiBackend => ({ kind: 'ready', client: client as unknown as HttpConsoleApi });

  it('registers exactly one channel', () => {
    setup(ready());
    expect([...mock.ipcMain.handlers.keys()]).toEqual(['console-api']);
  });

  it('forwards a good call from the main frame to the client and returns its value', async () => {
    const { fromMainFrame } = setup(ready());
    await expect(fromMainFrame('getHealth', {})).resolves.toEqual({ ok: true, value: health });
    await expect(fromMainFrame('login', { username: 'agent1', password: 'pw' })).resolves.toEqual({ ok: true, value: { user: { id: 'u1' } } });
    expect(client.login).toHaveBeenCalledWith({ username: 'agent1', password: 'pw' });
  });

  it('rejects an unknown operation without calling the client', async () => {
    const { fromMainFrame } = setup(ready());
    for (const op of ['dropDatabase', '__proto__', 'toString', 42, undefined]) {
      await expect(fromMainFrame(op, {})).resolves.toMatchObject({ ok: false, error: { status: 400, code: 'bad_request' } });
    }
    expect(client.getHealth).not.toHaveBeenCalled();
  });

  it('rejects a bad input in main, naming the field but not echoing the value', async () => {
    const { fromMainFrame } = setup(ready());
    const result = await fromMainFrame('login', { username: 'agent1', password: 12345678901 });
    expect(result).toMatchObject({ ok: false, error: { status: 400, code: 'bad_request' } });
    expect(JSON.stringify(result)).toContain('password');
    expect(JSON.stringify(result)).not.toContain('12345678901');
    await expect(fromMainFrame('login', 'not an object')).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(client.login).not.toHaveBeenCalled();
  });

  it('rejects a sender that is not the main frame of the console window', async () => {
    const { window, handler } = setup(ready());
    const subFrame = new mock.MockWebFrameMain(ownUrl);
    await expect(handler({ senderFrame: subFrame }, 'getHealth', {})).resolves.toMatchObject({ ok: false, error: { status: 403, code: 'forbidden' } });
    await expect(handler({ senderFrame: null }, 'getHealth', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const otherWindow = new mock.MockBrowserWindow();
    otherWindow.webContents.mainFrame.url = ownUrl;
    await expect(handler({ senderFrame: otherWindow.webContents.mainFrame }, 'getHealth', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const detached = Object.assign(new mock.MockWebFrameMain(ownUrl), { detached: true });
    window.webContents.mainFrame = detached;
    await expect(handler({ senderFrame: detached }, 'getHealth', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    window.webContents.mainFrame = new mock.MockWebFrameMain(ownUrl);
    // The right frame after it navigated somewhere else (should the guard ever fail) is refused too.
    window.webContents.mainFrame.url = 'https://evil.example/';
    await expect(handler({ senderFrame: window.webContents.mainFrame }, 'getHealth', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(client.getHealth).not.toHaveBeenCalled();
  });

  it('returns client errors as plain data, never a thrown object', async () => {
    const { fromMainFrame } = setup(ready());
    await expect(fromMainFrame('getSession', {})).resolves.toEqual({
      ok: false,
      error: { status: 401, code: 'unauthenticated', message: 'Sign in to continue.' },
    });
    client.getHealth.mockRejectedValueOnce(new TypeError('boom with secret detail'));
    const result = await fromMainFrame('getHealth', {});
    expect(result).toEqual({ ok: false, error: { status: 500, code: 'internal', message: 'Something went wrong in the console.' } });
  });

  it('answers every call with the startup problem when the API could not start', async () => {
    const { fromMainFrame } = setup({ kind: 'unavailable', reason: 'The built-in Support API could not start: EACCES' });
    await expect(fromMainFrame('getHealth', {})).resolves.toEqual({
      ok: false,
      error: { status: 503, code: 'unavailable', message: 'The built-in Support API could not start: EACCES' },
    });
  });
});
