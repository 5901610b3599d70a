// TEMPORARY probe (not committed): does the identify form become editable again after a successful start?
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { MyVerification } from '../../shared/api/index';
import { cprField, demo, signIn, personas } from './agent-flow';

async function endOpenCalls(request: APIRequestContext): Promise<void> {
  const res0 = await request.post('/api/session', { data: demo.agent });
  const token = ((await res0.json()) as { token: string }).token;
  const res = await request.get('/api/my/verifications', { headers: { authorization: `Bearer ${token}` } });
  const { items } = (await res.json()) as { items: MyVerification[] };
  for (const call of items.filter((c) => c.status === 'in_progress')) {
    await request.post(`/api/verifications/${call.id}/abort`, { headers: { authorization: `Bearer ${token}` }, data: { reason: 'other', note: 'probe' } });
  }
}

for (const rate of [1, 4, 8]) {
  test(`probe identify → question at CPU x${rate}`, async ({ page, request }) => {
    await endOpenCalls(request);
    await signIn(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await cprField(page).pressSequentially(personas.easy.cpr);
    await page.getByRole('radio', { name: 'Pas' }).check();
    await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).fill('204518637');
    await page.evaluate(() => {
      const log: { state: string; t: number }[] = [];
      (window as unknown as { __probe: typeof log }).__probe = log;
      const t0 = performance.now();
      const look = () => {
        const doc = document.querySelector<HTMLInputElement>('input[name="documentNumber"]');
        const submit = document.querySelector<HTMLButtonElement>('form button[type="submit"]');
        const state = doc ? `form readOnly=${doc.readOnly} submitDisabled=${submit?.disabled}` : 'no-form';
        if (log.at(-1)?.state !== state) log.push({ state, t: Math.round(performance.now() - t0) });
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
      look();
    });
    await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: /Spørgsmål 1 af højst/ })).toBeVisible();
    const log = await page.evaluate(() => (window as unknown as { __probe: unknown }).__probe);
    console.log(`x${rate}`, JSON.stringify(log));
  });
}
