// Where the built app lives and how to recognise our own renderer document by its URL.
import path from 'node:path';
import { app } from 'electron';
import { appHost, appScheme } from './app-protocol';

/** The built renderer folder, served on app://console/. */
export function rendererDir(): string {
  return path.join(app.getAppPath(), 'out', 'renderer');
}

/** The sandboxed preload, bundled to CommonJS (a sandboxed preload cannot load ES modules). */
export function preloadPath(): string {
  return path.join(app.getAppPath(), 'out', 'preload', 'index.cjs');
}

/** Whether a URL is our renderer page, app://console/index.html (any query or hash: the router and settings use them). */
export function isRendererUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.pathname === '/index.html' && !parsed.username && !parsed.password;
}
