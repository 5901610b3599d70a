import { z } from 'zod';

/** Environment of the Support API, parsed once at start; a bad value stops the start with a clear message. */
export const serverEnvSchema = z.object({
  /** postgres:// URL of a shared PostgreSQL; without it the API runs on PGlite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).optional(),
  HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Base64 of ≥ 32 random bytes; required with DATABASE_URL, generated into DATA_DIR when embedded. */
  SUPPORT_API_MASTER_KEY: z
    .string()
    .trim()
    .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length >= 32, 'must be base64 of at least 32 bytes')
    .optional(),
  /** Folder of the audit witness (signed checkpoints outside the database); embedded default: DATA_DIR/audit-witness. */
  AUDIT_WITNESS_DIR: z.string().min(1).optional(),
  /** PostgreSQL pool size per instance. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Prometheus metrics on their own listener (e.g. 9464), reachable only by whoever can reach that port. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Listen address of METRICS_PORT (default 127.0.0.1; 0.0.0.0 inside a container). */
  METRICS_HOST: z.string().min(1).optional(),
  /** Bearer token for /metrics; without METRICS_PORT it serves /metrics on the API's own port. */
  METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  /** How long a SIGTERM/SIGINT waits for in-flight requests before cutting them off. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * `apply`: an instance applies pending migrations at start (under a lock, so once across instances).
   * `require`: it refuses to start while any are pending (operators run `npm run admin -- migrate` first).
   */
  MIGRATIONS: z.enum(['apply', 'require']).default('apply'),
});
export type ServerEnv = z.infer<typeof serverEnvSchema>;

export interface MetricsConfig {
  /** Own listener for /metrics; without it /metrics is on the API's port and needs the token. */
  port?: number;
  host?: string;
  token?: string;
}

/** Where /metrics is served, or undefined when metrics are off (neither METRICS_PORT nor METRICS_TOKEN). */
export function metricsConfig(env: ServerEnv): MetricsConfig | undefined {
  if (env.METRICS_PORT === undefined && env.METRICS_TOKEN === undefined) return undefined;
  return {
    ...(env.METRICS_PORT !== undefined ? { port: env.METRICS_PORT, host: env.METRICS_HOST ?? '127.0.0.1' } : {}),
    ...(env.METRICS_TOKEN ? { token: env.METRICS_TOKEN } : {}),
  };
}

export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  // Empty variables count as unset (a common result of `FOO= cmd`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = serverEnvSchema.safeParse(present);
  if (!parsed.success) {
    // Names only: a value may be a secret.
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${detail}`);
  }
  return parsed.data;
}

/** A real SMS gateway for activation codes (HTTPS POST, bearer token). Without SMS_GATEWAY_URL codes go to the sandbox phone. */
export const smsGatewayEnvSchema = z
  .object({
    SMS_GATEWAY_URL: z
      .url({ protocol: /^https?$/ })
      // Plain http only to this machine (a local relay or a test stub): the body carries the code.
      .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(u), 'must be https:// (http only to localhost)')
      .optional(),
    SMS_GATEWAY_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
    SMS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(500).max(30_000).default(5_000),
    /** "true" only when the gateway deduplicates POSTs by Idempotency-Key: then a failed POST is retried. */
    SMS_GATEWAY_IDEMPOTENCY: z.enum(['true', 'false']).default('false'),
    SMS_SENDER: z.string().trim().min(1).max(11).default('MitID'),
  })
  .refine((v) => !v.SMS_GATEWAY_URL || v.SMS_GATEWAY_TOKEN, { message: 'is required with SMS_GATEWAY_URL', path: ['SMS_GATEWAY_TOKEN'] });

export interface SmsGatewayConfig {
  url: string;
  token: string;
  timeoutMs: number;
  idempotencyKeys: boolean;
  sender: string;
}

/** The SMS gateway from the environment, or undefined for the sandbox phone; a bad value throws (names only). */
export function readSmsGatewayConfig(env: NodeJS.ProcessEnv = process.env): SmsGatewayConfig | undefined {
  const keys = ['SMS_GATEWAY_URL', 'SMS_GATEWAY_TOKEN', 'SMS_GATEWAY_TIMEOUT_MS', 'SMS_GATEWAY_IDEMPOTENCY', 'SMS_SENDER'];
  const present = Object.fromEntries(keys.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const parsed = smsGatewayEnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const v = parsed.data;
  if (!v.SMS_GATEWAY_URL || !v.SMS_GATEWAY_TOKEN) return undefined;
  return {
    url: v.SMS_GATEWAY_URL,
    token: v.SMS_GATEWAY_TOKEN,
    timeoutMs: v.SMS_GATEWAY_TIMEOUT_MS,
    idempotencyKeys: v.SMS_GATEWAY_IDEMPOTENCY === 'true',
    sender: v.SMS_SENDER,
  };
}

/**
 * Which CPR source the engine reads (REGISTER_SOURCE): unset follows register_meta (the sandbox, or a
 * register loaded from CPR extracts); `datafordeler` looks persons up online with the centre's OCES
 * certificate. File paths only here: the certificate and key are read at start, never logged.
 */
export const registerEnvSchema = z
  .object({
    REGISTER_SOURCE: z.enum(['sandbox', 'cpr-extract', 'datafordeler']).optional(),
    DATAFORDELER_GRAPHQL_URL: z.url({ protocol: /^https$/ }).optional(),
    DATAFORDELER_TOKEN_URL: z.url({ protocol: /^https$/ }).optional(),
    DATAFORDELER_CLIENT_ID: z.string().trim().min(1).optional(),
    DATAFORDELER_CERT_FILE: z.string().min(1).optional(),
    DATAFORDELER_KEY_FILE: z.string().min(1).optional(),
    DATAFORDELER_CA_FILE: z.string().min(1).optional(),
    DATAFORDELER_TIMEOUT_MS: z.coerce.number().int().min(200).max(30_000).default(4_000),
    DATAFORDELER_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  })
  .superRefine((v, ctx) => {
    if (v.REGISTER_SOURCE !== 'datafordeler') return;
    for (const key of ['DATAFORDELER_GRAPHQL_URL', 'DATAFORDELER_TOKEN_URL', 'DATAFORDELER_CLIENT_ID', 'DATAFORDELER_CERT_FILE', 'DATAFORDELER_KEY_FILE'] as const) {
      if (!v[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required with REGISTER_SOURCE=datafordeler' });
    }
  });
export type RegisterEnv = z.infer<typeof registerEnvSchema>;

export function readRegisterEnv(env: NodeJS.ProcessEnv = process.env): RegisterEnv {
  const keys = Object.keys(registerEnvSchema.shape);
  const present = Object.fromEntries(keys.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const parsed = registerEnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
