// The message outbox: the sandbox SMS gateway and the Digital Post notifier write here (inside the
// caller's transaction); the sandbox phone reads it back, unsealed.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { OutboxMessage } from '../../../shared/api/index';
import { messageOutbox } from '../../db/schema/outbox';
import type { Database, Tx } from '../../db/types';
import type { OutboxSealer } from '../sealing';

export interface OutboxEntry {
  channel: 'sms' | 'digital_post';
  recipientMasked: string;
  mitidUserId: string | null;
  subjectHmac: string | null;
  subject: string | null;
  body: string;
  codeId: string | null;
  at: Date;
}

export async function writeOutbox(tx: Tx | Database, sealer: OutboxSealer, entry: OutboxEntry): Promise<string> {
  const id = randomUUID();
  const { body, at, ...rest } = entry;
  await tx.insert(messageOutbox).values({ id, ...rest, bodySealed: sealer.seal(body), createdAt: at });
  return id;
}

/** Newest first, optionally for one MitID user ID. */
export async function readOutbox(
  db: Database,
  sealer: OutboxSealer,
  filter: { userId?: string | undefined; limit: number },
): Promise<OutboxMessage[]> {
  const where: SQL[] = [];
  if (filter.userId) where.push(eq(messageOutbox.mitidUserId, filter.userId.trim().toLowerCase()));
  const rows = await db
    .select()
    .from(messageOutbox)
    .where(and(...where))
    .orderBy(desc(messageOutbox.createdAt), desc(messageOutbox.seq))
    .limit(filter.limit);
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel as OutboxMessage['channel'],
    recipient: r.recipientMasked,
    userId: r.mitidUserId,
    subject: r.subject,
    body: sealer.unseal(r.bodySealed),
    sentAt: r.createdAt.toISOString(),
  }));
}
