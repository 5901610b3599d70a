// Embedded cold start, as the desktop app runs it: the built API bundle (out/main/support-api.js, the
// utility process's entry) forked as a Node child, told to start on a data folder, timed from the fork
// to a health answer, with the child's peak memory (VmHWM). First start without the build's PGlite
// image (initdb, as before the image existed), first start with it, and a restart on the same folder.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shellSecretHeader } from '../shared/api/shell-secret';
import { pgliteImageFileName } from '../server/db/pglite-image';
import type { BenchFigure } from './run';

const root = path.resolve(import.meta.dirname, '..');
const entry = path.join(root, 'out', 'main', 'support-api.js');
const image = path.join(root, 'out', 'main', pgliteImageFileName);

interface Run {
  /** Fork to the first health answer. */
  ms: number;
  /** Peak resident memory of the API process. */
  peakMiB: number;
}

/** The peak RSS of a live process (Linux). */
function peakRss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024);
}

/** The same bundle in a sibling folder without the image beside it: a first start as before the image. */
function copyWithoutImage(): string {
  const dir = path.join(root, 'out', 'bench-without-image');
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.dirname(entry), dir, { recursive: true, filter: (source) => path.basename(source) !== pgliteImageFileName });
  return path.join(dir, path.basename(entry));
}

function runOnce(dataDir: string, options: { withImage: boolean }): Promise<Run> {
  const secret = randomBytes(32).toString('base64url');
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, CONSOLE_LAUNCH_SECRET: secret, DATABASE_URL: '' };
  const child = fork(options.withImage ? entry : copyWithoutImage(), [], { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the API process ended (${code}): ${err}`)));
    child.on('message', (message: { kind: string; url?: string; reason?: string }) => {
      if (message.kind === 'started') child.send({ kind: 'start', dataDir, port: 0 });
      else if (message.kind === 'failed') reject(new Error(message.reason));
      else if (message.kind === 'ready') {
        void fetch(`${message.url}/api/health`, { headers: { [shellSecretHeader]: secret } })
          .then(async (response) => {
            if (!response.ok) throw new Error(`health ${response.status}`);
            const ms = performance.now() - started;
            const peakMiB = peakRss(child.pid!);
            child.removeAllListeners('exit');
            child.on('exit', () => resolve({ ms, peakMiB }));
            child.send({ kind: 'stop' });
          })
          .catch(reject);
      }
    });
  });
}

export default async function coldStartBench(): Promise<BenchFigure[]> {
  if (!existsSync(entry) || !existsSync(image)) throw new Error('The built API bundle or its PGlite image is missing: run `npm run build` first.');
  const bare = mkdtempSync(path.join(tmpdir(), 'bench-cold-'));
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-cold-'));
  try {
    const before = await runOnce(bare, { withImage: false });
    const first = await runOnce(dir, { withImage: true });
    const restart = await runOnce(dir, { withImage: true });
    return [
      { name: 'desktop API first start without the image (initdb, migrate, demo accounts, sandbox seed)', value: before.ms / 1000, unit: 's', note: 'fork of the built bundle to a health answer' },
      { name: 'desktop API first start without the image, peak RSS', value: before.peakMiB, unit: 'MiB' },
      { name: 'desktop API first start from the image (unpack, demo accounts, sandbox seed)', value: first.ms / 1000, unit: 's', goal: '< 3' },
      { name: 'desktop API first start from the image, peak RSS', value: first.peakMiB, unit: 'MiB', goal: '< 500 MB' },
      { name: 'desktop API restart', value: restart.ms / 1000, unit: 's', goal: '< 1' },
      { name: 'desktop API restart, peak RSS', value: restart.peakMiB, unit: 'MiB' },
    ];
  } finally {
    rmSync(bare, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    rmSync(path.join(root, 'out', 'bench-without-image'), { recursive: true, force: true });
  }
}
