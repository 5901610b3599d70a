// The phone system's call on a verification: its call ID is kept (a supervisor finds the recording
// with it); the caller's number is only classified, against the registered mobile once the caller is
// identified, and then dropped.
import type { PhoneCall } from '../../../shared/domain/phone-call/index';
import { classifyCallerNumber } from '../../../shared/domain/phone-call/index';
import type { verifications } from '../../db/schema/verifications';
import type { RegisterReader } from '../register/port';

type PhoneCallColumns = Pick<typeof verifications.$inferInsert, 'callId' | 'callerNumber'>;

/** The columns a screen-popped call adds; `identifiedCpr` only when the document proved the claim. */
export async function phoneCallColumns(reader: RegisterReader, call: PhoneCall, identifiedCpr: string | null): Promise<PhoneCallColumns> {
  const mobile = identifiedCpr ? ((await reader.mitid(identifiedCpr))?.mobileNumber ?? null) : null;
  return { callId: call.callId, callerNumber: classifyCallerNumber(call.from, mobile) };
}
