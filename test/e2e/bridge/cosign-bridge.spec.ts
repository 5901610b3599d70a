// Co-sign through the desktop bridge: the agent's console is the built main process (FakeElectron at the
// OS boundary) pointed, as in a support centre, at the shared Support API the browser tests run
// (managed configuration: supportApiUrl); every agent call goes through main. The supervisor approves in
// a second session (a browser on the same API); the agent's console, polling through the bridge, moves
// on to the code step by itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { VerificationView } from '../../../shared/api/index';
import { answerField, answerFor, cprField, demo, persona, personas } from '../agent-flow';
import { startDesktop, type Desktop } from './desktop-harness';

const envVar = 'MITID_CONSOLE_MANAGED_CONFIG';
// The browser tests' Support API (playwright.config.ts webServer).
const e2ePort = Number(process.env.E2E_PORT ?? 4391);
let dir: string;
let desktop: Desktop | undefined;

test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'console-cosign-bridge-'));
  const file = path.join(dir, 'managed.json');
  writeFileSync(file, JSON.stringify({ supportApiUrl: `http://127.0.0.1:${e2ePort}` }));
  process.env[envVar] = file;
});

test.afterAll(async () => {
  await desktop?.quit();
  delete process.env[envVar];
  rmSync(dir, { recursive: true, force: true });
});

test('agent waits for co-sign through the bridge; a supervisor approves in a second session; the agent sees the code step', async ({ page, browser }) => {
  test.setTimeout(180_000);
  desktop = await startDesktop(page, { userData: path.join(dir, 'user-data'), downloads: path.join(dir, 'downloads') });
  const { fake } = desktop;
  await page.getByLabel('Brugernavn').fill(demo.agent.username);
  await page.getByLabel('Adgangskode').fill(demo.agent.password);
  await page.getByLabel('Adgangskode').press('Enter');
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(page.getByRole('heading', { level: 1, name: 'Nyt opkald' })).toBeVisible({ timeout: 15_000 });

  // Louise Kjær has name and address protection: her code always needs co-sign (policy default).
  const louise = persona('protected');
  await cprField(page).pressSequentially(personas.protected.cpr);
  await page.getByRole('radio', { name: 'Pas' }).check();
  let since = fake.calls.length;
  await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).fill('287350164');
  await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).press('Enter');
  // A call an earlier test left open for the same person makes the console ask first: start anyway.
  // Whichever shows, the question or that question, with no fixed limit (a busy worker is slower than any).
  const anyway = page.getByRole('button', { name: 'Start alligevel' });
  await expect(page.getByRole('heading', { level: 2, name: /^Spørgsmål 1 af højst/ }).or(anyway)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  let view = (await fake.waitForCall('startVerification', since)) as VerificationView;
  for (let i = 0; view.status === 'in_progress' && view.currentQuestion && i < 12; i++) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`${view.currentQuestion.number} af højst`) })).toBeVisible();
    since = fake.calls.length;
    await answerField(page).fill(answerFor(louise, view.currentQuestion) ?? '');
    await answerField(page).press('Enter');
    view = (await fake.waitForCall('answerQuestion', since)) as VerificationView;
  }
  expect(view.status).toBe('passed');
  since = fake.calls.length;
  await page.getByRole('button', { name: 'Send aktiveringskode på SMS' }).click();
  const issued = (await fake.waitForCall('issueActivationCode', since)) as { cosign: { status: string; reasons: string[] } | null; code: { status: string } };
  expect(issued.cosign).toMatchObject({ status: 'pending', reasons: expect.arrayContaining(['name_address_protection']) });
  expect(issued.code.status).toBe('none');
  await expect(page.getByText('Venter på en supervisor')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send aktiveringskode på SMS' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/bridge-cosign-agent-waiting-da.png' });

  // The supervisor, in a browser on the same Support API.
  const context = await browser.newContext({ locale: 'da-DK' });
  const supervisor = await context.newPage();
  await supervisor.goto('/');
  await supervisor.getByLabel('Brugernavn').fill(demo.supervisor.username);
  await supervisor.getByLabel('Adgangskode').fill(demo.supervisor.password);
  await supervisor.getByLabel('Adgangskode').press('Enter');
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(supervisor.getByRole('heading', { level: 1, name: 'Verifikationslog' })).toBeVisible({ timeout: 15_000 });
  await supervisor.getByRole('navigation').getByRole('link', { name: /Godkendelser/ }).click();
  const card = supervisor.getByRole('article').filter({ has: supervisor.locator(`a[href$="${view.id}"]`) });
  await expect(card).toBeVisible({ timeout: 5_000 });
  await card.getByRole('textbox', { name: /Begrundelse/ }).fill('Ringede tilbage, personen bekræftede');
  await card.getByRole('button', { name: 'Godkend og send koden' }).click();
  await expect(supervisor.getByText('Godkendt: koden er sendt.')).toBeVisible();

  // The agent's console follows through the bridge, without a click: the code step.
  await expect(page.getByText(/Aktiveringskoden er sendt til/)).toBeVisible({ timeout: 10_000 });
  expect(fake.calls.some((c) => c.args[0] === 'getVerification')).toBe(true);
  await page.screenshot({ path: 'test-results/screens/bridge-cosign-agent-approved-da.png' });
  await context.close();
});
