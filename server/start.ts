import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { systemClock, type Clock } from './clock';
import { compose } from './compose';
import { readRegisterEnv, readSmsGatewayConfig, type MetricsConfig, type RegisterEnv, type SmsGatewayConfig } from './config';
import { migrate, migrationStatus, refusal } from './db/migrate';
import { openDatabase, type OpenDatabase } from './db/open';
import type { Database } from './db/types';
import { safeErrorMessage } from './observability/error-summary';
import { buildApp } from './http/build-app';
import { metricsRoute } from './http/ops-routes';
import { seedSandboxHook } from './sandbox/seed';
import { loadSecrets, type Secrets } from './secrets';
import { ensureDemoAccounts } from './services/accounts/users';
import { isRealSource, selectRegister } from './services/register/select';
import type { ScryptParams } from './services/accounts/password';
import { apiVersion } from './version';
import { auditChainKeyOf, configureAuditChainKey } from './services/audit/chain';
import { embeddedWitnessDir, missingAppendOnlyTriggers } from './services/audit/integrity-check';
import { createWitnessWriter } from './services/audit/witness';

/** Fills an empty embedded database with the synthetic register (server/sandbox). */
export type SeedHook = (db: Database, options: { clock: Clock; secrets: Secrets }) => Promise<unknown>;

export interface StartOptions {
  /** 127.0.0.1 unless a team deployment says otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Embedded database folder (PGlite) when no databaseUrl is given. */
  dataDir?: string;
  /** A pre-initialised PGlite image (made by `npm run build`) for a data folder without a database yet. */
  pgliteImage?: string;
  /** postgres:// URL of a shared PostgreSQL. */
  databaseUrl?: string;
  databasePoolSize?: number;
  /** Pending migrations: apply them (default) or refuse to start (`require`, for operators who migrate first). */
  migrations?: 'apply' | 'require';
  consoleDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Base64 master key; defaults to SUPPORT_API_MASTER_KEY, and (embedded only) to a key kept in dataDir. */
  masterKey?: string;
  clock?: Clock;
  /** Seeds the sandbox register at an embedded start (when empty); false skips it (tests). */
  seed?: SeedHook | false;
  /** Creates the demo accounts when the database has no users; default: embedded only. */
  demoAccounts?: boolean;
  scryptParams?: ScryptParams;
  /** Activation-code SMS gateway; default: SMS_GATEWAY_URL/SMS_GATEWAY_TOKEN from the environment, else the sandbox phone. */
  smsGateway?: SmsGatewayConfig;
  /** Redeem requests per client IP per window on the activation page (default 10 per minute). */
  redeemLimit?: { max: number; windowMs: number };
  /** The CPR source (REGISTER_SOURCE, DATAFORDELER_*); default: from the environment. */
  register?: RegisterEnv;
  /** Prometheus metrics: on their own port, or on the API's port behind a token. Omitted: off. */
  metrics?: MetricsConfig;
  /** Set by the desktop shell that embeds the API: the per-launch secret its requests carry (server/http/embedded-guard.ts). */
  shellSecret?: string;
  /** Answer only this listener's own loopback Host (DNS rebinding); `npm run serve` sets it on a loopback address. */
  loopbackHostOnly?: boolean;
  /** Folder of the audit witness; default: AUDIT_WITNESS_DIR, embedded `audit-witness` in dataDir. */
  auditWitnessDir?: string;
  /** How often a signed checkpoint of the audit head is added to the witness (default 60 s; also at start and close). */
  witnessIntervalMs?: number;
}

export interface RunningSupportApi {
  url: string;
  /** Where GET /metrics answers, when metrics are on. */
  metricsUrl?: string;
  app: FastifyInstance;
  database: OpenDatabase;
  /**
   * Stops accepting connections (readiness turns false at once), waits for in-flight requests, then
   * closes the metrics listener and the database. See server/shutdown.ts for the bounded wait.
   */
  close(): Promise<void>;
}

/** The sandbox seeding of the embedded default: 10,000 synthetic persons, once, in one transaction. */
const defaultSeed: SeedHook = seedSandboxHook;

