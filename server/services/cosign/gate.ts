// The co-sign gate on the code's path, before any code exists: called by codes/issue.ts inside the
// transaction that holds the verification row. A code that needs co-sign is not issued; a request waits.
import { cosignReasonsFor } from '../../../shared/domain/cosign/index';
import type { Policy } from '../../../shared/domain/policy/index';
import { cosignRequests } from '../../db/schema/cosign';
import type { Tx } from '../../db/types';
import type { AuditEventInput } from '../audit/append';
import type { VerificationRow } from '../verification/view';
import { cosignFactsOf } from './facts';
import { loadCosign } from './store';

/** 'proceed': issue the code now. 'waiting': a supervisor must decide first (the request exists now). */
export async function cosignGate(tx: Tx, audit: AuditEventInput[], v: VerificationRow, args: { policy: Policy; now: Date; actor: string }): Promise<'proceed' | 'waiting'> {
  const existing = await loadCosign(tx, v.id);
  if (existing) return existing.status === 'approved' ? 'proceed' : 'waiting';
  const reasons = cosignReasonsFor(await cosignFactsOf(tx, v, args.policy, args.now), args.policy.cosign);
  if (reasons.length === 0) return 'proceed';
  const expiresAt = new Date(args.now.getTime() + args.policy.cosign.timeoutMinutes * 60_000);
  await tx.insert(cosignRequests).values({ verificationId: v.id, agentId: v.agentId, status: 'pending', reasons, requestedAt: args.now, expiresAt });
  audit.push({
    actor: args.actor,
    action: 'cosign.requested',
    subjectHmac: v.subjectHmac,
    verificationId: v.id,
    payload: { reasons, expiresAt: expiresAt.toISOString(), timeoutMinutes: args.policy.cosign.timeoutMinutes },
    occurredAt: args.now,
  });
  return 'waiting';
}
