// The supervisor console in Chromium against a Support API started by this test (PGlite in its own
// temp folder, the built console served from it), so the test can stop it, change an audit row behind
// the trigger's back, and start it again. Verifications are made through the real engine over HTTP as
// the demo agent, answered from the register as the engine's own tests do.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { desc, eq } from 'drizzle-orm';
import type { VerificationView } from '../../shared/api/index';
import { openDatabase } from '../../server/db/open';
import { auditEvents } from '../../server/db/schema/audit';
import type { Database } from '../../server/db/types';
import { startSupportApi, type RunningSupportApi } from '../../server/start';
import { tamperAuditEvent } from '../support/review-helpers';
import { testScryptParams } from '../support/support-api';
import { insertRichPerson, type TestPerson } from '../support/verification-helpers';
import { supportApiCalls } from './support-api-calls';

const shots = 'test-results/screens';
const masterKey = Buffer.alloc(32, 6).toString('base64');

let api: RunningSupportApi;
let dataDir: string;
let port: number;
let reviewed: TestPerson;
let policyPerson: TestPerson;
let verification: VerificationView;
const { call, signIn, passedVerification } = supportApiCalls(() => api);

async function start(seed: boolean) {
  api = await startSupportApi({
    dataDir,
    port,
    masterKey,
    demoAccounts: true,
    scryptParams: testScryptParams,
    consoleDir: path.resolve('out/renderer'),
    seed: seed
      ? async (db: Database) => {
          reviewed = await insertRichPerson(db);
          policyPerson = await insertRichPerson(db);
        }
      : false,
  });
}

async function lookAt(page: Page, name: string) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function signInAsSupervisor(page: Page) {
  await page.goto(`${api.url}/`);
  await page.getByLabel('Brugernavn').fill('supervisor');
  await page.getByLabel('Adgangskode').fill('supervisor-demo-pass');
  await page.getByLabel('Adgangskode').press('Enter');
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(page.getByRole('heading', { level: 1, name: 'Verifikationslog' })).toBeVisible({ timeout: 15_000 });
}

const formatted = (cpr: string) => `${cpr.slice(0, 6)}-${cpr.slice(6)}`;

