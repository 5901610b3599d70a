// A Support API in a child process for the shutdown test: PGlite in SHUTDOWN_DATA_DIR, the real
// signal handling of server/shutdown.ts with SHUTDOWN_TIMEOUT_MS. Prints {"url": …} once it listens.
import { exitGracefullyOnSignals } from '../../server/shutdown';
import { startSupportApi } from '../../server/start';
import { testScryptParams } from './support-api';

const api = await startSupportApi({
  dataDir: process.env.SHUTDOWN_DATA_DIR ?? 'shutdown-data',
  masterKey: Buffer.alloc(32, 11).toString('base64'),
  demoAccounts: false,
  seed: false,
  scryptParams: testScryptParams,
});
exitGracefullyOnSignals(api, { timeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000) });
console.log(JSON.stringify({ url: api.url }));
