// The phone system's call in the browser preview: a verification started with a call ID (as the
// desktop shell does after a screen pop) shows its routing and wrap-up code on the agent's outcome,
// and its call ID in the supervisor's log, search and CSV export. Screenshots in Danish and English.
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { VerificationView } from '../../shared/api/index';
import { demo, lookAt, personas, shots, signIn } from './agent-flow';

test.describe.configure({ mode: 'serial' });

const callId = `pbx-${Date.now()}.7`;
let view: VerificationView;

/** What the console sends after a screen pop: the start with the phone system's call attached. */
async function startWithCall(request: APIRequestContext): Promise<VerificationView> {
  const session = await request.post('/api/session', { data: demo.agent });
  expect(session.ok()).toBe(true);
  const { token } = (await session.json()) as { token: string };
  // Hans Peter Mortensen: too little in the register for four questions, so a referral at once.
  const started = await request.post('/api/verifications', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      caller: { kind: 'cpr', cpr: personas.singleAddress.cpr },
      document: { type: 'driving_licence', number: '73920461' },
      phoneCall: { callId, from: 'anonymous' },
    },
  });
  expect(started.ok(), await started.text()).toBe(true);
  return (await started.json()) as VerificationView;
}

async function toEnglish(page: Page, heading: string) {
  await page.getByRole('group', { name: 'Sprog' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test('the agent’s outcome: the call ID, the routing and the wrap-up code, copied with one key', async ({ page, context, request }) => {
  view = await startWithCall(request);
  expect(view.status).toBe('refer');
  expect(view.phoneCall).toEqual({ callId, callerNumber: 'withheld' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page);
  await page.goto(`/#/call/new?id=${view.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Henvis til Borgerservice' })).toBeVisible();
  await expect(page.getByTestId('phone-call')).toContainText(`opkalds-ID ${callId}`);
  await expect(page.getByTestId('phone-call')).toContainText('Nummeret er skjult.');
  const routing = page.getByRole('region', { name: 'Andre veje for personen' });
  await expect(routing).toContainText('brugeradministrator');
  await expect(routing).toContainText('24 timer');
  // The outcome's own line names Borgerservice and what to bring; the routing does not say it twice.
  await expect(page.locator('main')).toContainText('Tag gyldig billedlegitimation med, fx dit pas eller kørekort, og dit sundhedskort.');
  await expect(routing).not.toContainText('Henvisning til Borgerservice');
  await expect(page.getByTestId('wrap-up-code')).toHaveText('211');
  await page.keyboard.press('Alt+KeyW');
  await expect(page.getByText('Afslutningskoden 211 er kopieret.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('211');
  await lookAt(page, 'agent-outcome-routing-wrap-up-da');

  await toEnglish(page, 'New call');
  await expect(page.getByRole('region', { name: 'Other ways for the caller' })).toContainText('MitID Erhverv');
  await expect(page.getByText('Wrap-up code for the phone system')).toBeVisible();
  await lookAt(page, 'agent-outcome-routing-wrap-up-en');
});

test('the supervisor finds the verification by its call ID and exports it', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Brugernavn').fill(demo.supervisor.username);
  await page.getByLabel('Adgangskode').fill(demo.supervisor.password);
  await page.getByLabel('Adgangskode').press('Enter');
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(page.getByRole('heading', { level: 1, name: 'Verifikationslog' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('textbox', { name: 'Opkalds-ID' }).fill(callId);
  await page.getByRole('button', { name: 'Søg' }).click();
  const rows = page.getByRole('grid').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).getByTestId('log-call-id')).toHaveText(`Opkalds-ID: ${callId}`);
  await page.screenshot({ path: `${shots}/supervisor-log-call-id-da.png`, fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér CSV' }).click();
  await page.getByRole('menuitem', { name: /International/ }).click();
  const lines = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  const header = lines[0]!.split(',');
  const rowsInFile = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
  expect(rowsInFile).toEqual([expect.objectContaining({ id: view.id, call_id: callId, caller_number: 'withheld' })]);

  await rows.nth(1).getByRole('link').click();
  await expect(page.getByText(callId)).toBeVisible();
  await expect(page.getByText('Skjult nummer')).toBeVisible();
  await page.screenshot({ path: `${shots}/supervisor-detail-call-id-da.png`, fullPage: true });

  await page.goBack();
  await toEnglish(page, 'Verification log');
  await page.getByRole('textbox', { name: 'Call ID' }).fill(callId);
  await page.getByRole('button', { name: 'Search' }).click();
  // The unfiltered log (back from the detail) has this call on top too: only the count tells the search applied.
  await expect(page.getByRole('grid').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('grid').getByRole('row').nth(1)).toContainText(callId);
  await page.screenshot({ path: `${shots}/supervisor-log-call-id-en.png`, fullPage: true });
});
