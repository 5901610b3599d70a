// The network path to a shared Support API: Chromium's stack through an Electron session, so the
// operating system's proxy settings (PAC, WPAD, authentication) and certificate store apply, plus the
// managed CA certificates. Node's own fetch would see neither.
import { session as electronSession, type Session } from 'electron';
import { ApiError, errorCodes } from '../../shared/api/api-error';
import { trustManagedCas } from './certificate-trust';
import { explainNetworkError } from './network-errors';

/** An in-memory partition of its own: no cookies or cache shared with the console window. */
export const supportApiPartition = 'support-api';

export function openSupportApiSession(cas: readonly string[]): Session {
  const session = electronSession.fromPartition(supportApiPartition);
  trustManagedCas(session, cas);
  return session;
}

/**
 * A fetch for the HTTP client that goes through `session`. A network failure becomes an
 * `unreachable` ApiError that says what went wrong in words for IT (certificate, proxy, DNS, …).
 */
export function supportApiFetch(session: Pick<Session, 'fetch'>, origin: string): typeof fetch {
  return async (input, init) => {
    try {
      return await session.fetch(input as string | Request, init);
    } catch (error) {
      // ky's own timeout aborts the request: it reports that itself.
      if ((init?.signal ?? (input instanceof Request ? input.signal : undefined))?.aborted) throw error;
      const explained = explainNetworkError(error, origin);
      throw new ApiError(0, errorCodes.unreachable, explained ?? `${origin} could not be reached.`);
    }
  };
}
