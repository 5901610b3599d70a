import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupGracefulQuit } from '../../../../electron/main/graceful-quit';
import * as mock from '../../../mocks/electron';

beforeEach(() => mock.resetElectronMock());

describe('graceful quit', () => {
  it('holds the quit until the embedded API has closed, then quits once', async () => {
    let finishClose!: () => void;
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    setupGracefulQuit(mock.app as never, close);
    const first = { preventDefault: vi.fn() };
    mock.app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    mock.app.emit('before-quit', { preventDefault: vi.fn() });
    expect(close).toHaveBeenCalledTimes(1);
    expect(mock.app.quit).not.toHaveBeenCalled();
    finishClose();
    await vi.waitFor(() => expect(mock.app.quit).toHaveBeenCalledTimes(1));
    const last = { preventDefault: vi.fn() };
    mock.app.emit('before-quit', last);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });

  it('still quits when closing fails', async () => {
    const log = { error: vi.fn() };
    setupGracefulQuit(mock.app as never, async () => Promise.reject(new Error('disk gone')), log);
    mock.app.emit('before-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(mock.app.quit).toHaveBeenCalled());
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('disk gone'));
  });

  it('quits when the last window closes', () => {
    setupGracefulQuit(mock.app as never, async () => {});
    mock.app.emit('window-all-closed');
    expect(mock.app.quit).toHaveBeenCalled();
  });
});
