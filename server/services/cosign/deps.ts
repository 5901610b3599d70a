import type { Clock } from '../../clock';
import type { Database, Tx } from '../../db/types';
import type { AuditLater } from '../audit/audit-later';

/** What co-sign is built from (server/compose.ts). `issueApproved` is the codes service's. */
export interface CosignDeps {
  db: Database;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  clock: Clock;
  issueApproved(verificationId: string, agentId: string, supervisorId: string, approve: (tx: Tx, audit: AuditLater) => Promise<void>): Promise<void>;
}
