import { desc, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AuditAction } from '../../../shared/domain/audit/index';
import { advisoryLocks } from '../../db/advisory-locks';
import { auditEvents } from '../../db/schema/audit';
import type { Tx } from '../../db/types';
import { canonicalJson } from './canonical-json';
import { reportAuditAppend } from './append-timing';
import { chainHash, genesisHash } from './chain';

// Same key in every instance: all appenders in the cluster queue on it.
const auditAppendLockKey = advisoryLocks.auditAppend;

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number().finite(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

export const auditEventInputSchema = z.object({
  /** A user id, 'system' or 'public'. */
  actor: z.string().min(1).max(100),
  /** dotted verb, e.g. 'login.succeeded', 'user.created'. */
  action: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'dotted lower-case action'),
  /** From subjectHmac(cpr): never the CPR number itself. */
  subjectHmac: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullish(),
  verificationId: z.string().max(100).nullish(),
  /** Facts about the event, never personal data. */
  payload: z.record(z.string(), jsonValue).default({}),
  occurredAt: z.date(),
});
/**
 * An event to append. The action is one of shared/domain/audit's union (the compiler holds every caller
 * to it); the stored form stays the dotted string, so events written before the union read as ever.
 */
export type AuditEventInput = Omit<z.input<typeof auditEventInputSchema>, 'action'> & { action: AuditAction };

export interface AppendedEvent {
  seq: number;
  hash: string;
}

/**
 * Appends events to the audit chain, in order. Call it inside the transaction of the state change
 * they record, last: it takes a transaction-scoped advisory lock (released at commit or rollback) so
 * appends from every connection and instance queue, then reads the head and links to it. A
 * transaction's events go in together (one lock, one head read, one INSERT): the lock is the one
 * point all instances queue on, so every statement kept out of it is throughput.
 * The transaction must be READ COMMITTED (the default) so the head read after the lock is current;
 * the primary key on seq turns any mistake into an error rather than a fork.
 */
export async function appendAuditEvents(tx: Tx, inputs: readonly AuditEventInput[]): Promise<AppendedEvent[]> {
  if (inputs.length === 0) return [];
  // Round-trip each payload through canonical JSON so what we hash is exactly what jsonb gives back.
  const events = inputs.map((input) => {
    const event = auditEventInputSchema.parse(input);
    return { ...event, payload: JSON.parse(canonicalJson(event.payload)) as Record<string, unknown> };
  });
  const started = performance.now();
  await tx.execute(sql`select pg_advisory_xact_lock(${auditAppendLockKey})`);
  const [head] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? genesisHash;
  const rows = events.map((event) => {
    seq += 1;
    const row = {
      seq,
      occurredAt: event.occurredAt,
      actor: event.actor,
      action: event.action,
      subjectHmac: event.subjectHmac ?? null,
      verificationId: event.verificationId ?? null,
      payload: event.payload,
    };
    const hash = chainHash(prevHash, row);
    const chained = { ...row, prevHash, hash };
    prevHash = hash;
    return chained;
  });
  await tx.insert(auditEvents).values(rows);
  reportAuditAppend((performance.now() - started) / 1000);
  return rows.map(({ seq, hash }) => ({ seq, hash }));
}

/** Appends one event (see appendAuditEvents; a transaction with several should pass them together). */
export async function appendAuditEvent(tx: Tx, input: AuditEventInput): Promise<AppendedEvent> {
  const [appended] = await appendAuditEvents(tx, [input]);
  return appended as AppendedEvent;
}
