// Composition root of the desktop shell (placeholder until the hardened shell lands).
import { app, BrowserWindow } from 'electron';
import path from 'node:path';

void app.whenReady().then(() => {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  void win.loadFile(path.join(import.meta.dirname, '../renderer/index.html'));
});
