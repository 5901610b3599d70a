import type { Clock } from '../../clock';
import type { Database, Tx } from '../../db/types';
import type { SubjectHmac } from '../audit/subject-hmac';
import type { RegisterPort } from '../register/port';
import type { CprSealer } from '../sealing';
import type { Pick } from './candidates';
import type { DocumentHmac } from './document-hmac';

/** What the verification operations are built from (server/compose.ts builds the sealer and the HMACs). */
export interface VerificationServiceDeps {
  db: Database;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  clock: Clock;
  subjectHmac: SubjectHmac;
  cprSealer: CprSealer;
  documentHmac: DocumentHmac;
  /** Picks one of several items; node:crypto by default. */
  pick?: Pick;
  /** Where register facts come from; the register tables (sandbox or imported extract) by default. */
  register?: RegisterPort;
}

export const minute = 60_000;
export const hour = 60 * minute;
