// Wrap-up codes: after each call the agent enters the code for its outcome in the phone system (its
// after-call work), so the centre's telephony statistics match the console's outcomes. One code per
// outcome reason; the centre's managed configuration may replace any of them (README, "Screen pop").
import { z } from 'zod';
import { outcomeReasonSchema, type OutcomeReason } from '../api/operations/verification';

/** What a phone system accepts as a wrap-up code: short, one line, letters, digits and a few signs. */
export const wrapUpCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N} ._:/#+-]+$/u, 'letters, digits, spaces and . _ : / # + -');

/** The managed configuration's `wrapUpCodes`: any outcome reasons, each with its code; others keep the default. */
/** An unknown key is refused (a typo would otherwise leave the default in place unnoticed). */
export const wrapUpCodesSchema = z.partialRecord(outcomeReasonSchema, wrapUpCodeSchema);
export type WrapUpCodes = Partial<Record<OutcomeReason, string>>;

/**
 * The defaults: 1xx verified, 2xx not verified or referred on, 3xx ended early. Numbers, because every
 * phone system takes them and an agent types them without looking.
 */
export const defaultWrapUpCodes: Readonly<Record<OutcomeReason, string>> = {
  passed: '100',
  identity_not_verified: '201',
  too_few_correct: '202',
  locked_out: '203',
  no_mitid: '210',
  insufficient_register_data: '211',
  mobile_recently_changed: '212',
  // A supervisor's co-sign denied or not given in time (server/services/cosign): referred on.
  cosign_denied: '213',
  cosign_timeout: '214',
  deceased: '220',
  emigrated: '221',
  disappeared: '222',
  expired: '301',
  caller_hung_up: '302',
  suspected_fraud: '303',
  other: '309',
};

/** The code for an outcome: the centre's own where it set one, else the default. */
export function wrapUpCodeFor(reason: OutcomeReason, overrides: WrapUpCodes = {}): string {
  return overrides[reason] ?? defaultWrapUpCodes[reason];
}
