// The facts the co-sign rule (shared/domain/cosign) reads, gathered from the verification row, its
// velocity signals and the policy. Nothing here is an answer or a CPR number.
import { eq } from 'drizzle-orm';
import { isOutsideOpeningHours, type CosignFacts } from '../../../shared/domain/cosign/index';
import { verificationPolicySchema, type Policy } from '../../../shared/domain/policy/index';
import { velocitySignals } from '../../db/schema/verifications';
import type { Database, Tx } from '../../db/types';
import type { VerificationRow } from '../verification/view';

export type VelocityKind = CosignFacts['velocity'][number];

/** The pass threshold the verification ran with (its policy snapshot), or today's default. */
export function passThresholdOf(v: VerificationRow): number {
  const parsed = verificationPolicySchema.safeParse(v.policy);
  return parsed.success ? parsed.data.passThreshold : verificationPolicySchema.parse({}).passThreshold;
}

export function hasNameAddressProtection(v: VerificationRow): boolean {
  const notices = (v.plan as { notices?: string[] } | null)?.notices ?? [];
  return notices.includes('name_address_protection');
}

export async function velocityKindsOf(db: Database | Tx, verificationId: string): Promise<VelocityKind[]> {
  const rows = await db.select({ kind: velocitySignals.kind }).from(velocitySignals).where(eq(velocitySignals.verificationId, verificationId));
  return [...new Set(rows.map((r) => r.kind))];
}

export async function cosignFactsOf(db: Database | Tx, v: VerificationRow, policy: Policy, now: Date): Promise<CosignFacts> {
  return {
    redFlags: v.redFlags,
    velocity: await velocityKindsOf(db, v.id),
    nameAddressProtection: hasNameAddressProtection(v),
    scoreWeight: v.scoreWeight,
    totalWeight: v.totalWeight,
    passThreshold: passThresholdOf(v),
    outsideOpeningHours: isOutsideOpeningHours(now, policy.watch),
  };
}
