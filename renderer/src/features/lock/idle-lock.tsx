import { lazy, Suspense, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/index';
import { isAltKey, isModalOpen } from '../../components/keyboard';
import { readLocked, writeLocked, type LockReason } from './lock-state';

// The lock screen is a separate chunk (not in the first load), fetched right after sign-in so that it
// is there even when the Support API, which serves it in the browser preview, has gone away.
const loadLockScreen = () => import('./lock-screen');
const LockScreen = lazy(() => loadLockScreen().then((m) => ({ default: m.LockScreen })));

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * When to lock: the policy's idle time, less a small margin, so the console is locked before the
 * server would count the session as idle (timers in a background window can fire late).
 */
export function lockAfterMs(idleTimeoutSeconds: number): number {
  const margin = Math.min(30, Math.floor(idleTimeoutSeconds * 0.05));
  return (idleTimeoutSeconds - margin) * 1000;
}

/**
 * Locks the console after the idle time the API reports, on Alt+L, and when the desktop shell asks
 * (OS lock, suspend). The screen behind stays mounted but hidden and inert, so a call in progress and
 * what was typed survive; unlocking asks the server (unlockSession) for the user's password.
 */
export function IdleLock({ session }: { session: SessionInfo }) {
  // Why it is locked, for the lock screen's wording; a reload of a locked window only knows that it is.
  const [locked, setLocked] = useState<LockReason | null>(() => (readLocked(session) ? 'restored' : null));
  const lastActivity = useRef(0);
  const limit = lockAfterMs(session.idleTimeoutSeconds);

  const lock = useEffectEvent((reason: LockReason) => {
    writeLocked(session);
    setLocked(reason);
  });

  useEffect(() => {
    void loadLockScreen();
  }, []);

  useEffect(() => {
    if (locked) return;
    lastActivity.current = Date.now();
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const e of activityEvents) window.addEventListener(e, touch, { passive: true, capture: true });
    // Checked against the clock, not one long timeout: a suspended machine wakes up locked.
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= limit) lock('idle');
    }, 1000);
    return () => {
      for (const e of activityEvents) window.removeEventListener(e, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [locked, limit]);

  useEffect(() => window.consoleBridge?.onLockRequested(() => lock('system')), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isModalOpen() && isAltKey(event, 'l')) {
        event.preventDefault();
        lock('manual');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (!locked) return null;
  return (
    // Until the chunk is there, an opaque cover: the screen behind must never show while locked.
    <Suspense fallback={<div style={{ position: 'fixed', inset: 0, zIndex: 1300, background: 'var(--mui-palette-background-default, #fff)' }} />}>
      <LockScreen session={session} reason={locked} onUnlocked={() => setLocked(null)} />
    </Suspense>
  );
}
