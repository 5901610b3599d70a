import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, errorCodes } from '../../../shared/api/api-error';
import type { Health } from '../../../shared/api/index';
import { useApiEvents, useConsoleApi } from './console-api-context';
import { toApiError } from './use-api-query';

export interface HealthState {
  /** The last answer of getHealth (kept while a retry runs, so the sandbox banner does not flicker). */
  health: Health | null;
  /** Why the Support API cannot be used right now, or null when it can. */
  problem: ApiError | null;
  checking: boolean;
  /** Checks the connection again and, once the API answers, re-runs every pending retry (an answer that did not get through). */
  retry(): void;
  /**
   * Adds what the banner's Retry should also do, so an outage needs one action, not one per screen.
   * Returns the function that removes it.
   */
  addPendingRetry(run: () => void): () => void;
}

const HealthContext = createContext<HealthState | null>(null);

/**
 * Asks the Support API for its health when the console starts (this proves the contract end to end)
 * and keeps watching every call: one that cannot reach the API raises the connection banner.
 */
export function HealthProvider({ children }: { children: ReactNode }) {
  const api = useConsoleApi();
  const events = useApiEvents();
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ attempt: number; health: Health | null; error: ApiError | null }>({
    attempt: -1,
    health: null,
    error: null,
  });
  const [lost, setLost] = useState(false);
  const pendingRetries = useRef(new Set<() => void>());

  useEffect(() => {
    let current = true;
    const check = () =>
      api.getHealth({}).then(
        (health) => {
          if (!current) return;
          setResult({ attempt, health, error: null });
          // Only now resend what was held: sent before the API answers again, it would fail a second
          // time (for example while a restarted API process is still opening its database).
          if (attempt > 0) for (const run of pendingRetries.current) run();
        },
        (error: unknown) => current && setResult((r) => ({ attempt, health: r.health, error: toApiError(error) })),
      );
    // At start, after the first screen is painted: in the browser preview the first call loads the
    // HTTP client and evaluates the whole contract (≈ 100 ms of main thread), which must not hold
    // back the sign-in form. Retries run at once.
    let frame: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (attempt > 0) void check();
    else frame = requestAnimationFrame(() => (timer = setTimeout(() => void check(), 0)));
    return () => {
      current = false;
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [api, attempt]);

  useEffect(() => {
    const offLost = events.on('onUnreachable', () => setLost(true));
    const offBack = events.on('onReachable', () => setLost(false));
    return () => {
      offLost();
      offBack();
    };
  }, [events]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const addPendingRetry = useCallback((run: () => void) => {
    pendingRetries.current.add(run);
    return () => void pendingRetries.current.delete(run);
  }, []);
  const checking = result.attempt !== attempt;
  const { health, error: healthError } = result;
  const problem =
    healthError ?? (lost ? new ApiError(0, errorCodes.unreachable, 'The Support API could not be reached.') : null);
  return <HealthContext value={{ health, problem, checking, retry, addPendingRetry }}>{children}</HealthContext>;
}

export function useHealth(): HealthState {
  const value = useContext(HealthContext);
  if (!value) throw new Error('useHealth() needs a <HealthProvider> above it.');
  return value;
}
