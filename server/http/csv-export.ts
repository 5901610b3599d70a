// The streaming CSV download: not a contract operation (its answer is a file, not JSON). It is
// authorised by a one-time ticket from createVerificationExport (a supervisor's session, audited),
// so a browser link or the Electron main process can stream it straight to disk.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { errorCodes, exportDownloadPath } from '../../shared/api/index';

export interface CsvExportSource {
  /** The file name and CSV chunks for a ticket, or null when it is unknown, used or expired. */
  openExport(ticket: string): Promise<{ fileName: string; chunks: AsyncIterable<string> } | null>;
}

export function csvExportRoute(source: CsvExportSource) {
  return (app: FastifyInstance) => {
    app.get(exportDownloadPath, { schema: { hide: true } }, async (req, reply) => {
      const ticket = (req.query as { ticket?: unknown }).ticket;
      if (typeof ticket !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(ticket)) {
        return reply.status(400).send({ code: errorCodes.badRequest, message: 'A download ticket is needed.' });
      }
      const file = await source.openExport(ticket);
      if (!file) return reply.status(403).send({ code: errorCodes.forbidden, message: 'This download ticket is unknown, used or expired.' });
      // Readable.from pulls the next batch only when the socket drains: backpressure end to end.
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(Readable.from(withBom(file.chunks)));
    });
  };
}

// A byte-order mark so spreadsheet programs read æ, ø, å as UTF-8.
async function* withBom(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  yield '\uFEFF';
  yield* chunks;
}
