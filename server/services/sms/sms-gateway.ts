// How an activation code reaches the caller's phone. The clear code exists only inside `body`.
import type { Tx } from '../../db/types';

export interface SmsMessage {
  /** E.164, e.g. +4520123456. */
  to: string;
  /** '+45 •• •• •• 56': what may be stored or shown. */
  toMasked: string;
  body: string;
  /** Stable per code: a gateway that honours idempotency keys delivers one SMS however often we retry. */
  idempotencyKey: string;
  mitidUserId: string;
  subjectHmac: string;
  codeId: string;
  at: Date;
}

export type SmsFailure = 'timeout' | 'rejected' | 'unreachable';
export type SmsResult = { ok: true } | { ok: false; failure: SmsFailure; status?: number };

export interface SmsGateway {
  readonly kind: 'sandbox' | 'http';
  /**
   * true: the gateway writes inside the issuing transaction (the sandbox outbox), so the code and its
   * SMS commit together. false: a remote call, made after the code's row has committed and never
   * while a transaction is open.
   */
  readonly inTransaction: boolean;
  send(message: SmsMessage, tx: Tx | null): Promise<SmsResult>;
}
