// Activation-code tests: a Support API with the codes area configured for the test (SMS gateway, redeem
// limit), register persons with MitID, and verification rows inserted directly in the state under test
// (passed / failed / in progress) so the codes suite does not depend on the engine's questions.
import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Role, VerificationView } from '../../shared/api/index';
import { ManualClock } from '../../server/clock';
import { compose } from '../../server/compose';
import type { SmsGatewayConfig } from '../../server/config';
import { registerMeta, registerMitid, registerPersons } from '../../server/db/schema/register';
import { verifications } from '../../server/db/schema/verifications';
import type { Database } from '../../server/db/types';
import { buildApp } from '../../server/http/build-app';
import { createUser } from '../../server/services/accounts/users';
import { createSubjectHmac } from '../../server/services/audit/subject-hmac';
import { createCprSealer } from '../../server/services/sealing';
import type { TestDatabase } from './databases';
import { bearer, testScryptParams, testSecrets } from './support-api';

export { bearer, testScryptParams, testSecrets };

export interface CodesTestApi {
  app: FastifyInstance;
  clock: ManualClock;
  services: ReturnType<typeof compose>['services'];
  db: Database;
  signIn(role: Role): Promise<{ token: string; userId: string }>;
  close(): Promise<void>;
}

let counter = 0;
const personBase = randomInt(1_000_000);

export async function createCodesTestApi(
  t: TestDatabase,
  options: { clock?: ManualClock; smsGateway?: SmsGatewayConfig; redeemLimit?: { max: number; windowMs: number }; logger?: object | false } = {},
): Promise<CodesTestApi> {
  const clock = options.clock ?? new ManualClock();
  const { services, handlers, authenticator, plugins } = compose({
    database: t.handle,
    clock,
    secrets: testSecrets,
    config: {
      embedded: t.driver === 'pglite',
      scryptParams: testScryptParams,
      sleep: async () => {},
      codes: { smsGateway: options.smsGateway, redeemLimit: options.redeemLimit ?? { max: 100_000, windowMs: 60_000 } },
    },
  });
  const app = await buildApp({ handlers, authenticator, version: 'test', plugins, logger: options.logger ?? false });
  await markSandbox(t.db);
  return {
    app,
    clock,
    services,
    db: t.db,
    async signIn(role) {
      const username = `${role}-codes-${process.pid}-${++counter}`;
      const password = 'correct horse battery';
      const user = await createUser(
        { transaction: t.handle.transaction, scryptParams: testScryptParams },
        { username, role, password },
        { actor: 'system', at: clock.now() },
      );
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
      return { token: (res.json() as { token: string }).token, userId: user.id };
    },
    close: () => app.close(),
  };
}

/** The register in this database is the synthetic one (what the sandbox phone requires). */
export async function markSandbox(db: Database, source = 'sandbox'): Promise<void> {
  await db.insert(registerMeta).values({ key: 'source', value: source }).onConflictDoUpdate({ target: registerMeta.key, set: { value: source } });
}

export interface TestPerson {
  cpr: string;
  userId: string;
  mobile: string;
}

/** A register person with a MitID whose mobile number was registered `mobileAgeDays` before `now`. */
export async function insertPerson(db: Database, now: Date, options: { mobileAgeDays?: number; mitid?: boolean } = {}): Promise<TestPerson> {
  const n = ++counter;
  // Unique within a run: a random base plus a counter, over the six digits after a 1 January birth date.
  const serial = String((personBase + n) % 1_000_000).padStart(6, '0');
  const person: TestPerson = {
    cpr: `0101${serial}`,
    userId: `test.person.${serial}`,
    mobile: `+4520${serial}`,
  };
  await db.insert(registerPersons).values({
    cpr: person.cpr,
    firstNames: 'Test',
    lastName: `Person${n}`,
    birthDate: '1970-01-01',
    sex: 'female',
    birthplace: 'Vor Frue',
    birthplaceKind: 'parish',
    citizenship: 'DK',
    status: 'active',
    churchMember: false,
  });
  if (options.mitid !== false) {
    await db.insert(registerMitid).values({
      userId: person.userId,
      cpr: person.cpr,
      mobileNumber: person.mobile,
      mobileRegisteredAt: new Date(now.getTime() - (options.mobileAgeDays ?? 400) * 86_400_000),
      passwordHash: null,
    });
  }
  return person;
}

const sealer = createCprSealer(testSecrets);
export const testSubjectHmac = createSubjectHmac(testSecrets);

/** A verification row as the engine would leave it: passed (identified), failed, or still in progress. */
export async function insertVerification(
  db: Database,
  agentId: string,
  person: TestPerson,
  now: Date,
  status: 'passed' | 'failed' | 'in_progress' = 'passed',
): Promise<string> {
  const id = randomUUID();
  const ended = status !== 'in_progress';
  await db.insert(verifications).values({
    id,
    agentId,
    status,
    outcomeReason: status === 'passed' ? 'passed' : status === 'failed' ? 'too_few_correct' : null,
    callLanguage: 'da',
    documentType: 'passport',
    documentHmac: 'f'.repeat(64),
    subjectHmac: testSubjectHmac(person.cpr),
    identified: true,
    cprSealed: sealer.seal(person.cpr),
    maskedCpr: `${person.cpr.slice(0, 6)}-XXXX`,
    policy: {},
    answeredCount: 4,
    maxQuestions: 6,
    correctCount: status === 'passed' ? 4 : 1,
    startedAt: new Date(now.getTime() - 5 * 60_000),
    lastActivityAt: now,
    expiresAt: new Date(now.getTime() + 10 * 60_000),
    endedAt: ended ? now : null,
  });
  return id;
}

export async function issue(api: CodesTestApi, token: string, verificationId: string) {
  const res = await api.app.inject({ method: 'POST', url: `/api/verifications/${verificationId}/activation-code`, headers: bearer(token), payload: {} });
  return { status: res.statusCode, body: res.json() as VerificationView & { code: string; message: string } };
}

/** The code as the caller reads it off the sandbox phone (the newest SMS to this user ID). */
export async function readSmsCode(api: CodesTestApi, userId: string): Promise<string> {
  const { items } = await api.services.codes.listSandboxOutbox({ userId, limit: 20 });
  const sms = items.find((m) => m.channel === 'sms');
  const match = sms ? /aktiveringskode til MitID er ([0-9A-Z ]+)\./.exec(sms.body) : null;
  if (!match) throw new Error(`no SMS with a code for ${userId}`);
  return (match[1] as string).replace(/ /g, '');
}

export function redeemPayload(userId: string, code: string, password = 'Sommerhus-ved-havet-7') {
  return { userId, code, newPassword: password, repeatPassword: password };
}

export async function redeem(api: CodesTestApi, payload: ReturnType<typeof redeemPayload>) {
  const res = await api.app.inject({ method: 'POST', url: '/api/activation/redeem', payload });
  return { status: res.statusCode, body: res.json() as { ok?: true; code?: string; message?: string } };
}

export async function passwordHashOf(db: Database, userId: string): Promise<string | null> {
  const [row] = await db.select({ h: registerMitid.passwordHash }).from(registerMitid).where(eq(registerMitid.userId, userId));
  return row?.h ?? null;
}
