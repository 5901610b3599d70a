// Part of `npm run build`: the pre-initialised, migrated PGlite image beside the desktop app's API
// bundle (out/main, packaged into the app) and used by `npm run serve` too. See server/db/pglite-image.ts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { makePgliteImage, pgliteImageFileName } from '../server/db/pglite-image';
import { projectRoot } from './build-stamp';

const started = performance.now();
const image = await makePgliteImage();
const file = path.join(projectRoot, 'out', 'main', pgliteImageFileName);
writeFileSync(file, image);
console.log(`build: PGlite image ${path.relative(projectRoot, file)} (${(image.length / 1024 / 1024).toFixed(1)} MiB, ${Math.round(performance.now() - started)} ms)`);
