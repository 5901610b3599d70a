// Quitting waits for the embedded Support API to close, so PGlite flushes and releases its folder.
import type { App } from 'electron';

export function setupGracefulQuit(app: Pick<App, 'on' | 'quit'>, close: () => Promise<void>, log: { error(message: string): void } = console): void {
  let closed = false;
  let closing = false;
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    void close()
      .catch((error: unknown) => log.error(`Closing the embedded Support API failed: ${error instanceof Error ? error.message : 'unknown error'}`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
