// Readiness: may a load balancer send this instance requests? Yes when the database answers within a
// bound and its migrations are exactly the ones this version knows. Liveness (/api/health) stays a
// separate, cheaper question: a live instance that is not ready must not be restarted for it.
import type { MigrationStatus, SqlRunner } from '../../db/migrate';

export interface ReadinessReport {
  ready: boolean;
  database: 'ok' | 'unreachable';
  /** unknown: applied by a newer version; changed: a released migration's text differs from this version's. */
  migrations: 'current' | 'pending' | 'unknown' | 'changed' | 'not_checked';
  /** Migration names (not data) that keep the instance from being ready. */
  pending: string[];
  unknown: string[];
  changed: string[];
  shuttingDown: boolean;
}

export interface ReadinessDeps {
  withRunner<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T>;
  migrationStatus(runner: SqlRunner): Promise<MigrationStatus>;
  /** True once the instance has begun its graceful shutdown. */
  isShuttingDown(): boolean;
  /** How long the database may take to answer before the instance counts as not ready. */
  timeoutMs: number;
}

class Timeout extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createReadinessCheck(deps: ReadinessDeps): () => Promise<ReadinessReport> {
  return async () => {
    const shuttingDown = deps.isShuttingDown();
    let status: MigrationStatus;
    try {
      status = await within(
        deps.withRunner(async (runner) => {
          await runner.query('select 1');
          return deps.migrationStatus(runner);
        }),
        deps.timeoutMs,
      );
    } catch {
      // The reason (driver message, host name) goes nowhere public: the probe only needs the verdict.
      return { ready: false, database: 'unreachable', migrations: 'not_checked', pending: [], unknown: [], changed: [], shuttingDown };
    }
    const migrations =
      status.unknown.length > 0 ? 'unknown' : status.changed.length > 0 ? 'changed' : status.pending.length > 0 ? 'pending' : 'current';
    return {
      ready: migrations === 'current' && !shuttingDown,
      database: 'ok',
      migrations,
      pending: status.pending,
      unknown: status.unknown,
      changed: status.changed,
      shuttingDown,
    };
  };
}
