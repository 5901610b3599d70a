// The plan of a verification: the questions drawn at its start, each with a reference to the register
// fact it asks about. Stored in verifications.plan (server side only): references, never answers, and
// relatives only by the HMAC of their CPR number.
import type { QuestionKind } from '../../../shared/api/index';

export type FactRef =
  | { t: 'address'; seq: number }
  | { t: 'parent'; role: 'mother' | 'father' }
  | { t: 'marriage'; seq: number }
  | { t: 'child'; h: string }
  | { t: 'birthplace' }
  | { t: 'former_surname' };

export interface PlannedQuestion {
  kind: QuestionKind;
  params: Record<string, string | number>;
  strength: number;
  ref: FactRef;
}

export type Notice = 'name_address_protection';

export interface VerificationPlan {
  notices: Notice[];
  /** The base questions first, then the extra ones (asked only while a pass is still possible). */
  questions: PlannedQuestion[];
}

export const emptyPlan: VerificationPlan = { notices: [], questions: [] };

export function readPlan(value: unknown): VerificationPlan {
  const plan = value as Partial<VerificationPlan> | null;
  return { notices: plan?.notices ?? [], questions: plan?.questions ?? [] };
}
