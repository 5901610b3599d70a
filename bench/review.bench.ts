// Supervisor review at scale: BENCH_VERIFICATIONS verifications (default 1,000,000) with their codes
// and audit events, seeded here. Figures: the verification log's filtered page query p50/p95 on
// PostgreSQL (goal p95 < 50 ms) and PGlite, the CSV export's rows/s and peak memory, and audit chain
// verification next to bare SHA-256 chaining (goal: at least half).
// PostgreSQL runs when BENCH_DATABASE_URL or TEST_DATABASE_URL is set; BENCH_REVIEW_DRIVERS=postgres
// (or pglite) runs one only.
import { createHash, hash } from 'node:crypto';
import { asc, gt, sql } from 'drizzle-orm';
import type { VerificationSort } from '../shared/api/index';
import { countLimit } from '../shared/api/index';
import { migrate, type OpenDatabase } from '../server/db/index';
import { queryRows } from '../server/db/rows';
import { auditEvents } from '../server/db/schema/audit';
import { chainHash, eventBytes, genesisHash, verifyAuditChain } from '../server/services/audit/index';
import { exportCsv } from '../server/services/review/export';
import { queryLogPage, type StoredFilter } from '../server/services/review/log-query';
import { postgresSkipped, withPgliteBench, withPostgresBench } from './bench-databases';
import { reviewNow as now, seedVerifications } from './review-seed';
import type { BenchFigure } from './run';
import { percentile } from './stats';

const total = Number(process.env.BENCH_VERIFICATIONS ?? 1_000_000);

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Two chained audit events per verification (started, outcome), computed with the real chainHash. */
async function seedAuditEvents(database: OpenDatabase): Promise<number> {
  let prev = genesisHash;
  let seq = 0;
  const batch = 4_000;
  let last = '';
  for (;;) {
    const list = await queryRows<{ id: string; agent_id: string; subject_hmac: string; status: string; started_at: string; ended_at: string }>(
      database.db,
      sql`select id, agent_id, subject_hmac, status, to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as started_at,
        to_char(ended_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ended_at
        from verifications where id > ${last} order by id limit ${batch / 2}`,
    );
    if (list.length === 0) return seq;
    const values = [];
    for (const v of list) {
      for (const [action, at, payload] of [
        ['verification.started', v.started_at, { documentType: 'passport', callLanguage: 'da' }],
        [`verification.${v.status}`, v.ended_at, { questions: 5, correct: 4 }],
      ] as const) {
        seq += 1;
        const e = { seq, occurredAt: new Date(at), actor: v.agent_id, action, subjectHmac: v.subject_hmac, verificationId: v.id, payload: { ...payload } };
        const hash = chainHash(prev, e);
        values.push({ ...e, prevHash: prev, hash });
        prev = hash;
      }
    }
    await database.db.insert(auditEvents).values(values);
    last = list[list.length - 1]!.id;
  }
}

/** The filters and sorts a supervisor uses, each with a value that exists in the data. */
function pageQueries(): { label: string; filter: StoredFilter; sort: VerificationSort; page: number }[] {
  const newest: VerificationSort = { field: 'startedAt', direction: 'desc' };
  const day = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
  const subject = createHash('md5').update('cpr4242').digest('hex') + createHash('md5').update('cpr24242').digest('hex');
  return [
    { label: 'newest, no filter', filter: {}, sort: newest, page: 0 },
    { label: 'newest, page 50', filter: {}, sort: newest, page: 50 },
    { label: 'one agent', filter: { agentId: 'agent-7' }, sort: newest, page: 0 },
    { label: 'failed', filter: { status: 'failed' }, sort: newest, page: 0 },
    { label: 'flagged', filter: { flagged: true }, sort: newest, page: 0 },
    { label: 'one week', filter: { from: day(30), to: day(23) }, sort: newest, page: 0 },
    { label: 'one agent, refer, one month', filter: { agentId: 'agent-9', status: 'refer', from: day(90), to: day(60) }, sort: newest, page: 0 },
    { label: 'one person (CPR)', filter: { subjectHmac: subject }, sort: newest, page: 0 },
    { label: 'one day by score', filter: { from: day(3), to: day(2) }, sort: { field: 'score', direction: 'desc' }, page: 0 },
    { label: 'one week by duration', filter: { from: day(10), to: day(3) }, sort: { field: 'duration', direction: 'desc' }, page: 0 },
  ];
}

