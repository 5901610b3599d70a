// The agent console in headless Chromium against a local Support API (npm run serve, PGlite sandbox):
// the first load's size, the time to a usable sign-in form, and the time from submitting an answer to
// the next question on screen.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { VerificationView } from '../shared/api/index';
import { answerFor, persona, personas } from '../test/e2e/agent-persona-answers';
import type { BenchFigure } from './run';
import { percentile } from './stats';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.BENCH_AGENT_PORT ?? 4398);
const origin = `http://127.0.0.1:${port}`;

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/** gzip -9 of the entry script and its modulepreloads: what the first load fetches. */
function initialJsGzip(): { bytes: number; files: number } {
  const dir = path.join(root, 'out/renderer');
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length, 0);
  return { bytes, files: files.length };
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/serve.ts', '--port', String(port), '--data', dataDir], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error('the Support API did not start');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 95);

/** Navigation start to a focused, enabled username field (the form is usable), in a fresh context. */
async function signInReady(browser: Browser): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => {
    const el = document.activeElement;
    return el instanceof HTMLInputElement && el.autocomplete === 'username' && !el.disabled;
  });
  // performance.now() counts from navigation start.
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

/** In the page: Enter in the answer field → the next question's heading (or the outcome) rendered. */
const installAnswerTimer = () => {
  const w = window as unknown as { __answerMs: number[]; __networkMs: number[]; __t0: number | null };
  w.__answerMs = [];
  w.__networkMs = [];
  w.__t0 = null;
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.closest('main form')) w.__t0 = performance.now();
    },
    true,
  );
  let last = '';
  new MutationObserver(() => {
    const heading = document.querySelector('main h2')?.textContent ?? '';
    if (w.__t0 !== null && heading !== last) {
      w.__answerMs.push(performance.now() - w.__t0);
      // The answer's request, start to last byte: the API's share (scoring, PGlite, audit) plus localhost.
      const request = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/answers')).at(-1);
      w.__networkMs.push(request ? request.duration : NaN);
      w.__t0 = null;
    }
    last = heading;
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
};

async function answerTimes(page: Page, calls: number): Promise<{ total: number[]; network: number[] }> {
  const kirsten = persona('easy');
  await page.goto(`${origin}/`);
  await page.getByLabel('Brugernavn').fill('agent');
  await page.getByLabel('Adgangskode').fill('agent-demo-pass');
  await page.getByLabel('Adgangskode').press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Nyt opkald' }).waitFor();
  await page.evaluate(installAnswerTimer);
  for (let i = 0; i < calls; i++) {
    await page.getByRole('textbox', { name: /CPR-nummer/ }).fill(personas.easy.cpr);
    await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).fill('204518637');
    const started = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/verifications' && r.request().method() === 'POST');
    await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).press('Enter');
    let view = (await (await started).json()) as VerificationView;
    while (view.status === 'in_progress' && view.currentQuestion) {
      const q = view.currentQuestion;
      await page.getByRole('heading', { level: 2, name: new RegExp(`^Spørgsmål ${q.number} af`) }).waitFor();
      const input = page.locator('main').getByRole('textbox');
      await input.fill(answerFor(kirsten, q) ?? 'ved ikke');
      const answered = page.waitForResponse((r) => r.url().endsWith('/answers'));
      await input.press('Enter');
      view = (await (await answered).json()) as VerificationView;
    }
    await page.getByRole('heading', { level: 2, name: 'Personen er verificeret' }).waitFor();
    // Next call: Alt+N from the outcome.
    await page.keyboard.press('Alt+KeyN');
    await page.getByRole('heading', { level: 2, name: 'Hvem ringer?' }).waitFor();
  }
  return page.evaluate(() => {
    const w = window as unknown as { __answerMs: number[]; __networkMs: number[] };
    return { total: w.__answerMs, network: w.__networkMs };
  });
}

export default async function agentConsoleBench(): Promise<BenchFigure[]> {
  await run(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  const initial = initialJsGzip();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-agent-'));
  const server = await startServer(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await signInReady(browser); // warm the server's static files and the OS cache once
    const ready: number[] = [];
    for (let i = 0; i < 10; i++) ready.push(await signInReady(browser));
    const page = await (await browser.newContext()).newPage();
    const answers = await answerTimes(page, 6);
    return [
      {
        name: 'agent first load, initial JS (entry + modulepreloads)',
        value: Math.round((initial.bytes / 1024) * 10) / 10,
        unit: 'KiB gzip',
        goal: '< 250',
        note: `${initial.files} files; agent screens, lock screen, help and the agent catalogue load lazily`,
      },
      {
        name: 'navigation → interactive sign-in form (fresh context, headless Chromium)',
        value: median(ready),
        unit: 'ms median of 10',
        goal: '< 500',
        note: `min ${Math.min(...ready).toFixed(0)} ms, max ${Math.max(...ready).toFixed(0)} ms; machine load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs`,
      },
      {
        name: 'answer submitted (Enter) → next question or outcome on screen, local API on PGlite',
        value: p95(answers.total),
        unit: 'ms p95',
        goal: '< 100',
        note: `${answers.total.length} answers over 6 calls, median ${median(answers.total).toFixed(1)} ms`,
      },
      {
        name: '… of which the answerQuestion request (API + localhost)',
        value: p95(answers.network),
        unit: 'ms p95',
        note: `median ${median(answers.network).toFixed(1)} ms; the console's own share (render + focus) p95 ${p95(
          answers.total.map((t, i) => t - (answers.network[i] ?? 0)),
        ).toFixed(1)} ms`,
      },
    ];
  } finally {
    await browser.close();
    if (server.exitCode === null) {
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
