import { useEffect, useEffectEvent, useState } from 'react';
import type { ApiError } from '../../../shared/api/api-error';
import type { ConsoleApi } from '../../../shared/api/index';
import { useConsoleApi } from './console-api-context';
import { toApiError } from './use-api-query';

export interface PolledQuery<T> {
  /** The newest answer; kept while a later poll fails, so a blip does not empty the screen. */
  data: T | undefined;
  /** The last poll's failure, cleared by the next success. */
  error: ApiError | undefined;
  /** Polls now (after a change this window made), without waiting for the interval. */
  refresh: () => void;
}

/**
 * Loads `load` now and again every `intervalMs` after each answer (never two in flight), while mounted
 * and `key` is unchanged. For screens that must show others' changes without a reload (the co-sign queue).
 */
export function usePolledQuery<T>(key: string, load: (api: ConsoleApi) => Promise<T>, intervalMs: number): PolledQuery<T> {
  const api = useConsoleApi();
  const [state, setState] = useState<{ key: string; data: T | undefined; error: ApiError | undefined }>({ key, data: undefined, error: undefined });
  const [nudge, setNudge] = useState(0);
  const run = useEffectEvent(() => load(api));

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      run().then(
        (data) => alive && setState({ key, data, error: undefined }),
        (error: unknown) => alive && setState((s) => ({ key, data: s.key === key ? s.data : undefined, error: toApiError(error) })),
      ).finally(() => {
        if (alive) timer = setTimeout(poll, intervalMs);
      });
    };
    poll();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [key, intervalMs, nudge]);

  const current = state.key === key ? state : { data: undefined, error: undefined };
  return { data: current.data, error: current.error, refresh: () => setNudge((n) => n + 1) };
}
