// SIGTERM on a running Support API (a child process): the request in flight is answered, new
// connections are refused, the database is closed and the process exits 0; past the configured bound
// a request still running is cut off and the exit code is 1.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/index';
import { tempDir } from '../../support/databases';

const root = new URL('../../../', import.meta.url).pathname;

function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/shutdown-server.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += `${line}\n`;
      try {
        resolve({ child, url: (JSON.parse(line) as { url: string }).url, output: () => output });
      } catch {
        // a log line
      }
    });
    child.once('exit', (code) => reject(new Error(`the API exited (${code}) before listening: ${output}`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

/** A failed sign-in on its own connection: the answer status, or the socket error when cut off. */
function failedSignIn(url: string): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const req = http.request(`${url}/api/session`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode! }));
      res.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    });
    req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.end(JSON.stringify({ username: 'nobody-here', password: 'wrong-password' }));
  });
}

/** Six failures in a row: the next one is answered only after the throttle's 2 s. */
async function primeSlowSignIn(url: string): Promise<void> {
  for (let i = 0; i < 6; i++) expect((await failedSignIn(url)).status).toBe(401);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A child starts PGlite from scratch (initdb + migrations): slow on a loaded machine.
describe('graceful shutdown', { timeout: 120_000 }, () => {
  const folders: { remove(): void }[] = [];
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
    for (const f of folders.splice(0)) f.remove();
  });

  it('finishes the request in flight, refuses new connections, closes the database and exits 0', async () => {
    const tmp = tempDir();
    folders.push(tmp);
    const { child, url, output } = await startChild({ SHUTDOWN_DATA_DIR: tmp.dir, SHUTDOWN_TIMEOUT_MS: '15000' });
    children.push(child);
    await primeSlowSignIn(url);

    const started = Date.now();
    const slow = failedSignIn(url);
    await sleep(500); // the request is in the server, waiting out its delay
    child.kill('SIGTERM');
    await sleep(300);
    expect(await failedSignIn(url)).toEqual({ error: 'ECONNREFUSED' });

    expect(await slow).toEqual({ status: 401 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(await exitCode(child)).toBe(0);
    expect(output()).toContain('Stopped cleanly.');
    // The data folder's lock was released with the database: another process can open it now.
    const reopened = await openDatabase({ dataDir: tmp.dir });
    await reopened.close();
  });

  it('cuts off a request still running at the bound and exits 1', async () => {
    const tmp = tempDir();
    folders.push(tmp);
    const { child, url, output } = await startChild({ SHUTDOWN_DATA_DIR: tmp.dir, SHUTDOWN_TIMEOUT_MS: '200' });
    children.push(child);
    await primeSlowSignIn(url);

    const slow = failedSignIn(url);
    await sleep(500);
    child.kill('SIGTERM');
    expect((await slow).error).toBeDefined();
    expect(await exitCode(child)).toBe(1);
    expect(output()).toContain('cut off');
  });
});
