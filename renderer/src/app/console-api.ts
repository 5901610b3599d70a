// Value imports come from shared/api/api-error only (zod-free): importing a value from shared/api/index would pull
// every operation's zod schemas into the first bundle. The renderer needs none of them (the main
// process and the server validate), so it addresses operations by name through a Proxy.
import { ApiError, errorCodes } from '../../../shared/api/api-error';
import type { ConsoleApi, OperationName } from '../../../shared/api/index';
import type { HttpConsoleApi } from '../../../shared/api-client/http-client';
import type { ConsoleBridge } from '../../../shared/api-client/ipc-client';

declare global {
  interface Window {
    /** Present inside Electron: the preload's one bridge object. Absent in the browser preview. */
    consoleBridge?: ConsoleBridge;
  }
}

type Call = (input: unknown) => Promise<unknown>;

/** A ConsoleApi whose every property is `call(name, input)`; unknown names fail at the far end. */
function apiByName(call: (name: OperationName, input: unknown) => Promise<unknown>): ConsoleApi {
  return new Proxy({} as ConsoleApi, {
    get: (_target, name) =>
      typeof name === 'string' && name !== 'then' ? (input: unknown) => call(name as OperationName, input ?? {}) : undefined,
  });
}

/** The Electron bridge: each call by name; errors come back as ApiError again. */
function bridgeConsoleApi(bridge: ConsoleBridge): ConsoleApi {
  return apiByName(async (name, input) => {
    const result = await bridge.invoke(name, input);
    if (result.ok) return result.value;
    throw new ApiError(result.error.status, result.error.code || errorCodes.internal, result.error.message);
  });
}

/**
 * The browser preview's ky client (with the contract, to validate), loaded on first call: the
 * desktop console never needs it, so it stays out of the first bundle.
 */
function lazyHttpConsoleApi(baseUrl: string): ConsoleApi {
  let client: Promise<HttpConsoleApi> | undefined;
  let loaded: HttpConsoleApi | undefined;
  const load = () =>
    (client ??= import('../../../shared/api-client/http-client').then((m) => (loaded = m.createHttpClient({ baseUrl }))));
  return apiByName(async (name, input) => {
    // The token lives only in the client's memory, so a client not loaded yet, or holding none, has no
    // session to find: answer the start-up check here instead of waiting for the client (zod and the
    // contract) and a round trip, which kept the sign-in form from showing.
    if (name === 'getSession' && !loaded?.hasSession()) throw new ApiError(401, errorCodes.unauthenticated, 'Not signed in.');
    return ((await load())[name] as Call)(input);
  });
}

let api: ConsoleApi | undefined;

/**
 * The one ConsoleApi the screens use: the Electron bridge when running in the desktop shell,
 * otherwise (browser preview, e2e tests) the ky client talking to the page's own origin.
 * Screens do not call this: they use `useConsoleApi()`, which tests can fill with a fake.
 */
export function getConsoleApi(): ConsoleApi {
  api ??= window.consoleBridge ? bridgeConsoleApi(window.consoleBridge) : lazyHttpConsoleApi(window.location.origin);
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
  return apiByName(async (name, input) => {
    try {
      const result = await (inner[name] as Call)(input);
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
  });
}
