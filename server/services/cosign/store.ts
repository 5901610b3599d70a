// The co-sign request's persistence and its views. One row per verification (cosign_requests).
import { eq } from 'drizzle-orm';
import type { CosignView } from '../../../shared/api/index';
import { cosignRequests } from '../../db/schema/cosign';
import type { Database, Tx } from '../../db/types';

export type CosignRow = typeof cosignRequests.$inferSelect;

export function toCosignView(row: CosignRow): CosignView {
  return {
    status: row.status,
    reasons: row.reasons,
    requestedAt: row.requestedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

export async function loadCosign(db: Database | Tx, verificationId: string): Promise<CosignRow | null> {
  const [row] = await db.select().from(cosignRequests).where(eq(cosignRequests.verificationId, verificationId));
  return row ?? null;
}

/** The agent's view of a verification's co-sign request, or null when none was needed (yet). */
export async function cosignViewFor(db: Database | Tx, verificationId: string): Promise<CosignView | null> {
  const row = await loadCosign(db, verificationId);
  return row ? toCosignView(row) : null;
}
