// Supervisor review, person access log, watch, export, integrity, policy (issue: supervisor console).
// Each operation is a defineOperation(...) export, listed in the object at the bottom.

export const supervisionOperations = {} as const;
