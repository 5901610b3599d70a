// GDPR Art. 15: who looked at a person, and what happened in their name. By subject HMAC only: the
// person's events are found without the CPR number ever being stored or searched in clear.
import { eq, inArray, or } from 'drizzle-orm';
import type { AuditEventView } from '../../../shared/api/index';
import { maskCpr } from '../../../shared/domain/cpr/index';
import { auditEvents } from '../../db/schema/audit';
import { verifications } from '../../db/schema/verifications';
import type { Database, Tx } from '../../db/types';
import { appendAuditEvents } from '../audit/append';
import { auditEventViews } from './timeline';

/** The lookup is itself an access to the person's data: recorded (and chained) before the log is read. */
export async function recordPersonAccessLookup(tx: Tx, args: { subjectHmac: string; actorId: string; reason: string; at: Date }): Promise<void> {
  await appendAuditEvents(tx, [{
    actor: args.actorId,
    action: 'review.person_access_log_viewed',
    subjectHmac: args.subjectHmac,
    payload: { reason: args.reason },
    occurredAt: args.at,
  }]);
}

/**
 * The person's events, read after recordPersonAccessLookup's transaction has committed: with the
 * audit log's group commit an event is in audit_events only once its transaction is chained, so the
 * lookup is in its own answer only when read afterwards.
 */
export async function readPersonAccessLog(
  db: Database,
  args: { cpr: string; subjectHmac: string; at: Date },
): Promise<{ maskedCpr: string; generatedAt: string; events: AuditEventView[] }> {
  // Events of the person's verifications that were written without the subject (e.g. a question answered).
  const theirVerifications = db.select({ id: verifications.id }).from(verifications).where(eq(verifications.subjectHmac, args.subjectHmac));
  const events = await auditEventViews(
    db,
    or(eq(auditEvents.subjectHmac, args.subjectHmac), inArray(auditEvents.verificationId, theirVerifications))!,
    50_000,
  );
  return { maskedCpr: maskCpr(args.cpr), generatedAt: args.at.toISOString(), events };
}
