// One console per user: a second start focuses the first. The embedded PGlite folder has no lock
// between processes, so two instances must never open it at once.
import type { App, BrowserWindow } from 'electron';

/** Returns false when another instance holds the lock; this one should then quit at once. */
export function setupSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'on'>, getWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
