// The supervisor review's data at scale, generated inside the database (generate_series): shared by the
// review benchmark and the upgrade benchmark (which seeds it at the first migration, then migrates).
import { sql } from 'drizzle-orm';
import type { OpenDatabase } from '../server/db/index';

const agents = 60;
const days = 365;
/** The "today" of the seeded year of calls. */
export const reviewNow = new Date('2026-11-25T12:00:00Z');
const now = reviewNow;

/**
 * Users, verifications, codes and velocity signals generated inside the database (generate_series):
 * a year of calls, the status mix of a support line, a code for every pass.
 */
export async function seedVerifications(database: OpenDatabase, total: number): Promise<void> {
  const { db } = database;
  await db.execute(sql`insert into users (id, username, display_name, role, password_hash, created_at)
    select 'agent-' || g, 'agent' || g, 'Agent ' || g, 'agent', '$scrypt$bench', ${now.toISOString()}::timestamptz from generate_series(1, ${agents}) g`);
  const chunk = 100_000;
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    // started_at walks back from now, one call every (days × 86,400 / total) seconds.
    await db.execute(sql`insert into verifications (id, agent_id, status, outcome_reason, call_language, document_type, document_hmac,
        subject_hmac, identified, masked_cpr, policy, answered_count, max_questions, correct_count, score_weight, total_weight,
        started_at, last_activity_at, expires_at, ended_at, flagged)
      select 'bench-' || lpad(g::text, 8, '0'), 'agent-' || (1 + g % ${agents}),
        s.status, s.reason, case when g % 9 = 0 then 'en' else 'da' end, case when g % 3 = 0 then 'driving_licence' else 'passport' end,
        md5('doc' || g) || md5('doc2' || g), md5('cpr' || (g % 700000)) || md5('cpr2' || (g % 700000)), s.status <> 'failed' or g % 2 = 0,
        lpad((g % 311231)::text, 6, '0') || '-xxxx', '{}'::jsonb, 4 + g % 3, 6, 3 + g % 3, (g % 50) / 10.0, 5 + g % 3,
        t.at, t.at + interval '4 minutes', t.at + interval '30 minutes', t.at + make_interval(secs => 60 + g % 420), g % 200 = 0
      from generate_series(${from}::int, ${to}::int) g
      cross join lateral (select ${now.toISOString()}::timestamptz - make_interval(secs => g * ${(days * 86_400) / total}::float8) as at) t
      cross join lateral (select case when g % 10 < 6 then 'passed' when g % 10 < 8 then 'failed' when g % 10 < 9 then 'refer' else 'aborted' end as status) s0
      cross join lateral (select s0.status as status, case s0.status when 'passed' then 'passed' when 'failed' then 'too_few_correct'
        when 'refer' then 'insufficient_register_data' else 'caller_hung_up' end as reason) s`);
  }
  await db.execute(sql`insert into activation_codes (id, verification_id, mitid_user_id, subject_hmac, code_hmac, issued_by, issued_at, expires_at,
      attempts, max_attempts, used_at, delivery_status, masked_mobile)
    select 'code-' || v.id, v.id, 'user' || right(v.id, 6), v.subject_hmac, md5(v.id) || md5(v.id || 'c'), v.agent_id, v.ended_at,
      v.ended_at + interval '72 hours', 0, 3, case when right(v.id, 1) < '8' then v.ended_at + interval '10 minutes' end, 'sent', '****1234'
    from verifications v where v.status = 'passed'`);
  await db.execute(sql`insert into velocity_signals (id, verification_id, kind, detected_at, details)
    select 'sig-' || v.id, v.id, 'document_multi_person', v.started_at, '{}'::jsonb from verifications v where right(v.id, 3) = '777'`);
  await db.execute(sql`analyze`);
}

