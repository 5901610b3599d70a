import type { Database, DriverName } from '../db/types';
import { registerIsSandbox } from '../services/register/register-source';
import { apiVersion } from '../version';
import type { OperationHandlers } from './context';

export function healthHandlers(deps: { db: Database; driver: DriverName; embedded: boolean }): Pick<OperationHandlers, 'getHealth'> {
  return {
    getHealth: async () => ({
      status: 'ok',
      version: apiVersion,
      database: deps.driver,
      sandbox: await registerIsSandbox(deps.db, deps.embedded),
    }),
  };
}
