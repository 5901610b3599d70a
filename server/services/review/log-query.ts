// The verification log as SQL: one filter → WHERE builder shared by the paged list and the streaming
// export, so the two can never disagree about which rows a filter selects.
import { sql, type SQL } from 'drizzle-orm';
import type { CosignStatus, LogCosignFilter, VerificationFilter, VerificationLogRow, VerificationSort } from '../../../shared/api/index';
import type { RedFlagKind } from '../../../shared/domain/cosign/index';
import { queryRows } from '../../db/rows';
import type { Database, Tx } from '../../db/types';
import { codeStatus, type CodeStateColumns } from '../codes/code-status';

/** A filter as the server keeps it: the CPR number already turned into its subject HMAC. `verificationId` is internal (detail). */
export type StoredFilter = Omit<VerificationFilter, 'cpr'> & { subjectHmac?: string; verificationId?: string };

/**
 * The co-sign filter as a semi-join on the (small) request table. Expiry is lazy (recorded by whoever
 * looks next), so a pending request past its time is filtered as expired, as the row shows it.
 */
function cosignCondition(state: LogCosignFilter, now: Date): SQL {
  const at = now.toISOString();
  const match: Record<LogCosignFilter, SQL> = {
    requested: sql`true`,
    pending: sql`r.status = 'pending' and r.expires_at > ${at}::timestamptz`,
    approved: sql`r.status = 'approved'`,
    denied: sql`r.status = 'denied'`,
    expired: sql`(r.status = 'expired' or (r.status = 'pending' and r.expires_at <= ${at}::timestamptz))`,
  };
  return sql`exists (select 1 from cosign_requests r where r.verification_id = v.id and ${match[state]})`;
}

function conditions(filter: StoredFilter, now: Date): SQL[] {
  const parts: SQL[] = [];
  if (filter.from) parts.push(sql`v.started_at >= ${filter.from}::timestamptz`);
  if (filter.to) parts.push(sql`v.started_at < ${filter.to}::timestamptz`);
  if (filter.agentId) parts.push(sql`v.agent_id = ${filter.agentId}`);
  if (filter.status) parts.push(sql`v.status = ${filter.status}`);
  // Spelled as a literal predicate (not a bound parameter) so the planner can use the partial index on flagged rows.
  if (filter.flagged !== undefined) parts.push(filter.flagged ? sql`v.flagged` : sql`not v.flagged`);
  if (filter.subjectHmac) parts.push(sql`v.subject_hmac = ${filter.subjectHmac}`);
  if (filter.verificationId) parts.push(sql`v.id = ${filter.verificationId}`);
  if (filter.callId) parts.push(sql`v.call_id = ${filter.callId}`);
  if (filter.cosign) parts.push(cosignCondition(filter.cosign, now));
  // Literal, as the predicate of the partial index on red-flagged rows (verifications_red_flagged_started_idx).
  if (filter.redFlagged !== undefined) parts.push(filter.redFlagged ? sql`v.red_flags <> '[]'::jsonb` : sql`v.red_flags = '[]'::jsonb`);
  return parts;
}

const where = (parts: SQL[]): SQL => (parts.length > 0 ? sql`where ${sql.join(parts, sql` and `)}` : sql``);

export function whereClause(filter: StoredFilter, now: Date): SQL {
  return where(conditions(filter, now));
}

const sortExpressions: Record<VerificationSort['field'], SQL> = {
  startedAt: sql`v.started_at`,
  agent: sql`u.display_name`,
  status: sql`v.status`,
  questions: sql`v.answered_count`,
  score: sql`(case when v.total_weight > 0 then v.score_weight / v.total_weight end)`,
  duration: sql`(v.ended_at - v.started_at)`,
};

function orderBy(sort: VerificationSort): SQL {
  const dir = sort.direction === 'asc' ? sql`asc` : sql`desc`;
  const expr = sortExpressions[sort.field];
  // Ties (and nulls, always last) are broken by time and id, so a page boundary is stable.
  if (sort.field === 'startedAt') return sql`order by v.started_at ${dir}, v.id ${dir}`;
  return sql`order by ${expr} ${dir} nulls last, v.started_at desc, v.id desc`;
}

const selectColumns = sql`
  v.id, v.started_at, v.ended_at, v.agent_id, u.username, u.display_name, v.masked_cpr, v.document_type,
  v.answered_count, v.score_weight, v.total_weight, v.status, v.outcome_reason, v.flagged, v.call_id, v.caller_number, v.red_flags,
  cr.status as cosign_status, cr.expires_at as cosign_expires_at,
  c.expires_at as code_expires_at, c.attempts as code_attempts, c.max_attempts as code_max_attempts,
  c.used_at as code_used_at, c.revoked_at as code_revoked_at, c.revoke_reason as code_revoke_reason, c.delivery_status as code_delivery_status,
  (select count(*) from velocity_signals s where s.verification_id = v.id)::int as signals`;

const fromClause = sql`from verifications v join users u on u.id = v.agent_id left join activation_codes c on c.verification_id = v.id
  left join cosign_requests cr on cr.verification_id = v.id`;

