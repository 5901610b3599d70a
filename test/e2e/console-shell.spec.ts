// The renderer shell in Chromium against the served console and the real Support API: health, the
// sandbox banner, sign-in (refused, and with the demo accounts), the screens each role sees.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { demo, expectNoSeriousA11yViolations, shots, submitSignIn } from './agent-flow';

/** Signs in with the sandbox's demo account of that role (README), by keyboard. */
async function signIn(page: Page, role: 'agent' | 'supervisor') {
  await submitSignIn(page, demo[role]);
}

test('the console loads, reaches the Support API and shows the sandbox banner', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/#\/sign-in$/);
  await expect(page.getByRole('status', { name: 'SANDKASSE — syntetiske data' })).toBeVisible();
  // The footer shows getHealth's answer: the contract works end to end.
  await expect(page.getByText(/Support API \d+\.\d+\.\d+ · database: pglite/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expect(page.getByLabel('Brugernavn')).toBeFocused();
  await expect(page.getByText(/demokontiene/)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await page.screenshot({ path: `${shots}/sign-in-da.png` });
  await expectNoSeriousA11yViolations(page);
});

test('switching language changes the text and survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('group', { name: 'Sprog' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'SANDBOX — synthetic data' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your username.')).toBeVisible();
  await page.screenshot({ path: `${shots}/sign-in-en-validation.png` });
  await expectNoSeriousA11yViolations(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a refused sign-in shows a form-level alert (the real server: 401 or, until accounts land, 503)', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Brugernavn').fill('nobody.here');
  await page.getByLabel('Adgangskode').fill('not the password');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText(
    /Forkert brugernavn eller adgangskode|midlertidigt utilgængelig|midlertidigt låst/,
  );
  await expect(page).toHaveURL(/#\/sign-in$/);
  await page.screenshot({ path: `${shots}/sign-in-refused.png` });
});

test('an agent lands on the new-call page and sees only agent screens', async ({ page }) => {
  await signIn(page, 'agent');
  await expect(page).toHaveURL(/#\/call\/new$/);
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(page.getByRole('heading', { level: 1, name: 'Nyt opkald' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('textbox', { name: /CPR-nummer/ })).toBeFocused();
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(nav.getByRole('link')).toHaveText(['Nyt opkald', 'Mine opkald']);
  await page.screenshot({ path: `${shots}/agent-new-call.png` });
  await expectNoSeriousA11yViolations(page);
  await nav.getByRole('link', { name: 'Mine opkald' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine opkald' })).toBeVisible();
  await page.screenshot({ path: `${shots}/agent-my-calls.png` });
  // Sign-out calls logout and returns to sign-in.
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
});

test('a supervisor lands on the verification log; supervisor screens are fetched lazily', async ({ page }) => {
  const chunks: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.js')) chunks.push(new URL(request.url()).pathname);
  });
  await signIn(page, 'supervisor');
  await expect(page).toHaveURL(/#\/supervisor\/log$/);
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(page.getByRole('heading', { level: 1, name: 'Verifikationslog' })).toBeVisible({ timeout: 15_000 });
  expect(chunks.some((c) => /verification-log-page-.*\.js$/.test(c))).toBe(true);
  expect(chunks.some((c) => /policy-page-.*\.js$/.test(c))).toBe(false);
  await page.screenshot({ path: `${shots}/supervisor-verification-log.png` });
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  for (const [name, file] of [
    ['Overvågning', 'watch'],
    ['Politik', 'policy'],
    ['Integritet', 'integrity'],
  ] as const) {
    await nav.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.screenshot({ path: `${shots}/supervisor-${file}.png` });
  }
  expect(chunks.some((c) => /policy-page-.*\.js$/.test(c))).toBe(true);
  await expectNoSeriousA11yViolations(page);
});

test('the dark theme is readable and accessible', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Farvetema/ }).click();
  await page.getByRole('menuitem', { name: 'Mørkt' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByText('Skriv dit brugernavn.')).toBeVisible();
  await page.screenshot({ path: `${shots}/sign-in-dark.png` });
  await expectNoSeriousA11yViolations(page);
  // The choice is remembered on this machine.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('keyboard focus is visible, also on the coloured app bar', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Brugernavn')).toBeFocused();
  const themeButton = page.getByRole('button', { name: /Farvetema/ });
  await themeButton.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab'); // keyboard focus, so :focus-visible applies
  await expect(themeButton).toBeFocused();
  const ring = await themeButton.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
  });
  await page.screenshot({ path: `${shots}/focus-app-bar.png`, clip: { x: 880, y: 0, width: 400, height: 110 } });
  // The theme's primary-coloured ring would vanish on the primary bar: here it must be white.
  expect(ring).toEqual({ style: 'solid', width: '3px', color: 'rgb(255, 255, 255)' });
  // On the white language buttons the ring is primary again, inside the button.
  await page.getByRole('button', { name: 'English' }).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const inner = await page.getByRole('button', { name: 'English' }).evaluate((el) => getComputedStyle(el).outlineColor);
  expect(inner).toBe('rgb(11, 79, 138)');
});

test('an unreachable Support API raises the connection banner; Retry clears it', async ({ page }) => {
  await page.route('**/api/health', (route) => route.abort('connectionrefused'));
  await page.goto('/');
  const banner = page.getByRole('alert').filter({ hasText: 'Ingen forbindelse til Support API' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Support API svarer ikke');
  await expect(page.getByRole('status', { name: /SANDKASSE/ })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/connection-problem.png` });
  await expectNoSeriousA11yViolations(page);
  await page.unroute('**/api/health');
  await banner.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'SANDKASSE — syntetiske data' })).toBeVisible();
});

test('the first load (entry script and its preloads) stays under 250 KB gzip', async () => {
  // Budget from the brief: an agent's initial load under 250 KB gzip. Lazy chunks do not count.
  const dir = path.resolve('out/renderer');
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.\/([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  expect(scripts.length).toBeGreaterThan(0);
  const gzipBytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length, 0);
  console.log(`initial JS: ${scripts.join(', ')} = ${(gzipBytes / 1024).toFixed(1)} KB gzip`);
  expect(gzipBytes).toBeLessThan(250 * 1024);
});
