import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Creates the folder if needed, private to its user (0700), whatever the umask. */
export function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
}

/**
 * Folders 0700 and files 0600 under `dir`. PGlite's file system creates its files 0666 (less the
 * umask); the private top folder already keeps other users out, and this makes every file say so
 * too (run after open and at close, so files PGlite added meanwhile are covered). Symlinks are left
 * alone; POSIX modes mean nothing on Windows, where the user profile's ACL protects the folder.
 */
export function makeTreePrivate(dir: string): void {
  if (process.platform === 'win32') return;
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      try {
        if (entry.isDirectory()) {
          chmodSync(full, 0o700);
          walk(full);
        } else if (entry.isFile()) {
          if ((lstatSync(full).mode & 0o077) !== 0) chmodSync(full, 0o600);
        }
      } catch (error) {
        // A file PGlite removed while we walked (e.g. a temporary one) needs nothing.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  };
  chmodSync(dir, 0o700);
  walk(dir);
}
