// One console per user: a second start focuses the first, and hands over its command line (a call
// link from the phone system rides on it). The embedded PGlite folder has no lock between processes,
// so two instances must never open it at once.
import type { App, BrowserWindow } from 'electron';

/** Returns false when another instance holds the lock; this one should then quit at once. */
export function setupSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  getWindow: () => BrowserWindow | null,
  onCommandLine: (argv: string[]) => void = () => {},
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv: string[]) => {
    onCommandLine(Array.isArray(argv) ? argv : []);
    const window = getWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
