// Names for the actor ids of audit events and rows: users get their display name, 'system'/'public' none.
import { inArray } from 'drizzle-orm';
import { users } from '../../db/schema/users';
import type { Database, Tx } from '../../db/types';

export type ActorRef = { id: string; displayName: string | null };

export async function actorNames(db: Database | Tx, ids: Iterable<string>): Promise<(id: string) => ActorRef> {
  const unique = [...new Set(ids)];
  const rows = unique.length > 0 ? await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, unique)) : [];
  const names = new Map(rows.map((r) => [r.id, r.displayName]));
  return (id) => ({ id, displayName: names.get(id) ?? null });
}
