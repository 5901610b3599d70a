// The person access log as files for an Art. 15 answer: CSV for people, JSON for machines.
import type { AuditEventView } from '../../../../shared/api/index';
import { csvCell } from '../../../../shared/domain/csv/index';

export interface AccessLog {
  maskedCpr: string;
  generatedAt: string;
  events: AuditEventView[];
}

export function accessLogCsv(log: AccessLog, actionLabel: (action: string) => string, detail: (e: AuditEventView) => string): string {
  const header = ['seq', 'occurred_at', 'action', 'action_label', 'actor_id', 'actor_name', 'verification_id', 'detail'];
  const lines = log.events.map((e) =>
    [e.seq, e.occurredAt, e.action, actionLabel(e.action), e.actor.id, e.actor.displayName, e.verificationId, detail(e)].map(csvCell).join(','),
  );
  return '\uFEFF' + [header.join(','), ...lines].join('\r\n') + '\r\n';
}

export function accessLogJson(log: AccessLog): string {
  return JSON.stringify({ subject: log.maskedCpr, generatedAt: log.generatedAt, events: log.events }, null, 2);
}

export const fileStem = (log: AccessLog) => `access-log-${log.maskedCpr.slice(0, 6)}-${log.generatedAt.slice(0, 10)}`;
