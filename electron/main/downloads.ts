// Saving files from the console: main asks where (a save dialog on the console window), then
// writes the file itself. A Support API download (the CSV export) is streamed from the API through
// main's client (the session token stays here) into a partial file that becomes the chosen file only
// once every byte is written; a failure or a cancel removes it. The server audits the export when
// the ticket is made and used; nothing here changes what is audited.
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { ApiError, describeIssues, errorCodes, exportDownloadPath } from '../../shared/api/index';
import type { DownloadProgress, SaveResult } from '../../shared/api-client/ipc-client';
import { cancelDownloadChannel, downloadProgressChannel, saveDownloadChannel, saveTextChannel } from '../ipc-channels';
import { isRendererUrl } from './app-location';
import { isTrustedSender, type ApiBackend } from './ipc-bridge';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A file name only (no folder, no leading dot), ending in a type the console saves. */
const fileNameSchema = z
  .string()
  .max(120)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*\.(csv|json)$/u, 'a plain .csv or .json file name');

/** The only download the API offers: the CSV export, by its one-time ticket. */
export const saveDownloadRequestSchema = z.strictObject({
  path: z.string().regex(new RegExp(`^${escapeRegExp(exportDownloadPath)}\\?ticket=[A-Za-z0-9_-]{16,64}$`), 'an export download path'),
  suggestedName: fileNameSchema,
});

/** Text the console made; 20 MB is far above any person-access log or checkpoint. */
export const saveTextRequestSchema = z.strictObject({
  content: z.string().max(20_000_000),
  suggestedName: fileNameSchema,
});

export interface DownloadsOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  getWindow: () => BrowserWindow | null;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** Asked at each save (see IpcBridgeOptions.backend). */
  backend: () => Promise<ApiBackend>;
  /** Folder the save dialog opens in. */
  downloadsDir: () => string;
  isOwnUrl?: (url: string) => boolean;
  /** A download that receives nothing for this long is abandoned (default 30 s). */
  idleTimeoutMs?: number;
  log?: { warn(message: string): void; error(message: string): void };
}

const failed = (code: string, message: string): SaveResult => ({ ok: false, error: { code, message } });

/** Counts bytes as they pass and reports them, at most every 100 ms (and once at the end). */
function progressCounter(total: number | null, report: (progress: DownloadProgress) => void): Transform {
  let received = 0;
  let last = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      const now = Date.now();
      if (now - last >= 100) {
        last = now;
        report({ received, total });
      }
      callback(null, chunk);
    },
    flush(callback) {
      report({ received, total });
      callback();
    },
  });
}