export class StartError extends Error {
  override name = 'StartError';
}

/** A failure's message for the operator; a query's only by class and SQLSTATE (its text carries values). */
function reason(error: unknown): string {
  return safeErrorMessage(error);
}

/** Starts the Support API and resolves once it listens. Used by Electron (embedded) and `npm run serve`. */
export async function startSupportApi(options: StartOptions = {}): Promise<RunningSupportApi> {
  const embedded = !options.databaseUrl;
  const dataDir = path.resolve(options.dataDir ?? 'data');
  const clock = options.clock ?? systemClock;
  // Before the database: a PostgreSQL deployment without its key must not start at all.
  const masterKey = options.masterKey ?? (process.env.SUPPORT_API_MASTER_KEY || undefined);
  const secrets = loadSecrets({ embedded, dataDir, ...(masterKey ? { masterKey } : {}) });
  // From the first event on (migrations and demo accounts included), links are keyed.
  configureAuditChainKey(auditChainKeyOf(secrets));
  const witnessDir = options.auditWitnessDir ?? (process.env.AUDIT_WITNESS_DIR || undefined) ?? (embedded ? embeddedWitnessDir(dataDir) : undefined);
  let smsGateway: SmsGatewayConfig | undefined;
  try {
    smsGateway = options.smsGateway ?? readSmsGatewayConfig();
  } catch (error) {
    throw new StartError(reason(error));
  }
  let registerEnv: RegisterEnv;
  try {
    registerEnv = options.register ?? readRegisterEnv();
  } catch (error) {
    throw new StartError(reason(error));
  }
  // A real CPR source turns the sandbox aids off: codes must go out by a real SMS gateway.
  if (isRealSource(registerEnv) && !smsGateway) {
    throw new StartError(`REGISTER_SOURCE=${String(registerEnv.REGISTER_SOURCE)} needs a real SMS gateway (SMS_GATEWAY_URL): the sandbox phone is for the sandbox register only.`);
  }

  let database: OpenDatabase;
  try {
    database = await openDatabase(
      options.databaseUrl
        ? { databaseUrl: options.databaseUrl, maxConnections: options.databasePoolSize ?? 10 }
        : { dataDir, ...(options.pgliteImage ? { pgliteImage: options.pgliteImage } : {}) },
    );
  } catch (error) {
    throw new StartError(`Could not open the database (${embedded ? dataDir : 'DATABASE_URL'}): ${reason(error)}`);
  }
  try {
    if (options.migrations === 'require') {
      const status = await database.withRunner((runner) => migrationStatus(runner));
      const refused = refusal(status);
      if (refused) throw new StartError(refused);
      if (status.pending.length > 0) {
        throw new StartError(
          `The database needs migration(s) ${status.pending.join(', ')} and MIGRATIONS=require: run \`npm run admin -- migrate\` first.`,
        );
      }
    } else {
      try {
        await database.withRunner((runner) => migrate(runner));
      } catch (error) {
        throw new StartError(`Could not migrate the database: ${reason(error)}`);
      }
    }
    // Migrations create the append-only triggers; missing now means someone removed them.
    const missingTriggers = await missingAppendOnlyTriggers(database.db);
    if (missingTriggers.length > 0) {
      throw new StartError(`The audit log's append-only trigger is missing or disabled (${missingTriggers.join(', ')}): the log may have been altered. Run \`npm run admin -- verify-audit\`.`);
    }
    const scrypt = options.scryptParams ? { scryptParams: options.scryptParams } : {};
    if (options.demoAccounts ?? embedded) await ensureDemoAccounts({ db: database.db, transaction: database.transaction, ...scrypt }, clock.now());
    const seed = options.seed === false || isRealSource(registerEnv) ? undefined : (options.seed ?? (embedded ? defaultSeed : undefined));
    if (seed) {
      try {
        await seed(database.db, { clock, secrets });
      } catch (error) {
        throw new StartError(`Could not seed the sandbox register: ${reason(error)}`);
      }
    }

    let register;
    try {
      register = await selectRegister(database.db, registerEnv);
    } catch (error) {
      throw new StartError(reason(error));
    }
    if (!register.sandboxAids && !smsGateway) {
      throw new StartError('The register is a real CPR source: activation codes need a real SMS gateway (SMS_GATEWAY_URL); the sandbox phone is for the sandbox register only.');
    }
    let shuttingDown = false;
    const { handlers, authenticator, plugins, operations, services } = compose({
      database,
      clock,
      secrets,
      config: {
        embedded,
        ...scrypt,
        codes: { smsGateway, redeemLimit: options.redeemLimit },
        metrics: options.metrics !== undefined,
        auditWitnessDir: witnessDir ?? null,
        register: register.port,
        sandboxAids: register.sandboxAids,
      },
      isShuttingDown: () => shuttingDown,
    });
    const metrics = options.metrics && operations.prometheus ? { ...options.metrics, route: metricsRoute({ render: operations.prometheus.render, token: options.metrics.token }) } : undefined;
    const app = await buildApp({
      handlers,
      authenticator,
      version: apiVersion,
      logger: options.logger ?? false,
      // Without a port of their own, metrics share the API's port (config requires the token then).
      plugins: metrics && metrics.port === undefined ? [...plugins, metrics.route] : plugins,
      onRequestDone: (...args) => operations.metrics.request(...args),
      ...(options.shellSecret ? { embeddedGuard: { shellSecret: options.shellSecret } } : {}),
      ...(options.loopbackHostOnly ? { loopbackHostOnly: true } : {}),
      ...(options.consoleDir ? { consoleDir: options.consoleDir } : {}),
    });
    let metricsApp: FastifyInstance | undefined;
    // Events staged by an instance that died before chaining them (their requests never answered):
    // chained now, and before each checkpoint, so the witness covers them.
    const chainStaged = async () => {
      await services.auditGroupCommit?.flush();
    };
    try {
      await chainStaged();
    } catch (error) {
      throw new StartError(`Could not chain the staged audit events: ${reason(error)}`);
    }
    const witness = witnessDir
      ? createWitnessWriter({ db: database.db, dir: witnessDir, keys: secrets.auditSigningKeys(), now: () => clock.now(), beforeCheckpoint: chainStaged })
      : null;
    if (witness) {
      try {
        await witness.checkpoint(true);
      } catch (error) {
        throw new StartError(`Could not write the audit witness (${witnessDir}): ${reason(error)}`);
      }
      const timer = setInterval(() => {
        witness.checkpoint().catch((error: unknown) => app.log.error({ errorClass: error instanceof Error ? error.constructor.name : typeof error }, 'audit witness checkpoint failed'));
      }, options.witnessIntervalMs ?? 60_000);
      timer.unref();
      app.addHook('onClose', async () => {
        clearInterval(timer);
        await witness.checkpoint().catch(() => {});
      });
    } else {
      app.log.warn('no audit witness configured (AUDIT_WITNESS_DIR): a cut-off or re-chained audit log cannot be detected');
    }
    app.addHook('onClose', async () => {
      operations.dispose();
      await metricsApp?.close();
      await database.close();
    });
    const url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
    let metricsUrl: string | undefined;
    if (metrics) {
      if (metrics.port !== undefined) {
        metricsApp = Fastify({ logger: false });
        metrics.route(metricsApp);
        try {
          metricsUrl = `${await metricsApp.listen({ host: metrics.host ?? '127.0.0.1', port: metrics.port })}/metrics`;
        } catch (error) {
          await app.close();
          throw new StartError(`Could not listen for metrics on port ${metrics.port}: ${reason(error)}`);
        }
      } else {
        metricsUrl = `${url}/metrics`;
      }
    }
    app.log.info({ database: database.driver, embedded, metrics: metrics ? (metrics.port ?? 'api port') : 'off' }, 'Support API started');
    return {
      url,
      ...(metricsUrl ? { metricsUrl } : {}),
      app,
      database,
      close: () => {
        shuttingDown = true;
        return app.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
