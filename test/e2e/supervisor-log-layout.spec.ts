// The supervisor's verification log with realistic data at the window sizes supervisors use: every
// cell reads whole (no ellipsis), the grid uses the width it is given, dates follow the console's
// language, and the CSV export offers the Danish format. Screenshots in Danish and English.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { users } from '../../server/db/schema/users';
import type { Database } from '../../server/db/types';
import { insertUser } from '../../server/services/accounts/users';
import { startSupportApi, type RunningSupportApi } from '../../server/start';
import { seedCode, seedSignal, seedVerification } from '../support/review-helpers';
import { testScryptParams } from '../support/support-api';
import { expectNoSeriousA11yViolations, shots } from './agent-flow';

let api: RunningSupportApi;
let dataDir: string;

const statuses = ['passed', 'failed', 'refer', 'aborted', 'expired', 'in_progress'] as const;

/** Forty verifications over the last two days by three agents, with every status, code state and signal. */
async function seedLog(db: Database) {
  const [demo] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'agent'));
  const agentIds = [demo!.id];
  for (const [username, displayName] of [
    ['mette.k', 'Mette Kristiansen'],
    ['lars.bo', 'Lars Bo Andersen'],
  ] as const) {
    const row = await db.transaction((tx) =>
      insertUser(tx, { username, displayName, role: 'agent', password: 'not-used-here-123', passwordHash: 'x' }, { actor: 'system', at: new Date() }),
    );
    agentIds.push(row.id);
  }
  const now = Date.now();
  for (let i = 0; i < 40; i++) {
    const status = statuses[i % statuses.length]!;
    const startedAt = new Date(now - (i + 1) * 53 * 60_000);
    const { id } = await seedVerification(db, {
      agentId: agentIds[i % agentIds.length]!,
      cpr: `${String((i % 28) + 1).padStart(2, '0')}0${(i % 9) + 1}68${String(1000 + i * 37).slice(0, 4)}`,
      status,
      startedAt,
      durationSeconds: 95 + i * 41,
      scores: i % 3 === 0 ? [1, 0.792, 0.5, 1, 0.25] : [1, 1, 0.5, 1],
      flagged: i % 7 === 0,
    });
    if (status === 'passed') {
      const variant = i % 4;
      await seedCode(db, {
        verificationId: id,
        agentId: agentIds[0]!,
        issuedAt: new Date(startedAt.getTime() + 60_000),
        ...(variant === 1 ? { usedAt: new Date(startedAt.getTime() + 5 * 60_000) } : {}),
        ...(variant === 2 ? { revokedAt: new Date(startedAt.getTime() + 5 * 60_000) } : {}),
        ...(variant === 3 ? { attempts: 3 } : {}),
      });
    }
    if (i % 5 === 0) await seedSignal(db, { verificationId: id, kind: 'person_multi_agent', at: startedAt, persons: 12 });
  }
}

async function signInAsSupervisor(page: Page, language: 'da' | 'en') {
  await page.goto(`${api.url}/`);
  await page.getByLabel('Brugernavn').fill('supervisor');
  await page.getByLabel('Adgangskode').fill('supervisor-demo-pass');
  await page.getByLabel('Adgangskode').press('Enter');
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(page.getByRole('heading', { level: 1, name: 'Verifikationslog' })).toBeVisible({ timeout: 15_000 });
  if (language === 'en') {
    await page.getByRole('group', { name: 'Sprog' }).getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Verification log' })).toBeVisible();
  }
  // 40 rows, 25 to a page (the grid renders the ones in view).
  await expect(page.getByText(language === 'da' ? '1–25 af 40' : '1–25 of 40')).toBeVisible();
}

/** Cells and chip labels whose content is wider than their box (cut off with an ellipsis). */
async function truncatedCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.MuiDataGrid-cell, .MuiDataGrid-cell .MuiChip-label, .MuiDataGrid-columnHeaderTitle')) {
      if (el.scrollWidth > el.clientWidth + 1) cut.push(`${el.textContent ?? ''} (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return cut;
  });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'supervisor-log-e2e-'));
  api = await startSupportApi({
    dataDir,
    port: 0,
    masterKey: Buffer.alloc(32, 7).toString('base64'),
    demoAccounts: true,
    scryptParams: testScryptParams,
    consoleDir: path.resolve('out/renderer'),
    seed: seedLog,
  });
});

test.afterAll(async () => {
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  for (const language of ['da', 'en'] as const) {
    test(`the log reads whole at ${size.width}×${size.height} in ${language}, and the grid uses the window's width`, async ({ page }) => {
      await page.setViewportSize(size);
      await signInAsSupervisor(page, language);
      await page.screenshot({ path: `${shots}/supervisor-log-${size.width}x${size.height}-${language}.png`, fullPage: true });
      expect(await truncatedCells(page)).toEqual([]);
      // No wide empty margins: the grid spans the window less the page's own padding.
      const grid = await page.getByRole('grid').boundingBox();
      expect(grid!.width).toBeGreaterThan(size.width - 100);
      // Nor a column pushed out of view: the last header ends inside the grid.
      const lastHeader = await page.locator('.MuiDataGrid-columnHeader').last().boundingBox();
      expect(lastHeader!.x + lastHeader!.width).toBeLessThanOrEqual(grid!.x + grid!.width);
      await expectNoSeriousA11yViolations(page);
    });
  }
}

