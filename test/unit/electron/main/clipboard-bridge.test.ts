import { beforeEach, describe, expect, it } from 'vitest';
import { setupClipboardBridge } from '../../../../electron/main/clipboard-bridge';
import { copyTextChannel } from '../../../../electron/ipc-channels';
import * as mock from '../../../mocks/electron';

describe('clipboard bridge', () => {
  let window: mock.MockBrowserWindow;
  beforeEach(() => {
    mock.resetElectronMock();
    mock.clipboard.writeText.mockClear();
    window = new mock.MockBrowserWindow();
    setupClipboardBridge({ ipcMain: mock.ipcMain as never, getWindow: () => window as never, clipboard: mock.clipboard, isOwnUrl: () => true });
  });
  const copy = (text: unknown, frame: unknown = window.webContents.mainFrame) => mock.ipcMain.handlers.get(copyTextChannel)!({ senderFrame: frame }, text);

  it('puts a wrap-up code on the clipboard for the console window only', () => {
    expect(copy('PW-100')).toBe(true);
    expect(mock.clipboard.writeText).toHaveBeenCalledWith('PW-100');
    expect(copy('PW-100', new mock.MockWebFrameMain('x'))).toBe(false);
  });

  it('refuses anything that is not a short one-line code', () => {
    for (const text of ['', 'x'.repeat(33), 'line\nbreak', '<b>', 42, null]) expect(copy(text)).toBe(false);
    expect(mock.clipboard.writeText).not.toHaveBeenCalled();
  });
});
