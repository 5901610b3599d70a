// The build's pre-initialised PGlite image: a first start unpacks it, a folder that holds a database is
// never touched, and an unpacking that crashed or a damaged image leaves no half-made database.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationStatus, openDatabase, queryRows } from '../../../../server/db/index';
import { makePgliteImage, unpackPgliteImage } from '../../../../server/db/pglite-image';
import { migrations } from '../../../../server/db/migrations/bundle.generated';
import { tempDir } from '../../../support/databases';

let imageFile: string;
const made: { remove(): void }[] = [];
/** A new temporary folder, removed after the file. */
function folder(prefix: string): string {
  const dir = tempDir(prefix);
  made.push(dir);
  return dir.dir;
}
afterAll(() => made.forEach((dir) => dir.remove()));

beforeAll(async () => {
  imageFile = path.join(folder('pglite-image-'), 'image.tar.gz');
  writeFileSync(imageFile, await makePgliteImage());
}, 60_000);

async function openAndRead(dataDir: string) {
  const database = await openDatabase({ dataDir, pgliteImage: imageFile });
  try {
    const status = await database.withRunner((runner) => migrationStatus(runner));
    const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_events`);
    const buffers = await queryRows<{ shared_buffers: string }>(database.db, sql`show shared_buffers`);
    return { status, auditEvents: row?.n, sharedBuffers: buffers[0]?.shared_buffers };
  } finally {
    await database.close();
  }
}

describe('the pre-initialised PGlite image', () => {
  it('gives a new folder a database with every bundled migration applied, and small shared buffers', async () => {
    const dataDir = path.join(folder('pglite-image-new-'), 'data');
    const { status, auditEvents, sharedBuffers } = await openAndRead(dataDir);
    expect(status.applied).toEqual(migrations.map((m) => m.name));
    expect(status.pending).toEqual([]);
    expect(auditEvents).toBe(0);
    expect(sharedBuffers).toBe('16MB');
    expect(existsSync(`${dataDir}.unpacking`)).toBe(false);
  }, 60_000);

  it('never touches a folder that already holds a database', async () => {
    const dataDir = path.join(folder('pglite-image-kept-'), 'data');
    const first = await openDatabase({ dataDir, pgliteImage: imageFile });
    await first.db.execute(sql`create table kept_marker (id int)`);
    await first.db.execute(sql`insert into kept_marker values (7)`);
    await first.close();
    expect(unpackPgliteImage(dataDir, imageFile)).toBe(false);
    const again = await openDatabase({ dataDir, pgliteImage: imageFile });
    try {
      const rows = await queryRows<{ id: number }>(again.db, sql`select id from kept_marker`);
      expect(rows).toEqual([{ id: 7 }]);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('after an unpacking that crashed before PG_VERSION: unpacks again, keeping the API\'s own files', async () => {
    const dataDir = path.join(folder('pglite-image-crashed-'), 'data');
    // What a crash mid-move leaves: some database entries, no PG_VERSION, a staging folder, and the
    // master key written before the database was opened.
    mkdirSync(path.join(dataDir, 'base', '1'), { recursive: true });
    writeFileSync(path.join(dataDir, 'base', '1', 'half-written'), 'x');
    writeFileSync(path.join(dataDir, 'master.key'), 'key material');
    mkdirSync(`${dataDir}.unpacking/global`, { recursive: true });
    expect(unpackPgliteImage(dataDir, imageFile)).toBe(true);
    expect(existsSync(path.join(dataDir, 'base', '1', 'half-written'))).toBe(false);
    expect(readFileSync(path.join(dataDir, 'master.key'), 'utf8')).toBe('key material');
    expect(existsSync(`${dataDir}.unpacking`)).toBe(false);
    const { status } = await openAndRead(dataDir);
    expect(status.pending).toEqual([]);
  }, 60_000);

  it('refuses a damaged image and leaves no database behind, so the next start tries again', async () => {
    const dataDir = path.join(folder('pglite-image-damaged-'), 'data');
    const damaged = path.join(path.dirname(imageFile), 'damaged.tar.gz');
    const bytes = readFileSync(imageFile);
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(() => unpackPgliteImage(dataDir, damaged)).toThrow(/could not be unpacked|not a PGlite image/);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(false);
    expect(existsSync(`${dataDir}.unpacking`)).toBe(false);
    expect(unpackPgliteImage(dataDir, imageFile)).toBe(true);
    expect(readdirSync(dataDir)).toContain('PG_VERSION');
  }, 60_000);
});
