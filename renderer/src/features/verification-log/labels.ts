import type { VerificationStatus } from '../../../../shared/api/index';

/** In the order a supervisor thinks of them (statuses, not the contract's enum, so no zod in this chunk's hot path). */
export const verificationStatuses: readonly VerificationStatus[] = ['in_progress', 'passed', 'failed', 'refer', 'aborted', 'expired'];
