// The trainer's view of a sandbox person in Chromium, as a trainer opens it in a window of its own beside
// an agent's call: a Support API on a small sandbox register (the demo personas and a few families),
// a supervisor looks up a persona by CPR number and sees the record masked and labelled as training data.
// Screenshots in Danish and English. (Outside the sandbox the operation answers 404: unit-tested.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { seedSandboxIfEmpty } from '../../server/sandbox/seed';
import { startSupportApi, type RunningSupportApi } from '../../server/start';
import { testScryptParams } from '../support/support-api';

const shots = 'test-results/screens';
let api: RunningSupportApi;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'trainer-e2e-'));
  api = await startSupportApi({
    dataDir,
    port: 0,
    masterKey: Buffer.alloc(32, 9).toString('base64'),
    demoAccounts: true,
    scryptParams: testScryptParams,
    consoleDir: path.resolve('out/renderer'),
    seed: (db, { clock }) => seedSandboxIfEmpty(db, { persons: 120, now: clock.now() }),
  });
});

test.afterAll(async () => {
  await api?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function lookAt(page: Page, name: string) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('a supervisor opens a sandbox person for playing the caller, in Danish and English', async ({ page }) => {
  await page.goto(`${api.url}/`);
  await page.getByLabel('Brugernavn').fill('supervisor');
  await page.getByLabel('Adgangskode').fill('supervisor-demo-pass');
  await page.getByLabel('Adgangskode').press('Enter');
  // Landed: the click must not race the redirect to the supervisor's start screen.
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(page.getByRole('heading', { level: 1, name: 'Verifikationslog' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('link', { name: 'Træner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Træner: sandkasseperson' })).toBeVisible();
  await expect(page.getByText(/Træningsdata: syntetiske personer/)).toBeVisible();

  // Kirsten Jensen Holm: the README persona that passes easily.
  await page.getByLabel('CPR-nummer').fill('120368-1158');
  await page.getByRole('button', { name: 'Vis' }).click();
  const person = page.getByRole('article', { name: 'Syntetisk person 120368-XXXX' });
  await expect(person).toBeVisible();
  await expect(person).toContainText('Kirsten Jensen Holm · 120368-XXXX');
  await expect(person).not.toContainText('120368-1158');
  await expect(page.getByLabel('CPR-nummer')).toHaveValue('');
  await expect(person).toContainText('Nørregade 12, 1. tv, 8000 Aarhus C');
  await expect(person).toContainText('august 1987');
  await expect(person).toContainText('Mads');
  await expect(person).toContainText('204518637');
  await lookAt(page, 'trainer-person-da');

  await page.getByRole('group', { name: 'Sprog' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trainer: sandbox person' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Synthetic person 120368-XXXX' })).toContainText('August 1987');
  await lookAt(page, 'trainer-person-en');

  // Louise Kjær: protected, so the screen says no address is asked. A narrow window, as beside a call.
  await page.setViewportSize({ width: 640, height: 900 });
  await page.getByLabel('CPR number').fill('070790-2140');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('article', { name: 'Synthetic person 070790-XXXX' })).toContainText('no question shows or asks an address');
  await lookAt(page, 'trainer-person-protected-en');

  // An unknown number: not found, nothing shown.
  await page.getByLabel('CPR number').fill('010101-0000');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('No person with that number in the sandbox register.')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);
});

test('the policy form shows the thin-data exception with its bounds, in Danish and English', async ({ page }) => {
  await page.goto(`${api.url}/`);
  await page.getByLabel('Brugernavn').fill('supervisor');
  await page.getByLabel('Adgangskode').fill('supervisor-demo-pass');
  await page.getByLabel('Adgangskode').press('Enter');
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(page.getByRole('heading', { level: 1, name: 'Verifikationslog' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('link', { name: 'Politik' }).click();
  const field = page.getByLabel('Højst bekendte-spørgsmål ved få data');
  await expect(field).toHaveValue('2');
  await field.fill('5');
  await page.getByRole('button', { name: 'Gem politik' }).click();
  await expect(page.getByText('Skal være mellem 0 og 4.')).toBeVisible();
  await page.screenshot({ path: `${shots}/policy-thin-data-da.png`, fullPage: true });
  await page.getByRole('group', { name: 'Sprog' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByLabel('Most acquaintance questions, thin data')).toBeVisible();
  await page.screenshot({ path: `${shots}/policy-thin-data-en.png`, fullPage: true });
});
