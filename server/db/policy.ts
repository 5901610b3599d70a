// The stored policy document: one jsonb row in `settings`, read and written through the schema of
// shared/domain/policy. The audit event of a change is the caller's (server/services/review/policy-settings.ts).
import { eq } from 'drizzle-orm';
import { policySchema, type Policy } from '../../shared/domain/policy/index';
import { settings } from './schema/settings';
import type { Database, Tx } from './types';

export const policyKey = 'policy';

/** The policy in force: the stored document over the defaults. Read per use: instances share no memory. */
export async function getPolicy(db: Database | Tx): Promise<Policy> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, policyKey));
  const parsed = policySchema.safeParse(row?.value ?? {});
  if (!parsed.success) throw new Error('The stored policy does not match its schema; fix the settings row "policy".');
  return parsed.data;
}

/** Replaces the stored policy; returns the document as stored (defaults filled in). */
export async function writePolicy(tx: Tx, policy: Policy, by: { actor: string; at: Date }): Promise<Policy> {
  const value = policySchema.parse(policy);
  await tx
    .insert(settings)
    .values({ key: policyKey, value, updatedAt: by.at, updatedBy: by.actor })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: by.at, updatedBy: by.actor } });
  return value;
}
