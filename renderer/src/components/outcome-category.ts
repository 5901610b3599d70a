// How an agent's screens group a verification's outcome (the new call's outcome step, My calls).
import type { OutcomeReason, VerificationStatus } from '../../../shared/api/index';

export type OutcomeCategory = 'passed' | 'refer' | 'notVerified' | 'aborted' | 'expired' | 'inProgress';

export function outcomeCategory(status: VerificationStatus, reason: OutcomeReason | null | undefined): OutcomeCategory {
  switch (status) {
    case 'in_progress':
      return 'inProgress';
    case 'passed':
      return 'passed';
    case 'aborted':
      return 'aborted';
    case 'expired':
      return 'expired';
    case 'failed':
    case 'refer':
      // "Could not be verified" and nothing more: which of CPR, user ID or document was wrong stays unsaid.
      return reason === 'identity_not_verified' ? 'notVerified' : 'refer';
  }
}
