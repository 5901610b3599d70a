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
  /** PostgreSQL pool size per instance. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});
export type ServerEnv = z.infer<typeof serverEnvSchema>;

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
