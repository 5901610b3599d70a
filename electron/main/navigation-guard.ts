// Keeps every webContents on our own renderer page: no navigation away, no new windows, no
// webviews, no permissions (camera, notifications, clipboard, ...): the console needs none.
import type { App, Session, WebContents } from 'electron';
import { isRendererUrl } from './app-location';

export interface GuardLog {
  warn(message: string): void;
}

/** Host part only: a full URL might carry identifiers a log must not hold. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'file:' ? 'file:' : `${u.protocol}//${u.host}`;
  } catch {
    return 'an unparsable URL';
  }
}

export function guardWebContents(contents: WebContents, log: GuardLog, isOwnUrl: (url: string) => boolean = isRendererUrl): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isOwnUrl(url)) return;
    event.preventDefault();
    log.warn(`Blocked navigation to ${describeUrl(url)}.`);
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Blocked a <webview>.');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`Blocked a new window for ${describeUrl(url)}.`);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Applies the guards to every webContents the app ever creates, the main window's included. */
export function setupNavigationGuard(app: App, session: Session, log: GuardLog): void {
  denyAllPermissions(session);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
}
