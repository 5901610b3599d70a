// After a successful start the identify form must take no input before the question replaces it: the URL
// change that swaps the step is a router transition, which React renders after the form's own update. The
// page records each state of the form from Enter to the question, with the CPU slowed 4× (a busy worker).
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { MyVerification } from '../../shared/api/index';
import { cprField, demo, expectQuestion, personas, signIn } from './agent-flow';

// Louise Kjær (persona "protected"); the call is aborted again at the end.
const louise = { cpr: personas.protected.cpr, passport: '287350164' };

async function abortOpenCalls(request: APIRequestContext): Promise<void> {
  const session = await request.post('/api/session', { data: demo.agent });
  const { token } = (await session.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const { items } = (await (await request.get('/api/my/verifications', { headers })).json()) as { items: MyVerification[] };
  for (const call of items.filter((c) => c.status === 'in_progress')) {
    const aborted = await request.post(`/api/verifications/${call.id}/abort`, { headers, data: { reason: 'other', note: 'e2e: identify lock' } });
    expect(aborted.ok()).toBe(true);
  }
}

test('once a start succeeded the identify form stays locked until the question replaces it', async ({ page, request }) => {
  await abortOpenCalls(request);
  await signIn(page);
  await cprField(page).pressSequentially(louise.cpr);
  await page.getByRole('radio', { name: 'Pas' }).check();
  const documentNumber = page.getByRole('textbox', { name: /Nummer på legitimationen/ });
  await documentNumber.fill(louise.passport);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    const states: string[] = [];
    (window as unknown as { __identifyStates: string[] }).__identifyStates = states;
    const look = () => {
      const input = document.querySelector<HTMLInputElement>('input[name="documentNumber"]');
      const submit = document.querySelector<HTMLButtonElement>('form button[type="submit"]');
      const state = !input ? 'gone' : input.readOnly && submit?.disabled ? 'locked' : 'open';
      if (states.at(-1) !== state) states.push(state);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
    look();
  });
  await documentNumber.press('Enter');
  await expectQuestion(page, 1);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // Before the fix: open, locked, open (for 0.5–2.3 s), gone.
  expect(await page.evaluate(() => (window as unknown as { __identifyStates: string[] }).__identifyStates)).toEqual(['open', 'locked', 'gone']);
  await abortOpenCalls(request);
});
