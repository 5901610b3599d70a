// Activation codes: issue, redeem, revoke, sandbox outboxes (issue: activation codes).
// Each operation is a defineOperation(...) export, listed in the object at the bottom.

export const codesOperations = {} as const;
