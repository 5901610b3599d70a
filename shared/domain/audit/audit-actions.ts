// Every action the audit log records, as stored (dotted, lower-case). The strings are part of the
// hash chain and of years of stored events: never rename one; add new ones at the end of their group.
// The server appends only these (server/services/audit/append.ts); the console labels them.

export const auditActions = [
  // Console accounts and sessions
  'user.created',
  'login.succeeded',
  'login.failed',
  'account.locked',
  'session.ended',
  'session.unlocked',
  'session.unlock_failed',
  // Caller verification
  'verification.started',
  'verification.locked_out',
  'verification.identification_failed',
  'verification.referred',
  'verification.question_asked',
  'verification.answer_scored',
  'verification.passed',
  'verification.failed',
  'verification.aborted',
  'verification.expired',
  'verification.velocity_signal',
  'verification.red_flagged',
  // Activation codes and MitID
  'code.issued',
  'code.sent',
  'code.delivery_failed',
  'code.superseded',
  'code.revoked',
  'code.expired',
  'code.blocked',
  'code.redeem_failed',
  'code.redeemed',
  'mitid.password_set',
  // Supervisor co-sign of a code (server/services/cosign)
  'cosign.requested',
  'cosign.approved',
  'cosign.denied',
  'cosign.expired',
  // Supervisors
  'review.note_added',
  'review.flagged',
  'review.flag_cleared',
  'review.cpr_revealed',
  'review.person_access_log_viewed',
  'review.log_exported',
  'policy.updated',
  'policy.change_reason',
  'audit.verified',
  'audit.verification_failed',
  'audit.checkpoint_created',
  'audit.staged_event_rejected',
  // Trainers (sandbox register only: server/services/sandbox)
  'sandbox.person_viewed',
] as const;

export type AuditAction = (typeof auditActions)[number];
