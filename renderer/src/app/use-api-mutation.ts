import { useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/api-error';
import { toApiError } from './use-api-query';

export interface ApiMutation<A extends unknown[], T> {
  /** Runs the call unless one is in flight (then resolves undefined at once: a double click sends once). */
  run(...args: A): Promise<T | undefined>;
  /** A call is in flight. */
  pending: boolean;
  /** The last call's failure, until the next run or reset. */
  error: ApiError | null;
  reset(): void;
}

/**
 * The in-flight/error pattern of every write: one call at a time (a ref, so a second click in the same
 * frame is refused too), its failure as an ApiError, and the failure cleared when the next call starts.
 * Resolves the call's result, or undefined when it failed or did not run.
 */
export function useApiMutation<A extends unknown[], T>(call: (...args: A) => Promise<T>): ApiMutation<A, T> {
  const inFlight = useRef(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (...args: A): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setPending(true);
    setError(null);
    try {
      return await call(...args);
    } catch (failure) {
      setError(toApiError(failure));
      return undefined;
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  };
  return { run, pending, error, reset: () => setError(null) };
}
