// The console as the desktop app runs it: the built main process (FakeElectron only at the OS
// boundary), the built preload in the page, the renderer served by main's app:// handler.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { expect, test, type Page } from '@playwright/test';
import type { VerificationView } from '../../../shared/api/index';
import { answerField, answerFor, cprField, demo, persona, personas } from '../agent-flow';
import { startDesktop, type Desktop } from './desktop-harness';

let userData: string;
let downloads: string;
let desktop: Desktop | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  // One user-data folder for the file: the first launch creates and seeds the database, later ones restart on it.
  userData = mkdtempSync(path.join(os.tmpdir(), 'console-bridge-userdata-'));
  downloads = mkdtempSync(path.join(os.tmpdir(), 'console-bridge-downloads-'));
});

test.afterEach(async () => {
  await desktop?.quit();
  desktop = undefined;
});

test.afterAll(() => {
  rmSync(userData, { recursive: true, force: true });
  rmSync(downloads, { recursive: true, force: true });
});

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...v]) => [name, v.join(' ')]));

test('the page comes from app:// with one CSP in header and meta, and the bridge is its only way out', async ({ page }) => {
  test.setTimeout(180_000);
  // Main's event loop (this process runs it) during a first start: the longest stretch it was blocked.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const started = performance.now();
  let loaded = 0;
  let whileLoading = 0;
  desktop = await startDesktop(page, { userData, downloads }, {
    // Loading main's module (compiling it and its dependencies) is one synchronous stretch, counted apart.
    onMainLoaded: () => {
      loaded = performance.now() - started;
      whileLoading = lag.max;
      lag.reset();
    },
  });
  lag.disable();
  const ms = (ns: number) => Math.round(ns / 1e6);
  const figure =
    `first start ${Math.round(performance.now() - started)} ms (main's module loaded after ${Math.round(loaded)} ms, longest stretch then ${ms(whileLoading)} ms); ` +
    `from then to the window shown, main's event loop: longest stretch blocked ${ms(lag.max)} ms, p99 ${ms(lag.percentile(99))} ms`;
  test.info().annotations.push({ type: 'main event-loop lag', description: figure });
  console.log(figure);
  const { fake } = desktop;
  expect(fake.utilityChildren).toHaveLength(1);
  expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  await expect(page.getByLabel('Brugernavn')).toBeVisible();

  const header = fake.documentResponse?.headers()['content-security-policy'];
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(header).toBeTruthy();
  expect(meta).toBe(header);
  expect(directives(header!).get('connect-src')).toBe("'none'");
  expect(directives(header!).get('frame-ancestors')).toBe("'none'");

  const seen = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }));
    await fetch('http://127.0.0.1:9/').catch(() => undefined);
    return {
      violation: await Promise.race([violation, new Promise<string>((resolve) => setTimeout(() => resolve('none'), 2000))]),
      bridgeKeys: Object.keys((window as unknown as { consoleBridge: object }).consoleBridge).sort(),
      hasRequire: 'require' in window,
    };
  });
  expect(seen).toEqual({
    violation: 'connect-src',
    bridgeKeys: ['cancelDownload', 'copyText', 'invoke', 'onCallLink', 'onDownloadProgress', 'onLockRequested', 'saveDownload', 'saveText', 'settings', 'takeCallLink'],
    hasRequire: false,
  });
});

async function signIn(page: Page, account: { username: string; password: string }, home: string) {
  await page.getByLabel('Brugernavn').fill(account.username);
  await page.getByLabel('Adgangskode').fill(account.password);
  await page.getByLabel('Adgangskode').press('Enter');
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(page.getByRole('heading', { level: 1, name: home })).toBeVisible({ timeout: 15_000 });
}

test('agent: a call passes and the code is sent, every call through main; the token stays in main', async ({ page }) => {
  desktop = await startDesktop(page, { userData, downloads });
  const { fake } = desktop;
  await signIn(page, demo.agent, 'Nyt opkald');
  const login = fake.calls.find((c) => c.args[0] === 'login')?.result as { ok: boolean; value: Record<string, unknown> };
  expect(login.ok).toBe(true);
  expect(JSON.stringify(login.value)).not.toMatch(/token/i);

  const kirsten = persona('easy');
  await cprField(page).pressSequentially(personas.easy.cpr);
  await page.getByRole('radio', { name: 'Pas' }).check();
  let since = fake.calls.length;
  await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).fill('204518637');
  await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).press('Enter');
  let view = (await fake.waitForCall('startVerification', since)) as VerificationView;
  for (let i = 0; view.status === 'in_progress' && view.currentQuestion && i < 12; i++) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`${view.currentQuestion.number} af højst`) })).toBeVisible();
    since = fake.calls.length;
    await answerField(page).fill(answerFor(kirsten, view.currentQuestion) ?? '');
    await answerField(page).press('Enter');
    view = (await fake.waitForCall('answerQuestion', since)) as VerificationView;
  }
  expect(view.status).toBe('passed');
  await expect(page.getByRole('heading', { level: 2, name: 'Personen er verificeret' })).toBeVisible();
  since = fake.calls.length;
  await page.getByRole('button', { name: 'Send aktiveringskode på SMS' }).click();
  await fake.waitForCall('issueActivationCode', since);
  await expect(page.getByText(/Aktiveringskoden er sendt til/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/bridge-agent-code-sent.png' });
});

