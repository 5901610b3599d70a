import { createHttpClient } from '../../../shared/api-client/http-client';
import type { ConsoleApi } from '../../../shared/api/index';
import { createIpcConsoleApi, type ConsoleBridge } from '../../../shared/api-client/ipc-client';

declare global {
  interface Window {
    /** Present inside Electron: the preload's one bridge object. Absent in the browser preview. */
    consoleBridge?: ConsoleBridge;
  }
}

let api: ConsoleApi | undefined;

/**
 * The one ConsoleApi the screens use: the Electron bridge when running in the desktop shell,
 * otherwise (browser preview, e2e tests) the ky client talking to the page's own origin.
 */
export function getConsoleApi(): ConsoleApi {
  api ??= window.consoleBridge
    ? createIpcConsoleApi(window.consoleBridge)
    : createHttpClient({ baseUrl: window.location.origin });
  return api;
}
