// `npm run serve` rebuilds only when a source changed since the last build: the stamp is a content
// hash of the sources, so edits count, touching a file does not, and a missing output forces a build.
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUpToDate, sourceHash, stampFile } from '../../../scripts/build-stamp';
import { tempDir } from '../../support/databases';

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

describe('build stamp', () => {
  const tmp = tempDir('build-stamp-');
  const root = tmp.dir;
  afterAll(() => tmp.remove());
  write(root, 'package.json', '{}');
  write(root, 'shared/a.ts', 'export const a = 1;');
  write(root, 'server/cli/serve.ts', 'console.log("serve");');
  write(root, 'renderer/src/app.tsx', 'export {};');
  write(root, 'renderer/node_modules/x/index.js', 'ignored');
  for (const out of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/server/serve.js', 'out/main/pglite-image.tar.gz']) write(root, out, '');

  it('is up to date only when every output exists and the stamp matches the sources', () => {
    const hash = sourceHash(root);
    expect(isUpToDate(hash, root)).toBe(false); // no stamp yet
    writeFileSync(stampFile(root), `${hash}\n`);
    expect(isUpToDate(hash, root)).toBe(true);
  });

  it('changes with a source edit or a new file, not with a touch or a nested node_modules', () => {
    const before = sourceHash(root);
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'shared/a.ts'), future, future);
    write(root, 'renderer/node_modules/x/index.js', 'still ignored');
    expect(sourceHash(root)).toBe(before);

    write(root, 'server/cli/serve.ts', 'console.log("serve, changed");');
    const edited = sourceHash(root);
    expect(edited).not.toBe(before);
    expect(isUpToDate(edited, root)).toBe(false);

    write(root, 'shared/b.ts', '');
    expect(sourceHash(root)).not.toBe(edited);
  });

  it('is stale when an output is missing, even with a matching stamp', () => {
    const hash = sourceHash(root);
    writeFileSync(stampFile(root), hash);
    expect(isUpToDate(hash, root)).toBe(true);
    write(root, 'out/server/serve.js', '');
    expect(isUpToDate(hash, root)).toBe(true);
    rmSync(path.join(root, 'out/server/serve.js'));
    expect(isUpToDate(hash, root)).toBe(false);
  });
});
