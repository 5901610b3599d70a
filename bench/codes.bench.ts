// Activation codes: issue (code row + sealed SMS in the outbox + Digital Post notice + audit events, one
// transaction) and redeem (count, consume, password hash, notice, audit) per second with 50 concurrent
// clients, next to a bare single-row INSERT on the same database in the same run. PGlite (on disk) and,
// when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, PostgreSQL 15.
// Goal: issue and redeem at least a third of the bare INSERT rate; p99 under 50 ms on PostgreSQL.
// Redeem uses the test suite's cheap scrypt (ln=10): production's ln=15 costs ~32× more per success.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ManualClock } from '../server/clock';
import { migrate, type OpenDatabase } from '../server/db/index';
import { registerMeta, registerMitid, registerPersons } from '../server/db/schema/register';
import { users } from '../server/db/schema/users';
import { verifications } from '../server/db/schema/verifications';
import { secretsFromMasterKey } from '../server/secrets';
import { createAuditGroupCommit } from '../server/services/audit/group-commit';
import { createSubjectHmac } from '../server/services/audit/subject-hmac';
import { createCodeHasher } from '../server/services/codes/code-secret';
import { createCodesService } from '../server/services/codes/codes-service';
import { createDigitalPostOutboxNotifier } from '../server/services/notify/notifier';
import { createOutboxSealer } from '../server/services/sealing';
import { createCprSealer } from '../server/services/sealing';
import { createSandboxSmsGateway } from '../server/services/sms/sandbox-sms-gateway';
import type { SmsGateway } from '../server/services/sms/sms-gateway';
import { postgresSkipped, withPgliteBench, withPostgresBench } from './bench-databases';
import type { BenchFigure } from './run';
import { percentile } from './stats';

const clients = Number(process.env.BENCH_CLIENTS ?? 50);
const secrets = secretsFromMasterKey(Buffer.alloc(32, 3));

interface Run {
  rate: number;
  p50: number;
  p99: number;
  /** Statements sent per operation (PostgreSQL; PGlite runs in the process and sends none). */
  statements: number;
  /** This process's CPU per operation (PGlite's work included, since it runs here). */
  cpuMs: number;
}

// Every statement node-postgres sends (BEGIN and COMMIT included), counted while a phase runs: on
// PostgreSQL each is a round trip through this one Node process, which is where the time goes.
let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

/** `total` operations spread over `clients` concurrent workers; rate, latency percentiles, and per operation the statements sent and this process's CPU. */
async function measure(total: number, op: (i: number) => Promise<unknown>): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  const statementsBefore = statements;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        await op(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return {
    rate: total / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statements: (statements - statementsBefore) / total,
    cpuMs: (cpu.user + cpu.system) / 1000 / total,
  };
}

/** One `select 1` at a time on one connection: the cost of a bare round trip, wall and this process's CPU. */
async function roundTrip(database: OpenDatabase): Promise<{ wallUs: number; cpuUs: number }> {
  const n = 2_000;
  return database.withRunner(async (runner) => {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < n; i++) await runner.query('select 1');
    const cpu = process.cpuUsage(cpuBefore);
    return { wallUs: ((performance.now() - started) * 1000) / n, cpuUs: (cpu.user + cpu.system) / n };
  });
}