export interface LogDbRow extends Record<string, unknown> {
  id: string;
  started_at: Date | string;
  ended_at: Date | string | null;
  agent_id: string;
  username: string;
  display_name: string;
  masked_cpr: string | null;
  document_type: string;
  answered_count: number;
  score_weight: number;
  total_weight: number;
  status: string;
  outcome_reason: string | null;
  flagged: boolean;
  call_id: string | null;
  caller_number: string | null;
  red_flags: RedFlagKind[];
  cosign_status: CosignStatus | null;
  cosign_expires_at: Date | string | null;
  code_expires_at: Date | string | null;
  code_attempts: number | null;
  code_max_attempts: number | null;
  code_used_at: Date | string | null;
  code_revoked_at: Date | string | null;
  code_revoke_reason: string | null;
  code_delivery_status: CodeStateColumns['deliveryStatus'] | null;
  signals: number;
}

// Raw SQL answers timestamps as Date (PGlite) or string (node-postgres with some settings): accept both.
export const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
const toDateOrNull = (v: Date | string | null): Date | null => (v === null ? null : toDate(v));

export function toLogRow(r: LogDbRow, now: Date): VerificationLogRow {
  const startedAt = toDate(r.started_at);
  const endedAt = toDateOrNull(r.ended_at);
  const code =
    r.code_expires_at === null
      ? null
      : {
          expiresAt: toDate(r.code_expires_at),
          attempts: Number(r.code_attempts),
          maxAttempts: Number(r.code_max_attempts),
          usedAt: toDateOrNull(r.code_used_at),
          revokedAt: toDateOrNull(r.code_revoked_at),
          revokeReason: r.code_revoke_reason,
          deliveryStatus: r.code_delivery_status ?? 'sent',
        };
  const total = Number(r.total_weight);
  return {
    id: r.id,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt ? endedAt.toISOString() : null,
    agent: { id: r.agent_id, username: r.username, displayName: r.display_name },
    maskedCpr: r.masked_cpr,
    documentType: r.document_type as VerificationLogRow['documentType'],
    questionsAsked: Number(r.answered_count),
    scorePercent: total > 0 ? Math.round((Number(r.score_weight) / total) * 1000) / 10 : null,
    status: r.status as VerificationLogRow['status'],
    outcome: r.outcome_reason as VerificationLogRow['outcome'],
    codeStatus: codeStatus(code, now),
    durationSeconds: endedAt ? Math.max(0, Math.round((endedAt.getTime() - startedAt.getTime()) / 1000)) : null,
    flagged: r.flagged,
    velocitySignals: Number(r.signals),
    callId: r.call_id,
    callerNumber: r.caller_number as VerificationLogRow['callerNumber'],
    cosignStatus: r.cosign_status === 'pending' && r.cosign_expires_at !== null && toDate(r.cosign_expires_at) <= now ? 'expired' : r.cosign_status,
    redFlags: r.red_flags,
  };
}

export async function queryLogPage(
  db: Database | Tx,
  args: { filter: StoredFilter; sort: VerificationSort; page: number; pageSize: number; countLimit: number; now: Date },
): Promise<{ items: VerificationLogRow[]; total: number; totalIsLowerBound: boolean }> {
  const filterSql = whereClause(args.filter, args.now);
  const rows = await queryRows<LogDbRow>(
    db,
    sql`select ${selectColumns} ${fromClause} ${filterSql} ${orderBy(args.sort)} limit ${args.pageSize} offset ${args.page * args.pageSize}`,
  );
  // Count at most countLimit + 1 rows: enough to page, cheap on a million.
  const [counted] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*)::int as n from (select 1 from verifications v ${filterSql} limit ${args.countLimit + 1}) x`,
  );
  const n = Number(counted?.n ?? 0);
  return {
    items: rows.map((r) => toLogRow(r, args.now)),
    total: Math.min(n, args.countLimit),
    totalIsLowerBound: n > args.countLimit,
  };
}

/** The position after the last row of a batch: keyset pagination in time order. */
export interface LogCursor {
  startedAt: Date;
  id: string;
}

/**
 * One batch of the log in time order after `cursor` (keyset: each batch is an index range scan, so the
 * millionth row costs what the first did and nothing accumulates in memory).
 */
export async function queryLogBatch(
  db: Database | Tx,
  args: { filter: StoredFilter; direction: 'asc' | 'desc'; after: LogCursor | null; limit: number; now: Date },
): Promise<LogDbRow[]> {
  const parts = conditions(args.filter, args.now);
  if (args.after) {
    const at = args.after.startedAt.toISOString();
    parts.push(
      args.direction === 'desc'
        ? sql`(v.started_at, v.id) < (${at}::timestamptz, ${args.after.id})`
        : sql`(v.started_at, v.id) > (${at}::timestamptz, ${args.after.id})`,
    );
  }
  const dir = args.direction === 'asc' ? sql`asc` : sql`desc`;
  return queryRows<LogDbRow>(
    db,
    sql`select ${selectColumns} ${fromClause} ${where(parts)} order by v.started_at ${dir}, v.id ${dir} limit ${args.limit}`,
  );
}

