import { beforeEach, describe, expect, it } from 'vitest';
import { setupSingleInstance } from '../../../../electron/main/single-instance';
import * as mock from '../../../mocks/electron';

beforeEach(() => mock.resetElectronMock());

describe('single instance', () => {
  it('tells the second instance to quit', () => {
    mock.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    expect(setupSingleInstance(mock.app as never, () => null)).toBe(false);
    expect(mock.app.listenerCount('second-instance')).toBe(0);
  });

  it('restores and focuses the first window when a second instance starts', () => {
    const window = new mock.MockBrowserWindow();
    window.minimized = true;
    expect(setupSingleInstance(mock.app as never, () => window as never)).toBe(true);
    mock.app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});