async function pageFigures(database: OpenDatabase, label: string): Promise<BenchFigure[]> {
  const queries = pageQueries();
  const rounds = 15;
  const all: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (const q of queries) await queryLogPage(database.db, { ...q, pageSize: 50, countLimit, now }); // warm
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const started = performance.now();
      const page = await queryLogPage(database.db, { ...q, pageSize: 50, countLimit, now });
      const ms = performance.now() - started;
      if (page.items.length === 0) throw new Error(`the bench query "${q.label}" found nothing`);
      all.push(ms);
      perQuery.set(q.label, [...(perQuery.get(q.label) ?? []), ms]);
    }
  }
  all.sort((a, b) => a - b);
  const byP95 = [...perQuery].map(([name, ms]) => [name, percentile(ms.sort((a, b) => a - b), 95)] as const).sort((a, b) => b[1] - a[1]);
  const slowest = byP95.slice(0, 3).map(([name, p95]) => `"${name}" ${p95.toFixed(1)} ms`).join(', ');
  return [
    { name: `${label}: log page (50 rows + capped count), ${queries.length} filters × ${rounds}, p50`, value: percentile(all, 50), unit: 'ms' },
    { name: `${label}: log page p95`, value: percentile(all, 95), unit: 'ms', goal: label.startsWith('PostgreSQL') ? '< 50' : undefined, note: `slowest filters' p95: ${slowest}` },
  ];
}

async function exportFigures(database: OpenDatabase, label: string): Promise<BenchFigure[]> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const started = performance.now();
  let lines = -1; // the header
  let bytes = 0;
  try {
    for await (const chunk of exportCsv(database.db, { filter: {}, direction: 'desc' } as never, now)) {
      bytes += Buffer.byteLength(chunk);
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines += 1;
    }
  } finally {
    clearInterval(sampler);
  }
  const elapsed = seconds(started);
  if (lines !== total) throw new Error(`the export wrote ${lines} rows of ${total}`);
  return [
    { name: `${label}: CSV export, all ${total.toLocaleString('en')} rows`, value: Math.round(lines / elapsed), unit: 'rows/s', note: `${(bytes / 1e6).toFixed(0)} MB in ${elapsed.toFixed(1)} s` },
    { name: `${label}: CSV export peak RSS above the process before it`, value: Math.round((peak - base) / 1e6), unit: 'MB', note: `peak RSS ${(peak / 1e6).toFixed(0)} MB (database included for PGlite)` },
  ];
}

async function auditFigures(database: OpenDatabase, label: string, events: number): Promise<BenchFigure[]> {
  let started = performance.now();
  const result = await verifyAuditChain(database.db);
  const verifyRate = events / seconds(started);
  if (!result.ok || result.count !== events) throw new Error(`the seeded chain does not verify: ${JSON.stringify(result)}`);
  // Bare SHA-256 chaining over the same bytes (one-shot crypto.hash, the fastest Node has), on a sample
  // that fits in memory, and the verifier's own in-process work on the same sample.
  // Times as ISO text, the way verifyAuditChain receives them from the database (to_char).
  const sample = (await database.db.select().from(auditEvents).where(gt(auditEvents.seq, 0)).orderBy(asc(auditEvents.seq)).limit(200_000)).map((r) => ({
    ...r,
    occurredAt: r.occurredAt.toISOString(),
  }));
  const bytes = sample.map((r) => eventBytes(r));
  started = performance.now();
  let prev = genesisHash;
  for (const b of bytes) prev = hash('sha256', prev + b, 'hex');
  const bareRate = bytes.length / seconds(started);
  started = performance.now();
  prev = genesisHash;
  for (const r of sample) {
    if (r.prevHash !== prev || chainHash(prev, r) !== r.hash) throw new Error('broken');
    prev = r.hash;
  }
  const cpuRate = sample.length / seconds(started);
  return [
    { name: `${label}: verify ${events.toLocaleString('en')} audit events end to end`, value: Math.round(verifyRate), unit: 'events/s', note: `bare SHA-256 chaining of the same bytes ${Math.round(bareRate).toLocaleString('en')}/s` },
    { name: `${label}: end-to-end verify / bare`, value: verifyRate / bareRate, unit: '×', goal: '≥ 0.5' },
    { name: `${label}: in-process verify / bare (200,000-event sample)`, value: cpuRate / bareRate, unit: '×', goal: '≥ 0.5' },
  ];
}

async function driverFigures(label: string, database: OpenDatabase): Promise<BenchFigure[]> {
  await database.withRunner((r) => migrate(r));
  let started = performance.now();
  await seedVerifications(database, total);
  const seedSeconds = seconds(started);
  started = performance.now();
  const events = await seedAuditEvents(database);
  const eventSeconds = seconds(started);
  return [
    { name: `${label}: seed ${total.toLocaleString('en')} verifications with codes`, value: seedSeconds, unit: 's' },
    { name: `${label}: seed ${events.toLocaleString('en')} chained audit events`, value: eventSeconds, unit: 's' },
    ...(await pageFigures(database, label)),
    ...(await exportFigures(database, label)),
    ...(await auditFigures(database, label, events)),
  ];
}

export default async function reviewBench(): Promise<BenchFigure[]> {
  const only = process.env.BENCH_REVIEW_DRIVERS;
  const figures: BenchFigure[] = [];
  if (only !== 'pglite') figures.push(...((await withPostgresBench('review', 4, (database) => driverFigures('PostgreSQL 15', database))) ?? [postgresSkipped]));
  if (only !== 'postgres') figures.push(...(await withPgliteBench('review', (database) => driverFigures('PGlite (on disk)', database))));
  return figures;
}
