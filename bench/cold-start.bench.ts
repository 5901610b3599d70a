// Embedded cold start: the first start on an empty data folder (PGlite initdb, migrations, demo
// accounts, sandbox seeding) and a restart on the same folder, each in a fresh Node process, with
// the process's peak memory (RSS).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchFigure } from './run';

const root = path.resolve(import.meta.dirname, '..');

// Runs in the child: start, report, stop. Timings are taken inside the process, so tsx's own
// start-up (absent from the bundled Electron app) is reported apart.
const childScript = `
const loaded = performance.now();
const { startSupportApi } = await import(${JSON.stringify(path.join(root, 'server/start.ts'))});
const imported = performance.now();
const api = await startSupportApi({ dataDir: process.env.BENCH_DATA_DIR });
const ready = performance.now();
const health = await (await fetch(api.url + '/api/health')).json();
await api.close();
console.log(JSON.stringify({ loaded, importMs: imported - loaded, startMs: ready - imported, sinceProcessStartMs: ready, maxRssKb: process.resourceUsage().maxRSS, sandbox: health.sandbox }));
`;

interface Run {
  importMs: number;
  startMs: number;
  sinceProcessStartMs: number;
  maxRssKb: number;
  sandbox: boolean;
}

function runOnce(dataDir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', childScript], {
      cwd: root,
      env: { ...process.env, BENCH_DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`start failed (${code}): ${err}`));
      resolve(JSON.parse(line) as Run);
    });
  });
}

export default async function coldStartBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-cold-'));
  try {
    const first = await runOnce(dir);
    const restart = await runOnce(dir);
    const note = (r: Run) => `process start to listening ${(r.sinceProcessStartMs / 1000).toFixed(2)} s, module import ${(r.importMs / 1000).toFixed(2)} s (tsx)`;
    return [
      { name: 'embedded first start (initdb, migrate, demo accounts, sandbox seed)', value: first.startMs / 1000, unit: 's', note: `${note(first)}; sandbox ${first.sandbox}` },
      { name: 'embedded first start, peak RSS', value: Math.round(first.maxRssKb / 1024), unit: 'MiB' },
      { name: 'embedded restart', value: restart.startMs / 1000, unit: 's', note: note(restart) },
      { name: 'embedded restart, peak RSS', value: Math.round(restart.maxRssKb / 1024), unit: 'MiB' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
