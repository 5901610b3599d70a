// Sign-in, sign-out and the session (issue: Support API).
// Each operation is a defineOperation(...) export, listed in the object at the bottom.

export const authOperations = {} as const;
