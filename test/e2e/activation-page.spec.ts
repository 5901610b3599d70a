// The caller's side in Chromium: a verification passed through the real engine over HTTP, a code issued
// by the agent, the SMS read off the sandbox phone (listSandboxOutbox), and the code redeemed on the
// activation page. The Support API runs in this process (PGlite in a temp folder) so the test can read
// the right answers from the register, as the engine's own tests do; the browser only sees HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { VerificationView } from '../../shared/api/index';
import type { Database } from '../../server/db/types';
import { startSupportApi, type RunningSupportApi } from '../../server/start';
import { testScryptParams } from '../support/support-api';
import { insertRichPerson, type TestPerson } from '../support/verification-helpers';
import { supportApiCalls } from './support-api-calls';

const shots = 'test-results/screens';

let api: RunningSupportApi;
let dataDir: string;
let person: TestPerson;
const { call, signIn, passedVerification } = supportApiCalls(() => api);

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'activation-e2e-'));
  api = await startSupportApi({
    dataDir,
    masterKey: Buffer.alloc(32, 5).toString('base64'),
    demoAccounts: true,
    scryptParams: testScryptParams,
    seed: async (db: Database) => {
      person = await insertRichPerson(db);
    },
  });
});

test.afterAll(async () => {
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a caller redeems the code from the SMS on the activation page', async ({ page }) => {
  // The agent verifies the caller: every question answered from the register.
  const view = await passedVerification(person);
  expect(view.status).toBe('passed');
  const agent = await signIn('agent', 'agent-demo-pass');
  const issued = await call<VerificationView>('POST', `/api/verifications/${view.id}/activation-code`, agent, {});
  expect(issued.json.code.status).toBe('sent');

  // The trainer reads the SMS on the sandbox phone.
  const supervisor = await signIn('supervisor', 'supervisor-demo-pass');
  const outbox = await call<{ items: { channel: string; body: string }[] }>('GET', `/api/sandbox/outbox?userId=${person.userId}`, supervisor);
  const sms = outbox.json.items.find((m) => m.channel === 'sms');
  const code = /er ([0-9 ]+)\./.exec(sms?.body ?? '')?.[1] ?? '';
  expect(code).toMatch(/^\d{4} \d{4}$/);

  // The caller, on the page.
  await page.goto(`${api.url}/activate`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('heading', { level: 1, name: 'Vælg ny adgangskode til MitID' })).toBeVisible();
  await page.getByLabel('MitID bruger-ID').fill(person.userId as string);
  await page.getByLabel('Aktiveringskode').fill(code);
  await page.getByLabel('Ny adgangskode', { exact: true }).fill('qwertyui');
  await page.getByLabel('Gentag ny adgangskode').fill('qwertyui');
  await page.getByRole('button', { name: 'Gem ny adgangskode' }).click();
  // The server refused the keyboard run, and the page says which rule.
  await expect(page.getByRole('alert')).toContainText('ikke være en række taster ved siden af hinanden');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${shots}/activation-page-rule.png`, fullPage: true });

  await page.getByLabel('Ny adgangskode', { exact: true }).fill('Efterårsferie-i-Skagen-24');
  await page.getByLabel('Gentag ny adgangskode').fill('Efterårsferie-i-Skagen-24');
  await page.getByRole('button', { name: 'Gem ny adgangskode' }).click();
  await expect(page.getByRole('heading', { name: 'Din nye adgangskode er gemt' })).toBeVisible();
  await expect(page.getByText('Aktiveringskoden er brugt og virker ikke igen.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${shots}/activation-page-success.png`, fullPage: true });

  // The same code again: the generic failure.
  await page.goto(`${api.url}/activate`);
  await page.getByLabel('MitID bruger-ID').fill(person.userId as string);
  await page.getByLabel('Aktiveringskode').fill(code);
  await page.getByLabel('Ny adgangskode', { exact: true }).fill('Andet-godt-kodeord-9');
  await page.getByLabel('Gentag ny adgangskode').fill('Andet-godt-kodeord-9');
  await page.getByRole('button', { name: 'Gem ny adgangskode' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Bruger-ID eller aktiveringskode er forkert, eller koden er ikke længere gyldig. Ring til MitID Support, hvis du skal have en ny kode.',
  );
  await page.screenshot({ path: `${shots}/activation-page-failure.png`, fullPage: true });
});

