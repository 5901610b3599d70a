// The one console window, with the webPreferences of Electron's security checklist.
import { app, BrowserWindow, type WebPreferences } from 'electron';
import type { ConsoleSettings } from '../../shared/settings/console-settings';
import { preloadPath } from './app-location';
import { rendererUrl } from './app-protocol';

/** DevTools only in an unpackaged build and only when asked for: never for an agent's install. */
export function devToolsAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return !app.isPackaged && env.CONSOLE_DEVTOOLS === '1';
}

export function hardenedWebPreferences(env: NodeJS.ProcessEnv = process.env): WebPreferences {
  return {
    preload: preloadPath(),
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
    devTools: devToolsAllowed(env),
  };
}

export interface MainWindowOptions {
  /** Language and theme travel in the query string: read-only hints the renderer may use. */
  settings: Pick<ConsoleSettings, 'language' | 'theme'>;
  env?: NodeJS.ProcessEnv;
}

/**
 * Creates the hidden window and starts loading the packaged renderer from app:// (never remote content).
 * The caller shows it once both the page is ready and the Support API answers.
 */
export function createMainWindow(options: MainWindowOptions): { window: BrowserWindow; loaded: Promise<void> } {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'MitID Support Console',
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(options.env),
  });
  window.removeMenu();
  const url = new URL(rendererUrl);
  url.searchParams.set('language', options.settings.language);
  url.searchParams.set('theme', options.settings.theme);
  const loaded = window.loadURL(url.href);
  return { window, loaded };
}

/** Resolves when Chromium has painted the page, so showing the window does not flash white. */
export function readyToShow(window: BrowserWindow): Promise<void> {
  return new Promise((resolve) => window.once('ready-to-show', () => resolve()));
}
