// Which register this deployment holds. The sandbox phone and the sandbox banner exist only for the
// synthetic one.
import { eq } from 'drizzle-orm';
import { registerMeta } from '../../db/schema/register';
import type { Database } from '../../db/types';

/**
 * Whether the register in the database is the synthetic one: the register's own `source` fact when
 * it has been loaded, otherwise the deployment kind (an embedded API only ever holds the sandbox).
 */
export async function registerIsSandbox(db: Database, embedded: boolean): Promise<boolean> {
  const [source] = await db.select({ value: registerMeta.value }).from(registerMeta).where(eq(registerMeta.key, 'source'));
  return source ? source.value === 'sandbox' : embedded;
}
