// The Support API stops in the middle of a call and comes back: the console says so, keeps the typed
// answer, sends it once the API is back, and a reload resumes the same verification by its id. This
// spec starts its own server (another port, its own data folder), since it stops and restarts it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { answerField, demo, identify, lookAt, personas } from './agent-flow';

const port = Number(process.env.E2E_RESTART_PORT ?? 4396);
const origin = `http://127.0.0.1:${port}`;
const data = '.tmp/e2e-agent-restart';

async function healthy(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the Support API on ${origin} did not come up`);
}

/** One node process (no npx/tsx wrapper), so SIGTERM reaches the server itself. */
async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/serve.ts', '--port', String(port), '--data', data], {
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  await healthy(120_000);
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(data, { recursive: true, force: true });
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('API stopped mid-call → banner, answer kept; restarted → sent once, and a reload resumes by id', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`${origin}/`);
  await page.getByLabel('Brugernavn').fill(demo.agent.username);
  await page.getByLabel('Adgangskode').fill(demo.agent.password);
  await page.getByLabel('Adgangskode').press('Enter');
  // The first screen after sign-in is a lazy chunk: on a busy worker it has taken over 5 s to arrive.
  await expect(page.getByRole('heading', { level: 1, name: 'Nyt opkald' })).toBeVisible({ timeout: 15_000 });
  const view = await identify(page, { cpr: personas.easy.cpr, documentType: 'passport', number: '204518637' });
  expect(view.currentQuestion?.number).toBe(1);

  await stopServer(server as ChildProcess);
  await answerField(page).fill('Istedgade 45, 3. th, 1650 København V');
  await answerField(page).press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Ingen forbindelse til Support API' })).toBeVisible();
  const problem = page.getByRole('alert').filter({ hasText: 'Svaret blev ikke sendt' });
  await expect(problem).toBeVisible();
  await expect(answerField(page)).toHaveValue('Istedgade 45, 3. th, 1650 København V');
  await lookAt(page, 'agent-api-stopped');

  server = await startServer();
  const sent = page.waitForResponse((r) => r.url().endsWith('/answers') && r.ok());
  // One action during an outage: the banner's Retry checks the connection and resends the answer.
  await expect(problem.getByRole('button', { name: 'Send igen' })).toHaveCount(0);
  await page.getByRole('alert').filter({ hasText: 'Ingen forbindelse til Support API' }).getByRole('button', { name: 'Prøv igen' }).click();
  const after = await (await sent).json();
  expect(after.progress.answered).toBe(1);
  await expect(page.getByRole('alert').filter({ hasText: 'Ingen forbindelse' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Spørgsmål 2 af højst 6' })).toBeVisible();
  await answerField(page).fill('skrevet før genindlæsning');

  // A reload (in the browser preview the session token lives in the page): sign in, back to the same step.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await page.getByLabel('Brugernavn').fill(demo.agent.username);
  await page.getByLabel('Adgangskode').fill(demo.agent.password);
  await page.getByLabel('Adgangskode').press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/call/new\\?id=${view.id}$`));
  await expect(page.getByRole('heading', { level: 2, name: 'Spørgsmål 2 af højst 6' })).toBeVisible();
  // The typed text lived in memory only: a reload does not bring it back (it is never stored).
  await expect(answerField(page)).toHaveValue('');
  await lookAt(page, 'agent-resumed-after-restart');
});