test('the page in English, under the CSP, with no console errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  const res = await page.goto(`${api.url}/activate?lang=en`);
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('alert')).toHaveText('Fill in every field.');
  await page.getByRole('link', { name: 'Dansk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vælg ny adgangskode til MitID' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${shots}/activation-page-en.png`, fullPage: true });
  expect(problems).toEqual([]);
});

test('the sandbox phone shows the messages to a signed-in supervisor, each SMS with its code state', async ({ page }) => {
  // Two more codes for the same caller: the first of them is replaced by the second, which is active.
  const agent = await signIn('agent', 'agent-demo-pass');
  for (let i = 0; i < 2; i++) {
    const view = await passedVerification(person);
    expect((await call<VerificationView>('POST', `/api/verifications/${view.id}/activation-code`, agent, {})).json.code.status).toBe('sent');
  }
  await page.goto(`${api.url}/sandbox-phone`);
  await page.getByLabel('Brugernavn (supervisor)').fill('supervisor');
  await page.getByLabel('Adgangskode').fill('supervisor-demo-pass');
  await page.getByRole('button', { name: 'Log på' }).click();
  await expect(page.getByText(/SMS til \+45 •• •• •• 00/).first()).toBeVisible();
  await expect(page.getByText(/Din aktiveringskode til MitID er \d{4} \d{4}/).first()).toBeVisible();
  await expect(page.getByText('Ny adgangskode til dit MitID').first()).toBeVisible();
  // Newest first: the active code, the one it replaced, the code redeemed by the first test.
  await expect(page.locator('.code-state')).toHaveText(['Koden gælder', 'Erstattet af en nyere kode: virker ikke', 'Koden er brugt']);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${shots}/sandbox-phone.png`, fullPage: true });
});

/** No axe violation at all (WCAG 2.1 A and AA and axe's best practices), not only the serious ones. */
async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The document is no wider than the window: nothing needs scrolling sideways. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test('accessibility: keyboard only, visible focus, errors tied to their fields, reflow at 320 px and 200 % zoom', async ({ page, browser }) => {
  await page.goto(`${api.url}/activate`);
  await expectAxeClean(page);

  // Every control in reading order by Tab, each with a visible focus ring.
  const order: string[] = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        return `${el.id || el.getAttribute('href')}${ring ? '' : ' (no focus ring)'}`;
      }),
    );
  }
  expect(order).toEqual(['/activate?lang=en', 'userId', 'code', 'newPassword', 'repeatPassword', 'submit', '/activate/accessibility?lang=da']);

  // Submitted by Enter with nothing filled in: each field says so itself, and focus goes to the first.
  await page.locator('#userId').press('Enter');
  await expect(page.locator('#userId')).toBeFocused();
  for (const id of ['userId', 'code', 'newPassword', 'repeatPassword']) {
    await expect(page.locator(`#${id}`)).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(page.locator('#userId')).toHaveAccessibleDescription('Udfyld feltet.');
  await expect(page.locator('#code')).toHaveAccessibleDescription(/^Udfyld feltet\. Koden fra SMS/);

  await page.locator('#userId').fill('someone.else');
  await page.locator('#code').fill('1234 5678');
  await page.locator('#newPassword').fill('Efterårsferie-i-Skagen-24');
  await page.locator('#repeatPassword').fill('Efterårsferie-i-Skagen-25');
  await page.locator('#repeatPassword').press('Enter');
  await expect(page.locator('#repeatPassword')).toBeFocused();
  await expect(page.locator('#repeatPassword')).toHaveAccessibleDescription('De to adgangskoder er ikke ens.');
  await expect(page.locator('#userId')).not.toHaveAttribute('aria-invalid', 'true');
  await expectAxeClean(page);
  await page.screenshot({ path: `${shots}/activation-page-field-errors-da.png`, fullPage: true });

  // A wrong code from the server: both fields it may be about are marked.
  await page.locator('#repeatPassword').fill('Efterårsferie-i-Skagen-24');
  await page.getByRole('button', { name: 'Gem ny adgangskode' }).click();
  await expect(page.locator('#code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#userId')).toBeFocused();

  // Reflow: 320 CSS px wide, one column, nothing cut and no sideways scrolling.
  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoSidewaysScroll(page);
  const button = await page.getByRole('button', { name: 'Gem ny adgangskode' }).boundingBox();
  expect(button!.x + button!.width).toBeLessThanOrEqual(320);
  await page.screenshot({ path: `${shots}/activation-page-320.png`, fullPage: true });

  // 200 % zoom of a 1280 × 800 window is 640 × 400 CSS px at twice the pixel density.
  const zoomed = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  await zoomed.goto(`${api.url}/activate?lang=en`);
  await expectNoSidewaysScroll(zoomed);
  await expect(zoomed.getByRole('button', { name: 'Save new password' })).toBeVisible();
  await zoomed.screenshot({ path: `${shots}/activation-page-200pct-en.png`, fullPage: true });
  await zoomed.close();
});

test('the accessibility statement (tilgængelighedserklæring) is linked from the page, in Danish and English', async ({ page }) => {
  await page.goto(`${api.url}/activate`);
  await page.getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring for MitID-aktiveringssiden' })).toBeVisible();
  await expect(page.locator('main')).toContainText('WCAG 2.1 på niveau AA');
  await expect(page.locator('main')).toContainText('webtilgængelighedsloven');
  await expectAxeClean(page);
  await page.screenshot({ path: `${shots}/activation-statement-da.png`, fullPage: true });
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement for the MitID activation page' })).toBeVisible();
  await expectAxeClean(page);
  await page.screenshot({ path: `${shots}/activation-statement-en.png`, fullPage: true });
  await page.getByRole('link', { name: 'Back to the new password page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new MitID password' })).toBeVisible();
  // The icon browsers ask for is there (no 404 on every load).
  const icon = await page.request.get(`${api.url}/favicon.ico`);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/x-icon');
});
