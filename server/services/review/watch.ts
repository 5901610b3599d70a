// The watch dashboard: volumes and pass rates per hour and per agent, and the anomaly lists a
// supervisor should look at. All aggregation runs in SQL; only the small results come back.
import { sql } from 'drizzle-orm';
import type { AgentStat, WatchStats } from '../../../shared/api/index';
import { queryRows } from '../../db/rows';
import type { Database } from '../../db/types';
import { toDate } from './log-query';

export interface WatchSettings {
  openingHoursStart: string;
  openingHoursEnd: string;
  timeZone: string;
}

/** Below this many ended verifications an agent's rate says too little to compare. */
const minEnded = 5;
/** How far (in standard errors of the peers' rate) an agent must be to be listed. */
const zThreshold = 3;
const minIssued = 5;
const unredeemedZThreshold = 2.5;
const listLimit = 50;

/**
 * How many standard errors `k` of `n` is from the peers' rate p (binomial): |z| large means the
 * difference is unlikely to be chance at this n.
 */
export function zScore(k: number, n: number, p: number): number {
  if (n === 0) return 0;
  const se = Math.sqrt(Math.max(p * (1 - p), 1e-6) / n);
  return (k / n - p) / se;
}

type AgentRow = { agent_id: string; username: string; display_name: string; total: number; ended: number; passed: number };

