import type { SQL } from 'drizzle-orm';
import type { Database, Tx } from './types';

/**
 * Runs raw SQL and returns its rows. Both drivers answer `execute` with an object holding `rows`, but
 * the driver-neutral Database type cannot say so; this is the one place that knows.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Database | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
