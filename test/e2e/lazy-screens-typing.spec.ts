// Typing into a lazily loaded screen before all of its code is in: every script is served late, the
// test types as soon as a field exists, waits until no script is still on its way (lazy chunks, the
// supervisor's catalogue, the menu badge, the lock screen) and checks that nothing typed was lost.
// Nothing here is timed: the delay only makes the late chunks arrive after the first keystrokes.
import { expect, test, type Page } from '@playwright/test';
import { demo, submitSignIn } from './agent-flow';

const scriptDelayMs = 800;

/** Serves every script late and returns how many are still on their way. */
async function serveScriptsLate(page: Page): Promise<() => number> {
  const pending = new Set<unknown>();
  page.on('request', (r) => r.resourceType() === 'script' && pending.add(r));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  await page.route('**/*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, scriptDelayMs));
    await route.fallback();
  });
  return () => pending.size;
}

/** Until every script asked for so far is in and the router has finished: the screen is fully loaded. */
async function allLoaded(page: Page, pendingScripts: () => number) {
  await expect.poll(pendingScripts).toBe(0);
  await expect(page.getByRole('progressbar', { name: 'Indlæser…' })).toHaveCount(0);
  await expect.poll(pendingScripts).toBe(0);
}

async function signIn(page: Page, role: 'agent' | 'supervisor') {
  await submitSignIn(page, demo[role]);
}

test('supervisor: what is typed into the log filter and the person access log holds while their chunks arrive', async ({ page }) => {
  const pendingScripts = await serveScriptsLate(page);
  await signIn(page, 'supervisor');
  // The log's filter, typed into as soon as it is there.
  await page.getByLabel('CPR-nummer').fill('010203-1234');
  await allLoaded(page, pendingScripts);
  await expect(page.getByLabel('CPR-nummer')).toHaveValue('010203-1234');

  await page.getByRole('link', { name: 'Personopslag' }).click();
  // The log (its filter is also "CPR-nummer") stays until the new screen's chunk is in: wait for the new screen.
  await expect(page.getByRole('heading', { level: 1, name: 'Personens adgangslog' })).toBeVisible();
  await page.getByLabel('CPR-nummer').fill('120368-1158');
  await page.getByLabel('Begrundelse').fill('Indsigtsanmodning fra borgeren, sag 7');
  await allLoaded(page, pendingScripts);
  await expect(page.getByLabel('CPR-nummer')).toHaveValue('120368-1158');
  await expect(page.getByLabel('Begrundelse')).toHaveValue('Indsigtsanmodning fra borgeren, sag 7');
});

test('agent: what is typed into the identification form holds while the console’s chunks arrive', async ({ page }) => {
  const pendingScripts = await serveScriptsLate(page);
  await signIn(page, 'agent');
  const cpr = page.getByRole('textbox', { name: /CPR-nummer/ });
  await cpr.pressSequentially('1203681158');
  await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).fill('204518637');
  await allLoaded(page, pendingScripts);
  await expect(cpr).toHaveValue('120368-1158');
  await expect(page.getByRole('textbox', { name: /Nummer på legitimationen/ })).toHaveValue('204518637');
});
