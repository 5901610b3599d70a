// answerQuestion latency over HTTP against a local server: 50 agents, each running calls against its own
// callers from the sandbox register. Two loads: "talking" (each agent answers 2-6 s after the question,
// ~12 answers/s in all: several times what 50 real agents send, whose callers take 10-30 s per answer)
// for the goal, and "saturating" (no pause: every agent always has a request in flight) for the ceiling.
// PGlite on disk (the embedded console) and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set,
// PostgreSQL. Goal: p95 < 20 ms.
import { randomBytes } from 'node:crypto';
import { and, eq, gte } from 'drizzle-orm';
import type { QuestionView, VerificationView } from '../shared/api/index';
import { systemClock } from '../server/clock';
import { compose } from '../server/compose';
import { migrate, type OpenDatabase } from '../server/db/index';
import { registerDocuments, registerMitid, registerPersons } from '../server/db/schema/register';
import { buildApp } from '../server/http/build-app';
import { seedSandboxIfEmpty } from '../server/sandbox/index';
import { secretsFromMasterKey } from '../server/secrets';
import { createUser } from '../server/services/accounts/users';
import { postgresSkipped, withPgliteBench, withPostgresBench } from './bench-databases';
import type { BenchFigure } from './run';
import { percentile } from './stats';

const agents = Number(process.env.VERIFICATION_BENCH_AGENTS ?? 50);
const callsPerAgent = Number(process.env.VERIFICATION_BENCH_CALLS ?? 2);
const saturatedCalls = 2;
const scryptParams = { ln: 10, r: 8, p: 1 };

// Answers of the right shape that the register does not hold: every one is scored in full.
const answers: Record<QuestionView['answerFormat'], string> = {
  address: 'Nørregade 12, 1. tv, 8000 Aarhus C',
  year: '1987',
  month_year: 'august 1987',
  municipality: 'Århus Kommune',
  place: 'Vor Frue Sogn',
  name: 'Anne Marie',
};

