// Launches the real desktop app (Electron + embedded Support API) where the Electron binary is
// installed. On machines without it (no download possible) the test reports a skip with the reason.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test } from '@playwright/test';

const projectDir = path.resolve(import.meta.dirname, '../..');
const electronPackageDir = path.join(projectDir, 'node_modules', 'electron');

/**
 * The Electron executable as the `electron` package records it (path.txt + dist/), found without
 * require('electron'), which would try to download the binary when it is missing.
 */
function findElectronBinary(): string | undefined {
  const pathFile = path.join(electronPackageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(electronPackageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const electronBinary = findElectronBinary();

test.describe('desktop app', () => {
  let userDataParent: string;

  test.beforeEach(() => {
    test.skip(
      electronBinary === undefined,
      'The Electron binary is not downloaded on this machine (node_modules/electron/path.txt or dist/ missing; ' +
        'the install could not reach the download server). Run `npx install-electron` where the network allows it.',
    );
    // `npm test` builds before the end-to-end tests; a missing build is a failure, not a skip.
    expect(existsSync(path.join(projectDir, 'out', 'main', 'index.js')), 'run `npm run build` first').toBe(true);
    userDataParent = mkdtempSync(path.join(os.tmpdir(), 'console-e2e-'));
  });

  test.afterEach(() => {
    if (userDataParent) rmSync(userDataParent, { recursive: true, force: true });
  });

  test('opens the console window with the bridge and the embedded Support API', async () => {
    const app = await _electron.launch({
      executablePath: electronBinary!,
      // Chromium refuses to start as root with its OS sandbox (CI containers): test runs only.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectDir],
      cwd: projectDir,
      // A fresh user-data folder (on Linux userData lives under XDG_CONFIG_HOME), so the embedded
      // database and settings start as a newcomer's.
      env: { ...process.env, XDG_CONFIG_HOME: userDataParent, SUPPORT_API_URL: '', CONSOLE_DEVTOOLS: '', MITID_CONSOLE_MANAGED_CONFIG: path.join(userDataParent, 'no-managed-config.json') },
    });
    try {
      const window = await app.firstWindow();
      await expect(window).toHaveTitle(/MitID Support Console/);
      await expect(window.locator('#root')).not.toBeEmpty();
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible())).toBe(true);

      // The page sees exactly the one bridge object and no Node.
      const page = await window.evaluate(() => ({
        bridgeKeys: Object.keys((window as unknown as { consoleBridge: object }).consoleBridge).sort(),
        hasRequire: 'require' in window,
        hasProcess: 'process' in window,
      }));
      expect(page).toEqual({
        bridgeKeys: ['cancelDownload', 'invoke', 'onDownloadProgress', 'onLockRequested', 'saveDownload', 'saveText', 'settings'],
        hasRequire: false,
        hasProcess: false,
      });
      expect(window.url()).toMatch(/^app:\/\/console\/index\.html/);

      // A call through the bridge reaches the embedded API; the page itself cannot reach the network.
      const health = await window.evaluate(() =>
        (window as unknown as { consoleBridge: { invoke(op: string, input: unknown): Promise<unknown> } }).consoleBridge.invoke('getHealth', {}),
      );
      expect(health).toMatchObject({ ok: true, value: { status: 'ok', database: 'pglite' } });
      // Refused by the CSP (connect-src 'none'), not merely by a closed port: even the page's own
      // app:// origin is refused.
      const violations = await window.evaluate(async () => {
        async function violationOf(url: string): Promise<string> {
          const violation = new Promise<string>((resolve) =>
            document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
          );
          await fetch(url).catch(() => undefined);
          return Promise.race([violation, new Promise<string>((resolve) => setTimeout(() => resolve('no violation'), 2000))]);
        }
        return { network: await violationOf('http://127.0.0.1:9/'), ownFile: await violationOf(location.href) };
      });
      expect(violations).toEqual({ network: 'connect-src', ownFile: 'connect-src' });
      await window.screenshot({ path: 'test-results/screens/electron-console.png' });
    } finally {
      await app.close();
    }
  });
});
