// Shared steps of the agent e2e specs: sign in, identify a caller, answer as the demo persona would,
// read the SMS from the sandbox outbox, and the checks every screen gets (axe, screenshot, no leaks).
// The expected answers are computed HERE, in the test process, from the deterministic persona records:
// the console and its network traffic never carry them.
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, type Response } from '@playwright/test';
import type { VerificationView } from '../../shared/api/index';
import type { PersonRecord } from '../../server/sandbox/records';
import { answerFor, persona, personas, secretsOf, type PersonaKey } from './agent-persona-answers';

export { answerFor, persona, personas, secretsOf, type PersonaKey };

export const shots = 'test-results/screens';
export const demo = {
  agent: { username: 'agent', password: 'agent-demo-pass' },
  supervisor: { username: 'supervisor', password: 'supervisor-demo-pass' },
} as const;

export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/**
 * A screenshot under test-results/screens, and axe on the page. A modal (lock, dialogs) is fixed to the
 * viewport, so it is shot as the agent sees it rather than stitched over the full page height.
 */
export async function lookAt(page: Page, name: string) {
  const modal = (await page.locator('[role="dialog"][aria-modal="true"]').count()) > 0;
  // Transitions finished: a button still fading in from disabled would look disabled.
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: !modal, animations: 'disabled' });
  await expectNoSeriousA11yViolations(page);
}

const bodyReads = new WeakMap<readonly string[], Promise<unknown>[]>();

/** Collects the bodies of every Support API response the page receives (read with `responsesRead`). */
export function recordResponses(page: Page): string[] {
  const bodies: string[] = [];
  const reads: Promise<unknown>[] = [];
  bodyReads.set(bodies, reads);
  page.on('response', (response: Response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    reads.push(
      response.text().then(
        (text) => bodies.push(text),
        () => undefined,
      ),
    );
  });
  return bodies;
}

/** Until every body seen so far has been read into `bodies` (a body is read after its response event). */
export async function responsesRead(bodies: readonly string[]): Promise<void> {
  await Promise.all(bodyReads.get(bodies) ?? []);
}

export function expectNoLeak(bodies: readonly string[], r: PersonRecord) {
  expect(bodies.length).toBeGreaterThan(0);
  for (const secret of secretsOf(r)) {
    // As a whole word: a short first name ("Ole") is also inside ordinary JSON ("role").
    const word = new RegExp(`(?<![\\p{L}\\p{N}])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
    const leaking = bodies.filter((b) => word.test(b));
    expect(leaking, `"${secret}" reached the console`).toEqual([]);
  }
}

// ---- driving the console --------------------------------------------------------------------------

/** Opens the console and submits the sign-in form by keyboard; waits for nothing after. */
export async function submitSignIn(page: Page, account: { username: string; password: string }) {
  await page.goto('/');
  await page.getByLabel('Brugernavn').fill(account.username);
  await page.getByLabel('Adgangskode').fill(account.password);
  await page.getByLabel('Adgangskode').press('Enter');
}

export async function signIn(page: Page, account: { username: string; password: string } = demo.agent) {
  await submitSignIn(page, account);
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(page.getByRole('heading', { level: 1, name: 'Nyt opkald' })).toBeVisible({ timeout: 15_000 });
}

export const cprField = (page: Page) => page.getByRole('textbox', { name: /CPR-nummer/ });
export const answerField = (page: Page) => page.locator('main').getByRole('textbox');

/** Fills step 1 by keyboard and starts; returns the first view. */
export async function identify(
  page: Page,
  claim: { cpr?: string; userId?: string; documentType: 'passport' | 'driving_licence'; number: string; callLanguage?: 'da' | 'en' },
): Promise<VerificationView> {
  if (claim.callLanguage === 'en') await page.getByRole('radio', { name: 'English' }).check();
  if (claim.userId) {
    await page.getByRole('radio', { name: 'MitID bruger-ID' }).check();
    await page.getByRole('textbox', { name: /MitID bruger-ID/ }).fill(claim.userId);
  } else {
    await cprField(page).pressSequentially(claim.cpr ?? '');
  }
  await page.getByRole('radio', { name: claim.documentType === 'passport' ? 'Pas' : 'Kørekort' }).check();
  await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).fill(claim.number);
  const started = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/verifications' && r.request().method() === 'POST');
  await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).press('Enter');
  // A call an earlier test left open for the same person makes the console ask first: start anyway.
  // No time limit on the question (a busy worker can take longer than any fixed one): whichever comes first.
  const anyway = page.getByRole('button', { name: 'Start alligevel' });
  const asked = anyway.waitFor().then(
    () => true,
    () => false,
  );
  if (await Promise.race([started.then(() => false), asked])) await anyway.click();
  const response = await started;
  expect(response.ok()).toBe(true);
  const view = (await response.json()) as VerificationView;
  // The response arrives before the step changes: wait until the identify form is gone and the next step
  // drawn, so callers never type into the identify form or act before the question is there.
  await expect(page.locator('input[name="documentNumber"]')).toHaveCount(0);
  if (view.status === 'in_progress' && view.currentQuestion) await expectQuestion(page, view.currentQuestion.number);
  return view;
}

/** The question step showing question `number` (UI in Danish), its answer field focused and ready. */
export async function expectQuestion(page: Page, number: number) {
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Spørgsmål ${number} af højst`) })).toBeVisible();
  await expect(answerField(page)).toBeFocused();
}

/**
 * Answers the current question as the persona would (or "doesn't know" with Alt+D), by keyboard,
 * and returns the view that came back.
 */
export async function answer(page: Page, view: VerificationView, r: PersonRecord | null): Promise<VerificationView> {
  const q = view.currentQuestion;
  if (!q) throw new Error('no current question');
  await expectQuestion(page, q.number);
  const input = answerField(page);
  const text = r ? answerFor(r, q) : null;
  const waitAnswer = page.waitForResponse((res) => res.url().endsWith('/answers') && res.request().method() === 'POST');
  if (text) {
    await input.fill(text);
    await input.press('Enter');
  } else {
    await page.keyboard.press('Alt+KeyD');
  }
  const response = await waitAnswer;
  expect(response.ok()).toBe(true);
  const next = (await response.json()) as VerificationView;
  // The response is in before the page has drawn the next question: until then the answered one (with
  // its text) is still on screen, and a caller typing at once would type into it.
  if (next.status === 'in_progress' && next.currentQuestion) await expectQuestion(page, next.currentQuestion.number);
  return next;
}

/** Answers until the verification ends. */
export async function answerAll(page: Page, first: VerificationView, r: PersonRecord | null): Promise<VerificationView> {
  let view = first;
  for (let i = 0; view.status === 'in_progress' && i < 12; i++) view = await answer(page, view, r);
  return view;
}

/** The newest SMS to a MitID user in the sandbox outbox, read as the demo supervisor over HTTP. */
export async function latestSms(request: APIRequestContext, userId: string): Promise<string> {
  const login = await request.post('/api/session', { data: demo.supervisor });
  expect(login.ok()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  const outbox = await request.get(`/api/sandbox/outbox?userId=${encodeURIComponent(userId)}&limit=5`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(outbox.ok()).toBe(true);
  const { items } = (await outbox.json()) as { items: { channel: string; body: string }[] };
  const sms = items.find((m) => m.channel === 'sms');
  if (!sms) throw new Error(`no SMS for ${userId}`);
  await request.delete('/api/session', { headers: { authorization: `Bearer ${token}` } });
  return sms.body;
}

