import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readServerEnv } from '../config';
import { startSupportApi } from '../start';

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
  data: z.string().min(1).optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' } },
    strict: true,
  });
  const args = argsSchema.parse(values);
  const env = readServerEnv();
  const consoleDir = path.resolve('out/renderer');
  if (!existsSync(path.join(consoleDir, 'index.html'))) {
    throw new Error('The console is not built: run `npm run build` first (npm run serve does this for you).');
  }
  const api = await startSupportApi({
    // A flag on the command line wins over the environment, which wins over the default.
    host: args.host ?? env.HOST ?? '127.0.0.1',
    port: args.port ?? env.PORT ?? 4312,
    dataDir: args.data ?? env.DATA_DIR ?? 'data',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, databasePoolSize: env.DATABASE_POOL_SIZE } : {}),
    ...(env.SUPPORT_API_MASTER_KEY ? { masterKey: env.SUPPORT_API_MASTER_KEY } : {}),
    migrations: env.MIGRATIONS,
    consoleDir,
    logger: { level: env.LOG_LEVEL },
  });
  let stopping = false;
  const stop = async (signal: string) => {
    // A second signal, or a close that hangs (a stuck request), ends the process anyway.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`Received ${signal}, shutting down…`);
    setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await api.close();
      process.exit(0);
    } catch (error) {
      console.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  console.log(`MitID Support Console ready at ${api.url}`);
}

main().catch((error: unknown) => {
  console.error(`Could not start the Support API: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
