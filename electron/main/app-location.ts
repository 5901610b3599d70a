// Where the built app lives and how to recognise our own renderer document by its URL.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';

/** The built renderer page: the only document the window ever loads. */
export function rendererHtmlPath(): string {
  return path.join(app.getAppPath(), 'out', 'renderer', 'index.html');
}

/** The sandboxed preload, bundled to CommonJS (a sandboxed preload cannot load ES modules). */
export function preloadPath(): string {
  return path.join(app.getAppPath(), 'out', 'preload', 'index.cjs');
}

/** Whether a URL is our renderer page (any query or hash: the router and settings use them). */
export function isRendererUrl(url: string, htmlPath: string = rendererHtmlPath()): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
  try {
    return path.resolve(fileURLToPath(parsed)) === path.resolve(htmlPath);
  } catch {
    return false;
  }
}
