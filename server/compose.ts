// The composition root: every service of the Support API is built here, once, from the database,
// the clock, the secrets and the configuration; each area's handlers come from server/handlers/<area>.ts.
import { activationPagePlugin, defaultRedeemLimit, type ActivationPageOptions } from './activation-page/plugin';
import type { Clock } from './clock';
import type { OpenDatabase } from './db/open';
import { authHandlers } from './handlers/auth';
import { codesHandlers } from './handlers/codes';
import { cosignHandlers } from './handlers/cosign';
import type { Authenticator, OperationHandlers } from './handlers/context';
import { healthHandlers } from './handlers/health';
import { supervisionHandlers } from './handlers/supervision';
import { sandboxHandlers } from './handlers/sandbox';
import { createTrainerView } from './services/sandbox/trainer-view';
import { verificationHandlers } from './handlers/verification';
import { csvExportRoute } from './http/csv-export';
import { readinessRoute } from './http/ops-routes';
import { migrationStatus } from './db/migrate';
import { instrumentHandlers } from './observability/instrument-handlers';
import { noMetrics } from './observability/metrics';
import { createPrometheusMetrics } from './observability/prometheus';
import { onAuditAppend } from './services/audit/append-timing';
import { createReadinessCheck } from './services/ops/readiness';
import type { Secrets } from './secrets';
import { createAccountsService } from './services/accounts/index';
import type { ScryptParams } from './services/accounts/password';
import { createAuditGroupCommit } from './services/audit/group-commit';
import { createSubjectHmac } from './services/audit/subject-hmac';
import { createCodeHasher } from './services/codes/code-secret';
import { createCodesService } from './services/codes/codes-service';
import { createCosignService } from './services/cosign/index';
import { createDigitalPostOutboxNotifier } from './services/notify/notifier';
import type { RegisterPort } from './services/register/port';
import { registerIsSandbox } from './services/register/register-source';
import { createReviewService } from './services/review/index';
import { createCprSealer, createOutboxSealer } from './services/sealing';
import { createHttpSmsGateway, type HttpSmsGatewayConfig } from './services/sms/http-sms-gateway';
import { createSandboxSmsGateway } from './services/sms/sandbox-sms-gateway';
import { createDocumentHmac } from './services/verification/document-hmac';
import { createVerificationService } from './services/verification/index';
import { auditChainKeyOf, configureAuditChainKey } from './services/audit/chain';

export interface SupportApiDeps {
  database: OpenDatabase;
  clock: Clock;
  secrets: Secrets;
  config: {
    /** PGlite in a local folder (the desktop default) rather than a shared PostgreSQL. */
    embedded: boolean;
    /** Cheaper password hashing for tests; production uses the default. */
    scryptParams?: ScryptParams | undefined;
    /** How throttling delays are waited out (tests record them). */
    sleep?: (ms: number) => Promise<void>;
    /** Activation codes: the SMS gateway (HTTP) and the per-IP redeem limit; defaults: sandbox phone, 10/min. */
    codes?: {
      /** A real SMS gateway; without it codes go to the sandbox phone (sandbox registers only). */
      smsGateway?: HttpSmsGatewayConfig | undefined;
      redeemLimit?: ActivationPageOptions['redeemLimit'] | undefined;
    };
    /** Where the engine reads the CPR register (services/register/select.ts); default: the register tables. */
    register?: RegisterPort;
    /** False when a real CPR source is configured: no sandbox aid is offered. */
    sandboxAids?: boolean;
    /** Collect Prometheus metrics (served by start.ts on its own port or behind a token). Default off. */
    metrics?: boolean;
    /** How long readiness waits for the database (default 2 s). */
    readinessTimeoutMs?: number;
    /** Folder of the audit witness (server/services/audit/witness.ts); none: not compared. */
    auditWitnessDir?: string | null;
  };
  /** True once a graceful shutdown has begun: readiness turns false so load balancers drain the instance. */
  isShuttingDown?: () => boolean;
}

