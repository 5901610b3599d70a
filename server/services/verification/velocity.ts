// Velocity signals for supervisors: one person tried by several agents, one document tried for several persons.
// Written in the start's transaction, after its verification row, while the attempt locks are held.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { velocitySignals, verifications } from '../../db/schema/verifications';
import type { Tx } from '../../db/types';
import type { AuditEventInput } from '../audit/append';

export interface VelocityInput {
  verificationId: string;
  subjectHmac: string | null;
  documentHmac: string;
  actor: string;
  now: Date;
  personSince: Date;
  documentSince: Date;
}

export type VelocityKind = 'person_multi_agent' | 'document_multi_person';

/** Records the signals and adds their audit events to `audit` (the caller appends them with its own, last). */
export async function recordVelocitySignals(tx: Tx, v: VelocityInput, audit: AuditEventInput[]): Promise<VelocityKind[]> {
  const found: VelocityKind[] = [];
  const record = async (kind: VelocityKind, details: Record<string, unknown>) => {
    await tx.insert(velocitySignals).values({
      id: randomUUID(),
      kind,
      verificationId: v.verificationId,
      subjectHmac: v.subjectHmac,
      documentHmac: kind === 'document_multi_person' ? v.documentHmac : null,
      detectedAt: v.now,
      details,
    });
    audit.push({
      actor: v.actor,
      action: 'verification.velocity_signal',
      subjectHmac: v.subjectHmac,
      verificationId: v.verificationId,
      payload: { kind, ...details },
      occurredAt: v.now,
    });
    found.push(kind);
  };

  if (v.subjectHmac) {
    const [row] = await tx
      .select({ agents: sql<string[]>`array_agg(distinct ${verifications.agentId})`, attempts: sql<number>`count(*)::int` })
      .from(verifications)
      .where(and(eq(verifications.subjectHmac, v.subjectHmac), gt(verifications.startedAt, v.personSince)));
    const agents = row?.agents ?? [];
    if (agents.length >= 2) await record('person_multi_agent', { agents: agents.length, attempts: row?.attempts ?? 0, agentIds: [...agents].sort() });
  }
  const [doc] = await tx
    .select({ persons: sql<number>`count(distinct ${verifications.subjectHmac})::int`, attempts: sql<number>`count(*)::int` })
    .from(verifications)
    .where(and(eq(verifications.documentHmac, v.documentHmac), isNotNull(verifications.subjectHmac), gt(verifications.startedAt, v.documentSince)));
  if ((doc?.persons ?? 0) >= 2) await record('document_multi_person', { persons: doc?.persons ?? 0, attempts: doc?.attempts ?? 0 });
  return found;
}
