// The streaming CSV export of the filtered log. A supervisor asks for a ticket (contract operation,
// session-authorised, audited); the download route redeems it once and streams the rows in keyset
// batches, so a million rows pass through in constant memory.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { ExportFormat, VerificationSort } from '../../../shared/api/index';
import { exportTickets } from '../../db/schema/review';
import type { Database, Tx } from '../../db/types';
import { appendAuditEvents } from '../audit/append';
import { csvWriter } from './csv';
import { queryLogBatch, toDate, toLogRow, type LogCursor, type StoredFilter } from './log-query';

export const ticketLifetimeMs = 60_000;
const hashTicket = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

interface ExportQuery {
  filter: StoredFilter;
  direction: 'asc' | 'desc';
  /** Absent on tickets written before the format existed: international, UTC. */
  format?: ExportFormat;
}

export async function createExportTicket(
  tx: Tx,
  args: { filter: StoredFilter; sort: VerificationSort; format: ExportFormat; actorId: string; at: Date },
): Promise<{ ticket: string; expiresAt: Date }> {
  const ticket = randomBytes(24).toString('base64url');
  const expiresAt = new Date(args.at.getTime() + ticketLifetimeMs);
  // Exports run in time order (keyset); the direction follows the list's when it is sorted by time.
  const query: ExportQuery = { filter: args.filter, direction: args.sort.field === 'startedAt' ? args.sort.direction : 'desc', format: args.format };
  await tx.insert(exportTickets).values({ ticketHash: hashTicket(ticket), createdBy: args.actorId, createdAt: args.at, expiresAt, query: query as unknown as Record<string, unknown> });
  const { subjectHmac, ...rest } = args.filter;
  await appendAuditEvents(tx, [{
    actor: args.actorId,
    action: 'review.log_exported',
    subjectHmac: subjectHmac ?? null,
    payload: { filter: { ...rest, byPerson: Boolean(subjectHmac) }, direction: query.direction, format: 'csv', style: args.format.style },
    occurredAt: args.at,
  }]);
  return { ticket, expiresAt };
}

/** Uses a ticket: one conditional UPDATE, so two downloads racing for one ticket cannot both win. */
export async function redeemExportTicket(db: Database, ticket: string, now: Date): Promise<ExportQuery | null> {
  const [row] = await db
    .update(exportTickets)
    .set({ usedAt: now })
    .where(and(eq(exportTickets.ticketHash, hashTicket(ticket)), isNull(exportTickets.usedAt), gt(exportTickets.expiresAt, now)))
    .returning({ query: exportTickets.query });
  return row ? (row.query as unknown as ExportQuery) : null;
}

/** The download's file name and its CSV as chunks of text, one keyset batch each. */
export function exportCsv(db: Database, query: ExportQuery, now: Date, batchSize = 2_000): { fileName: string; chunks: AsyncGenerator<string> } {
  const writer = csvWriter(query.format);
  return { fileName: writer.fileName(now), chunks: exportChunks(db, query, writer, now, batchSize) };
}

async function* exportChunks(db: Database, query: ExportQuery, writer: ReturnType<typeof csvWriter>, now: Date, batchSize: number): AsyncGenerator<string> {
  yield writer.header;
  let after: LogCursor | null = null;
  for (;;) {
    const rows = await queryLogBatch(db, { filter: query.filter, direction: query.direction, after, limit: batchSize, now });
    if (rows.length === 0) return;
    let chunk = '';
    for (const r of rows) chunk += writer.line(toLogRow(r, now));
    yield chunk;
    const last = rows[rows.length - 1]!;
    after = { startedAt: toDate(last.started_at), id: last.id };
    if (rows.length < batchSize) return;
  }
}