async function driverFigures(label: string, n: number, database: OpenDatabase): Promise<BenchFigure[]> {
  await database.withRunner((r) => migrate(r));
  const clock = new ManualClock(new Date());
  const now = clock.now();
  const cprSealer = createCprSealer(secrets);
  const subjectHmac = createSubjectHmac(secrets);
  const agentId = randomUUID();
  await database.db.insert(users).values({ id: agentId, username: `bench-agent-${process.pid}`, displayName: 'Bench', role: 'agent', passwordHash: 'x', createdAt: now });
  await database.db.insert(registerMeta).values({ key: 'source', value: 'sandbox' }).onConflictDoNothing();
  const people = Array.from({ length: n }, (_, i) => ({ cpr: `0101${String(700_000 + i).padStart(6, '0')}`, userId: `bench.user.${i}`, verificationId: randomUUID() }));
  for (let i = 0; i < n; i += 500) {
    const chunk = people.slice(i, i + 500);
    await database.db.insert(registerPersons).values(
      chunk.map((p) => ({ cpr: p.cpr, firstNames: 'Bench', lastName: 'Person', birthDate: '1970-01-01', sex: 'male' as const, birthplace: 'Vor Frue', birthplaceKind: 'parish' as const, citizenship: 'DK', status: 'active' as const, churchMember: false })),
    );
    await database.db.insert(registerMitid).values(chunk.map((p) => ({ userId: p.userId, cpr: p.cpr, mobileNumber: '+4520000000', mobileRegisteredAt: new Date('2022-01-01T00:00:00Z') })));
    await database.db.insert(verifications).values(
      chunk.map((p) => ({
        id: p.verificationId,
        agentId,
        status: 'passed' as const,
        outcomeReason: 'passed' as const,
        callLanguage: 'da' as const,
        documentType: 'passport' as const,
        documentHmac: 'f'.repeat(64),
        subjectHmac: subjectHmac(p.cpr),
        identified: true,
        cprSealed: cprSealer.seal(p.cpr),
        maskedCpr: `${p.cpr.slice(0, 6)}-XXXX`,
        policy: {},
        maxQuestions: 6,
        startedAt: now,
        lastActivityAt: now,
        expiresAt: new Date(now.getTime() + 900_000),
        endedAt: now,
      })),
    );
  }

  // The bench reads the codes off the "phone": the sandbox gateway, with the clear body kept in memory.
  const outboxSealer = createOutboxSealer(secrets);
  const sandbox = createSandboxSmsGateway(outboxSealer);
  const codes = new Map<string, string>();
  const phone: SmsGateway = {
    ...sandbox,
    send: async (m, tx) => {
      codes.set(m.mitidUserId, (/er ([0-9 ]+)\./.exec(m.body)?.[1] ?? '').replace(/ /g, ''));
      return sandbox.send(m, tx);
    },
  };
  const service = createCodesService({
    db: database.db,
    // As compose.ts wires it: group commit on PostgreSQL, inline appends on PGlite's one connection.
    transaction: database.driver === 'postgres' ? createAuditGroupCommit(database).transaction : database.transaction,
    clock,
    sms: phone,
    notifier: createDigitalPostOutboxNotifier(outboxSealer),
    hashCode: createCodeHasher(secrets),
    outboxSealer,
    unsealCpr: (s) => cprSealer.unseal(s),
    isSandbox: async () => true,
    scryptParams: { ln: 10, r: 8, p: 1 },
  });
  const principal = { userId: agentId, username: 'bench', role: 'agent' as const, sessionId: 'bench' };

  await database.db.execute(sql`create table if not exists bench_bare (id text primary key, at timestamptz not null, note text)`);
  const bare = await measure(n, () => database.db.execute(sql`insert into bench_bare (id, at, note) values (${randomUUID()}, now(), 'x')`));
  const issue = await measure(n, async (i) => {
    const view = await service.issue((people[i] as (typeof people)[number]).verificationId, principal);
    if (view.code.status !== 'sent') throw new Error(`issue ${i}: ${view.code.status}`);
  });
  const redeem = await measure(n, async (i) => {
    const p = people[i] as (typeof people)[number];
    const code = codes.get(p.userId) as string;
    await service.redeem({ userId: p.userId, code, newPassword: 'Bench-kodeord-42', repeatPassword: 'Bench-kodeord-42' });
  });
  const ms = (v: number) => Math.round(v * 10) / 10;
  const third = Math.round(bare.rate / 3);
  const p99Goal = label.startsWith('PostgreSQL') ? '< 50' : undefined;
  const trip = await roundTrip(database);
  const perOp = (r: Run) => (database.driver === 'postgres' ? `${r.statements.toFixed(1)} statements, ` : '') + `${r.cpuMs.toFixed(2)} ms of this process's CPU`;
  return [
    { name: `${label}: one round trip (select 1, one connection, one at a time)`, value: Math.round(trip.wallUs), unit: 'µs', note: `${Math.round(trip.cpuUs)} µs of this process's CPU` },
    { name: `${label}: per operation, bare INSERT / issue / redeem`, value: ms(issue.cpuMs / bare.cpuMs), unit: '× bare CPU (issue)', note: `bare: ${perOp(bare)}; issue: ${perOp(issue)}; redeem: ${perOp(redeem)}` },
    { name: `${label}: bare single-row INSERT, ${clients} clients`, value: Math.round(bare.rate), unit: 'rows/s', note: `p50 ${ms(bare.p50)} ms, p99 ${ms(bare.p99)} ms` },
    { name: `${label}: issue (code + sealed SMS + notice + audit), ${clients} clients`, value: Math.round(issue.rate), unit: 'codes/s', goal: `≥ ${third}`, note: `${(issue.rate / bare.rate).toFixed(2)}× bare; p50 ${ms(issue.p50)} ms` },
    { name: `${label}: issue p99`, value: ms(issue.p99), unit: 'ms', ...(p99Goal ? { goal: p99Goal } : {}) },
    { name: `${label}: redeem (count + consume + scrypt ln=10 + notice + audit), ${clients} clients`, value: Math.round(redeem.rate), unit: 'redeems/s', goal: `≥ ${third}`, note: `${(redeem.rate / bare.rate).toFixed(2)}× bare; p50 ${ms(redeem.p50)} ms` },
    { name: `${label}: redeem p99`, value: ms(redeem.p99), unit: 'ms', ...(p99Goal ? { goal: p99Goal } : {}) },
  ];
}

export default async function codesBench(): Promise<BenchFigure[]> {
  // BENCH_CODES_DRIVERS=postgres|pglite runs one driver (a loaded machine makes the PGlite half slow).
  const only = process.env.BENCH_CODES_DRIVERS;
  const figures = only === 'postgres' ? [] : await withPgliteBench('codes', (database) => driverFigures('PGlite (on disk)', 1_000, database));
  const postgres = only === 'pglite' ? [] : await withPostgresBench('codes', clients, (database) => driverFigures('PostgreSQL 15', 3_000, database));
  return [...figures, ...(postgres ?? [postgresSkipped])];
}