test('the OS locking the screen locks the console through main', async ({ page }) => {
  desktop = await startDesktop(page, { userData, downloads });
  await signIn(page, demo.agent, 'Nyt opkald');
  desktop.fake.powerMonitor.emit('lock-screen');
  await expect(page.getByRole('dialog', { name: 'Konsollen er låst' })).toBeVisible();
});

test('supervisor: both exports are written to disk by main, and a cancelled dialog says nothing', async ({ page }) => {
  desktop = await startDesktop(page, { userData, downloads });
  const { fake } = desktop;
  await signIn(page, demo.supervisor, 'Verifikationslog');

  // Cancelled save dialog: no file, no "saved".
  await page.getByRole('button', { name: 'Eksportér CSV' }).click();
  await page.getByRole('menuitem', { name: /^Dansk Excel/ }).click();
  await expect(page.getByRole('button', { name: 'Eksportér CSV' })).toBeEnabled();
  await expect(page.getByText('Eksporten er gemt')).toHaveCount(0);

  const csvFile = path.join(downloads, 'verifications.csv');
  fake.saveAnswers.push(csvFile);
  await page.getByRole('button', { name: 'Eksportér CSV' }).click();
  await page.getByRole('menuitem', { name: /^Dansk Excel/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /Eksporten er gemt \(.+\)\./ })).toBeVisible();
  const csv = readFileSync(csvFile, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = csv.slice(1).trim().split('\r\n');
  // The Danish style: semicolons between cells.
  expect(header!.split(';')[0]).toBe('id');
  // The agent's call above is in it, with its outcome.
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.some((r) => r.includes('passed'))).toBe(true);
  expect(readdirSync(downloads).filter((f) => f.endsWith('.part'))).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/bridge-export-saved.png' });

  await page.getByRole('link', { name: 'Personopslag' }).click();
  // The log (with a CPR-nummer filter of its own) stays on screen while the lazy screen loads: type only
  // once the lookup is there. Its fields come with its heading, so what is typed holds (checked, not retried).
  await expect(page.getByRole('heading', { level: 1, name: 'Personens adgangslog' })).toBeVisible();
  await page.getByLabel('CPR-nummer').fill(personas.easy.cpr);
  await page.getByLabel('Begrundelse').fill('Indsigtsanmodning fra borgeren, sag 42');
  await expect(page.getByLabel('CPR-nummer')).toHaveValue(personas.easy.cpr);
  await expect(page.getByLabel('Begrundelse')).toHaveValue('Indsigtsanmodning fra borgeren, sag 42');
  await page.getByRole('button', { name: 'Slå op' }).click();
  const accessCsv = path.join(downloads, 'access-log.csv');
  fake.saveAnswers.push(accessCsv);
  await page.getByRole('button', { name: 'Hent CSV' }).click();
  const fileSaved = page.getByRole('status').filter({ hasText: /Filen er gemt/ });
  await expect(fileSaved).toBeVisible();
  const accessRows = readFileSync(accessCsv, 'utf8').slice(1).trim().split('\r\n');
  expect(accessRows[0]).toBe('seq,occurred_at,action,action_label,actor_id,actor_name,verification_id,detail');
  expect(accessRows.length).toBeGreaterThan(1);
  const accessJson = path.join(downloads, 'access-log.json');
  fake.saveAnswers.push(accessJson);
  // The CSV's "saved" would otherwise answer for the JSON before its file is written: close it first.
  await fileSaved.getByRole('button').click();
  await expect(fileSaved).toBeHidden();
  await page.getByRole('button', { name: 'Hent JSON' }).click();
  await expect(fileSaved).toBeVisible();
  const parsed = JSON.parse(readFileSync(accessJson, 'utf8')) as { subject: string; events: unknown[] };
  expect(parsed.subject).toMatch(/^\d{6}-XXXX$/);
  expect(parsed.events.length).toBe(accessRows.length - 1);
  await page.screenshot({ path: 'test-results/screens/bridge-access-log-saved.png' });
});

