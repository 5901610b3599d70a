// Three Support API instances (each with its own pool, listening on its own port) on one PostgreSQL
// database, as behind a load balancer: they start together on an empty database and apply each
// migration once; a code redeemed 100 times at once across them is used exactly once; audit appends
// from all three keep one gapless, verifiable chain; a session made on one works on the others; and
// failed sign-ins count towards one lockout whichever instance they reach.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type OpenDatabase } from '../../../server/db/index';
import { migrations } from '../../../server/db/migrations/bundle.generated';
import { defaultPolicy } from '../../../shared/domain/policy/policy';
import { savePolicy } from '../../../server/services/review/policy-settings';
import { auditEvents } from '../../../server/db/schema/audit';
import { users } from '../../../server/db/schema/users';
import { activationCodes } from '../../../server/db/schema/verifications';
import { createUser } from '../../../server/services/accounts/users';
import { verifyAuditChain } from '../../../server/services/audit/index';
import { startSupportApi, type RunningSupportApi } from '../../../server/start';
import { insertPerson, insertVerification, markSandbox, redeemPayload } from '../../support/code-helpers';
import { createPostgresDatabase, driverAvailability } from '../../support/databases';
import { testScryptParams } from '../../support/support-api';

// The key of testSecrets, with which insertVerification seals the CPR number.
const masterKey = Buffer.alloc(32, 7).toString('base64');
const availability = driverAvailability('postgres');
if (!availability.available) console.warn(`[three instances] skipped: ${availability.reason}`);

interface Call {
  status: number;
  body: Record<string, unknown>;
}

