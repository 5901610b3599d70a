import path from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { ApiError, errorCodes, type Health } from '../shared/api/index';
import { buildApp } from './http/build-app';
import type { Authenticator, OperationHandlers } from './http/context';
import { apiVersion } from './version';

export interface StartOptions {
  /** 127.0.0.1 unless a team deployment says otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Embedded database folder (PGlite) when no databaseUrl is given. */
  dataDir?: string;
  /** postgres:// URL of a shared PostgreSQL. */
  databaseUrl?: string;
  consoleDir?: string;
  logger?: FastifyServerOptions['logger'];
}

export interface RunningSupportApi {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

// Until the accounts service lands these answer 503 (replaced by the composition root of the server issue).
function notYet(...names: string[]) {
  return Object.fromEntries(
    names.map((n) => [n, async () => Promise.reject(new ApiError(503, errorCodes.unavailable, `${n} is not available yet.`))]),
  );
}

/** Starts the Support API and resolves once it listens. Used by Electron (embedded) and `npm run serve`. */
export async function startSupportApi(options: StartOptions = {}): Promise<RunningSupportApi> {
  const database: Health['database'] = options.databaseUrl ? 'postgres' : 'pglite';
  const dataDir = path.resolve(options.dataDir ?? 'data');
  void dataDir;
  const handlers: OperationHandlers = {
    getHealth: async () => ({ status: 'ok', version: apiVersion, database, sandbox: database === 'pglite' }),
    ...notYet('login', 'logout', 'getSession', 'unlockSession'),
  } as unknown as OperationHandlers;
  const authenticator: Authenticator = { authenticate: async () => null };
  const app = await buildApp({
    handlers,
    authenticator,
    version: apiVersion,
    logger: options.logger ?? false,
    ...(options.consoleDir ? { consoleDir: options.consoleDir } : {}),
  });
  const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  return {
    url: address,
    app,
    close: async () => {
      await app.close();
    },
  };
}
