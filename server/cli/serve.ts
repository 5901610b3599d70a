// The Support API with the built console for a browser: `npm run serve` (preview) and, bundled by
// `npm run build`, the production server `node out/server/serve.js`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { metricsConfig, readServerEnv } from '../config';
import { exitGracefullyOnSignals } from '../shutdown';
import { startSupportApi } from '../start';

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
  data: z.string().min(1).optional(),
});

/** out/renderer beside this file's out/server when bundled; from the sources, the project's out/renderer. */
function builtConsoleDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.resolve(here, '../renderer');
  return existsSync(path.join(bundled, 'index.html')) ? bundled : path.resolve(here, '../../out/renderer');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' } },
    strict: true,
  });
  const args = argsSchema.parse(values);
  const env = readServerEnv();
  const consoleDir = builtConsoleDir();
  if (!existsSync(path.join(consoleDir, 'index.html'))) {
    throw new Error('The console is not built: run `npm run build` first (npm run serve does this for you).');
  }
  const metrics = metricsConfig(env);
  const api = await startSupportApi({
    // A flag on the command line wins over the environment, which wins over the default.
    host: args.host ?? env.HOST ?? '127.0.0.1',
    port: args.port ?? env.PORT ?? 4312,
    dataDir: args.data ?? env.DATA_DIR ?? 'data',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, databasePoolSize: env.DATABASE_POOL_SIZE } : {}),
    ...(env.SUPPORT_API_MASTER_KEY ? { masterKey: env.SUPPORT_API_MASTER_KEY } : {}),
    ...(metrics ? { metrics } : {}),
    migrations: env.MIGRATIONS,
    consoleDir,
    logger: { level: env.LOG_LEVEL },
  });
  exitGracefullyOnSignals(api, { timeoutMs: env.SHUTDOWN_TIMEOUT_MS });
  console.log(`MitID Support Console ready at ${api.url}`);
  if (api.metricsUrl) console.log(`Metrics at ${api.metricsUrl}${metrics?.token ? ' (bearer token)' : ''}`);
}

main().catch((error: unknown) => {
  console.error(`Could not start the Support API: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
