// A pre-initialised, migrated PGlite data folder, made at build time (`npm run build`) and shipped
// beside the embedded API. A desk's first start unpacks it instead of running initdb: about a third
// of the time and under half the memory (README "Benchmarks", cold start). It holds the schema only:
// keys, accounts and the sandbox register (dated from the day it is made) are made at first start.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import * as tar from 'tar';
import { migrate, type SqlRunner } from './migrate';

/** Present once a folder holds a database; moved into place last, so it marks a complete unpacking. */
const versionFile = 'PG_VERSION';

/** The image's file name beside the bundle that starts the API. */
export const pgliteImageFileName = 'pglite-image.tar.gz';

/** A new in-memory database, migrated to the bundled migrations, as PGlite's gzipped tar dump. */
export async function makePgliteImage(): Promise<Uint8Array> {
  const client = await PGlite.create();
  try {
    const runner: SqlRunner = { query: async (text, params) => (await client.query(text, params ?? [])).rows as never };
    await migrate(runner);
    // A clean shutdown point in the dump: the first start replays no WAL.
    await client.query('checkpoint');
    return new Uint8Array(await (await client.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await client.close();
  }
}

/**
 * Unpacks the image into `dataDir` when it holds no database yet; returns whether it did. Run it under
 * the folder's lock (openDatabase does). The archive is extracted into a sibling folder (node-tar:
 * no second PGlite instance, whose memory would double the start's peak), then its entries are moved
 * in, PG_VERSION last: a crash before that leaves a folder without a database, which the next start
 * unpacks again. The API's own files in `dataDir` (master key, lock, witness) are left alone.
 */
export function unpackPgliteImage(dataDir: string, imageFile: string): boolean {
  if (existsSync(path.join(dataDir, versionFile))) return false;
  // Called under the data folder's lock, so one fixed name: a crashed unpacking's leftovers go first.
  const staging = `${path.resolve(dataDir)}.unpacking`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    // PGlite's dump names its entries from the root ("/base/…"); node-tar strips that with an info
    // warning. Any other warning (a damaged archive, an entry outside the folder) fails the start here
    // rather than as a half-made database.
    const problems: string[] = [];
    try {
      tar.x({ sync: true, file: imageFile, cwd: staging, onwarn: (code, message) => void (code !== 'TAR_ENTRY_INFO' && problems.push(`${code}: ${message}`)) });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    if (problems.length > 0) throw new Error(`${imageFile} could not be unpacked (${problems[0]}): rebuild or reinstall the console`);
    if (!existsSync(path.join(staging, versionFile))) throw new Error(`${imageFile} is not a PGlite image (no ${versionFile})`);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    for (const name of readdirSync(staging).filter((entry) => entry !== versionFile)) {
      // Left by an unpacking that crashed before PG_VERSION: never a database (PGlite would initdb over it too).
      rmSync(path.join(dataDir, name), { recursive: true, force: true });
      renameSync(path.join(staging, name), path.join(dataDir, name));
    }
    renameSync(path.join(staging, versionFile), path.join(dataDir, versionFile));
    return true;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
