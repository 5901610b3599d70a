// Attempt limits per person, counted in the database (instances share no memory) before anything is checked.
import { and, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { verifications } from '../../db/schema/verifications';
import type { Tx } from '../../db/types';

// Two-key advisory locks: their own key space, apart from the one-key locks of the audit appender and seeder.
const subjectLockSpace = 7301;
const documentLockSpace = 7302;

function lockKey(hmacHex: string): number {
  // The first 32 bits of the HMAC as a signed int4: collisions only make two callers wait for each other.
  return Number.parseInt(hmacHex.slice(0, 8), 16) | 0;
}

/**
 * Serialises starts for one person (and one document) across connections and instances until the
 * transaction ends, so two agents starting at once cannot both slip under the limit. Subject before
 * document, always, so two starts never wait for each other in a cycle.
 */
export async function lockAttempts(tx: Tx, subjectHmac: string | null, documentHmac: string): Promise<void> {
  const document = sql`pg_advisory_xact_lock(${documentLockSpace}::int4, ${lockKey(documentHmac)}::int4)`;
  // One round trip; the select list is evaluated left to right.
  await tx.execute(
    subjectHmac
      ? sql`select pg_advisory_xact_lock(${subjectLockSpace}::int4, ${lockKey(subjectHmac)}::int4), ${document}`
      : sql`select ${document}`,
  );
}

/** Outcomes that count against the person: a wrong document or too few correct answers. */
export const failedReasons = ['identity_not_verified', 'too_few_correct'] as const;

export async function recentFailures(tx: Tx, subjectHmac: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(verifications)
    .where(
      and(
        eq(verifications.subjectHmac, subjectHmac),
        eq(verifications.status, 'failed'),
        inArray(verifications.outcomeReason, [...failedReasons]),
        gt(verifications.endedAt, since),
      ),
    );
  return row?.n ?? 0;
}
