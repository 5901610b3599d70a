// How long appends to the audit chain take (lock wait + head read + insert): the one point every
// instance queues on. Listeners are process-wide because appendAuditEvents is a plain function
// called with a transaction from every service; the composition root subscribes its metrics and
// unsubscribes when the API closes. One Support API per process in production, so nothing mixes.
type Listener = (seconds: number) => void;

const listeners = new Set<Listener>();

export function onAuditAppend(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportAuditAppend(seconds: number): void {
  for (const listener of listeners) listener(seconds);
}
