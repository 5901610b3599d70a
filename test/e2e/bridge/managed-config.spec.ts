// The managed configuration an IT department rolls out, read by the built main process from the file
// it names (MITID_CONSOLE_MANAGED_CONFIG, honoured only unpackaged) and shown by the renderer through
// the real preload: locked controls, no training notice; a training console without it; a wrong file
// stops the start with a message naming file and field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startDesktop, type Desktop } from './desktop-harness';

const envVar = 'MITID_CONSOLE_MANAGED_CONFIG';
let dir: string;
let userData: string;
let downloads: string;
let desktop: Desktop | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'console-managed-'));
  // One user-data folder: the first launch creates and seeds the database, later ones reuse it.
  userData = path.join(dir, 'user-data');
  downloads = path.join(dir, 'downloads');
});

test.afterEach(async () => {
  await desktop?.quit();
  desktop = undefined;
  delete process.env[envVar];
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function managedFile(content: string): string {
  const file = path.join(dir, `config-${Date.now()}.json`);
  writeFileSync(file, content);
  process.env[envVar] = file;
  return file;
}

test('without a managed file the sign-in screen says it is a training console, and every control is free', async ({ page }) => {
  process.env[envVar] = path.join(dir, 'absent.json');
  desktop = await startDesktop(page, { userData, downloads });
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expect(page.getByText(/Træningskonsol: der er ingen central konfiguration/)).toBeVisible();
  const language = page.getByRole('group', { name: 'Sprog' });
  await expect(language.getByRole('button', { name: 'English' })).toBeEnabled();
  await expect(page.getByRole('button', { name: /^Farvetema/ })).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/bridge-training-notice-da.png' });
  // The English text too, chosen through the bridge (saved to the settings file by main).
  await language.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText(/Training console: no managed configuration is installed/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/bridge-training-notice-en.png' });
  expect(desktop.fake.messages).toEqual([]);
});

test('a managed file sets and locks the language and theme, and the training notice is gone', async ({ page }) => {
  managedFile(JSON.stringify({ supportApiUrl: 'embedded', sandboxAllowed: true, language: 'en', theme: 'dark' }));
  desktop = await startDesktop(page, { userData, downloads });
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(/Training console/)).toHaveCount(0);
  const language = page.getByRole('group', { name: 'Language' });
  await expect(language.getByRole('button', { name: 'Dansk' })).toBeDisabled();
  await expect(language).toHaveAttribute('title', 'Set by your IT department');
  await expect(page.getByRole('button', { name: /^Colour theme/ })).toBeDisabled();
  // Dark theme applied: the page background is dark.
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
  expect((r! + g! + b!) / 3).toBeLessThan(80);
  await page.screenshot({ path: 'test-results/screens/bridge-managed-locked-en.png' });
});

test('a managed file locking Danish wins over the agent\'s saved English, and the controls say so in Danish', async ({ page }) => {
  // The first test saved English through the bridge; the managed file says Danish (with a BOM, as Notepad writes it).
  managedFile(`\uFEFF${JSON.stringify({ language: 'da', theme: 'light' })}`);
  desktop = await startDesktop(page, { userData, downloads });
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  const language = page.getByRole('group', { name: 'Sprog' });
  await expect(language.getByRole('button', { name: 'English' })).toBeDisabled();
  await expect(language).toHaveAttribute('title', 'Fastlagt af din it-afdeling');
  await expect(page.getByText(/Træningskonsol/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/bridge-managed-locked-da.png' });
});

test('a managed file with an unknown key stops the start and names the file and the field', async ({ page }) => {
  const file = managedFile(JSON.stringify({ supportApiUrl: 'embedded', lanugage: 'da' }));
  await expect(startDesktop(page, { userData, downloads }, { timeoutMs: 5000 })).rejects.toThrow(/did not show its window/);
  const { __consoleFakeElectron: fake } = globalThis as unknown as { __consoleFakeElectron: Desktop['fake'] };
  await expect.poll(() => fake.app.exitCode).toBe(1);
  expect(fake.messages).toHaveLength(1);
  expect(fake.messages[0]!.kind).toBe('error-box');
  expect(fake.messages[0]!.text).toContain(`File: ${file}`);
  expect(fake.messages[0]!.text).toContain('Field: lanugage');
  // Nothing was started on a configuration that could be wrong.
  expect(fake.utilityChildren).toHaveLength(0);
});
