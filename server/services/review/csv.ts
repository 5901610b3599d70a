// The verification log as CSV (cells quoted by shared/domain/csv).
import type { VerificationLogRow } from '../../../shared/api/index';
import { csvCell } from '../../../shared/domain/csv/index';

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