export async function watchStats(db: Database, args: { from: Date; to: Date; now: Date; settings: WatchSettings }): Promise<WatchStats> {
  const from = args.from.toISOString();
  const to = args.to.toISOString();
  const inWindow = sql`v.started_at >= ${from}::timestamptz and v.started_at < ${to}::timestamptz`;
  const ended = sql`v.status not in ('in_progress')`;

  const [hours, agents, persons, documents, offHours, codes] = await Promise.all([
    queryRows<{ hour: Date | string; total: number; passed: number }>(
      db,
      sql`select date_trunc('hour', v.started_at, 'UTC') as hour, count(*)::int as total, count(*) filter (where v.status = 'passed')::int as passed
          from verifications v where ${inWindow} group by 1 order by 1`,
    ),
    queryRows<AgentRow>(
      db,
      sql`select v.agent_id, u.username, u.display_name, count(*)::int as total,
            count(*) filter (where ${ended})::int as ended, count(*) filter (where v.status = 'passed')::int as passed
          from verifications v join users u on u.id = v.agent_id where ${inWindow}
          group by v.agent_id, u.username, u.display_name order by total desc`,
    ),
    queryRows<{ masked_cpr: string | null; attempts: number; agents: number; last_at: Date | string; last_id: string }>(
      db,
      sql`select max(v.masked_cpr) as masked_cpr, count(*)::int as attempts, count(distinct v.agent_id)::int as agents,
            max(v.started_at) as last_at, (array_agg(v.id order by v.started_at desc))[1] as last_id
          from verifications v where ${inWindow} and v.subject_hmac is not null
          group by v.subject_hmac having count(*) >= 3 or count(distinct v.agent_id) >= 2
          order by count(*) desc, max(v.started_at) desc limit ${listLimit}`,
    ),
    queryRows<{ verification_id: string; detected_at: Date | string; persons: unknown; masked_cpr: string | null }>(
      db,
      sql`select s.verification_id, s.detected_at, s.details->'persons' as persons, v.masked_cpr
          from velocity_signals s join verifications v on v.id = s.verification_id
          where s.kind = 'document_multi_person' and s.detected_at >= ${from}::timestamptz and s.detected_at < ${to}::timestamptz
          order by s.detected_at desc limit ${listLimit}`,
    ),
    // Local wall-clock time in the centre's time zone: opening hours are a local rule.
    queryRows<{ verification_id: string; issued_at: Date | string; agent_id: string; username: string; display_name: string }>(
      db,
      sql`select c.verification_id, c.issued_at, c.issued_by as agent_id, u.username, u.display_name
          from activation_codes c join users u on u.id = c.issued_by
          where c.issued_at >= ${from}::timestamptz and c.issued_at < ${to}::timestamptz
            and not ((c.issued_at at time zone ${args.settings.timeZone})::time >= ${args.settings.openingHoursStart}::time
                 and (c.issued_at at time zone ${args.settings.timeZone})::time < ${args.settings.openingHoursEnd}::time)
          order by c.issued_at desc limit ${listLimit}`,
    ),
    // A code is "unredeemed" once it can no longer be used: expired, revoked or blocked without a use.
    queryRows<{ agent_id: string; username: string; display_name: string; issued: number; unredeemed: number }>(
      db,
      sql`select c.issued_by as agent_id, u.username, u.display_name, count(*)::int as issued,
            count(*) filter (where c.used_at is null and (c.expires_at <= ${args.now.toISOString()}::timestamptz or c.revoked_at is not null or c.attempts >= c.max_attempts))::int as unredeemed
          from activation_codes c join users u on u.id = c.issued_by
          where c.issued_at >= ${from}::timestamptz and c.issued_at < ${to}::timestamptz
          group by c.issued_by, u.username, u.display_name`,
    ),
  ]);

  const agentRef = (r: { agent_id: string; username: string; display_name: string }) => ({ id: r.agent_id, username: r.username, displayName: r.display_name });
  const perAgent: AgentStat[] = agents.map((r) => ({
    agent: agentRef(r),
    total: Number(r.total),
    ended: Number(r.ended),
    passed: Number(r.passed),
    passRate: Number(r.ended) > 0 ? Number(r.passed) / Number(r.ended) : null,
  }));

  const totals = perAgent.reduce((s, a) => ({ ended: s.ended + a.ended, passed: s.passed + a.passed }), { ended: 0, passed: 0 });
  const agentPassRate = perAgent
    .filter((a) => a.ended >= minEnded && totals.ended - a.ended >= minEnded)
    .map((a) => {
      const peerRate = (totals.passed - a.passed) / (totals.ended - a.ended);
      return { ...a, peerRate, zScore: Math.round(zScore(a.passed, a.ended, peerRate) * 100) / 100 };
    })
    .filter((a) => Math.abs(a.zScore) >= zThreshold)
    .sort((a, b) => Math.abs(b.zScore) - Math.abs(a.zScore));

  const codeTotals = codes.reduce((s, c) => ({ issued: s.issued + Number(c.issued), unredeemed: s.unredeemed + Number(c.unredeemed) }), { issued: 0, unredeemed: 0 });
  const unredeemedCodes = codes
    .filter((c) => Number(c.issued) >= minIssued && codeTotals.issued - Number(c.issued) >= minIssued)
    .map((c) => {
      const issued = Number(c.issued);
      const unredeemed = Number(c.unredeemed);
      const peerRate = (codeTotals.unredeemed - unredeemed) / (codeTotals.issued - issued);
      return { agent: agentRef(c), issued, unredeemed, rate: unredeemed / issued, peerRate, z: zScore(unredeemed, issued, peerRate) };
    })
    .filter((c) => c.z >= unredeemedZThreshold)
    .sort((a, b) => b.z - a.z)
    .map(({ z: _z, ...rest }) => rest);

  return {
    from,
    to,
    perHour: fillHours(args.from, args.to, hours.map((h) => ({ hour: toDate(h.hour).toISOString(), total: Number(h.total), passed: Number(h.passed) }))),
    perAgent,
    anomalies: {
      agentPassRate,
      repeatedPersons: persons.map((p) => ({
        maskedCpr: p.masked_cpr,
        attempts: Number(p.attempts),
        agents: Number(p.agents),
        lastAt: toDate(p.last_at).toISOString(),
        lastVerificationId: p.last_id,
      })),
      documentReuse: documents.map((d) => ({
        verificationId: d.verification_id,
        detectedAt: toDate(d.detected_at).toISOString(),
        persons: typeof d.persons === 'number' ? d.persons : null,
        maskedCpr: d.masked_cpr,
      })),
      offHoursCodes: offHours.map((c) => ({ verificationId: c.verification_id, issuedAt: toDate(c.issued_at).toISOString(), agent: agentRef(c) })),
      unredeemedCodes,
    },
    openingHours: { start: args.settings.openingHoursStart, end: args.settings.openingHoursEnd, timeZone: args.settings.timeZone },
  };
}

const hourMs = 3_600_000;
/** Every hour of the window, empty ones included, so the chart's axis is honest. At most a week of hours. */
function fillHours(from: Date, to: Date, rows: { hour: string; total: number; passed: number }[]) {
  const byHour = new Map(rows.map((r) => [r.hour, r]));
  const out: { hour: string; total: number; passed: number }[] = [];
  const start = Math.floor(from.getTime() / hourMs) * hourMs;
  for (let t = start; t < to.getTime() && out.length < 24 * 31; t += hourMs) {
    const hour = new Date(t).toISOString();
    out.push(byHour.get(hour) ?? { hour, total: 0, passed: 0 });
  }
  return out;
}
