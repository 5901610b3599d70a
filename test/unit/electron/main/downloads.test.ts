import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelDownloadChannel, downloadProgressChannel, saveDownloadChannel, saveTextChannel } from '../../../../electron/ipc-channels';
import { setupDownloads } from '../../../../electron/main/downloads';
import type { ApiBackend } from '../../../../electron/main/ipc-bridge';
import * as mock from '../../../mocks/electron';

const ownUrl = 'app://console/index.html';
const ticketPath = '/api/exports/verifications.csv?ticket=abcdefghijklmnop1234';

/** A response whose body the test feeds chunk by chunk (or fails). */
function controllableResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    response: new Response(body, { headers: { 'content-type': 'text/csv' } }),
    push: (text: string) => controller.enqueue(new TextEncoder().encode(text)),
    end: () => controller.close(),
    fail: () => controller.error(new Error('connection reset')),
  };
}

function setup(options: { download?: (path: string, signal: AbortSignal) => Promise<Response>; backend?: ApiBackend } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'console-downloads-'));
  const window = new mock.MockBrowserWindow();
  window.webContents.mainFrame.url = `${ownUrl}#/supervisor/log`;
  const download = vi.fn(options.download ?? (async () => new Response('a;b\n1;2\n')));
  const backend: ApiBackend = options.backend ?? { kind: 'ready', client: { download } as never };
  const dialog = { showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: path.join(dir, 'chosen.csv') })) };
  const log = { warn: vi.fn(), error: vi.fn() };
  setupDownloads({
    ipcMain: mock.ipcMain as never,
    getWindow: () => window as never,
    dialog: dialog as never,
    backend: async () => backend,
    downloadsDir: () => dir,
    isOwnUrl: (url) => url.startsWith(ownUrl),
    log,
  });
  const sender = { send: vi.fn(), isDestroyed: () => false };
  const event = { senderFrame: window.webContents.mainFrame, sender };
  const call = (channel: string, ...args: unknown[]) => mock.ipcMain.handlers.get(channel)!(event, ...args);
  return { dir, dialog, download, sender, call, log, window };
}

describe('downloads', () => {
  beforeEach(() => mock.resetElectronMock());

  it('streams the export to the file the user chose, reporting progress, and answers its size', async () => {
    const stream = controllableResponse();
    const { dir, dialog, download, sender, call } = setup({ download: async () => stream.response });
    const result = call(saveDownloadChannel, { path: ticketPath, suggestedName: 'verifications-2026-12-01.csv' });
    await vi.waitFor(() => expect(download).toHaveBeenCalled());
    stream.push('\uFEFFid;status\n');
    stream.push('v1;passed\n');
    stream.end();
    await expect(result).resolves.toEqual({ ok: true, saved: true, bytes: 23 });
    expect(readFileSync(path.join(dir, 'chosen.csv'), 'utf8')).toBe('\uFEFFid;status\nv1;passed\n');
    expect(readdirSync(dir)).toEqual(['chosen.csv']);
    expect(dialog.showSaveDialog.mock.calls[0]![1]).toMatchObject({ defaultPath: path.join(dir, 'verifications-2026-12-01.csv') });
    expect(download.mock.calls[0]![0]).toBe(ticketPath);
    expect(sender.send).toHaveBeenLastCalledWith(downloadProgressChannel, { received: 23, total: null });
  });

  it('asks nothing of the API when the user cancels the dialog', async () => {
    const { dialog, download, call } = setup();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(call(saveDownloadChannel, { path: ticketPath, suggestedName: 'v.csv' })).resolves.toEqual({ ok: true, saved: false });
    expect(download).not.toHaveBeenCalled();
  });

  it('leaves no file when the stream fails half-way, and says so', async () => {
    const stream = controllableResponse();
    const { dir, call } = setup({ download: async () => stream.response });
    const result = call(saveDownloadChannel, { path: ticketPath, suggestedName: 'v.csv' });
    await vi.waitFor(() => expect(existsSync(path.join(dir, 'chosen.csv.part'))).toBe(true));
    stream.push('id;status\n');
    stream.fail();
    await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('cancels a running download on request and removes the partial file', async () => {
    const stream = controllableResponse();
    const { dir, call } = setup({
      download: async (_path, signal) => {
        signal.addEventListener('abort', () => stream.fail());
        return stream.response;
      },
    });
    const result = call(saveDownloadChannel, { path: ticketPath, suggestedName: 'v.csv' });
    await vi.waitFor(() => expect(existsSync(path.join(dir, 'chosen.csv.part'))).toBe(true));
    stream.push('id;status\n');
    await call(cancelDownloadChannel);
    await expect(result).resolves.toEqual({ ok: true, saved: false });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('passes on the API refusing the ticket, writing nothing', async () => {
    const { ApiError } = await import('../../../../shared/api/index');
    const { dir, call } = setup({ download: async () => Promise.reject(new ApiError(403, 'forbidden', 'This download ticket is unknown, used or expired.')) });
    await expect(call(saveDownloadChannel, { path: ticketPath, suggestedName: 'v.csv' })).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'This download ticket is unknown, used or expired.' },
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses any path but an export ticket, and file names with folders, before any dialog', async () => {
    const { dialog, download, call } = setup();
    for (const request of [
      { path: '/api/session', suggestedName: 'v.csv' },
      { path: '//evil.example/api/exports/verifications.csv?ticket=abcdefghijklmnop1234', suggestedName: 'v.csv' },
      { path: `${ticketPath}&x=1`, suggestedName: 'v.csv' },
      { path: ticketPath, suggestedName: '../../.bashrc.csv' },
      { path: ticketPath, suggestedName: 'v.exe' },
      { path: ticketPath, suggestedName: 'v.csv', extra: true },
      'not an object',
    ]) {
      await expect(call(saveDownloadChannel, request)).resolves.toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(download).not.toHaveBeenCalled();
  });

  it('refuses a frame that is not the console window', async () => {
    const { dialog, call, window, log } = setup();
    window.webContents.mainFrame.url = 'https://evil.example/';
    await expect(call(saveDownloadChannel, { path: ticketPath, suggestedName: 'v.csv' })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(call(saveTextChannel, { content: 'x', suggestedName: 'v.json' })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalled();
  });

  it('answers unavailable when the Support API did not start', async () => {
    const { call } = setup({ backend: { kind: 'unavailable', reason: 'no database' } });
    await expect(call(saveDownloadChannel, { path: ticketPath, suggestedName: 'v.csv' })).resolves.toEqual({ ok: false, error: { code: 'unavailable', message: 'no database' } });
  });

  it('writes text the console made to the chosen file', async () => {
    const { dir, dialog, call } = setup();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, 'log.json') });
    await expect(call(saveTextChannel, { content: '{"æ":1}', suggestedName: 'person-access.json' })).resolves.toEqual({ ok: true, saved: true, bytes: 8 });
    expect(readFileSync(path.join(dir, 'log.json'), 'utf8')).toBe('{"æ":1}');
    expect(readdirSync(dir)).toEqual(['log.json']);
  });
});
