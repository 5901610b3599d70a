// The call in progress, kept in memory outside React: it survives the lock screen, a visit to "My calls"
// and a sign-in after an expired session (the page unmounts then). Never written to any storage: it
// holds a CPR number and the caller's answers as typed.
import { useSyncExternalStore } from 'react';
import type { VerificationView } from '../../../../shared/api/index';
import type { PhoneCall } from '../../../../shared/domain/phone-call/call-link';
import type { IdentifyValues } from './identify-schema';

export interface CallState {
  /** Whose call this is: another user signing in on this window starts clean. */
  ownerId: string | null;
  view: VerificationView | null;
  /** Answers typed but not yet accepted, per question id (kept after a failed submit). */
  drafts: Readonly<Record<string, string>>;
  /** The identify form as typed, until a verification starts. */
  identify: IdentifyValues | null;
  /** The phone system's call this one came from (screen pop), until its verification starts with it. */
  phoneCall: PhoneCall | null;
}

const empty: CallState = { ownerId: null, view: null, drafts: {}, identify: null, phoneCall: null };
let state: CallState = empty;
const listeners = new Set<() => void>();

function set(next: CallState): void {
  state = next;
  for (const l of listeners) l();
}

export const callStore = {
  get: (): CallState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Forgets another user's call; keeps this user's. */
  claim(ownerId: string): void {
    if (state.ownerId !== ownerId) set({ ...empty, ownerId });
  },
  setView(view: VerificationView): void {
    // Drafts of questions that are no longer current are of no use: drop them.
    const current = view.currentQuestion?.id;
    const drafts = current && state.drafts[current] !== undefined ? { [current]: state.drafts[current] } : {};
    set({ ...state, view, drafts, identify: null });
  },
  setDraft(questionId: string, text: string): void {
    set({ ...state, drafts: { ...state.drafts, [questionId]: text } });
  },
  setIdentify(values: IdentifyValues): void {
    set({ ...state, identify: values });
  },
  /** A new call from the phone system's screen pop: nothing of the previous one stays. */
  startPhoneCall(phoneCall: PhoneCall): void {
    set({ ...empty, ownerId: state.ownerId, phoneCall });
  },
  /** A new call: nothing of the previous one stays. */
  reset(): void {
    set({ ...empty, ownerId: state.ownerId });
  },
};

export function useCallState(): CallState {
  return useSyncExternalStore(callStore.subscribe, callStore.get);
}
