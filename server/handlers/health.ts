import { eq } from 'drizzle-orm';
import { registerMeta } from '../db/schema/register';
import type { Database, DriverName } from '../db/types';
import type { OperationHandlers } from '../http/context';
import { apiVersion } from '../version';

/**
 * Whether the register in the database is the synthetic one: the register's own `source` fact when
 * it has been loaded, otherwise the deployment kind (an embedded API only ever holds the sandbox).
 */
export async function registerIsSandbox(db: Database, embedded: boolean): Promise<boolean> {
  const [source] = await db.select({ value: registerMeta.value }).from(registerMeta).where(eq(registerMeta.key, 'source'));
  return source ? source.value === 'sandbox' : embedded;
}

/** `sandboxAids: false` (a real CPR source is configured) says so whatever the tables hold. */
export function healthHandlers(deps: { db: Database; driver: DriverName; embedded: boolean; sandboxAids?: boolean }): Pick<OperationHandlers, 'getHealth'> {
  return {
    getHealth: async () => ({
      status: 'ok',
      version: apiVersion,
      database: deps.driver,
      sandbox: deps.sandboxAids === false ? false : await registerIsSandbox(deps.db, deps.embedded),
    }),
  };
}
