// The phone system's screen pop: `mitid-support-console://call?callId=…&from=…` reaches the running
// console through the OS (Windows and Linux: the second instance's command line, handed over by the
// single-instance lock; macOS: open-url), or the first instance's own command line. Main parses it
// (shared/domain/phone-call), keeps the latest one until the console window takes it, and brings the
// window forward. Neither the call ID nor the number is ever logged.
import type { App, BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { callLinkScheme, parseCallLink, type PhoneCall } from '../../shared/domain/phone-call/index';
import { callLinkArrivedChannel, takeCallLinkChannel } from '../ipc-channels';
import { isRendererUrl } from './app-location';
import { isTrustedSender } from './ipc-bridge';

export interface CallLinkLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface CallLinksOptions {
  app: Pick<App, 'on' | 'removeListener' | 'setAsDefaultProtocolClient'>;
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  getWindow: () => BrowserWindow | null;
  log: CallLinkLog;
  /**
   * How this process was started, for the OS registration: an unpackaged `electron .` must name its
   * app folder, or a link would start a bare Electron (Electron's deep-link guide).
   */
  launch: { defaultApp: boolean; execPath: string; appArg: string | undefined };
  isOwnUrl?: (url: string) => boolean;
}

export interface CallLinks {
  /** Looks for a call link in a command line (the first instance's, or a second instance's). */
  fromCommandLine(argv: readonly string[]): void;
  /** A link as the OS gave it. */
  deliver(url: string): void;
  dispose(): void;
}

/** The argument that is a call link, if any (the OS passes it as one argument; browsers may quote it). */
export function callLinkArgument(argv: readonly string[]): string | undefined {
  const prefix = `${callLinkScheme}:`;
  return argv.find((arg) => arg.toLowerCase().startsWith(prefix));
}

function bringForward(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export function setupCallLinks(options: CallLinksOptions): CallLinks {
  const { app, ipcMain, getWindow, log, launch } = options;
  let pending: PhoneCall | null = null;

  const registered = launch.defaultApp
    ? launch.appArg !== undefined && app.setAsDefaultProtocolClient(callLinkScheme, launch.execPath, [launch.appArg])
    : app.setAsDefaultProtocolClient(callLinkScheme);
  log.info(registered ? `Call links (${callLinkScheme}://) open this console.` : `Call links (${callLinkScheme}://) could not be registered with the OS.`);

  const deliver = (url: string) => {
    const parsed = parseCallLink(url);
    if (!parsed.ok) {
      log.warn(`Refused a call link: ${parsed.problem}.`);
      return;
    }
    // A newer call replaces one the console has not taken yet: the agent is on the newer call now.
    pending = parsed.call;
    log.info('A call link arrived from the phone system.');
    const window = getWindow();
    bringForward(window);
    if (window && !window.isDestroyed()) window.webContents.send(callLinkArrivedChannel);
  };

  // macOS hands links to the running app (also the one it starts for the link) as open-url.
  const onOpenUrl = (event: { preventDefault(): void }, url: string) => {
    event.preventDefault();
    deliver(url);
  };
  app.on('open-url', onOpenUrl);

  ipcMain.handle(takeCallLinkChannel, (event: Pick<IpcMainInvokeEvent, 'senderFrame'>) => {
    if (!isTrustedSender(event, getWindow(), options.isOwnUrl ?? isRendererUrl)) return null;
    const call = pending;
    pending = null;
    return call;
  });

  return {
    fromCommandLine: (argv) => {
      const link = callLinkArgument(argv);
      if (link !== undefined) deliver(link);
    },
    deliver,
    dispose: () => {
      ipcMain.removeHandler(takeCallLinkChannel);
      app.removeListener('open-url', onOpenUrl);
    },
  };
}
