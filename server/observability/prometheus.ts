// SupportMetrics in Prometheus form (prom-client), one registry per API so nothing leaks between
// instances in one process (tests). The only module that imports prom-client.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PoolStats } from '../db/open';
import type { SupportMetrics } from './metrics';

export interface PrometheusMetrics extends SupportMetrics {
  auditAppend(seconds: number): void;
  /** The exposition text and its content type, for GET /metrics. */
  render(): Promise<{ contentType: string; body: string }>;
}

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createPrometheusMetrics(deps: { poolStats(): PoolStats }): PrometheusMetrics {
  const register = new Registry();
  // Process metrics, among them the event-loop lag (nodejs_eventloop_lag_seconds, …_p99_seconds).
  collectDefaultMetrics({ register });

  const requests = new Counter({
    name: 'support_api_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status code.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [register],
  });
  const duration = new Histogram({
    name: 'support_api_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and method.',
    labelNames: ['route', 'method'] as const,
    buckets: latencyBuckets,
    registers: [register],
  });
  const verifications = new Counter({
    name: 'support_verifications_ended_total',
    help: 'Verifications that reached an end state, by status and outcome reason.',
    labelNames: ['status', 'reason'] as const,
    registers: [register],
  });
  const codes = new Counter({
    name: 'support_activation_codes_total',
    help: 'Activation codes issued, not delivered, redeemed, and failed redeems (reason: the error code).',
    labelNames: ['event', 'reason'] as const,
    registers: [register],
  });
  const auditAppend = new Histogram({
    name: 'support_audit_append_duration_seconds',
    help: 'Time to append to the audit chain inside a transaction (lock wait, head read, insert).',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [register],
  });
  const pool = (name: string, help: string, pick: (s: PoolStats) => number) =>
    new Gauge({
      name,
      help,
      registers: [register],
      collect() {
        this.set(pick(deps.poolStats()));
      },
    });
  pool('support_db_pool_size', 'Database connections open (PGlite: always 1).', (s) => s.size);
  pool('support_db_pool_in_use', 'Database connections checked out by a request (PGlite: always 1).', (s) => s.inUse);
  pool('support_db_pool_waiting', 'Requests waiting for a database connection (PGlite: always 0).', (s) => s.waiting);

  return {
    request(route, method, status, seconds) {
      requests.inc({ route, method, status: String(status) });
      duration.observe({ route, method }, seconds);
    },
    verificationEnded(status, reason) {
      verifications.inc({ status, reason: reason ?? 'none' });
    },
    code(event, reason) {
      codes.inc({ event, reason: reason ?? 'none' });
    },
    auditAppend(seconds) {
      auditAppend.observe(seconds);
    },
    async render() {
      return { contentType: register.contentType, body: await register.metrics() };
    },
  };
}