async function call(base: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Call> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe.skipIf(!availability.available && !process.env.CI)(
  `three API instances on one PostgreSQL${availability.available ? '' : ` — skipped: ${availability.reason}`}`,
  { timeout: 180_000 },
  () => {
    let database: { url: string; drop(): Promise<void> };
    let apis: RunningSupportApi[] = [];
    let admin: OpenDatabase;
    const urls = () => apis.map((a) => a.url);
    /** Request i goes to instance i mod 3, as a round-robin load balancer would send it. */
    const at = (i: number) => urls()[i % 3] as string;

    async function user(username: string, role: 'agent' | 'supervisor', password = 'correct horse battery') {
      return createUser({ transaction: admin.transaction, scryptParams: testScryptParams }, { username, role, password }, { actor: 'system', at: new Date() });
    }
    async function signIn(base: string, username: string, password = 'correct horse battery') {
      return call(base, 'POST', '/api/session', { body: { username, password } });
    }

    beforeAll(async () => {
      database = await createPostgresDatabase();
      apis = await Promise.all(
        [0, 1, 2].map(() =>
          startSupportApi({
            databaseUrl: database.url,
            databasePoolSize: 10,
            masterKey,
            seed: false,
            demoAccounts: false,
            scryptParams: testScryptParams,
            // The per-IP redeem limit is per instance and every request here comes from 127.0.0.1.
            redeemLimit: { max: 100_000, windowMs: 60_000 },
          }),
        ),
      );
      admin = await openDatabase({ databaseUrl: database.url, maxConnections: 4 });
    });
    afterAll(async () => {
      await Promise.all(apis.map((a) => a.close()));
      await admin?.close();
      await database?.drop();
    });

    it('started together on an empty database: every migration recorded once, every instance ready', async () => {
      const rows = await admin.withRunner((r) => r.query<{ name: string }>('select name from support_migrations order by name'));
      expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name).sort());
      for (const url of urls()) expect((await call(url, 'GET', '/api/ready')).status).toBe(200);

      // And on another empty database, three migrators racing: each migration is applied by exactly one.
      const fresh = await createPostgresDatabase();
      const handles = await Promise.all([0, 1, 2].map(() => openDatabase({ databaseUrl: fresh.url, maxConnections: 2 })));
      try {
        const applied = await Promise.all(handles.map((h) => h.withRunner((r) => migrate(r))));
        expect(applied.flat().sort()).toEqual(migrations.map((m) => m.name).sort());
      } finally {
        await Promise.all(handles.map((h) => h.close()));
        await fresh.drop();
      }
    });

    it('a session made on one instance is used on the others, and signing out on one ends it on all', async () => {
      await user('shared-session', 'agent');
      const login = await signIn(at(0), 'shared-session');
      expect(login.status).toBe(200);
      const token = login.body.token as string;
      for (const url of urls()) expect((await call(url, 'GET', '/api/session', { token })).body).toMatchObject({ user: { username: 'shared-session' } });
      expect((await call(at(1), 'DELETE', '/api/session', { token })).status).toBeLessThan(300);
      for (const url of urls()) expect((await call(url, 'GET', '/api/session', { token })).status).toBe(401);
    });

    it('failed sign-ins spread over the instances count towards one lockout', async () => {
      await admin.transaction((tx) =>
        // No waiting between failures: the count, not the delay, is under test.
        savePolicy(tx, { ...defaultPolicy, login: { ...defaultPolicy.login, delayBaseMs: 0 } }, { actor: 'system', at: new Date() }),
      );
      await user('lock-me', 'agent');
      const { lockAfterFailures } = defaultPolicy.login;
      for (let i = 0; i < lockAfterFailures - 1; i++) expect((await signIn(at(i), 'lock-me', 'wrong password')).status).toBe(401);
      // One short of the lock; the next failure, on yet another instance, locks the account everywhere.
      expect((await signIn(at(lockAfterFailures - 1), 'lock-me', 'wrong password')).status).toBe(401);
      for (const url of urls()) expect((await signIn(url, 'lock-me')).status).toBe(401);
      const [row] = await admin.db.select({ failed: users.failedCount, lockedUntil: users.lockedUntil }).from(users).where(eq(users.username, 'lock-me'));
      expect(row!.failed).toBeGreaterThanOrEqual(lockAfterFailures);
      expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    });

    it('100 concurrent redeems of one code spread over the three instances: exactly one wins', async () => {
      await markSandbox(admin.db);
      const agent = await user('race-agent', 'agent');
      await user('race-supervisor', 'supervisor');
      const agentToken = (await signIn(at(0), 'race-agent')).body.token as string;
      const supervisorToken = (await signIn(at(1), 'race-supervisor')).body.token as string;
      const now = new Date();
      const person = await insertPerson(admin.db, now);
      const id = await insertVerification(admin.db, agent.id, person, now);
      expect((await call(at(2), 'POST', `/api/verifications/${id}/activation-code`, { token: agentToken, body: {} })).status).toBe(200);
      // Attempts are not what may stop the others: the conditional UPDATE must.
      await admin.db.update(activationCodes).set({ maxAttempts: 1_000 }).where(eq(activationCodes.verificationId, id));
      const outbox = await call(at(1), 'GET', `/api/sandbox/outbox?userId=${person.userId}`, { token: supervisorToken });
      const sms = (outbox.body.items as { channel: string; body: string }[]).find((m) => m.channel === 'sms');
      const code = /aktiveringskode til MitID er ([0-9A-Z ]+)\./.exec(sms?.body ?? '')?.[1]?.replace(/ /g, '');
      expect(code).toBeDefined();

      const payload = redeemPayload(person.userId, code!, 'Tre-instanser-ved-havet-9');
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => call(at(i), 'POST', '/api/activation/redeem', { body: payload })));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s !== 200 && s !== 401)).toEqual([]);
      const [row] = await admin.db.select().from(activationCodes).where(eq(activationCodes.verificationId, id));
      expect(row?.usedAt).not.toBeNull();
    });

    it('concurrent audit appends from all three keep one gapless chain that verifies', async () => {
      await admin.transaction((tx) => savePolicy(tx, defaultPolicy, { actor: 'system', at: new Date() }));
      const [before] = await admin.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
      await user('appender', 'agent');
      // Each sign-in appends an audit event in its own transaction, on the instance that answers it.
      const logins = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn(at(i), 'appender')));
      expect(logins.map((l) => l.status)).toEqual(Array.from({ length: 60 }, () => 200));
      const [after] = await admin.db
        .select({ n: sql<number>`count(*)::int`, min: sql<number>`min(seq)::int`, max: sql<number>`max(seq)::int` })
        .from(auditEvents);
      expect(after!.n - before!.n).toBeGreaterThanOrEqual(60);
      expect(after).toMatchObject({ min: 1, max: after!.n });
      const result = await verifyAuditChain(admin.db);
      expect(result).toMatchObject({ ok: true, count: after!.n });
    });
  },
);
