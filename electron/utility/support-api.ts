// Entry of the embedded Support API's own process (an Electron utilityProcess; in the bridge
// harness a Node child process). PGlite and Fastify run here, so main's event loop stays free for
// the window and IPC. Main sends the start options; this answers `ready` with the URL or `failed`.
// The per-launch secret arrives in CONSOLE_LAUNCH_SECRET (environment, never argv or a message):
// the server checks it on every request.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { pgliteImageFileName } from '../../server/db/pglite-image';
import { startSupportApi, type RunningSupportApi } from '../../server/start';
import { logLevelSchema } from '../../shared/settings/console-settings';
import { supportApiLoggerOptions } from '../main/log-files';

const startMessageSchema = z.strictObject({
  kind: z.literal('start'),
  dataDir: z.string().min(1),
  /** 0 for a free port; a restart asks for the port it had, so main's client keeps its address. */
  port: z.number().int().min(0).max(65535),
});
const stopMessageSchema = z.strictObject({ kind: z.literal('stop') });

/** Electron's utility process has process.parentPort; a forked Node child has process.send. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function post(message: unknown): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

function onMessage(listener: (message: unknown) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data));
  else process.on('message', listener);
}

let running: RunningSupportApi | undefined;

onMessage((message) => {
  const start = startMessageSchema.safeParse(message);
  if (start.success && !running) {
    const shellSecret = process.env.CONSOLE_LAUNCH_SECRET;
    if (!shellSecret) {
      post({ kind: 'failed', reason: 'no per-launch secret (CONSOLE_LAUNCH_SECRET)' });
      process.exit(1);
    }
    // Its log file beside main's (support-api.log), when main says where; never a request value in it.
    const logDir = process.env.CONSOLE_LOG_DIR;
    const level = logLevelSchema.safeParse(process.env.CONSOLE_LOG_LEVEL);
    const logger = logDir ? supportApiLoggerOptions({ dir: logDir, level: level.success ? level.data : 'info' }) : false;
    // Built beside this bundle by `npm run build`: a first start unpacks it instead of running initdb.
    // Packaged, the image is kept out of app.asar (electron-builder.yml asarUnpack).
    const image = path.join(import.meta.dirname, pgliteImageFileName).replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
    const pgliteImage = existsSync(image) ? image : undefined;
    startSupportApi({ host: '127.0.0.1', port: start.data.port, dataDir: start.data.dataDir, pgliteImage, shellSecret, logger }).then(
      (api) => {
        running = api;
        post({ kind: 'ready', url: api.url });
      },
      (error: unknown) => {
        post({ kind: 'failed', reason: error instanceof Error && error.message ? error.message : 'unknown error' });
        process.exit(1);
      },
    );
    return;
  }
  if (stopMessageSchema.safeParse(message).success) {
    // Closing flushes PGlite and releases its folder before the process ends.
    void (running?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  }
});
post({ kind: 'started' });
