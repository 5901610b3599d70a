// The composition root: every service of the Support API is built here, once, from the database,
// the clock, the secrets and the configuration; each area's handlers come from server/handlers/<area>.ts.
import { ApiError, errorCodes, operationNames, type OperationName } from '../shared/api/index';
import type { Clock } from './clock';
import type { OpenDatabase } from './db/open';
import { authHandlers } from './handlers/auth';
import { codesHandlers } from './handlers/codes';
import { supervisionHandlers } from './handlers/supervision';
import { healthHandlers } from './handlers/health';
import { verificationHandlers } from './handlers/verification';
import type { Authenticator, OperationHandlers } from './http/context';
import { csvExportRoute } from './http/csv-export';
import type { Secrets } from './secrets';
import { createAccountsService } from './services/accounts/index';
import type { ScryptParams } from './services/accounts/password';
import { createSubjectHmac } from './services/audit/subject-hmac';
import { createVerificationService } from './services/verification/index';
import { composeCodes, type CodesConfig } from './services/codes/compose-codes';
import type { RegisterPort } from './services/register/port';
import { createReviewService } from './services/review/index';
import { createCprSealer } from './services/sealing';

export interface SupportApiDeps {
  database: OpenDatabase;
  clock: Clock;
  secrets: Secrets;
  config: {
    /** PGlite in a local folder (the desktop default) rather than a shared PostgreSQL. */
    embedded: boolean;
    /** Cheaper password hashing for tests; production uses the default. */
    scryptParams?: ScryptParams;
    /** How throttling delays are waited out (tests record them). */
    sleep?: (ms: number) => Promise<void>;
    /** Activation codes: the SMS gateway (HTTP) and the per-IP redeem limit; defaults: sandbox phone, 10/min. */
    codes?: Pick<CodesConfig, 'smsGateway' | 'redeemLimit'>;
    /** Where the engine reads the CPR register (services/register/select.ts); default: the register tables. */
    register?: RegisterPort;
    /** False when a real CPR source is configured: no sandbox aid is offered. */
    sandboxAids?: boolean;
  };
}

export function composeServices(deps: SupportApiDeps) {
  const { database, clock, secrets, config } = deps;
  const base = { db: database.db, transaction: database.transaction, clock, secrets };
  const accounts = createAccountsService({
    ...base,
    ...(config.scryptParams ? { scryptParams: config.scryptParams } : {}),
    ...(config.sleep ? { sleep: config.sleep } : {}),
  });
  const subjectHmac = createSubjectHmac(secrets);
  const verification = createVerificationService({ ...base, subjectHmac, ...(config.register ? { register: config.register } : {}) });
  const sealer = createCprSealer(secrets);
  const review = createReviewService({ ...base, subjectHmac, unsealCpr: (sealed) => sealer.unseal(sealed) });
  const codesArea = composeCodes(base, (sealed) => sealer.unseal(sealed), { embedded: config.embedded, scryptParams: config.scryptParams, ...config.codes });
  return { ...base, accounts, subjectHmac, verification, review, codes: codesArea.codes, codesPlugin: codesArea.plugin };
}
export type SupportApiServices = ReturnType<typeof composeServices>;

function unavailable(name: string) {
  return async () => Promise.reject(new ApiError(503, errorCodes.unavailable, `${name} is not available yet.`));
}

/**
 * The handlers of every area. An operation of the contract whose area is not built yet answers 503
 * and is listed in `missing` (logged at start), so the contract can grow ahead of its handlers.
 */
export function composeHandlers(deps: SupportApiDeps, services: SupportApiServices): { handlers: OperationHandlers; missing: OperationName[] } {
  const areas: Partial<OperationHandlers> = {
    ...healthHandlers({ db: services.db, driver: deps.database.driver, embedded: deps.config.embedded, ...(deps.config.sandboxAids === false ? { sandboxAids: false } : {}) }),
    ...authHandlers(services),
    ...verificationHandlers(services),
    ...codesHandlers(services),
    ...supervisionHandlers(services),
  };
  const missing = operationNames.filter((n) => !Object.hasOwn(areas, n));
  const handlers = { ...Object.fromEntries(missing.map((n) => [n, unavailable(n)])), ...areas } as OperationHandlers;
  return { handlers, missing };
}

export function compose(deps: SupportApiDeps) {
  const services = composeServices(deps);
  const authenticator: Authenticator = { authenticate: (token) => services.accounts.authenticate(token) };
  // Non-contract routes (BuildAppOptions.plugins): the streaming CSV export, the activation page.
  const plugins = [csvExportRoute(services.review, () => deps.clock.now()), services.codesPlugin];
  return { services, authenticator, plugins, ...composeHandlers(deps, services) };
}
