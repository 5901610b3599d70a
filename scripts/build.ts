// `npm run build`: the console (electron-vite: main, preload, renderer) and the production server
// (vite SSR build: out/server/), the pre-initialised PGlite image (out/main), then a stamp out/.source-hash with the SHA-256 of every source that
// goes into them (scripts/build-stamp.ts). `--if-stale` (used by `npm run serve`) builds only when
// that hash differs from the stamp, so a preview starts at once when nothing changed.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { isUpToDate, projectRoot, sourceHash, stampFile } from './build-stamp';

function run(bin: string, args: string[]): void {
  execFileSync(path.join(projectRoot, 'node_modules/.bin', bin), args, { cwd: projectRoot, stdio: 'inherit' });
}

const ifStale = process.argv.includes('--if-stale');
// Hashed before building: a source edited during the build leaves a stamp that no longer matches.
const hash = sourceHash();
if (ifStale && isUpToDate(hash)) {
  console.log('build: up to date (sources unchanged since the last build)');
} else {
  run('electron-vite', ['build']);
  run('vite', ['build', '--config', 'vite.server.config.ts']);
  // After electron-vite, which empties out/main.
  run('tsx', ['scripts/make-pglite-image.ts']);
  writeFileSync(stampFile(), `${hash}\n`);
}