test('date and time inputs follow the Danish console (dd.mm.åååå tt:mm, 24-hour) and the English one', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAsSupervisor(page, 'da');
  const from = page.getByRole('group', { name: 'Fra' });
  await expect(from).toContainText('dd.mm.åååå tt:mm');
  // Typed digit by digit into the sections, as a supervisor would.
  await from.getByRole('spinbutton').first().click();
  await page.keyboard.type('010220261730');
  await expect(from).toContainText('01.02.2026 17:30');
  await page.screenshot({ path: `${shots}/supervisor-log-date-da.png` });
  // The picker's calendar in Danish.
  await page.getByRole('button', { name: /Vælg dato/ }).first().click();
  await expect(page.getByRole('dialog')).toContainText(/februar/i);
  await page.screenshot({ path: `${shots}/supervisor-log-date-picker-da.png` });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Søg' }).click();

  await page.getByRole('link', { name: 'Politik' }).click();
  await expect(page.getByRole('group', { name: 'Åbner' })).toContainText('08:00');
  await page.screenshot({ path: `${shots}/supervisor-policy-hours-da.png`, fullPage: true });

  await page.getByRole('group', { name: 'Sprog' }).getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Verification log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verification log' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'From' })).toContainText('dd/mm/yyyy hh:mm');
  await page.getByRole('link', { name: 'Watch' }).click();
  // The log has a "From" group too, and stays on screen while the watch loads.
  await expect(page.getByRole('heading', { level: 1, name: 'Watch' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'From' })).toContainText(/\d\d\/\d\d\/\d{4} \d\d:\d\d/);
  await page.screenshot({ path: `${shots}/supervisor-watch-en.png`, fullPage: true });
});

test('the CSV export in the Danish format: semicolons, decimal commas, local time with offset; the banner goes with the next search', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAsSupervisor(page, 'da');
  await page.getByRole('button', { name: 'Eksportér CSV' }).click();
  await page.screenshot({ path: `${shots}/supervisor-log-export-menu-da.png` });
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Dansk Excel/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^verifications-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await file.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = text.slice(1).trim().split('\r\n');
  expect(header!.split(';').slice(0, 3)).toEqual(['id', 'started_at', 'ended_at']);
  expect(rows).toHaveLength(40);
  expect(rows[0]!.split(';')[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  expect(rows.some((r) => /;\d+,\d+;/.test(r))).toBe(true);

  await expect(page.getByText('Eksporten er startet')).toBeVisible();
  await page.getByRole('button', { name: 'Søg' }).click();
  await expect(page.getByText('Eksporten er startet')).toHaveCount(0);
});

test('a verification and the person access log show values in the console language, in Danish and English', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAsSupervisor(page, 'da');
  await page.getByRole('link', { name: /Åbn verifikation/ }).first().click();
  await expect(page.getByText('Samtalesprog')).toBeVisible();
  await expect(page.locator('main')).toContainText('Dansk');
  // Strength with a decimal comma, like the percentages beside it.
  await expect(page.getByRole('table', { name: 'Spørgsmål' })).toContainText('1,00');
  await page.screenshot({ path: `${shots}/supervisor-detail-da.png`, fullPage: true });
  await page.getByRole('group', { name: 'Sprog' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('table', { name: 'Questions' })).toContainText('1.00');
  await expect(page.locator('main')).toContainText('Danish');
  await page.screenshot({ path: `${shots}/supervisor-detail-en.png`, fullPage: true });

  await page.getByRole('link', { name: 'Person access log' }).click();
  // The detail stays on screen while the lazy screen loads: type only once the lookup is there.
  await expect(page.getByRole('heading', { level: 1, name: "Person's access log" })).toBeVisible();
  await page.getByLabel(/CPR number/).fill('0101681000');
  await page.getByLabel(/Reason/).fill('Art. 15 request, case E2E-2');
  await page.getByRole('button', { name: 'Look up' }).click();
  const events = page.getByRole('region', { name: 'Events for 010168-XXXX' });
  await expect(events.getByRole('row').filter({ hasText: 'Demo Agent' }).first()).toBeVisible();
  // The verification column links look like links (MUI Link), not browser-default ones.
  await expect(events.getByRole('link').first()).toHaveClass(/MuiLink-root/);
  await page.screenshot({ path: `${shots}/supervisor-person-access-log-en.png`, fullPage: true });
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Dansk' }).click();
  await page.screenshot({ path: `${shots}/supervisor-person-access-log-da.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page);
});

test('a reload straight onto a lazy screen: no HydrateFallback warning, no 404 (favicon), no console error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  await signInAsSupervisor(page, 'da');
  // The browser preview keeps the session in memory: after the reload the router starts on the lazy
  // screen's route, asks for a sign-in and comes back to it.
  await page.reload();
  await page.getByLabel('Brugernavn').fill('supervisor');
  await page.getByLabel('Adgangskode').fill('supervisor-demo-pass');
  await page.getByLabel('Adgangskode').press('Enter');
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(page.getByRole('heading', { level: 1, name: 'Verifikationslog' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('1–25 af 40')).toBeVisible();
  expect(problems).toEqual([]);
});
