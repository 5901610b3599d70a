// The data-folder lock tells a live holder from a dead one at every moment: a process killed (-9)
// at any step of taking it leaves a folder the next start gets within seconds, and a live holder
// keeps it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolderInUseError, lockDataFolder, type LockStep } from '../../../../server/db/pglite-lock';
import { tempDir } from '../../../support/databases';

const root = new URL('../../../../', import.meta.url).pathname;

/** A child that takes the lock and freezes at `step`; resolves once it is there. */
function frozenAt(dir: string, step: LockStep): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/lock-child.ts', dir, step], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === `at ${step}`) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before ${step}: ${stderr}`)));
  });
}

async function kill9(child: ChildProcess): Promise<void> {
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await gone;
}

async function lockWithin(dir: string): Promise<number> {
  const started = Date.now();
  const release = await lockDataFolder(dir);
  const ms = Date.now() - started;
  await release();
  return ms;
}

describe.skipIf(process.platform === 'win32')('PGlite data-folder lock', () => {
  const tmp = tempDir('pglite-lock-');
  afterAll(() => tmp.remove());
  let n = 0;
  const freshDir = () => {
    const dir = path.join(tmp.dir, `data-${++n}`);
    mkdirSync(dir);
    return dir;
  };

  for (const step of ['identity-written', 'linked', 'held'] as const) {
    it(`a holder killed at "${step}" leaves a folder the next start gets at once`, async () => {
      const dir = freshDir();
      const child = await frozenAt(dir, step);
      if (step !== 'identity-written') await expect(lockDataFolder(dir)).rejects.toBeInstanceOf(DataFolderInUseError);
      await kill9(child);
      expect(await lockWithin(dir)).toBeLessThan(2_000);
      // Nothing of the dead process is left behind once the folder is taken.
      expect(readdirSync(dir).filter((f) => f.startsWith('pglite.lock'))).toEqual([]);
    }, 60_000);
  }

  it('a starter killed while taking over a dead lock leaves a folder the next start gets within seconds', async () => {
    const dir = freshDir();
    await kill9(await frozenAt(dir, 'held'));
    await kill9(await frozenAt(dir, 'takeover-claimed'));
    expect(await lockWithin(dir)).toBeLessThan(10_000);
  }, 60_000);

  it('keeps a live holder, in this process or another', async () => {
    const dir = freshDir();
    const release = await lockDataFolder(dir);
    await expect(lockDataFolder(dir)).rejects.toBeInstanceOf(DataFolderInUseError);
    await release();
    const child = await frozenAt(dir, 'held');
    await expect(lockDataFolder(dir)).rejects.toThrow(/in use by another process/);
    await kill9(child);
  }, 60_000);

  it("takes over the previous release's lock directory when its holder is gone", async () => {
    const dir = freshDir();
    mkdirSync(path.join(dir, 'pglite.lock'));
    writeFileSync(path.join(dir, 'pglite.lock.pid'), '999999999');
    expect(await lockWithin(dir)).toBeLessThan(2_000);
    // Killed between creating its lock directory and writing its pid: the old release refused for five minutes.
    mkdirSync(path.join(dir, 'pglite.lock'));
    expect(await lockWithin(dir)).toBeLessThan(2_000);
  });
});
