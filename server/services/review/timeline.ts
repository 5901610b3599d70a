// Audit events as a supervisor reads them (timeline, person access log).
import { type SQL } from 'drizzle-orm';
import type { AuditEventView } from '../../../shared/api/index';
import { auditEvents } from '../../db/schema/audit';
import type { Database, Tx } from '../../db/types';
import { actorNames } from './actors';

export async function auditEventViews(db: Database | Tx, where: SQL, limit = 5_000): Promise<AuditEventView[]> {
  const rows = await db
    .select({
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      actor: auditEvents.actor,
      action: auditEvents.action,
      verificationId: auditEvents.verificationId,
      payload: auditEvents.payload,
    })
    .from(auditEvents)
    .where(where)
    .orderBy(auditEvents.seq)
    .limit(limit);
  const actor = await actorNames(db, rows.map((r) => r.actor));
  return rows.map((r) => ({
    seq: r.seq,
    occurredAt: r.occurredAt.toISOString(),
    actor: actor(r.actor),
    action: r.action,
    verificationId: r.verificationId,
    payload: r.payload,
  }));
}
