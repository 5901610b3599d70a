// Starts the Support API that comes with the app ("embedded" mode, in a utility process) or points
// at a shared one, and turns the outcome into what the IPC bridge forwards to.
import path from 'node:path';
import { createHttpClient } from '../../shared/api-client/http-client';
import type { ApiBackend } from './ipc-bridge';
import type { SupportApiTarget } from './settings-store';
import type { EmbeddedApi } from './utility-api';

/** Starts the embedded API (on loopback, a free port) with its data in `dataDir`. */
export type StartSupportApi = (options: { dataDir: string }) => Promise<Pick<EmbeddedApi, 'url' | 'close'> & Partial<EmbeddedApi>>;

export interface SupportApiConnection {
  /** Read at each call: an embedded API that died for good turns into `unavailable`. */
  readonly backend: ApiBackend;
  /** Stops the embedded API (no-op for a remote one); safe to call more than once. */
  close(): Promise<void>;
}

/** Where the embedded API keeps its data: in the user-data folder. */
export function embeddedStartOptions(userDataDir: string): { dataDir: string } {
  return { dataDir: path.join(userDataDir, 'support-data') };
}

function reasonOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'unknown error';
}

/** Rejects after `ms` so a start that hangs (a locked data folder, a stuck migration) is reported. */
function timeout(ms: number): { promise: Promise<never>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * Never rejects: a failure to start becomes an `unavailable` backend with the reason, which the
 * bridge answers every call with, so the console can say why instead of hanging.
 */
export async function connectSupportApi(options: {
  target: SupportApiTarget | { kind: 'invalid'; reason: string };
  start: StartSupportApi;
  userDataDir: string;
  /** How long the embedded start may take (first start creates and seeds the database). */
  startTimeoutMs?: number;
  log?: { info(message: string): void; warn(message: string): void; error(message: string): void };
  /** The fetch for a shared API (Electron's network stack with the managed CAs); Node's by default. */
  remoteFetch?: (origin: string) => typeof fetch;
}): Promise<SupportApiConnection> {
  const log = options.log ?? console;
  const { target } = options;
  if (target.kind === 'invalid') {
    return { backend: { kind: 'unavailable', reason: target.reason }, close: async () => {} };
  }
  if (target.kind === 'remote') {
    log.info(`Using the Support API at ${target.url}.`);
    // Plain http off this machine never gets here: resolveSupportApiTarget refuses it.
    const fetch = options.remoteFetch?.(target.url);
    return { backend: { kind: 'ready', client: createHttpClient({ baseUrl: target.url, ...(fetch ? { fetch } : {}) }) }, close: async () => {} };
  }
  const starting = options.start(embeddedStartOptions(options.userDataDir));
  const limit = timeout(options.startTimeoutMs ?? 120_000);
  let running: Awaited<ReturnType<StartSupportApi>>;
  try {
    running = await Promise.race([starting, limit.promise]);
  } catch (error) {
    log.error(`The embedded Support API did not start: ${reasonOf(error)}`);
    // Should a slow start still finish, it is closed again: nothing may listen that the shell forgot.
    starting.then((late) => late.close()).catch(() => {});
    return {
      backend: { kind: 'unavailable', reason: `The built-in Support API could not start: ${reasonOf(error)}` },
      close: async () => {},
    };
  } finally {
    limit.cancel();
  }
  log.info(`Embedded Support API listening on ${running.url}.`);
  let backend: ApiBackend = { kind: 'ready', client: createHttpClient({ baseUrl: running.url, headers: running.headers ?? {} }) };
  void running.failed?.then((reason) => {
    log.error(reason);
    backend = { kind: 'unavailable', reason };
  });
  let closing: Promise<void> | undefined;
  const api = running;
  return {
    get backend() {
      return backend;
    },
    close: () => (closing ??= api.close()),
  };
}
