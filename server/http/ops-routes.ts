// Routes for operators rather than consoles: readiness for load balancers, /metrics for Prometheus.
// Both live outside the contract: their answers are for machines and their status codes carry meaning.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { errorCodes } from '../../shared/api/index';
import type { ReadinessReport } from '../services/ops/readiness';

export const readinessPath = '/api/ready';
export const metricsPath = '/metrics';

/** GET /api/ready: 200 when the instance should get traffic, 503 (same body shape) when not. */
export function readinessRoute(check: () => Promise<ReadinessReport>) {
  return (app: FastifyInstance) => {
    app.get(readinessPath, { schema: { hide: true } }, async (_req, reply) => {
      const report = await check();
      return reply.status(report.ready ? 200 : 503).send(report);
    });
  };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** GET /metrics, behind `Authorization: Bearer <token>` when a token is configured. */
export function metricsRoute(options: { render(): Promise<{ contentType: string; body: string }>; token?: string | undefined }) {
  const expected = options.token ? digest(options.token) : undefined;
  return (app: FastifyInstance) => {
    app.get(metricsPath, { schema: { hide: true } }, async (req, reply) => {
      if (expected) {
        const header = req.headers.authorization ?? '';
        const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
        // Compared as fixed-length digests so the time taken says nothing about the token.
        if (!timingSafeEqual(digest(given), expected)) {
          return reply.status(401).header('www-authenticate', 'Bearer').send({ code: errorCodes.unauthenticated, message: 'A metrics token is required.' });
        }
      }
      const { contentType, body } = await options.render();
      return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
    });
  };
}
