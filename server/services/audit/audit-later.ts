// Audit events of a transaction, appended together at its end. The append takes the chain's global
// advisory lock until commit, so appending last keeps every other statement out of that window: the
// lock is the one point all instances queue on.
import type { Tx } from '../../db/types';
import { appendAuditEvents, type AuditEventInput } from './append';

export interface AuditLater {
  add(event: AuditEventInput): void;
  flush(tx: Tx): Promise<void>;
}

export function auditLater(): AuditLater {
  let events: AuditEventInput[] = [];
  return {
    add: (event) => void events.push(event),
    async flush(tx) {
      const pending = events;
      events = [];
      await appendAuditEvents(tx, pending);
    },
  };
}
