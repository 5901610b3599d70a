// A Support API in a child process for the crash test: PGlite in CRASH_DATA_DIR, or PostgreSQL at
// CRASH_DATABASE_URL. Prints one JSON line {"url": …} once it listens; then serves until killed.
import { startSupportApi } from '../../server/start';
import { testScryptParams } from './support-api';

const api = await startSupportApi({
  ...(process.env.CRASH_DATABASE_URL ? { databaseUrl: process.env.CRASH_DATABASE_URL } : { dataDir: process.env.CRASH_DATA_DIR ?? 'crash-data' }),
  masterKey: Buffer.alloc(32, 9).toString('base64'),
  demoAccounts: true,
  seed: false,
  scryptParams: testScryptParams,
});
console.log(JSON.stringify({ url: api.url }));
process.once('SIGTERM', () => void api.close().then(() => process.exit(0)));
