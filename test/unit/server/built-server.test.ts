// The production server as `npm run build` makes it (vite.server.config.ts, built here into a temp
// folder): it imports only packages listed under `dependencies` (no tsx, nothing from
// devDependencies), and plain `node` runs it: it starts, is live and ready, serves metrics behind
// its token, answers only its own Host on loopback, and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

function bundleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The package a bare import names: 'drizzle-orm/pg-core' → drizzle-orm, '@fastify/static' → @fastify/static. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/** A GET with a Host header of our choosing (fetch sets its own). */
function getWithHost(base: string, pathname: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(pathname, base), { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once('error', reject);
    req.end();
  });
}

describe('the built production server', { timeout: 180_000 }, () => {
  // Inside the project, so the bundle resolves its packages from the project's node_modules.
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const tmp = { dir: mkdtempSync(path.join(root, '.tmp/built-server-')), remove: () => rmSync(tmp.dir, { recursive: true, force: true }) };
  const outDir = path.join(tmp.dir, 'server');

  beforeAll(async () => {
    await build({ configFile: path.join(root, 'vite.server.config.ts'), root, logLevel: 'silent', build: { outDir } });
    // serve.js serves the console from ../renderer beside it.
    mkdirSync(path.join(tmp.dir, 'renderer'));
    writeFileSync(path.join(tmp.dir, 'renderer/index.html'), '<!doctype html><title>console</title>');
  });
  afterAll(() => tmp.remove());

  it('imports only Node built-ins and production dependencies', () => {
    const files = bundleFiles(outDir);
    expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['serve.js', 'admin.js', 'sandbox.js']));
    const imported = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // `… from "x"`, `import "x"` and `import("x")`; relative imports are the bundle's own chunks.
      for (const m of text.matchAll(/\b(?:from\s+|import\s+|import\s*\(\s*)["']([^"'./][^"']*)["']/g)) imported.add(m[1] as string);
    }
    const builtins = new Set(builtinModules);
    const packages = [...imported].filter((s) => !s.startsWith('node:') && !builtins.has(s)).map(packageOf);
    expect(packages.length).toBeGreaterThan(5);
    for (const name of new Set(packages)) expect(pkg.dependencies, `${name} must be a production dependency`).toHaveProperty([name]);
    expect(packages).not.toContain('tsx');
  });

  it('runs with plain node: live, ready, metrics behind the token, own loopback Host only, clean exit on SIGTERM', async () => {
    const token = 'built-server-metrics-token';
    const child = spawn(process.execPath, [path.join(outDir, 'serve.js'), '--port', '0', '--data', path.join(tmp.dir, 'data')], {
      cwd: tmp.dir,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', METRICS_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        output += `${line}\n`;
        const m = /ready at (http:\/\/\S+)/.exec(line);
        if (m) resolve(m[1] as string);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code} before listening: ${output}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      expect(await (await fetch(`${url}/api/health`)).json()).toMatchObject({ status: 'ok', database: 'pglite' });
      expect(await (await fetch(`${url}/api/ready`)).json()).toMatchObject({ ready: true, migrations: 'current' });
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      expect(await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text()).toContain('support_api_requests_total');
      expect((await fetch(`${url}/`)).status).toBe(200);
      // On loopback (the default) it answers only its own Host: a DNS-rebinding page's name is refused.
      const port = new URL(url).port;
      for (const host of [`evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`]) {
        for (const pathname of ['/', '/api/health']) {
          const refused = await getWithHost(url, pathname, host);
          expect(refused.status, `${host}${pathname}`).toBe(403);
          expect(Object.keys(JSON.parse(refused.body) as object).sort()).toEqual(['code', 'message']);
        }
      }
      expect((await getWithHost(url, '/api/health', `localhost:${port}`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped cleanly.');
  });
});
