// The embedded Support API in its own process (Electron's utilityProcess), supervised from main:
// started with a per-launch secret that main's client sends on every request, restarted on the same
// port if it dies (a bounded number of times, with a pause growing each time), then given up with a
// reason the console shows.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { shellSecretHeader } from '../../shared/api/shell-secret';

/** Header on every request from main to the embedded API; the server refuses requests without it. */
export const launchSecretHeader = shellSecretHeader;
/** Environment variable that hands the secret to the utility process. */
export const launchSecretEnv = 'CONSOLE_LAUNCH_SECRET';

/** The part of Electron's UtilityProcess main uses (the bridge harness gives a forked Node child). */
export interface UtilityChild {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(message: unknown): void;
  kill(): boolean;
}
export type ForkUtility = (entry: string, env: Record<string, string>) => UtilityChild;

export interface EmbeddedApi {
  url: string;
  /** Headers main's client sends with every request. */
  headers: Record<string, string>;
  /** Resolves with the reason once the API died and could not be restarted. */
  failed: Promise<string>;
  close(): Promise<void>;
}

export interface UtilityApiOptions {
  fork: ForkUtility;
  entry: string;
  dataDir: string;
  /** Restarts after an unexpected exit before giving up (default 3). */
  maxRestarts?: number;
  /** Pause before restart n is n × this (default 500 ms). */
  restartDelayMs?: number;
  env?: NodeJS.ProcessEnv;
  log?: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

const childMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('started') }),
  z.object({ kind: z.literal('ready'), url: z.string().url() }),
  z.object({ kind: z.literal('failed'), reason: z.string() }),
]);

function reasonOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'unknown error';
}

/** Environment for the child: the parent's, without anything that could run it as something else, plus the secret. */
function childEnv(env: NodeJS.ProcessEnv, secret: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined && name !== 'NODE_OPTIONS') result[name] = value;
  result[launchSecretEnv] = secret;
  return result;
}

/** Starts the API process once; resolves with its URL and the child, rejects if it fails or exits first. */
function launch(options: UtilityApiOptions, secret: string, port: number): Promise<{ url: string; child: UtilityChild }> {
  return new Promise((resolve, reject) => {
    const child = options.fork(options.entry, childEnv(options.env ?? process.env, secret));
    let settled = false;
    child.on('message', (raw) => {
      const message = childMessageSchema.safeParse(raw);
      if (!message.success || settled) return;
      if (message.data.kind === 'started') child.postMessage({ kind: 'start', dataDir: options.dataDir, port });
      else if (message.data.kind === 'ready') {
        settled = true;
        resolve({ url: message.data.url, child });
      } else {
        settled = true;
        reject(new Error(message.data.reason));
      }
    });
    child.on('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(new Error(`the Support API process ended (exit code ${code}) before it was ready`));
    });
  });
}

/** Starts the embedded API in a utility process and keeps it running. */
export async function startUtilityApi(options: UtilityApiOptions): Promise<EmbeddedApi> {
  const log = options.log ?? console;
  const maxRestarts = options.maxRestarts ?? 3;
  const secret = randomBytes(32).toString('base64url');
  let current = await launch(options, secret, 0);
  const port = Number(new URL(current.url).port);
  let closing = false;
  let restarts = 0;
  let giveUp!: (reason: string) => void;
  const failed = new Promise<string>((resolve) => (giveUp = resolve));

  let alive = true;
  const watch = (child: UtilityChild) => {
    alive = true;
    child.on('exit', (code) => {
      if (child === current.child) alive = false;
      if (closing || child !== current.child) return;
      log.error(`The embedded Support API process ended unexpectedly (exit code ${code}).`);
      void restart();
    });
  };

  const restart = async (): Promise<void> => {
    while (!closing && restarts < maxRestarts) {
      restarts += 1;
      await new Promise((resolve) => setTimeout(resolve, restarts * (options.restartDelayMs ?? 500)));
      if (closing) return;
      try {
        // The same port, so main's client (and the session token it holds) keeps working.
        current = await launch(options, secret, port);
        watch(current.child);
        log.info(`The embedded Support API was restarted (attempt ${restarts} of ${maxRestarts}).`);
        return;
      } catch (error) {
        log.error(`Restarting the embedded Support API failed: ${reasonOf(error)}`);
      }
    }
    if (!closing) giveUp(`The built-in Support API stopped and could not be restarted after ${maxRestarts} attempts. Quit and start the console again.`);
  };
  watch(current.child);

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= new Promise<void>((resolve) => {
      closing = true;
      const child = current.child;
      if (!alive) return resolve();
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, 10_000);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.postMessage({ kind: 'stop' });
    }));

  return { url: current.url, headers: { [launchSecretHeader]: secret }, failed, close };
}
