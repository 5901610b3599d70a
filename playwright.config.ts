import { defineConfig } from '@playwright/test';

/** Port of the Support API + built console started for the browser tests (`npm run serve` without the build). */
export const e2ePort = Number(process.env.E2E_PORT ?? 4391);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  // One retry: a test that passes only on its second try is listed as "flaky" in the report and is
  // fixed like a failure, but one slow moment on a shared CI worker does not stop a landing.
  retries: 1,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${e2ePort}`,
    viewport: { width: 1280, height: 720 },
    locale: 'da-DK',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: [/electron\..*spec\.ts/, /e2e\/bridge\//] },
    { name: 'electron', testMatch: /electron\..*spec\.ts/ },
    // The built main process run in this process with electron faked at the OS boundary
    // (test/e2e/bridge/desktop-harness.ts), the renderer in Chromium through its real bridge.
    // Each test starts the built main process and its API process on a fresh data folder (initdb, migrations,
    // the 10,000-person sandbox): more room than a browser-preview test needs.
    { name: 'desktop-bridge', testMatch: /e2e\/bridge\/.*\.spec\.ts/, timeout: 150_000 },
  ],
  webServer: {
    // A fresh embedded database for every run, so the tests see the sandbox as a newcomer would.
    command: `rm -rf .tmp/e2e-data && npx tsx server/cli/serve.ts --port ${e2ePort} --data .tmp/e2e-data`,
    url: `http://127.0.0.1:${e2ePort}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { LOG_LEVEL: 'warn' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