/** Filters the log by the person's CPR number and opens their verification. */
async function openReviewed(page: Page) {
  await page.getByLabel('CPR-nummer').fill(formatted(reviewed.cpr));
  await page.getByRole('button', { name: 'Søg' }).click();
  const rows = page.getByRole('grid').getByRole('row').filter({ hasText: `${reviewed.cpr.slice(0, 6)}-XXXX` });
  await expect(rows).toHaveCount(1);
  await rows.getByRole('link', { name: /Åbn verifikation/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Verifikation ${reviewed.cpr.slice(0, 6)}-XXXX` })).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'supervisor-e2e-'));
  port = 0;
  await start(true);
  port = Number(new URL(api.url).port);
  verification = await passedVerification(reviewed);
  expect(verification.status).toBe('passed');
  const agent = await signIn('agent', 'agent-demo-pass');
  const issued = await call<VerificationView>('POST', `/api/verifications/${verification.id}/activation-code`, agent, {});
  expect(issued.json.code.status).toBe('sent');
});

test.afterAll(async () => {
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('find a verification, read its timeline, reveal the CPR number and see the reveal in the access log', async ({ page }) => {
  await signInAsSupervisor(page);
  await expect(page.getByRole('grid').getByRole('row').nth(1)).toBeVisible();
  await lookAt(page, 'supervisor-log');
  await openReviewed(page);
  const timeline = page.getByRole('list', { name: 'Tidslinje' });
  await expect(timeline).toContainText('Aktiveringskode udstedt');
  await expect(page.getByRole('table', { name: 'Spørgsmål' }).getByRole('row')).toHaveCount(verification.progress.answered + 1);
  await lookAt(page, 'supervisor-detail');

  await page.getByRole('button', { name: 'Vis CPR-nummer' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Begrundelse/).fill('Art. 15 request, case E2E-1');
  await page.screenshot({ path: `${shots}/supervisor-reveal-dialog.png` });
  await dialog.getByRole('button', { name: 'Vis CPR-nummer' }).click();
  await expect(page.getByTestId('revealed-cpr')).toHaveText(formatted(reviewed.cpr));
  await expect(timeline).toContainText('CPR-nummer vist');
  await expect(timeline).toContainText('Art. 15 request, case E2E-1');

  await page.getByRole('link', { name: 'Personopslag' }).click();
  // The detail stays on screen while the lazy screen loads: type only once the lookup is there.
  await expect(page.getByRole('heading', { level: 1, name: 'Personens adgangslog' })).toBeVisible();
  await page.getByLabel(/CPR-nummer/).fill(reviewed.cpr);
  await page.getByLabel(/Begrundelse/).fill('Art. 15 request, case E2E-1');
  await page.getByRole('button', { name: 'Slå op' }).click();
  const events = page.getByRole('region', { name: `Hændelser for ${reviewed.cpr.slice(0, 6)}-XXXX` });
  const reveal = events.getByRole('row').filter({ hasText: 'CPR-nummer vist' });
  await expect(reveal).toHaveCount(1);
  await expect(reveal).toContainText('Art. 15 request, case E2E-1');
  await expect(events.getByRole('row').filter({ hasText: 'Personens adgangslog slået op' })).toHaveCount(1);
  // The number typed for the lookup does not stay on screen.
  await expect(page.getByLabel(/CPR-nummer/)).toHaveValue('');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent JSON' }).click();
  const json = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { events: { action: string }[] };
  expect(json.events.map((e) => e.action)).toContain('review.cpr_revealed');
  await lookAt(page, 'supervisor-person-access-log');
});

test('revoke a code and see the redeem fail', async ({ page }) => {
  const supervisor = await signIn('supervisor', 'supervisor-demo-pass');
  const outbox = await call<{ items: { channel: string; body: string }[] }>('GET', `/api/sandbox/outbox?userId=${reviewed.userId}`, supervisor);
  const code = (/er ([0-9 ]+)\./.exec(outbox.json.items.find((m) => m.channel === 'sms')?.body ?? '')?.[1] ?? '').replace(/\s/g, '');
  expect(code).toMatch(/^\d{6,12}$/);

  await signInAsSupervisor(page);
  await openReviewed(page);
  await page.getByRole('button', { name: 'Tilbagekald kode' }).click();
  await page.getByRole('dialog').getByLabel(/Begrundelse/).fill('Caller says the call was not them');
  await page.getByRole('dialog').getByRole('button', { name: 'Tilbagekald kode' }).click();
  await expect(page.getByText('Koden er tilbagekaldt.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Aktiveringskode' })).toContainText('Tilbagekaldt');
  await lookAt(page, 'supervisor-detail-revoked');

  const redeem = await call<{ code: string }>('POST', '/api/activation/redeem', null, { userId: reviewed.userId, code, newPassword: 'Efterårsferie-i-Skagen-24', repeatPassword: 'Efterårsferie-i-Skagen-24' });
  expect(redeem.status).toBeGreaterThanOrEqual(400);
  expect(redeem.status).toBeLessThan(500);
});

test('change the policy and see a new verification use it', async ({ page }) => {
  await signInAsSupervisor(page);
  await page.getByRole('link', { name: 'Politik' }).click();
  await expect(page.getByLabel('Antal spørgsmål')).toHaveValue('4');
  await page.getByLabel('Antal spørgsmål').fill('3');
  await page.getByLabel('Ekstra spørgsmål').fill('0');
  await page.getByLabel('Mindst antal helt rigtige svar').fill('3');
  await page.getByLabel(/Begrundelse for ændringen/).fill('E2E: three questions, no extras');
  await page.getByRole('button', { name: 'Gem politik' }).click();
  await expect(page.getByText('Politikken er gemt og gælder for nye verifikationer.')).toBeVisible();
  await expect(page.getByText(/Senest ændret .* af /)).toBeVisible();
  await lookAt(page, 'supervisor-policy');

  const after = await passedVerification(policyPerson);
  expect(after.progress.maxQuestions).toBe(3);
  expect(after.progress.answered).toBe(3);
  // The verification made before the change keeps its own.
  expect(verification.progress.maxQuestions).toBeGreaterThan(3);
});

test('export the filtered log as CSV and parse it', async ({ page }) => {
  await signInAsSupervisor(page);
  await page.getByRole('combobox', { name: 'Udfald' }).click();
  await page.getByRole('option', { name: 'Bestået', exact: true }).click();
  await page.getByRole('button', { name: 'Søg' }).click();
  await expect(page.getByRole('grid').getByRole('row')).toHaveCount(3);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér CSV' }).click();
  await page.getByRole('menuitem', { name: /International/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^verifications-.*\.csv$/);
  const lines = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  const header = lines[0]!.split(',');
  expect(header.slice(0, 3)).toEqual(['id', 'started_at', 'ended_at']);
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
  expect(rows).toHaveLength(2);
  expect(rows.map((r) => r.status)).toEqual(['passed', 'passed']);
  expect(rows.map((r) => r.id)).toContain(verification.id);
  expect(readFileSync(await file.path(), 'utf8')).not.toContain(reviewed.cpr.slice(6));
  await lookAt(page, 'supervisor-log-filtered');
});

test('the watch shows the day', async ({ page }) => {
  await signInAsSupervisor(page);
  await page.getByRole('link', { name: 'Overvågning' }).click();
  await expect(page.getByRole('region', { name: 'Verifikationer pr. time' }).locator('svg').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Bestået-andel pr. medarbejder' })).toContainText('Demo');
  await lookAt(page, 'supervisor-watch');
  // A backwards range says so under "Til" and asks for nothing.
  const asked = { count: 0 };
  page.on('request', (request) => void (request.url().includes('/api/supervision/watch') ? asked.count++ : 0));
  const to = page.getByRole('group', { name: 'Til' });
  await to.getByRole('spinbutton').first().click();
  await page.keyboard.type('010120201000');
  await page.getByRole('button', { name: 'Opdatér' }).click();
  await expect(page.getByText('Slut skal være efter start.')).toBeVisible();
  expect(asked.count).toBe(0);
  await lookAt(page, 'supervisor-watch-backwards-range');
});

test('verify the audit log, then find the row changed behind the trigger', async ({ page }) => {
  await signInAsSupervisor(page);
  await page.getByRole('link', { name: 'Integritet' }).click();
  await page.getByRole('button', { name: 'Kontrollér revisionsloggen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kæden er hel' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent kontrolpunkt (JSON)' }).click();
  const checkpointFile = await (await download).path();
  await lookAt(page, 'supervisor-integrity-ok');

  // Stop the API, change the verification's first event with the trigger off, start it again.
  const [started] = await api.database.db
    .select({ seq: auditEvents.seq })
    .from(auditEvents)
    .where(eq(auditEvents.verificationId, verification.id))
    .orderBy(auditEvents.seq)
    .limit(1);
  expect(started).toBeDefined();
  await api.close();
  const db = await openDatabase({ dataDir });
  try {
    const [head] = await db.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(head!.seq).toBeGreaterThan(started!.seq);
    await tamperAuditEvent(db.db, started!.seq, { documentType: 'driving_licence' });
  } finally {
    await db.close();
  }
  await start(false);

  await page.getByRole('button', { name: 'Kontrollér revisionsloggen' }).click();
  await expect(page.getByRole('alert')).toHaveText(`Kæden er brudt ved hændelse ${started!.seq}: indholdet passer ikke til dens hash (ændret)`);
  await page.getByLabel('Vælg kontrolpunktsfil').setInputFiles(checkpointFile);
  await expect(page.getByRole('alert').filter({ hasText: 'fortsætter ikke kontrolpunktet' })).toContainText(`hændelse ${started!.seq} er ændret`);
  await lookAt(page, 'supervisor-integrity-broken');
});
