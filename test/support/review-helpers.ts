// Verifications, questions, codes, signals and their audit events written straight into the tables,
// so the supervisor's review can be tested without driving the verification engine call by call.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { cosignRequests } from '../../server/db/schema/cosign';
import { activationCodes, velocitySignals, verificationQuestions, verifications } from '../../server/db/schema/verifications';
import type { Database, Tx } from '../../server/db/types';
import { appendAuditEvents } from '../../server/services/audit/append';
import { createSubjectHmac } from '../../server/services/audit/subject-hmac';
import { createCprSealer } from '../../server/services/sealing';
import type { AuditAction } from '../../shared/domain/audit/index';
import type { CosignReason, RedFlagKind } from '../../shared/domain/cosign/index';
import { maskCpr } from '../../shared/domain/cpr/index';
import { testSecrets } from './support-api';

export const subjectOf = createSubjectHmac(testSecrets);
const sealer = createCprSealer(testSecrets);
const documentHmac = (n: string) => subjectOf(`doc:${n}`);

export interface SeedVerification {
  agentId: string;
  cpr?: string | null;
  status?: 'in_progress' | 'passed' | 'failed' | 'refer' | 'aborted' | 'expired';
  startedAt: Date;
  durationSeconds?: number;
  document?: string;
  /** Per question: score 0..1 (null = unanswered). */
  scores?: (number | null)[];
  flagged?: boolean;
  /** The agent's red flags on the call. */
  redFlags?: RedFlagKind[];
  /** Also write the audit events an engine would. */
  audit?: boolean;
}

type Runner = { transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> };

export async function seedVerification(db: Runner, s: SeedVerification): Promise<{ id: string; subjectHmac: string | null }> {
  const id = randomUUID();
  const status = s.status ?? 'passed';
  const scores = s.scores ?? [1, 1, 0.5, 1];
  const answered = scores.filter((x): x is number => x !== null);
  const subjectHmac = s.cpr ? subjectOf(s.cpr) : null;
  const endedAt = status === 'in_progress' ? null : new Date(s.startedAt.getTime() + (s.durationSeconds ?? 240) * 1000);
  await db.transaction(async (tx) => {
    await tx.insert(verifications).values({
      id,
      agentId: s.agentId,
      status,
      outcomeReason: status === 'passed' ? 'passed' : status === 'failed' ? 'too_few_correct' : status === 'in_progress' ? null : 'other',
      callLanguage: 'da',
      documentType: 'passport',
      documentHmac: documentHmac(s.document ?? `doc-${id}`),
      subjectHmac,
      identified: Boolean(s.cpr),
      cprSealed: s.cpr ? sealer.seal(s.cpr) : null,
      maskedCpr: s.cpr ? maskCpr(s.cpr) : null,
      policy: {},
      answeredCount: answered.length,
      maxQuestions: 6,
      correctCount: answered.filter((x) => x >= 1).length,
      scoreWeight: answered.reduce((a, b) => a + b, 0),
      totalWeight: answered.length,
      startedAt: s.startedAt,
      lastActivityAt: endedAt ?? s.startedAt,
      expiresAt: new Date(s.startedAt.getTime() + 15 * 60_000),
      endedAt,
      flagged: s.flagged ?? false,
      redFlags: s.redFlags ?? [],
    });
    let seq = 0;
    for (const score of scores) {
      seq += 1;
      const askedAt = new Date(s.startedAt.getTime() + seq * 30_000);
      await tx.insert(verificationQuestions).values({
        verificationId: id,
        seq,
        questionId: randomUUID(),
        kind: seq % 2 ? 'earlier_address' : 'parent_first_name',
        answerFormat: seq % 2 ? 'address' : 'name',
        params: { year: 2010 },
        strength: 1,
        askedAt,
        answeredAt: score === null ? null : new Date(askedAt.getTime() + 12_000),
        score,
        dontKnow: score === null ? null : false,
        timeTakenMs: score === null ? null : 12_000,
      });
    }
    if (s.audit !== false) {
      await appendAuditEvents(tx, [
        { actor: s.agentId, action: 'verification.started', verificationId: id, subjectHmac, payload: { documentType: 'passport' }, occurredAt: s.startedAt },
        ...(endedAt ? [{ actor: s.agentId, action: `verification.${status}` as AuditAction, verificationId: id, subjectHmac, payload: {}, occurredAt: endedAt }] : []),
      ]);
    }
  });
  return { id, subjectHmac };
}

export async function seedCode(
  db: Runner,
  c: { verificationId: string; agentId: string; issuedAt: Date; lifetimeMinutes?: number; usedAt?: Date | null; revokedAt?: Date | null; attempts?: number },
): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(activationCodes).values({
      id,
      verificationId: c.verificationId,
      mitidUserId: `user-${id.slice(0, 8)}`,
      subjectHmac: subjectOf('0000000000'),
      codeHmac: randomUUID(),
      issuedBy: c.agentId,
      issuedAt: c.issuedAt,
      expiresAt: new Date(c.issuedAt.getTime() + (c.lifetimeMinutes ?? 30) * 60_000),
      attempts: c.attempts ?? 0,
      maxAttempts: 3,
      usedAt: c.usedAt ?? null,
      revokedAt: c.revokedAt ?? null,
      deliveryStatus: 'sent',
      maskedMobile: '+45 •• •• •• 12',
    });
    await appendAuditEvents(tx, [{ actor: c.agentId, action: 'code.issued', verificationId: c.verificationId, payload: { codeId: id }, occurredAt: c.issuedAt }]);
  });
  return id;
}

export async function seedSignal(db: Database, s: { verificationId: string; kind: 'person_multi_agent' | 'document_multi_person'; at: Date; persons?: number }) {
  await db.insert(velocitySignals).values({ id: randomUUID(), kind: s.kind, verificationId: s.verificationId, detectedAt: s.at, details: { persons: s.persons ?? 2 } });
}

/** A co-sign request as the gate and a supervisor's decision leave it (no audit events). */
export async function seedCosign(
  db: Database,
  c: { verificationId: string; agentId: string; status: 'pending' | 'approved' | 'denied' | 'expired'; requestedAt: Date; timeoutMinutes?: number; reasons?: CosignReason[] },
): Promise<void> {
  await db.insert(cosignRequests).values({
    verificationId: c.verificationId,
    agentId: c.agentId,
    status: c.status,
    reasons: c.reasons ?? ['velocity_person'],
    requestedAt: c.requestedAt,
    expiresAt: new Date(c.requestedAt.getTime() + (c.timeoutMinutes ?? 5) * 60_000),
  });
}

/** Test only: changes an audit row behind the trigger's back, as an attacker with table access could. */
export async function tamperAuditEvent(db: Database | Tx, seq: number, payload: Record<string, unknown>): Promise<void> {
  await db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
  try {
    await db.execute(sql`update audit_events set payload = ${JSON.stringify(payload)}::jsonb where seq = ${seq}`);
  } finally {
    await db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
  }
}
