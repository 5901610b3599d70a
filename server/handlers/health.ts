import type { Database, DriverName } from '../db/types';
import { registerIsSandbox } from '../services/register/register-source';
import { apiVersion } from '../version';
import type { OperationHandlers } from './context';

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