async function run(label: string, database: OpenDatabase, embedded: boolean): Promise<BenchFigure[]> {
  await database.withRunner((r) => migrate(r));
  await seedSandboxIfEmpty(database.db, { persons: 3000, seed: 'verification-bench', now: systemClock.now() });
  const { handlers, authenticator, plugins } = compose({
    database,
    clock: systemClock,
    secrets: secretsFromMasterKey(randomBytes(32)),
    config: { embedded, scryptParams },
  });
  const app = await buildApp({ handlers, authenticator, version: 'bench', plugins });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const call = async (method: string, url: string, token: string, body?: unknown) => {
      const res = await fetch(origin + url, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
      return (await res.json()) as VerificationView;
    };

    const tokens: string[] = [];
    for (let i = 0; i < agents; i++) {
      const username = `bench-agent-${i}`;
      await createUser({ transaction: database.transaction, scryptParams }, { username, role: 'agent', password: 'correct horse battery' }, { actor: 'system', at: new Date() });
      const res = await fetch(`${origin}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'correct horse battery' }) });
      tokens.push(((await res.json()) as { token: string }).token);
    }
    const today = new Date().toISOString().slice(0, 10);
    const callers = await database.db
      .select({ cpr: registerPersons.cpr, type: registerDocuments.type, number: registerDocuments.number })
      .from(registerPersons)
      .innerJoin(registerMitid, eq(registerMitid.cpr, registerPersons.cpr))
      .innerJoin(registerDocuments, and(eq(registerDocuments.cpr, registerPersons.cpr), gte(registerDocuments.expiresOn, today)))
      .where(eq(registerPersons.status, 'active'));
    // One caller per call (each is failed once: no lockouts), spread over the agents.
    const unique = [...new Map(callers.map((c) => [c.cpr, c])).values()];
    if (unique.length < agents * (callsPerAgent + saturatedCalls + 1) + 6 * agents) throw new Error(`only ${unique.length} callers in the register`);

    const thinkMs = () => 2000 + Math.random() * 4000;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const agentLoop = async (a: number, calls: number, offset: number, think: boolean, latencies: number[] | null, starts: number[] | null) => {
      const token = tokens[a] as string;
      for (let c = 0; c < calls; c++) {
        const caller = unique[offset + c * agents + a];
        if (!caller) throw new Error('ran out of callers');
        if (think) await sleep(thinkMs());
        let t = performance.now();
        let view = await call('POST', '/api/verifications', token, { caller: { kind: 'cpr', cpr: caller.cpr }, document: { type: caller.type, number: caller.number } });
        starts?.push(performance.now() - t);
        while (view.status === 'in_progress' && view.currentQuestion) {
          const q = view.currentQuestion;
          if (think) await sleep(thinkMs());
          t = performance.now();
          view = await call('POST', `/api/verifications/${view.id}/answers`, token, { questionId: q.id, answer: { kind: 'text', text: answers[q.answerFormat] } });
          latencies?.push(performance.now() - t);
        }
      }
    };
    const scenario = async (calls: number, offset: number, think: boolean) => {
      const latencies: number[] = [];
      const starts: number[] = [];
      const started = performance.now();
      await Promise.all(Array.from({ length: agents }, (_, a) => agentLoop(a, calls, offset, think, latencies, starts)));
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((x, y) => x - y);
      starts.sort((x, y) => x - y);
      return { latencies, starts, rate: latencies.length / seconds };
    };
    // Warm-up: one call per agent, not measured.
    await Promise.all(Array.from({ length: agents }, (_, a) => agentLoop(a, 1, 0, false, null, null)));
    const talking = await scenario(callsPerAgent, agents, true);
    const saturated = await scenario(saturatedCalls, agents * (callsPerAgent + 1), false);
    // One agent alone: the service time of one request, without queueing behind the others.
    const alone: number[] = [];
    const cpu = process.cpuUsage();
    await agentLoop(0, 6, agents * (callsPerAgent + saturatedCalls + 1), false, alone, null);
    const used = process.cpuUsage(cpu);
    // CPU time of this process per call (starts included): HTTP client and server, and PGlite when embedded.
    const cpuPerAnswerMs = (used.user + used.system) / 1000 / alone.length;
    alone.sort((x, y) => x - y);
    const p = percentile;
    return [
      {
        name: `${label}: answerQuestion p50 / p95, ${agents} agents talking`,
        value: p(talking.latencies, 95),
        unit: 'ms (p95)',
        goal: '< 20',
        note: `p50 ${p(talking.latencies, 50).toFixed(1)} ms, p99 ${p(talking.latencies, 99).toFixed(1)} ms; ${talking.latencies.length} answers at ${talking.rate.toFixed(0)}/s`,
      },
      {
        name: `${label}: startVerification, ${agents} agents talking`,
        value: p(talking.starts, 95),
        unit: 'ms (p95)',
        note: `p50 ${p(talking.starts, 50).toFixed(1)} ms`,
      },
      {
        name: `${label}: answerQuestion p50 / p95, ${agents} agents saturating`,
        value: p(saturated.latencies, 95),
        unit: 'ms (p95)',
        note: `p50 ${p(saturated.latencies, 50).toFixed(1)} ms; ${saturated.rate.toFixed(0)} answers/s (the ceiling)`,
      },
      {
        name: `${label}: answerQuestion p50 / p95, one agent alone`,
        value: p(alone, 95),
        unit: 'ms (p95)',
        note: `p50 ${p(alone, 50).toFixed(1)} ms; ${alone.length} answers`,
      },
      {
        name: `${label}: CPU time of the API process per answer (one agent alone, starts included)`,
        value: cpuPerAnswerMs,
        unit: 'ms',
        note: embedded ? 'includes PGlite, client and server in one process' : 'PostgreSQL server CPU not included',
      },
    ];
  } finally {
    await app.close();
  }
}

export default async function verificationBench(): Promise<BenchFigure[]> {
  const figures = await withPgliteBench('verification', (database) => run('PGlite (on disk)', database, true));
  const postgres = await withPostgresBench('verification', 20, (database) => run('PostgreSQL 15', database, false));
  return [...figures, ...(postgres ?? [postgresSkipped])];
}
