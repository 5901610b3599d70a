// The policy as a supervisor edits it, mapped onto the policy document (server/db/policy.ts). Sections
// and values the editor does not show are kept as they are.
import { eq } from 'drizzle-orm';
import { ApiError, errorCodes, type EditablePolicy } from '../../../shared/api/index';
import { policySchema, type Policy } from '../../../shared/domain/policy/index';
import { getPolicy, policyKey, writePolicy } from '../../db/policy';
import { settings } from '../../db/schema/settings';
import type { Database, Tx } from '../../db/types';
import { appendAuditEvents, type AuditEventInput } from '../audit/append';
import { actorNames, type ActorRef } from './actors';

/**
 * Replaces the policy and records the whole document in the audit log, in the caller's transaction;
 * `also` are the caller's further events of that transaction, appended with it.
 */
export async function savePolicy(tx: Tx, policy: Policy, by: { actor: string; at: Date }, also: AuditEventInput[] = []): Promise<void> {
  const value = await writePolicy(tx, policy, by);
  await appendAuditEvents(tx, [{ actor: by.actor, action: 'policy.updated', payload: { policy: value }, occurredAt: by.at }, ...also]);
}

export function toEditable(policy: Policy): EditablePolicy {
  const v = policy.verification;
  const watch = policy.watch;
  return {
    verification: {
      questionCount: v.questionCount,
      extraQuestions: v.extraQuestions,
      passThresholdPercent: Math.round(v.passThreshold * 100),
      minCorrect: v.minCorrect,
      maxAcquaintanceQuestions: v.maxAcquaintanceQuestions,
      maxAcquaintanceQuestionsWhenThin: v.maxAcquaintanceQuestionsWhenThin,
      minPrivateCorrect: v.minPrivateCorrect,
      lockoutFailures: v.lockoutFailures,
      lockoutWindowHours: v.lockoutWindowHours,
      timeoutMinutes: v.timeoutMinutes,
    },
    codes: { length: policy.codes.length, lifetimeMinutes: policy.codes.lifetimeMinutes, maxAttempts: policy.codes.maxAttempts },
    session: { consoleLockMinutes: policy.session.consoleLockMinutes },
    watch: { openingHoursStart: watch.openingHoursStart, openingHoursEnd: watch.openingHoursEnd },
    cosign: { ...policy.cosign },
  };
}

export function applyEditable(policy: Policy, e: EditablePolicy): Policy {
  const next = {
    ...policy,
    verification: {
      ...policy.verification,
      ...e.verification,
      passThreshold: e.verification.passThresholdPercent / 100,
    },
    codes: { ...policy.codes, ...e.codes },
    session: { ...policy.session, ...e.session },
    watch: { ...policy.watch, ...e.watch },
    cosign: { ...policy.cosign, ...e.cosign },
  };
  delete (next.verification as { passThresholdPercent?: number }).passThresholdPercent;
  if (next.session.consoleLockMinutes >= next.session.idleMinutes) {
    throw new ApiError(400, errorCodes.badRequest, `session.consoleLockMinutes: must be below the session idle limit (${next.session.idleMinutes} minutes)`);
  }
  const parsed = policySchema.safeParse(next);
  if (!parsed.success) {
    throw new ApiError(400, errorCodes.badRequest, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

export interface PolicyState {
  policy: EditablePolicy;
  updatedAt: string | null;
  updatedBy: ActorRef | null;
}

export async function readPolicyState(db: Database | Tx): Promise<PolicyState> {
  const policy = await getPolicy(db);
  const [row] = await db.select({ updatedAt: settings.updatedAt, updatedBy: settings.updatedBy }).from(settings).where(eq(settings.key, policyKey));
  const actor = await actorNames(db, row ? [row.updatedBy] : []);
  return { policy: toEditable(policy), updatedAt: row ? row.updatedAt.toISOString() : null, updatedBy: row ? actor(row.updatedBy) : null };
}

/**
 * Saves the edited policy (savePolicy writes `policy.updated` with the whole document) and records
 * the reason and what changed in a second event of the same transaction.
 */
export async function updatePolicy(tx: Tx, args: { policy: EditablePolicy; reason: string; actorId: string; at: Date }): Promise<PolicyState> {
  const current = await getPolicy(tx);
  const next = applyEditable(current, args.policy);
  const before = toEditable(current);
  const changed = diffPaths(before, toEditable(next));
  await savePolicy(tx, next, { actor: args.actorId, at: args.at }, [
    { actor: args.actorId, action: 'policy.change_reason', payload: { reason: args.reason, changed }, occurredAt: args.at },
  ]);
  return readPolicyState(tx);
}

type Value = number | string | boolean;

function diffPaths(a: EditablePolicy, b: EditablePolicy): Record<string, { from: Value; to: Value }> {
  const out: Record<string, { from: Value; to: Value }> = {};
  for (const section of Object.keys(a) as (keyof EditablePolicy)[]) {
    const left = a[section] as Record<string, Value>;
    const right = b[section] as Record<string, Value>;
    for (const key of Object.keys(left)) {
      if (left[key] !== right[key]) out[`${section}.${key}`] = { from: left[key] as Value, to: right[key] as Value };
    }
  }
  return out;
}
