// When an activation code needs a supervisor's co-sign: one pure rule, read by the server before it
// issues a code and by the tests. The red flag always counts; the other reasons follow the policy.
import type { CosignPolicy } from '../policy/index';

/** What the agent noticed during the call (one key in the console). */
export const redFlagKinds = ['caller_under_pressure', 'someone_prompting', 'answers_read_aloud', 'third_party_caller'] as const;
export type RedFlagKind = (typeof redFlagKinds)[number];

/** Why a code waits for a supervisor, in the order the queue lists them. */
export const cosignReasons = [
  'red_flag',
  'velocity_person',
  'velocity_document',
  'name_address_protection',
  'borderline_score',
  'outside_opening_hours',
] as const;
export type CosignReason = (typeof cosignReasons)[number];

export interface CosignFacts {
  redFlags: readonly RedFlagKind[];
  velocity: readonly ('person_multi_agent' | 'document_multi_person')[];
  nameAddressProtection: boolean;
  /** Σ strength × score and Σ strength of the answered questions. */
  scoreWeight: number;
  totalWeight: number;
  /** The pass threshold the verification ran with (0.5..1). */
  passThreshold: number;
  outsideOpeningHours: boolean;
}

/** The reasons a code for this verification needs co-sign; empty when the agent may send it alone. */
export function cosignReasonsFor(f: CosignFacts, policy: CosignPolicy): CosignReason[] {
  const out = new Set<CosignReason>();
  if (f.redFlags.length > 0) out.add('red_flag');
  if (policy.onVelocitySignal && f.velocity.includes('person_multi_agent')) out.add('velocity_person');
  if (policy.onVelocitySignal && f.velocity.includes('document_multi_person')) out.add('velocity_document');
  if (policy.onNameAddressProtection && f.nameAddressProtection) out.add('name_address_protection');
  if (policy.borderlineMarginPercent > 0 && f.totalWeight > 0) {
    // Compared in whole-percent steps with a little slack, so 0.84999… counts as 85 %.
    const margin = f.scoreWeight / f.totalWeight - f.passThreshold;
    if (margin + 1e-9 < policy.borderlineMarginPercent / 100) out.add('borderline_score');
  }
  if (policy.outsideOpeningHours && f.outsideOpeningHours) out.add('outside_opening_hours');
  return cosignReasons.filter((r) => out.has(r));
}

// Building an Intl.DateTimeFormat costs ~0.1 ms (it loads the zone's rules); every code issued asks once,
// so one formatter per zone is kept. The zones are the policy's, a handful at most.
const timeOfDayFormats = new Map<string, Intl.DateTimeFormat>();

/** "HH:MM" local wall-clock time of `at` in an IANA time zone. */
export function localTimeOfDay(at: Date, timeZone: string): string {
  let format = timeOfDayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeOfDayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return `${hour}:${minute}`;
}

/** Whether `at` falls outside [start, end) local time; the same rule as the supervisors' watch. */
export function isOutsideOpeningHours(at: Date, hours: { openingHoursStart: string; openingHoursEnd: string; timeZone: string }): boolean {
  const t = localTimeOfDay(at, hours.timeZone);
  return !(t >= hours.openingHoursStart && t < hours.openingHoursEnd);
}
