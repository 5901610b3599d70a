// GDPR Art. 15: who looked at a person, and what happened in their name. By subject HMAC only: the
// person's events are found without the CPR number ever being stored or searched in clear.
import { eq, inArray, or } from 'drizzle-orm';
import type { AuditEventView } from '../../../shared/api/index';
import { maskCpr } from '../../../shared/domain/cpr/index';
import { auditEvents } from '../../db/schema/audit';
import { verifications } from '../../db/schema/verifications';
import type { Tx } from '../../db/types';
import { appendAuditEvent } from '../audit/append';
import { auditEventViews } from './timeline';

export async function personAccessLog(
  tx: Tx,
  args: { cpr: string; subjectHmac: string; actorId: string; reason: string; at: Date },
): Promise<{ maskedCpr: string; generatedAt: string; events: AuditEventView[] }> {
  // The lookup is itself an access to the person's data: record it first, so it is in the answer too.
  await appendAuditEvent(tx, {
    actor: args.actorId,
    action: 'review.person_access_log_viewed',
    subjectHmac: args.subjectHmac,
    payload: { reason: args.reason },
    occurredAt: args.at,
  });
  // Events of the person's verifications that were written without the subject (e.g. a question answered).
  const theirVerifications = tx.select({ id: verifications.id }).from(verifications).where(eq(verifications.subjectHmac, args.subjectHmac));
  const events = await auditEventViews(
    tx,
    or(eq(auditEvents.subjectHmac, args.subjectHmac), inArray(auditEvents.verificationId, theirVerifications))!,
    50_000,
  );
  return { maskedCpr: maskCpr(args.cpr), generatedAt: args.at.toISOString(), events };
}
