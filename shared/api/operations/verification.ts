// Caller verification: identify, ask, answer, decide (issue: verification engine).
// Each operation is a defineOperation(...) export, listed in the object at the bottom.

export const verificationOperations = {} as const;
