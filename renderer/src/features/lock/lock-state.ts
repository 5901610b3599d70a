// Whether this window is locked, remembered per window (sessionStorage): a reload must not be a way
// round the lock, since in Electron the main process still holds the session.
import type { SessionInfo } from '../../../../shared/api/index';

const lockedKey = 'console.locked';

/** What locked the console: idle time, the agent (Alt+L or the menu), the OS (lock, suspend), or a reload of a locked window. */
export type LockReason = 'idle' | 'manual' | 'system' | 'restored';

/** The lock belongs to one session (named by its fixed end time): a fresh sign-in starts unlocked. */
export function readLocked(session: SessionInfo): boolean {
  try {
    return window.sessionStorage.getItem(lockedKey) === session.expiresAt;
  } catch {
    return false;
  }
}

export function writeLocked(session: SessionInfo | null): void {
  try {
    if (session) window.sessionStorage.setItem(lockedKey, session.expiresAt);
    else window.sessionStorage.removeItem(lockedKey);
  } catch {
    // Storage can be off: the lock then holds until a reload only.
  }
}
