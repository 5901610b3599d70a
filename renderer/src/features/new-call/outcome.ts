// What an ended verification means for the agent: the script line to read (its category is
// components/outcome-category.ts, shared with My calls).
import type { OutcomeReason, VerificationView } from '../../../../shared/api/index';

export type ScriptKey =
  | 'script.passed'
  | 'script.codeSent'
  | 'script.notVerified'
  | 'script.borgerservice'
  | 'script.lockedOut'
  | 'script.mobileRecentlyChanged'
  | 'script.emigrated'
  | 'script.noMitid'
  | 'script.neutral'
  | 'script.expired';

/** The line for the caller after the verification ended, or null when there is nothing to say (hung up). */
export function outcomeScriptKey(view: Pick<VerificationView, 'status' | 'outcome' | 'code'>): ScriptKey | null {
  const reason: OutcomeReason | undefined = view.outcome?.reason;
  if (view.status === 'passed') {
    if (view.code.status === 'sent' || view.code.status === 'redeemed') return 'script.codeSent';
    if (view.code.status === 'none') return 'script.passed';
    return 'script.borgerservice';
  }
  switch (reason) {
    case 'identity_not_verified':
      return 'script.notVerified';
    case 'locked_out':
      return 'script.lockedOut';
    case 'mobile_recently_changed':
      return 'script.mobileRecentlyChanged';
    case 'emigrated':
      return 'script.emigrated';
    case 'no_mitid':
      return 'script.noMitid';
    // The caller may not be who they say: tell them nothing about the person's status.
    case 'deceased':
    case 'disappeared':
    case 'suspected_fraud':
      return 'script.neutral';
    case 'expired':
      return 'script.expired';
    case 'caller_hung_up':
    case 'other':
      return null;
    default:
      return view.status === 'expired' ? 'script.expired' : 'script.borgerservice';
  }
}
