// The streaming CSV download: not a contract operation (its answer is a file, not JSON). It is
// authorised by a one-time ticket from createVerificationExport (a supervisor's session, audited),
// so a browser link or the Electron main process can stream it straight to disk.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { errorCodes, exportDownloadPath } from '../../shared/api/index';

export interface CsvExportSource {
  /** The CSV chunks for a ticket, or null when it is unknown, used or expired. */
  openExport(ticket: string): Promise<AsyncIterable<string> | null>;
}

export function csvExportRoute(source: CsvExportSource, now: () => Date) {
  return (app: FastifyInstance) => {
    app.get(exportDownloadPath, { schema: { hide: true } }, async (req, reply) => {
      const ticket = (req.query as { ticket?: unknown }).ticket;
      if (typeof ticket !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(ticket)) {
        return reply.status(400).send({ code: errorCodes.badRequest, message: 'A download ticket is needed.' });
      }
      const chunks = await source.openExport(ticket);
      if (!chunks) return reply.status(403).send({ code: errorCodes.forbidden, message: 'This download ticket is unknown, used or expired.' });
      const stamp = now().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      // Readable.from pulls the next batch only when the socket drains: backpressure end to end.
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="verifications-${stamp}.csv"`)
        .send(Readable.from(withBom(chunks)));
    });
  };
}

// A byte-order mark so spreadsheet programs read æ, ø, å as UTF-8.
async function* withBom(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  yield '\uFEFF';
  yield* chunks;
}
