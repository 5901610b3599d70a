import { createContext, useContext, useState, type ReactNode } from 'react';
import type { ConsoleApi, OperationName } from '../../../shared/api/index';
import { observeConsoleApi, type ApiObserver } from './console-api';

type ApiEvent = keyof ApiObserver;
type Listener = (operation: OperationName) => void;

/** Tells the shell (connection banner, auth) what happened to any call, without screens having to. */
export class ApiEvents {
  private readonly listeners = new Map<ApiEvent, Set<Listener>>();

  on(event: ApiEvent, listener: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  readonly observer: ApiObserver = {
    onUnauthenticated: (op) => this.emit('onUnauthenticated', op),
    onUnreachable: (op) => this.emit('onUnreachable', op),
    onReachable: (op) => this.emit('onReachable', op),
  };

  private emit(event: ApiEvent, op: OperationName): void {
    for (const listener of this.listeners.get(event) ?? []) listener(op);
  }
}

interface ConsoleApiValue {
  api: ConsoleApi;
  events: ApiEvents;
}

const ConsoleApiContext = createContext<ConsoleApiValue | null>(null);

/** Provides the ConsoleApi (the real one from getConsoleApi(), or a fake in tests), observed by the shell. */
export function ConsoleApiProvider({ api, children }: { api: ConsoleApi; children: ReactNode }) {
  // Built once: a new api object on every render would re-run every screen's loading effect.
  const [value] = useState<ConsoleApiValue>(() => {
    const events = new ApiEvents();
    return { api: observeConsoleApi(api, events.observer), events };
  });
  return <ConsoleApiContext value={value}>{children}</ConsoleApiContext>;
}

function useConsoleApiValue(): ConsoleApiValue {
  const value = useContext(ConsoleApiContext);
  if (!value) throw new Error('useConsoleApi() needs a <ConsoleApiProvider> above it.');
  return value;
}

/**
 * The typed Support API for screens: `const api = useConsoleApi(); await api.login({ ... })`.
 * Calls throw `ApiError` (shared/api/api-error.ts); show one with `<ApiErrorAlert error={...} />`.
 * For reads, prefer `useApiQuery` (app/use-api-query.ts).
 */
export function useConsoleApi(): ConsoleApi {
  return useConsoleApiValue().api;
}

/** For the shell only: subscribe to expired sessions and lost/restored connections. */
export function useApiEvents(): ApiEvents {
  return useConsoleApiValue().events;
}