export function composeServices(deps: SupportApiDeps) {
  const { database, clock, secrets, config } = deps;
  // PostgreSQL: audit events are staged and chained by group commit (no cluster-wide lock held through
  // each state change). PGlite is one connection, so transactions run one at a time anyway: appends
  // chain inline, atomic with the change, and a second transaction per change would only cost.
  const auditGroupCommit = database.driver === 'postgres' ? createAuditGroupCommit(database) : null;
  const base = { db: database.db, transaction: auditGroupCommit?.transaction ?? database.transaction, clock, secrets };
  // Every event this process appends is linked with the keyed chain (a key the database never holds).
  configureAuditChainKey(auditChainKeyOf(secrets));
  const scrypt = config.scryptParams ? { scryptParams: config.scryptParams } : {};
  const accounts = createAccountsService({ ...base, ...scrypt, ...(config.sleep ? { sleep: config.sleep } : {}) });
  const subjectHmac = createSubjectHmac(secrets);
  const cprSealer = createCprSealer(secrets);
  const unsealCpr = (sealed: string) => cprSealer.unseal(sealed);
  const verification = createVerificationService({
    ...base,
    subjectHmac,
    cprSealer,
    documentHmac: createDocumentHmac(secrets),
    ...(config.register ? { register: config.register } : {}),
  });
  const review = createReviewService({ ...base, subjectHmac, unsealCpr, auditWitnessDir: config.auditWitnessDir ?? null });
  // Codes: the SMS gateway chosen by configuration (HTTP when SMS_GATEWAY_URL is set, else the sandbox
  // outbox), Digital Post notices through the same sealed outbox.
  const outboxSealer = createOutboxSealer(secrets);
  // A real CPR source turns the sandbox aids off whatever the tables hold.
  const isSandbox = config.sandboxAids === false ? async () => false : () => registerIsSandbox(database.db, config.embedded);
  const smsGateway = config.codes?.smsGateway;
  const codes = createCodesService({
    ...base,
    ...scrypt,
    sms: smsGateway ? createHttpSmsGateway(smsGateway) : createSandboxSmsGateway(outboxSealer),
    notifier: createDigitalPostOutboxNotifier(outboxSealer),
    hashCode: createCodeHasher(secrets),
    outboxSealer,
    unsealCpr,
    isSandbox,
  });
  const cosign = createCosignService({ ...base, issueApproved: codes.issueApproved });
  const trainerView = createTrainerView({ ...base, subjectHmac, isSandbox });
  return { ...base, accounts, subjectHmac, verification, review, codes, cosign, isSandbox, trainerView, auditGroupCommit };
}
export type SupportApiServices = ReturnType<typeof composeServices>;

/** The handlers of every operation: the compiler refuses a contract operation without one. */
export function composeHandlers(deps: SupportApiDeps, services: SupportApiServices): OperationHandlers {
  return {
    ...healthHandlers({ db: services.db, driver: deps.database.driver, embedded: deps.config.embedded, ...(deps.config.sandboxAids === false ? { sandboxAids: false } : {}) }),
    ...authHandlers(services),
    ...verificationHandlers(services),
    ...codesHandlers(services),
    ...supervisionHandlers(services),
    ...cosignHandlers(services),
    ...sandboxHandlers(services),
  };
}

/**
 * What operators watch: readiness, and metrics through the SupportMetrics interface (prom-client only
 * when asked for). `dispose` detaches the process-wide audit timing listener when the API closes.
 */
export function composeOperations(deps: SupportApiDeps) {
  const prometheus = deps.config.metrics ? createPrometheusMetrics({ poolStats: () => deps.database.poolStats() }) : undefined;
  const dispose = prometheus ? onAuditAppend((seconds) => prometheus.auditAppend(seconds)) : () => {};
  const readiness = createReadinessCheck({
    withRunner: (fn) => deps.database.withRunner(fn),
    migrationStatus,
    isShuttingDown: deps.isShuttingDown ?? (() => false),
    timeoutMs: deps.config.readinessTimeoutMs ?? 2_000,
  });
  return { metrics: prometheus ?? noMetrics, prometheus, readiness, dispose: () => void dispose() };
}

export function compose(deps: SupportApiDeps) {
  const services = composeServices(deps);
  const operations = composeOperations(deps);
  const authenticator: Authenticator = { authenticate: (token) => services.accounts.authenticate(token) };
  // Non-contract routes (BuildAppOptions.plugins): the streaming CSV export, the activation page, readiness.
  const plugins = [
    csvExportRoute(services.review),
    activationPagePlugin({ redeemLimit: deps.config.codes?.redeemLimit ?? defaultRedeemLimit, isSandbox: services.isSandbox }),
    readinessRoute(operations.readiness),
  ];
  return { services, operations, authenticator, plugins, handlers: instrumentHandlers(composeHandlers(deps, services), operations.metrics) };
}
