// PGlite has no lock between processes: two processes on one folder would corrupt it. The lock is a
// file, `pglite.lock`, that exists only with its holder's identity in it from its first byte: the
// identity is written to a temporary file first, then link()ed into place, which either creates the
// lock whole or fails because it exists. So at every moment the lock names a holder whose liveness
// can be checked (pid, and on Linux the process's start time, so a reused pid is not mistaken for the
// holder), and a lock left by a killed process is taken over at once.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateFolder } from './private-folder';

export class DataFolderInUseError extends Error {
  constructor(dir: string) {
    super(`The data folder is in use by another process: ${dir}`);
    this.name = 'DataFolderInUseError';
  }
}

interface Holder {
  pid: number;
  /** /proc start time of the process (Linux), null elsewhere. */
  started: string | null;
  nonce: string;
}

/** Points where a test may stop the process (kill -9) to check that a restart gets the folder back. */
export type LockStep = 'identity-written' | 'linked' | 'takeover-claimed' | 'held';

/** The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), or null. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A live pid with another start time is a later process that was given the same pid.
  const started = startTimeOf(holder.pid);
  return holder.started === null || started === null || started === holder.started;
}

function readHolder(file: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' && typeof parsed.nonce === 'string' ? { pid: parsed.pid, started: parsed.started ?? null, nonce: parsed.nonce } : null;
  } catch {
    return null;
  }
}

function tryUnlink(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** A take-over claim older than this was left by a process killed while taking over. */
const takeoverStaleMs = 5_000;

/** How long a start waits for another starter's take-over (or a stale claim) before giving up. */
const waitForClaimMs = takeoverStaleMs + 3_000;

export async function lockDataFolder(dir: string, options: { onStep?: (step: LockStep) => void } = {}): Promise<() => Promise<void>> {
  ensurePrivateFolder(dir);
  const lockPath = path.join(dir, 'pglite.lock');
  clearLegacyLock(dir, lockPath);
  const me: Holder = { pid: process.pid, started: startTimeOf(process.pid), nonce: randomBytes(12).toString('hex') };
  const identity = `${lockPath}.${me.pid}.${me.nonce}`;
  writeFileSync(identity, JSON.stringify(me), { mode: 0o600 });
  options.onStep?.('identity-written');
  try {
    const deadline = Date.now() + waitForClaimMs;
    while (!tryLink(identity, lockPath)) {
      const holder = readHolder(lockPath);
      // Unreadable: a lock file this code never writes (link makes it whole); treat it as held.
      if (!holder || holder.pid === process.pid || isAlive(holder)) throw new DataFolderInUseError(dir);
      if (takeOver(dir, lockPath, identity, holder, options.onStep) === 'taken') break;
      if (Date.now() > deadline) throw new DataFolderInUseError(dir);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    options.onStep?.('linked');
  } finally {
    tryUnlink(identity);
  }
  clearDeadIdentities(dir);
  options.onStep?.('held');
  return async () => {
    // Only our own lock: never one another process took over meanwhile.
    if (readHolder(lockPath)?.nonce === me.nonce) tryUnlink(lockPath);
  };
}

/** Identity files of processes killed before they removed them. */
function clearDeadIdentities(dir: string): void {
  for (const name of readdirSync(dir)) {
    const match = /^pglite\.lock\.(\d+)\.[0-9a-f]{24}$/.exec(name);
    if (match && Number(match[1]) !== process.pid) {
      const holder = readHolder(path.join(dir, name));
      if (!holder || !isAlive(holder)) tryUnlink(path.join(dir, name));
    }
  }
}

/**
 * The release before this one locked with a directory (proper-lockfile) and a `.pid` file beside it.
 * Left by a process that is gone, it is removed; a live old holder keeps the folder.
 */
function clearLegacyLock(dir: string, lockPath: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(lockPath).isDirectory();
  } catch {
    return;
  }
  if (!isDirectory) return;
  let pid = NaN;
  try {
    pid = Number(readFileSync(`${lockPath}.pid`, 'utf8'));
  } catch {
    // No pid file: the old holder died before writing it.
  }
  if (Number.isInteger(pid) && pid !== process.pid && isAlive({ pid, started: null, nonce: '' })) throw new DataFolderInUseError(dir);
  rmSync(lockPath, { recursive: true, force: true });
  rmSync(`${lockPath}.pid`, { force: true });
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Replaces a dead holder's lock. Two processes may find the same dead lock at once: a claim folder
 * (mkdir is atomic) lets one of them replace it; the other then finds a live holder, or retries.
 */
function takeOver(dir: string, lockPath: string, identity: string, dead: Holder, onStep?: (step: LockStep) => void): 'taken' | 'retry' {
  const claim = `${lockPath}.takeover`;
  try {
    mkdirSync(claim);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A claim left by a process killed while taking over is cleared; a fresh one is another starter's.
    try {
      if (Date.now() - statSync(claim).mtimeMs > takeoverStaleMs) rmdirSync(claim);
    } catch {
      // Gone meanwhile: the other starter finished.
    }
    return 'retry';
  }
  try {
    onStep?.('takeover-claimed');
    // Still the same dead holder? (Another starter may have replaced it before our claim.)
    if (readHolder(lockPath)?.nonce !== dead.nonce) return 'retry';
    tryUnlink(lockPath);
    return tryLink(identity, lockPath) ? 'taken' : 'retry';
  } finally {
    rmdirSync(claim);
  }
}
