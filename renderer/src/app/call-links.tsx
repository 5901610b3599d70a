// The phone system's screen pop in the console window: main says a call link is waiting, this takes
// it (call ID and the caller's number) and keeps it in memory only, until the agent's New call screen
// picks it up. Signed in as an agent, the console goes to New call at once; signed out or locked, the
// link waits for the sign-in. Outside the desktop shell (browser preview) there are no links.
import { useEffect, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import type { PhoneCall } from '../../../shared/domain/phone-call/call-link';
import { useAuth } from './auth';

/** A link older than this is a call long over: it opens nothing (e.g. an agent who signs in much later). */
export const callLinkMaxAgeMs = 10 * 60_000;

export interface PendingCallLink {
  call: PhoneCall;
  receivedAt: number;
  /** Bumped per link: the same call ID twice is still two screen pops. */
  serial: number;
}

let pending: PendingCallLink | null = null;
let serial = 0;
const listeners = new Set<() => void>();
const publish = (next: PendingCallLink | null) => {
  pending = next;
  for (const listener of listeners) listener();
};

export const callLinkStore = {
  get: (): PendingCallLink | null => pending,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  put(call: PhoneCall, now = Date.now()): void {
    publish({ call, receivedAt: now, serial: ++serial });
  },
  /** The waiting link, once, if it is still fresh. */
  take(now = Date.now()): PhoneCall | null {
    const link = pending;
    if (link) publish(null);
    return link && now - link.receivedAt <= callLinkMaxAgeMs ? link.call : null;
  },
};

export function usePendingCallLink(): PendingCallLink | null {
  return useSyncExternalStore(callLinkStore.subscribe, callLinkStore.get);
}

/** Takes every link main announces (and one that arrived before this window loaded). */
export function CallLinkListener() {
  const { state } = useAuth();
  const navigate = useNavigate();
  const isAgent = state.status === 'signed-in' && state.session.user.role === 'agent';
  const link = usePendingCallLink();

  useEffect(() => {
    const bridge = window.consoleBridge;
    if (!bridge) return;
    const take = () => {
      bridge.takeCallLink().then(
        (call) => call && callLinkStore.put(call),
        () => undefined,
      );
    };
    take();
    return bridge.onCallLink(take);
  }, []);

  // The agent's New call screen takes the link from the store; this only gets the agent there.
  useEffect(() => {
    if (link && isAgent) void navigate('/call/new');
  }, [link, isAgent, navigate]);

  return null;
}
