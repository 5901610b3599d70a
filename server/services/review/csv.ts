// The verification log as CSV (cells quoted by shared/domain/csv). Two styles: Danish (semicolons,
// decimal commas) and international (commas, decimal points); both give times in the supervisor's
// time zone with their UTC offset.
import type { ExportFormat, VerificationLogRow } from '../../../shared/api/index';
import { csvCell, type CsvCellValue as Cell } from '../../../shared/domain/csv/index';

const csvHeader = [
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
  // Added with the screen pop, at the end so older readers of the file keep their columns.
  'call_id',
  'caller_number',
  // Added with co-sign, at the end for the same reason. red_flags: the kinds, separated by "|".
  'cosign_status',
  'red_flags',
];

/** "2026-12-01T05:05:00+01:00": the instant in `timeZone`, with the offset that applied then. */
export function localTimeWithOffset(timeZone: string): (date: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  return (date) => {
    const p: Record<string, string> = {};
    for (const part of format.formatToParts(date)) p[part.type] = part.value;
    // longOffset is "GMT+01:00", or plain "GMT" at UTC.
    const offset = p.timeZoneName === 'GMT' || !p.timeZoneName ? '+00:00' : p.timeZoneName.slice(3);
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
  };
}

export interface CsvWriter {
  header: string;
  line(r: VerificationLogRow): string;
  /** verifications-2026-12-01-05-05.csv, in the export's time zone. */
  fileName(at: Date): string;
}

export function csvWriter(format: ExportFormat = { style: 'international', timeZone: 'UTC' }): CsvWriter {
  const danish = format.style === 'danish';
  const separator = danish ? ';' : ',';
  const local = localTimeWithOffset(format.timeZone);
  const time = (iso: string | null) => (iso ? local(new Date(iso)) : null);
  const row = (cells: Cell[]) => cells.map((c) => csvCell(c, separator, danish)).join(separator) + '\r\n';
  return {
    header: row(csvHeader),
    line: (r) =>
      row([
        r.id,
        time(r.startedAt),
        time(r.endedAt),
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
        r.callId,
        r.callerNumber,
        r.cosignStatus,
        r.redFlags.length > 0 ? r.redFlags.join('|') : null,
      ]),
    fileName: (at) => `verifications-${local(at).slice(0, 16).replace(/[:T]/g, '-')}.csv`,
  };
}
