// CSV for spreadsheets: RFC 4180 quoting, and cells that start like a formula are prefixed with a
// quote so Excel or LibreOffice never evaluates them (OWASP "CSV injection").
import type { VerificationLogRow } from '../../../shared/api/index';

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvHeader = [
  'id',
  'started_at',
  'ended_at',
  'agent_username',
  'agent_name',
  'masked_cpr',
  'document_type',
  'questions_asked',
  'score_percent',
  'status',
  'outcome',
  'code_status',
  'duration_seconds',
  'flagged',
  'velocity_signals',
];

export function csvLine(r: VerificationLogRow): string {
  return (
    [
      r.id,
      r.startedAt,
      r.endedAt,
      r.agent.username,
      r.agent.displayName,
      r.maskedCpr,
      r.documentType,
      r.questionsAsked,
      r.scorePercent,
      r.status,
      r.outcome,
      r.codeStatus,
      r.durationSeconds,
      r.flagged,
      r.velocitySignals,
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}