/** Registers the save channels; returns a function that removes them. */
export function setupDownloads(options: DownloadsOptions): () => void {
  const log = options.log ?? console;
  const isOwnUrl = options.isOwnUrl ?? isRendererUrl;
  let running: AbortController | undefined;

  const trusted = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>) => {
    if (isTrustedSender(event, options.getWindow(), isOwnUrl)) return true;
    log.warn('Refused a save request from a frame that is not the console window.');
    return false;
  };

  /** The file the user picks, or null when they cancel. */
  async function askWhere(suggestedName: string): Promise<string | null> {
    const window = options.getWindow();
    const extension = path.extname(suggestedName).slice(1);
    const dialogOptions = {
      defaultPath: path.join(options.downloadsDir(), suggestedName),
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
    };
    const answer = window ? await options.dialog.showSaveDialog(window, dialogOptions) : await options.dialog.showSaveDialog(dialogOptions);
    return answer.canceled || !answer.filePath ? null : answer.filePath;
  }

  async function saveDownload(request: z.infer<typeof saveDownloadRequestSchema>, send: (progress: DownloadProgress) => void): Promise<SaveResult> {
    const backend = await options.backend();
    if (backend.kind === 'unavailable') return failed(errorCodes.unavailable, backend.reason);
    if (running) return failed(errorCodes.conflict, 'Another download is still running.');
    const controller = new AbortController();
    running = controller;
    let partial: string | undefined;
    let stalled = false;
    try {
      const target = await askWhere(request.suggestedName);
      if (!target || controller.signal.aborted) return { ok: true, saved: false };
      const response = await backend.client.download(request.path, controller.signal);
      if (!response.body) throw new ApiError(502, errorCodes.internal, 'The Support API sent no file.');
      const length = Number(response.headers.get('content-length'));
      const total = Number.isFinite(length) && length > 0 ? length : null;
      // The partial file sits beside the target, so the final rename never crosses a file system.
      partial = `${target}.part`;
      let idle: NodeJS.Timeout | undefined;
      // The request has no time limit of its own (an export may be large): silence is the limit.
      const idleMs = options.idleTimeoutMs ?? 30_000;
      const touch = () => {
        clearTimeout(idle);
        idle = setTimeout(() => {
          stalled = true;
          controller.abort();
        }, idleMs);
      };
      touch();
      let written = 0;
      try {
        await pipeline(
          Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
          progressCounter(total, (progress) => {
            written = progress.received;
            send(progress);
          }),
          new Transform({
            transform(chunk, _encoding, callback) {
              touch();
              callback(null, chunk);
            },
          }),
          createWriteStream(partial, { flags: 'wx' }),
          { signal: controller.signal },
        );
      } finally {
        clearTimeout(idle);
      }
      await rename(partial, target);
      partial = undefined;
      return { ok: true, saved: true, bytes: written };
    } catch (error) {
      if (stalled) return failed(errorCodes.unreachable, 'The download stopped: the Support API sent nothing for too long.');
      if (controller.signal.aborted) return { ok: true, saved: false };
      if (error instanceof ApiError) return failed(error.code, error.message);
      log.error(`Saving a download failed: ${error instanceof Error ? error.name : typeof error}`);
      return failed(errorCodes.internal, 'The file could not be saved.');
    } finally {
      if (partial) await rm(partial, { force: true }).catch(() => {});
      if (running === controller) running = undefined;
    }
  }

  async function saveText(request: z.infer<typeof saveTextRequestSchema>): Promise<SaveResult> {
    const target = await askWhere(request.suggestedName);
    if (!target) return { ok: true, saved: false };
    const data = Buffer.from(request.content, 'utf8');
    const partial = `${target}.part`;
    try {
      await writeFile(partial, data, { flag: 'wx' });
      await rename(partial, target);
      return { ok: true, saved: true, bytes: data.length };
    } catch (error) {
      await rm(partial, { force: true }).catch(() => {});
      log.error(`Saving a file failed: ${error instanceof Error ? error.name : typeof error}`);
      return failed(errorCodes.internal, 'The file could not be saved.');
    }
  }

  options.ipcMain.handle(saveDownloadChannel, async (event, request: unknown): Promise<SaveResult> => {
    if (!trusted(event)) return failed(errorCodes.forbidden, 'This frame may not save files.');
    const parsed = saveDownloadRequestSchema.safeParse(request);
    if (!parsed.success) return failed(errorCodes.badRequest, describeIssues(parsed.error.issues));
    const sender = event.sender;
    return saveDownload(parsed.data, (progress) => {
      if (!sender.isDestroyed()) sender.send(downloadProgressChannel, progress);
    });
  });
  options.ipcMain.handle(saveTextChannel, async (event, request: unknown): Promise<SaveResult> => {
    if (!trusted(event)) return failed(errorCodes.forbidden, 'This frame may not save files.');
    const parsed = saveTextRequestSchema.safeParse(request);
    if (!parsed.success) return failed(errorCodes.badRequest, describeIssues(parsed.error.issues));
    return saveText(parsed.data);
  });
  options.ipcMain.handle(cancelDownloadChannel, (event) => {
    if (trusted(event)) running?.abort();
  });
  return () => {
    running?.abort();
    for (const channel of [saveDownloadChannel, saveTextChannel, cancelDownloadChannel]) options.ipcMain.removeHandler(channel);
  };
}
