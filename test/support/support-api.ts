// A Support API on a test database, driven with app.inject: the real composition root, a ManualClock,
// cheap password hashing and recorded (not waited) throttling delays.
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Role } from '../../shared/api/index';
import { ManualClock } from '../../server/clock';
import { compose } from '../../server/compose';
import { buildApp } from '../../server/http/build-app';
import { secretsFromMasterKey, type Secrets } from '../../server/secrets';
import { createUser } from '../../server/services/accounts/users';
import type { ScryptParams } from '../../server/services/accounts/password';
import type { RegisterPort } from '../../server/services/register/port';
import type { TestDatabase } from './databases';

/** Fast enough for tests, same code path as production. */
export const testScryptParams: ScryptParams = { ln: 10, r: 8, p: 1 };
export const testSecrets: Secrets = secretsFromMasterKey(Buffer.alloc(32, 7));

export interface TestApi {
  app: FastifyInstance;
  clock: ManualClock;
  /** Delays the API asked to wait before answering, in ms (unless a sleep of the test's own was given). */
  sleeps: number[];
  services: ReturnType<typeof compose>['services'];
  /** Creates a user (unique username) with that role and signs in; returns the bearer token. */
  signIn(role: Role, options?: { username?: string; password?: string }): Promise<{ token: string; userId: string; username: string }>;
  close(): Promise<void>;
}

let userCounter = 0;

export async function createTestApi(
  t: TestDatabase,
  options: {
    embedded?: boolean;
    clock?: ManualClock;
    logger?: FastifyServerOptions['logger'];
    sleep?: (ms: number) => Promise<void>;
    auditWitnessDir?: string;
    /** Handlers for operations a test adds to the contract (the composition root knows only the real ones). */
    extraHandlers?: Record<string, (input: never, ctx: never) => Promise<unknown>>;
    /** Where the engine reads the register (default: the register tables). */
    register?: RegisterPort;
  } = {},
): Promise<TestApi> {
  const clock = options.clock ?? new ManualClock();
  const sleeps: number[] = [];
  const { services, handlers, authenticator, plugins } = compose({
    database: t.handle,
    clock,
    secrets: testSecrets,
    config: {
      embedded: options.embedded ?? t.driver === 'pglite',
      scryptParams: testScryptParams,
      ...(options.auditWitnessDir ? { auditWitnessDir: options.auditWitnessDir } : {}),
      ...(options.register ? { register: options.register } : {}),
      // A delay lets its time pass on the test clock, as waiting would in real time.
      sleep: options.sleep ?? (async (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
      }),
    },
  });
  const app = await buildApp({
    handlers: { ...handlers, ...options.extraHandlers } as typeof handlers,
    authenticator,
    version: 'test',
    plugins,
    logger: options.logger ?? process.env.TEST_API_LOG === '1',
  });
  return {
    app,
    clock,
    sleeps,
    services,
    async signIn(role, o = {}) {
      const username = o.username ?? `${role}-${process.pid}-${++userCounter}`;
      const password = o.password ?? 'correct horse battery';
      const user = await createUser(
        { transaction: t.handle.transaction, scryptParams: testScryptParams },
        { username, role, password },
        { actor: 'system', at: clock.now() },
      );
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
      return { token: (res.json() as { token: string }).token, userId: user.id, username };
    },
    close: () => app.close(),
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
