// Runs the built desktop main process (out/main/index.js, its own modules: IPC bridge, settings,
// embedded API start-up, downloads, lock) in this Playwright process against FakeElectron, with the
// page as its window. `import 'electron'` in main (and in electron-store) is mapped to
// electron-shim.mjs by a module resolve hook: the real module cannot load outside Electron.
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { FakeElectron } from './fake-electron';

export const projectDir = path.resolve(import.meta.dirname, '../../..');
const builtMain = path.join(projectDir, 'out', 'main', 'index.js');
const builtPreload = path.join(projectDir, 'out', 'preload', 'index.cjs');

let hooked = false;
function mapElectronToShim(): void {
  if (hooked) return;
  hooked = true;
  const shim = pathToFileURL(path.join(import.meta.dirname, 'electron-shim.mjs')).href;
  registerHooks({
    resolve: (specifier, context, next) => (specifier === 'electron' ? { url: shim, shortCircuit: true } : next(specifier, context)),
  });
}

export interface Desktop {
  fake: FakeElectron;
  /** Quits as Electron would (before-quit → main closes the embedded API → quit). */
  quit(): Promise<void>;
}

let launches = 0;

/** Starts the built main process with `page` as its window; resolves once main has shown the window. */
export async function startDesktop(
  page: Page,
  dirs: { userData: string; downloads: string },
  options: { timeoutMs?: number; onMainLoaded?: () => void } = {},
): Promise<Desktop> {
  const timeoutMs = options.timeoutMs ?? 150_000;
  mapElectronToShim();
  const fake = new FakeElectron({ appPath: projectDir, page, ...dirs });
  (globalThis as unknown as { __consoleFakeElectron: FakeElectron }).__consoleFakeElectron = fake;
  await fake.attach(readFileSync(builtPreload, 'utf8'));
  // A fresh module instance per launch (its own composition root); dependencies stay cached.
  await import(`${pathToFileURL(builtMain).href}?launch=${++launches}`);
  options.onMainLoaded?.();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    fake.shown,
    new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`main did not show its window within ${timeoutMs} ms: ${JSON.stringify(fake.messages)}`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  return {
    fake,
    quit: async () => {
      if (fake.app.quitted) return;
      const quit = new Promise<void>((resolve) => fake.app.once('quit', () => resolve()));
      fake.app.quit();
      await quit;
    },
  };
}
