import type { Clock } from '../../clock';
import type { Database, Tx } from '../../db/types';
import type { ScryptParams } from '../accounts/password';
import type { Notifier } from '../notify/notifier';
import type { OutboxSealer } from '../sealing';
import type { SmsGateway } from '../sms/sms-gateway';
import type { CodeHasher } from './code-secret';

export interface CodesDeps {
  db: Database;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  clock: Clock;
  sms: SmsGateway;
  notifier: Notifier;
  hashCode: CodeHasher;
  outboxSealer: OutboxSealer;
  /** The verified CPR number back from verifications.cpr_sealed (server/services/sealing.ts). */
  unsealCpr(sealed: string): string;
  /** Whether this deployment holds the sandbox register (the sandbox phone exists only there). */
  isSandbox(): Promise<boolean>;
  scryptParams?: ScryptParams;
}
