import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Role, SessionInfo } from '../../../shared/api/index';
import { useApiEvents, useConsoleApi } from './console-api-context';

export type AuthState =
  | { status: 'checking'; session: null; endReason: null }
  | { status: 'signed-in'; session: SessionInfo; endReason: null }
  /** `expired`: the server ended the session (401), so sign-in returns the user to where they were. */
  | { status: 'signed-out'; session: null; endReason: 'expired' | 'signed-out' | null };

export interface Auth {
  state: AuthState;
  /** Calls `login`; throws ApiError (invalid_credentials, unavailable, …) for the form to show. */
  signIn(username: string, password: string): Promise<SessionInfo>;
  /** Calls `logout` and forgets the session even when the server cannot be told. */
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/** The start page of each role. */
export function homePathFor(role: Role): string {
  return role === 'agent' ? '/call/new' : '/supervisor/log';
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const api = useConsoleApi();
  const events = useApiEvents();
  const [state, setState] = useState<AuthState>({ status: 'checking', session: null, endReason: null });

  // In Electron the main process may still hold a session (after a reload): ask once at start.
  useEffect(() => {
    let current = true;
    api.getSession({}).then(
      (session) => current && setState({ status: 'signed-in', session, endReason: null }),
      () => current && setState((s) => (s.status === 'checking' ? { status: 'signed-out', session: null, endReason: null } : s)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(
    () =>
      events.on('onUnauthenticated', () =>
        setState((s) => (s.status === 'signed-in' ? { status: 'signed-out', session: null, endReason: 'expired' } : s)),
      ),
    [events],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      const answer = await api.login({ username, password });
      // Keep only the session facts: whatever the transport, no token is ever held in the renderer.
      const session: SessionInfo = {
        user: answer.user,
        expiresAt: answer.expiresAt,
        idleTimeoutSeconds: answer.idleTimeoutSeconds,
      };
      setState({ status: 'signed-in', session, endReason: null });
      return session;
    },
    [api],
  );

  const signOut = useCallback(async () => {
    try {
      await api.logout({});
    } catch {
      // The user asked to leave: the console forgets the session whether or not the server heard.
    } finally {
      setState({ status: 'signed-out', session: null, endReason: 'signed-out' });
    }
  }, [api]);

  return <AuthContext value={{ state, signIn, signOut }}>{children}</AuthContext>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() needs an <AuthProvider> above it.');
  return value;
}
