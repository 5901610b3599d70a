// Automatic updates: only a packaged console with an updateUrl from the managed configuration checks,
// and then through electron-updater's generic provider at that URL.
import { describe, expect, it, vi } from 'vitest';
import { setupUpdates, type Updater } from '../../../../electron/main/updates';

function fakeUpdater() {
  return {
    logger: null,
    setFeedURL: vi.fn(),
    checkForUpdatesAndNotify: vi.fn(async () => null),
  } as unknown as Updater & { setFeedURL: ReturnType<typeof vi.fn>; checkForUpdatesAndNotify: ReturnType<typeof vi.fn> };
}
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe('automatic updates', () => {
  it('are off without an updateUrl, and in an unpackaged build, without loading electron-updater', async () => {
    const loadUpdater = vi.fn(async () => fakeUpdater());
    await expect(setupUpdates({ updateUrl: null, isPackaged: true, loadUpdater, log })).resolves.toEqual({ kind: 'off', reason: 'no updateUrl in the managed configuration' });
    await expect(setupUpdates({ updateUrl: 'https://u.example/c', isPackaged: false, loadUpdater, log })).resolves.toMatchObject({ kind: 'off' });
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('check the managed URL with the generic provider', async () => {
    const updater = fakeUpdater();
    const state = await setupUpdates({ updateUrl: 'https://software.centre.example/console', isPackaged: true, loadUpdater: async () => updater, log });
    expect(state).toEqual({ kind: 'checking', url: 'https://software.centre.example/console' });
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://software.centre.example/console' });
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledTimes(1);
  });

  it('log a failed check instead of failing the start', async () => {
    const updater = fakeUpdater();
    updater.checkForUpdatesAndNotify.mockRejectedValue(new Error('net::ERR_NAME_NOT_RESOLVED'));
    await setupUpdates({ updateUrl: 'https://software.centre.example/console', isPackaged: true, loadUpdater: async () => updater, log });
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalledWith('Update check failed: net::ERR_NAME_NOT_RESOLVED'));
  });
});
