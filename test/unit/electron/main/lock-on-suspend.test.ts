import { beforeEach, describe, expect, it } from 'vitest';
import { setupLockOnSuspend } from '../../../../electron/main/lock-on-suspend';
import * as mock from '../../../mocks/electron';

beforeEach(() => mock.resetElectronMock());

describe('lock on suspend', () => {
  it.each(['lock-screen', 'suspend'])('asks the renderer to lock on %s', (eventName) => {
    const window = new mock.MockBrowserWindow();
    setupLockOnSuspend(mock.powerMonitor as never, () => window as never);
    mock.powerMonitor.emit(eventName);
    expect(window.webContents.send).toHaveBeenCalledWith('console:lock-requested');
  });

  it('does nothing once the window is gone', () => {
    const window = new mock.MockBrowserWindow();
    window.destroyed = true;
    setupLockOnSuspend(mock.powerMonitor as never, () => window as never);
    mock.powerMonitor.emit('suspend');
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});
