import type { Clock } from '../../clock';
import type { Database, Tx } from '../../db/types';
import type { AuditEventInput } from '../audit/append';

/** What co-sign is built from (server/compose.ts). `issueApproved` is the codes service's. */
export interface CosignDeps {
  db: Database;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  clock: Clock;
  issueApproved(verificationId: string, agentId: string, supervisorId: string, approve: (tx: Tx, audit: AuditEventInput[]) => Promise<void>): Promise<void>;
}
