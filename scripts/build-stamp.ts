// What `npm run build` reads and leaves behind, and whether the build in out/ is of the current
// sources (scripts/build.ts --if-stale). Content hashes, not mtimes: a checkout or copy that touches
// files without changing them does not force a rebuild.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..');
export const stampFile = (root = projectRoot) => path.join(root, 'out/.source-hash');
/** Everything a build reads: the four source trees and the files that configure the build. */
const sourceDirs = ['shared', 'server', 'electron', 'renderer'];
const sourceFiles = ['package.json', 'package-lock.json', 'electron.vite.config.ts', 'vite.server.config.ts', 'tsconfig.base.json', 'scripts/build.ts', 'scripts/make-pglite-image.ts'];
/** The outputs a complete build leaves behind. */
const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/server/serve.js', 'out/main/pglite-image.tar.gz'];

function listFiles(root: string, dir: string): string[] {
  const entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  return entries.flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : listFiles(root, rel);
    return e.isFile() ? [rel] : [];
  });
}

export function sourceHash(root = projectRoot): string {
  const hash = createHash('sha256');
  const files = [...sourceDirs.filter((d) => existsSync(path.join(root, d))).flatMap((d) => listFiles(root, d)), ...sourceFiles.filter((f) => existsSync(path.join(root, f)))].sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function isUpToDate(hash: string, root = projectRoot): boolean {
  if (!outputs.every((f) => existsSync(path.join(root, f)))) return false;
  return existsSync(stampFile(root)) && readFileSync(stampFile(root), 'utf8').trim() === hash;
}
