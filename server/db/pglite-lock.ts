import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { ensurePrivateFolder } from './private-folder';

export class DataFolderInUseError extends Error {
  constructor(dir: string) {
    super(`The data folder is in use by another process: ${dir}`);
    this.name = 'DataFolderInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock between processes: two processes on one folder would corrupt it. We hold a
 * proper-lockfile lock (a directory whose mtime is refreshed) and write our pid into it, so a lock
 * left by a crashed (SIGKILLed) process is taken over at once instead of after the stale period.
 */
export async function lockDataFolder(dir: string): Promise<() => Promise<void>> {
  ensurePrivateFolder(dir);
  const lockPath = path.join(dir, 'pglite.lock');
  // Beside the lock directory, not inside: proper-lockfile removes the directory with rmdir.
  const pidFile = `${lockPath}.pid`;
  const attempt = () =>
    lockfile.lock(dir, {
      lockfilePath: lockPath,
      realpath: false,
      // Generous: PGlite's first start (initdb) can block the event loop for many seconds, and a
      // late refresh would count as a lost lock. A crashed holder is detected by its pid instead.
      stale: 300_000,
      update: 5_000,
      // Losing the lock means another process may now write the folder: stop rather than corrupt it.
      onCompromised: (error) => {
        console.error(`The lock on the data folder ${dir} was lost (${error.message}); stopping.`);
        process.exit(70);
      },
    });
  let release: () => Promise<void>;
  try {
    release = await attempt();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    let holder = NaN;
    try {
      holder = Number(readFileSync(pidFile, 'utf8'));
    } catch {
      // No pid yet: the holder has just taken the lock and not yet written its pid.
    }
    if (!Number.isInteger(holder) || holder === process.pid || isAlive(holder)) throw new DataFolderInUseError(dir);
    rmSync(lockPath, { recursive: true, force: true });
    try {
      release = await attempt();
    } catch {
      throw new DataFolderInUseError(dir);
    }
  }
  writeFileSync(pidFile, String(process.pid));
  return async () => {
    rmSync(pidFile, { force: true });
    await release();
  };
}