test('the API process dies mid-call: the connection banner, main restarts it, the answer goes through', async ({ page }) => {
  desktop = await startDesktop(page, { userData, downloads });
  const { fake } = desktop;
  await signIn(page, demo.agent, 'Nyt opkald');
  await cprField(page).pressSequentially(personas.easy.cpr);
  await page.getByRole('radio', { name: 'Pas' }).check();
  const since = fake.calls.length;
  await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).fill('204518637');
  await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).press('Enter');
  const view = (await fake.waitForCall('startVerification', since)) as VerificationView;
  // Main has the answer before the renderer has drawn the question: kill the API only once the question shows.
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`${view.currentQuestion!.number} af højst`) })).toBeVisible();

  fake.utilityChildren[0]!.kill('SIGKILL');
  await expect.poll(() => fake.utilityChildren[0]!.exitCode !== null || fake.utilityChildren[0]!.signalCode !== null).toBe(true);
  await answerField(page).fill(answerFor(persona('easy'), view.currentQuestion!) ?? '');
  await answerField(page).press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Ingen forbindelse til Support API' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/bridge-api-died.png' });

  // Main starts a new process on the same port; the session (in the database) is still valid.
  await expect.poll(() => fake.utilityChildren.length, { timeout: 30_000 }).toBe(2);
  // One action during an outage: the banner's retry checks the connection and resends the held answer.
  const banner = page.getByRole('alert').filter({ hasText: 'Ingen forbindelse til Support API' });
  await expect(async () => {
    if (await banner.isVisible()) await banner.getByRole('button', { name: 'Prøv igen' }).click({ timeout: 2000 });
    else {
      // What an agent does when the banner is gone but the answer still says it was not sent.
      const resend = page.getByRole('main').getByRole('button', { name: 'Send igen' });
      if (await resend.isVisible()) await resend.click({ timeout: 2000 });
    }
    await expect(page.getByRole('heading', { level: 2, name: /Spørgsmål 2 af højst/ })).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Ingen forbindelse til Support API' })).toBeHidden();
});

test('screen pop: a call link handed over by a second instance opens a new call with its call ID', async ({ page }) => {
  desktop = await startDesktop(page, { userData, downloads });
  const { fake } = desktop;
  expect(fake.app.protocolClients).toEqual(['mitid-support-console']);
  await signIn(page, demo.agent, 'Nyt opkald');
  // What Windows and Linux do when the phone system opens the link while the console runs: a second
  // instance starts, loses the single-instance lock, and its command line reaches this one.
  fake.app.emit('second-instance', {}, ['mitid-support-console', '--no-sandbox', 'mitid-support-console://call?callId=pbx-bridge-1.7&from=%2B46701234567'], '/');
  const notice = page.getByTestId('phone-call');
  await expect(notice).toContainText('opkalds-ID pbx-bridge-1.7');
  await expect(notice).toContainText('Udenlandsk nummer.');
  await expect(notice).not.toContainText('701234567');

  await cprField(page).pressSequentially(personas.easy.cpr);
  await page.getByRole('radio', { name: 'Pas' }).check();
  const since = fake.calls.length;
  await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).fill('204518637');
  await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).press('Enter');
  // An earlier test in this file may have left a call open for the same person: the console asks first.
  // Whichever shows, the question or that question, with no fixed limit (a busy worker is slower than any).
  const anyway = page.getByRole('button', { name: 'Start alligevel' });
  const first = page.getByRole('heading', { level: 2, name: /^Spørgsmål 1 af højst/ });
  await expect(first.or(anyway)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  const view = (await fake.waitForCall('startVerification', since)) as VerificationView;
  expect(view.phoneCall).toEqual({ callId: 'pbx-bridge-1.7', callerNumber: 'foreign' });
  await expect(first).toBeVisible();

  // A malformed link opens nothing and leaves the call as it is.
  fake.app.emit('second-instance', {}, ['mitid-support-console', 'mitid-support-console://call?callId=bad id'], '/');
  // Main logged that links came (and that one was refused), never what they held.
  await expect.poll(() => mainLog()).toContain('Refused a call link');
  // Checked once main has dealt with the link (before, the question shows either way).
  await expect(first).toBeVisible();
  expect(mainLog()).toContain('A call link arrived from the phone system.');
  expect(mainLog()).not.toMatch(/701234567|pbx-bridge|bad id/);
});

/** Main's log file(s) in the user-data folder, as one text. */
function mainLog(): string {
  const dir = path.join(userData, 'logs');
  return readdirSync(dir)
    .filter((f) => f.startsWith('main'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}
