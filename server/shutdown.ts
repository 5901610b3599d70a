// Graceful shutdown of a running Support API on SIGTERM / SIGINT: stop accepting connections, let the
// requests in flight finish within a bound, then close the database pool and exit. Requests still
// running at the bound are cut off and the exit code says so (1), for the orchestrator's log.
import type { RunningSupportApi } from './start';

/** Closes the API, cutting off connections still open after timeoutMs; `forced` tells whether it had to. */
export async function closeWithin(api: Pick<RunningSupportApi, 'app' | 'close'>, timeoutMs: number): Promise<{ forced: boolean }> {
  let forced = false;
  const timer = setTimeout(() => {
    forced = true;
    api.app.server.closeAllConnections();
  }, timeoutMs);
  try {
    await api.close();
  } finally {
    clearTimeout(timer);
  }
  return { forced };
}

export interface ShutdownOptions {
  timeoutMs: number;
  log?: (message: string) => void;
  exit?: (code: number) => void;
}

/** Installs the SIGTERM / SIGINT handlers; a second signal, or a close that hangs past the bound, exits at once. */
export function exitGracefullyOnSignals(api: Pick<RunningSupportApi, 'app' | 'close'>, options: ShutdownOptions): void {
  const log = options.log ?? ((m: string) => console.log(m));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return exit(1);
    stopping = true;
    log(`Received ${signal}: no new connections; waiting up to ${options.timeoutMs} ms for requests in flight…`);
    // Closing the pool can itself wait on a stuck query: the process must still end.
    setTimeout(() => {
      log('Shutdown did not finish in time: exiting.');
      exit(1);
    }, options.timeoutMs + 5_000).unref();
    try {
      const { forced } = await closeWithin(api, options.timeoutMs);
      log(forced ? 'Stopped; requests still running at the bound were cut off.' : 'Stopped cleanly.');
      exit(forced ? 1 : 0);
    } catch (error) {
      log(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      exit(1);
    }
  };
  process.on('SIGTERM', (s) => void stop(s));
  process.on('SIGINT', (s) => void stop(s));
}
