import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMainWindow, devToolsAllowed } from '../../../../electron/main/create-main-window';
// The same module instance the code under test gets for `electron` (vitest alias).
import * as mock from '../../../mocks/electron';

describe('createMainWindow', () => {
  beforeEach(() => mock.resetElectronMock());

  it('creates a hidden window with exactly the hardened webPreferences', () => {
    createMainWindow({ settings: { language: 'da', theme: 'system' }, env: {} });
    expect(mock.createdWindows).toHaveLength(1);
    const options = mock.createdWindows[0]!.options;
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual({
      preload: path.join(mock.mockAppPath, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('loads only the packaged renderer from app://, never a file:// or remote URL', async () => {
    const { window, loaded } = createMainWindow({ settings: { language: 'en', theme: 'dark' }, env: {} });
    await loaded;
    const win = window as unknown as mock.MockBrowserWindow;
    expect(win.loadFile).not.toHaveBeenCalled();
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://console/index.html?language=en&theme=dark');
  });

  it('allows DevTools only unpackaged and asked for with CONSOLE_DEVTOOLS=1', () => {
    mock.app.isPackaged = false;
    expect(devToolsAllowed({ CONSOLE_DEVTOOLS: '1' })).toBe(true);
    expect(devToolsAllowed({})).toBe(false);
    expect(devToolsAllowed({ CONSOLE_DEVTOOLS: 'true' })).toBe(false);
    mock.app.isPackaged = true;
    expect(devToolsAllowed({ CONSOLE_DEVTOOLS: '1' })).toBe(false);
    createMainWindow({ settings: { language: 'da', theme: 'system' }, env: { CONSOLE_DEVTOOLS: '1' } });
    expect((mock.createdWindows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
  });
});
