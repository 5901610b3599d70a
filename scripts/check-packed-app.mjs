// Checks an `electron-builder --dir` output without Electron: prints the app payload (app.asar +
// app.asar.unpacked) and loads, from the extracted app, every package main's bundle imports, then
// opens the build's PGlite image with the packed PGlite and runs a query (its WebAssembly and data
// files must have been kept).
// Usage: node scripts/check-packed-app.mjs <…/resources>   (README, "A lean package")
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const resources = path.resolve(process.argv[2] ?? 'dist/linux-unpacked/resources');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar');

function sizeOf(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0);
}
const packed = sizeOf(path.join(resources, 'app.asar'));
const unpacked = sizeOf(path.join(resources, 'app.asar.unpacked'));
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
console.log(`app.asar ${mb(packed)} + app.asar.unpacked ${mb(unpacked)} = ${mb(packed + unpacked)}`);

const dir = mkdtempSync(path.join(os.tmpdir(), 'packed-app-'));
try {
  asar.extractAll(path.join(resources, 'app.asar'), dir);
  cpSync(path.join(resources, 'app.asar.unpacked'), dir, { recursive: true });
  // Main's bundle, the embedded API's (the utility process) and their shared chunks.
  const chunks = readdirSync(path.join(dir, 'out/main/chunks')).map((name) => path.join('out/main/chunks', name));
  const mainBundle = ['out/main/index.js', 'out/main/support-api.js', ...chunks].map((file) => readFileSync(path.join(dir, file), 'utf8')).join('\n');
  const specifiers = new Set(
    [...mainBundle.matchAll(/^import\s[^;]*?from\s*["']([^"'.][^"']*)["']|\bimport\(\s*["']([^"'.][^"']*)["']\s*\)/gm)].map((m) => m[1] ?? m[2]),
  );
  // These load `electron` itself, which only the Electron binary has: for them, their own
  // dependencies must resolve instead.
  const needElectron = { 'electron-store': ['conf'], 'electron-updater': ['builder-util-runtime', 'fs-extra', 'js-yaml', 'semver', 'lazy-val'] };
  const skip = (s) => s.startsWith('node:') || s === 'electron' || s in needElectron;
  const requireFromApp = createRequire(path.join(dir, 'package.json'));
  let failed = 0;
  for (const specifier of [...specifiers].filter((s) => !skip(s)).sort()) {
    try {
      await import(pathToFileURL(requireFromApp.resolve(specifier)).href);
    } catch (error) {
      failed += 1;
      console.error(`cannot load ${specifier}: ${error.message}`);
    }
  }
  for (const [pkg, deps] of Object.entries(needElectron)) {
    const fromPkg = createRequire(path.join(dir, "node_modules", pkg, "package.json"));
    for (const dep of deps) {
      try {
        fromPkg.resolve(dep);
      } catch (error) {
        failed += 1;
        console.error(`${pkg} cannot find ${dep}: ${error.message}`);
      }
    }
  }
  const { PGlite } = await import(pathToFileURL(requireFromApp.resolve('@electric-sql/pglite')).href);
  // The build's pre-initialised image, unpacked (not inside app.asar) and opened as a first start
  // would, with the packed node-tar and PGlite.
  const image = path.join(resources, 'app.asar.unpacked', 'out', 'main', 'pglite-image.tar.gz');
  const tar = await import(pathToFileURL(requireFromApp.resolve('tar')).href);
  const pgdata = path.join(dir, 'pgdata');
  mkdirSync(pgdata);
  tar.x({ sync: true, file: image, cwd: pgdata });
  const db = await PGlite.create(pgdata);
  const { rows } = await db.query("select 40 + 2 as answer, to_regclass('public.audit_events')::text as audit");
  if (rows[0].audit !== 'audit_events') throw new Error('the packed PGlite image has no audit_events table');
  await db.close();
  console.log(`${specifiers.size} imports checked, ${failed} failed; PGlite answered ${rows[0].answer}`);
  if (failed > 0 || rows[0].answer !== 42) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
