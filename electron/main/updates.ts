// Automatic updates through electron-updater's generic provider: the URL comes from the managed
// configuration (updateUrl), so IT decides where updates come from and when; unset: no updates.
import type { AppUpdater } from 'electron-updater';

export type Updater = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdatesAndNotify'> & { logger: AppUpdater['logger'] };

export type UpdateState = { kind: 'off'; reason: string } | { kind: 'checking'; url: string };

export async function setupUpdates(options: {
  updateUrl: string | null;
  isPackaged: boolean;
  /** electron-updater's autoUpdater, loaded only when updates are on. */
  loadUpdater: () => Promise<Updater>;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
}): Promise<UpdateState> {
  if (!options.updateUrl) return { kind: 'off', reason: 'no updateUrl in the managed configuration' };
  if (!options.isPackaged) return { kind: 'off', reason: 'not a packaged build' };
  const updater = await options.loadUpdater();
  updater.logger = { info: (m?: unknown) => options.log.info(String(m)), warn: (m?: unknown) => options.log.warn(String(m)), error: (m?: unknown) => options.log.error(String(m)) };
  updater.setFeedURL({ provider: 'generic', url: options.updateUrl });
  updater.checkForUpdatesAndNotify().catch((error: unknown) => {
    options.log.warn(`Update check failed: ${error instanceof Error ? error.message : 'unknown error'}`);
  });
  return { kind: 'checking', url: options.updateUrl };
}
