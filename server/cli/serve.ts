// The Support API with the built console for a browser: `npm run serve` (preview) and, bundled by
// `npm run build`, the production server `node out/server/serve.js`.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { metricsConfig, readServerEnv } from '../config';
import { exitGracefullyOnSignals } from '../shutdown';
import { pgliteImageFileName } from '../db/pglite-image';
import { isLoopbackHost } from '../http/embedded-guard';
import { startSupportApi } from '../start';
import { safeErrorMessage } from '../observability/error-summary';

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

/** The build's pre-initialised PGlite image (out/main, beside the desktop app's API), if built. */
function builtPgliteImage(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = [path.resolve(here, '../main'), path.resolve(here, '../../out/main')]
    .map((dir) => path.join(dir, pgliteImageFileName))
    .find((candidate) => existsSync(candidate));
  return file;
}

/**
 * Fails at once when the port is taken, before the data folder is created and seeded (a first start
 * seeds 10,000 persons, which is a long wait for a start that then cannot listen).
 */
async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use (choose another with --port)` : error.message)),
    );
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' } },
    strict: true,
  });
  const args = argsSchema.parse(values);
  const env = readServerEnv();
  // A flag on the command line wins over the environment, which wins over the default.
  const host = args.host ?? env.HOST ?? '127.0.0.1';
  const port = args.port ?? env.PORT ?? 4312;
  await assertPortFree(host, port);
  const consoleDir = builtConsoleDir();
  if (!existsSync(path.join(consoleDir, 'index.html'))) {
    throw new Error('The console is not built: run `npm run build` first (npm run serve does this for you).');
  }
  const metrics = metricsConfig(env);
  const api = await startSupportApi({
    host,
    port,
    dataDir: args.data ?? env.DATA_DIR ?? 'data',
    pgliteImage: builtPgliteImage(),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, databasePoolSize: env.DATABASE_POOL_SIZE } : {}),
    ...(env.SUPPORT_API_MASTER_KEY ? { masterKey: env.SUPPORT_API_MASTER_KEY } : {}),
    ...(metrics ? { metrics } : {}),
    migrations: env.MIGRATIONS,
    // On loopback only this PC's browsers reach it, and a DNS-rebinding page among them: own Host only.
    loopbackHostOnly: isLoopbackHost(host),
    consoleDir,
    logger: { level: env.LOG_LEVEL },
  });
  exitGracefullyOnSignals(api, { timeoutMs: env.SHUTDOWN_TIMEOUT_MS });
  console.log(`MitID Support Console ready at ${api.url}`);
  if (api.metricsUrl) console.log(`Metrics at ${api.metricsUrl}${metrics?.token ? ' (bearer token)' : ''}`);
}

main().catch((error: unknown) => {
  // Start's messages are written for the operator; a query's failure only by class and code.
  console.error(`Could not start the Support API: ${safeErrorMessage(error)}`);
  process.exit(1);
});
