// The embedded data folder is private to its user: the folder and every folder in it 0700, every file 0600.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../../server/db/index';
import { loadSecrets } from '../../../../server/secrets';
import { tempDir } from '../../../support/databases';

function looseEntries(dir: string): string[] {
  const loose: string[] = [];
  const walk = (current: string) => {
    const mode = statSync(current).mode & 0o777;
    if (mode !== 0o700) loose.push(`${current} ${mode.toString(8)}`);
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && (statSync(full).mode & 0o077) !== 0) loose.push(`${full} ${(statSync(full).mode & 0o777).toString(8)}`);
    }
  };
  walk(dir);
  return loose;
}

describe.skipIf(process.platform === 'win32')('embedded data folder permissions', () => {
  it('creates the folder 0700 and leaves every file 0600, while open and after close', async () => {
    const tmp = tempDir();
    const dataDir = path.join(tmp.dir, 'support-data');
    const umask = process.umask(0o022);
    try {
      loadSecrets({ embedded: true, dataDir });
      const database = await openDatabase({ dataDir });
      await database.withRunner((r) => migrate(r));
      expect(looseEntries(dataDir)).toEqual([]);
      await database.close();
      expect(readdirSync(dataDir).length).toBeGreaterThan(3);
      expect(looseEntries(dataDir)).toEqual([]);
    } finally {
      process.umask(umask);
      tmp.remove();
    }
  }, 180_000);
});
