import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { EmbeddedApi } from '../../../../electron/main/utility-api';

type RunningSupportApi = EmbeddedApi;
import { connectSupportApi, embeddedStartOptions } from '../../../../electron/main/embedded-api';

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

/** Only what the shell uses of a running API (its URL and close); the rest is the server's business. */
function running(url = 'http://127.0.0.1:54321') {
  const close = vi.fn(async () => {});
  return Object.assign({ url, close } as unknown as RunningSupportApi, { close });
}

describe('embedded Support API', () => {
  it('starts on loopback, on a free port, with its data in the user-data folder', async () => {
    const api = running();
    const start = vi.fn(async () => api);
    const connection = await connectSupportApi({ target: { kind: 'embedded' }, start, userDataDir: '/home/agent/.config/console', log });
    expect(start).toHaveBeenCalledWith({ dataDir: path.join('/home/agent/.config/console', 'support-data') });
    expect(connection.backend.kind).toBe('ready');
    await connection.close();
    await connection.close();
    expect(api.close).toHaveBeenCalledTimes(1);
  });

  it('turns a failed start into an unavailable backend that says why, instead of throwing', async () => {
    const start = vi.fn(async () => Promise.reject(new Error('EADDRNOTAVAIL 127.0.0.1')));
    const connection = await connectSupportApi({ target: { kind: 'embedded' }, start, userDataDir: '/tmp/x', log });
    expect(connection.backend).toEqual({ kind: 'unavailable', reason: 'The built-in Support API could not start: EADDRNOTAVAIL 127.0.0.1' });
    await expect(connection.close()).resolves.toBeUndefined();
  });

  it('does not start anything for a remote API or an invalid setting', async () => {
    const start = vi.fn(async () => running());
    const remote = await connectSupportApi({ target: { kind: 'remote', url: 'https://support.example.dk' }, start, userDataDir: '/tmp/x', log });
    expect(remote.backend.kind).toBe('ready');
    const invalid = await connectSupportApi({ target: { kind: 'invalid', reason: 'SUPPORT_API_URL is bad' }, start, userDataDir: '/tmp/x', log });
    expect(invalid.backend).toEqual({ kind: 'unavailable', reason: 'SUPPORT_API_URL is bad' });
    expect(start).not.toHaveBeenCalled();
  });

  it('reports a start that hangs, and closes it should it finish later', async () => {
    const api = running();
    let finishStart!: (api: RunningSupportApi) => void;
    const start = vi.fn(() => new Promise<RunningSupportApi>((resolve) => (finishStart = resolve)));
    const connection = await connectSupportApi({ target: { kind: 'embedded' }, start, userDataDir: '/tmp/x', startTimeoutMs: 20, log });
    expect(connection.backend).toEqual({ kind: 'unavailable', reason: 'The built-in Support API could not start: no answer within 0 s' });
    finishStart(api);
    await vi.waitFor(() => expect(api.close).toHaveBeenCalledTimes(1));
  });

  it('sends a shared API’s calls through the fetch it is given (Electron’s network stack)', async () => {
    const start = vi.fn(async () => running());
    const fetch = vi.fn(async () => Response.json({ status: 'ok', version: '1', database: 'postgres', sandbox: false }));
    const remoteFetch = vi.fn(() => fetch as unknown as typeof globalThis.fetch);
    const connection = await connectSupportApi({ target: { kind: 'remote', url: 'https://support.example.dk' }, start, userDataDir: '/tmp/x', remoteFetch, log });
    expect(remoteFetch).toHaveBeenCalledWith('https://support.example.dk');
    if (connection.backend.kind !== 'ready') throw new Error('expected a ready backend');
    await expect(connection.backend.client.getHealth({})).resolves.toMatchObject({ version: '1' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(start).not.toHaveBeenCalled();
  });

  it('builds the options the server expects', () => {
    expect(embeddedStartOptions('/u')).toEqual({ dataDir: path.join('/u', 'support-data') });
  });

  it('sends the launch secret with every call, and turns unavailable once the API has died for good', async () => {
    const seen: (string | null)[] = [];
    vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
      seen.push(request.headers.get('x-console-shell-secret'));
      return Response.json({ status: 'ok', version: '1.0.0', database: 'pglite', sandbox: true });
    }));
    try {
      let giveUp!: (reason: string) => void;
      const api = { ...running(), headers: { 'x-console-shell-secret': 's3cret' }, failed: new Promise<string>((resolve) => (giveUp = resolve)) };
      const connection = await connectSupportApi({ target: { kind: 'embedded' }, start: async () => api, userDataDir: '/tmp/x', log });
      if (connection.backend.kind !== 'ready') throw new Error('expected a ready backend');
      await connection.backend.client.getHealth({});
      expect(seen).toEqual(['s3cret']);
      giveUp('The built-in Support API stopped and could not be restarted after 3 attempts.');
      await vi.waitFor(() => expect(connection.backend).toEqual({ kind: 'unavailable', reason: expect.stringContaining('could not be restarted') }));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
