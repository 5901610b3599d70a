import { useEffect, useEffectEvent, useState } from 'react';
import { ApiError, errorCodes } from '../../../shared/api/api-error';
import type { ConsoleApi } from '../../../shared/api/index';
import { useConsoleApi } from './console-api-context';

export type ApiQuery<T> =
  | { status: 'loading'; data: undefined; error: undefined; reload: () => void }
  | { status: 'success'; data: T; error: undefined; reload: () => void }
  | { status: 'error'; data: undefined; error: ApiError; reload: () => void };

type Settled<T> = { key: string; ok: true; data: T } | { key: string; ok: false; error: ApiError };

/** Anything thrown becomes an ApiError, so screens handle one error type. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, errorCodes.internal, error instanceof Error ? error.message : String(error));
}

/**
 * Loads data from the Support API when the screen mounts and again whenever `key` changes.
 *
 *   const calls = useApiQuery(`calls:${page}`, (api) => api.listMyCalls({ page }));
 *   if (calls.status === 'error') return <ApiErrorAlert error={calls.error} onRetry={calls.reload} />;
 *
 * `key` names what is loaded (include every input); `load` may be a new closure each render.
 * An answer that arrives after the key changed is dropped, so a slow old answer never wins.
 */
export function useApiQuery<T>(key: string, load: (api: ConsoleApi) => Promise<T>): ApiQuery<T> {
  const api = useConsoleApi();
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const requestKey = `${attempt}:${key}`;
  const run = useEffectEvent(() => load(api));

  useEffect(() => {
    let current = true;
    run().then(
      (data) => current && setSettled({ key: requestKey, ok: true, data }),
      (error: unknown) => current && setSettled({ key: requestKey, ok: false, error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [requestKey]);

  const reload = () => setAttempt((n) => n + 1);
  if (!settled || settled.key !== requestKey) return { status: 'loading', data: undefined, error: undefined, reload };
  if (settled.ok) return { status: 'success', data: settled.data, error: undefined, reload };
  return { status: 'error', data: undefined, error: settled.error, reload };
}
