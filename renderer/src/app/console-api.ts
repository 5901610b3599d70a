import { ApiError, errorCodes, operationNames, type ConsoleApi, type OperationName } from '../../../shared/api/index';
import { createIpcConsoleApi, type ConsoleBridge } from '../../../shared/api-client/ipc-client';

declare global {
  interface Window {
    /** Present inside Electron: the preload's one bridge object. Absent in the browser preview. */
    consoleBridge?: ConsoleBridge;
  }
}

let api: ConsoleApi | undefined;

/**
 * The browser preview's ky client, loaded on first call: inside Electron it is never needed, so it
 * stays out of the desktop console's first bundle.
 */
function lazyHttpConsoleApi(baseUrl: string): ConsoleApi {
  let client: Promise<ConsoleApi> | undefined;
  const load = () =>
    (client ??= import('../../../shared/api-client/http-client').then((m) => m.createHttpClient({ baseUrl })));
  const entries = operationNames.map((name) => [
    name,
    async (input: unknown) => ((await load())[name] as (input: unknown) => Promise<unknown>)(input),
  ]);
  return Object.fromEntries(entries) as unknown as ConsoleApi;
}

/**
 * The one ConsoleApi the screens use: the Electron bridge when running in the desktop shell,
 * otherwise (browser preview, e2e tests) the ky client talking to the page's own origin.
 * Screens do not call this: they use `useConsoleApi()`, which tests can fill with a fake.
 */
export function getConsoleApi(): ConsoleApi {
  api ??= window.consoleBridge
    ? createIpcConsoleApi(window.consoleBridge)
    : lazyHttpConsoleApi(window.location.origin);
  return api;
}

/** What the shell wants to hear about any call, whichever screen made it. */
export interface ApiObserver {
  /** The server says the session is gone (401 unauthenticated). */
  onUnauthenticated(operation: OperationName): void;
  /** The Support API could not be reached at all. */
  onUnreachable(operation: OperationName): void;
  /** A call got through: the API is reachable again. */
  onReachable(operation: OperationName): void;
}

// A failed sign-in is not an expired session: the sign-in form reports it itself.
const notSessionBound: ReadonlySet<OperationName> = new Set(['login', 'getHealth']);

/** Wraps every operation so the shell sees expired sessions and lost connections in one place. */
export function observeConsoleApi(inner: ConsoleApi, observer: ApiObserver): ConsoleApi {
  const entries = operationNames.map((name) => {
    const call = inner[name] as (input: unknown) => Promise<unknown>;
    return [
      name,
      async (input: unknown) => {
        try {
          const result = await call(input);
          observer.onReachable(name);
          return result;
        } catch (error) {
          if (error instanceof ApiError) {
            if (error.code === errorCodes.unreachable) observer.onUnreachable(name);
            else observer.onReachable(name);
            if (error.status === 401 && error.code === errorCodes.unauthenticated && !notSessionBound.has(name)) {
              observer.onUnauthenticated(name);
            }
          }
          throw error;
        }
      },
    ] as const;
  });
  return Object.fromEntries(entries) as unknown as ConsoleApi;
}
