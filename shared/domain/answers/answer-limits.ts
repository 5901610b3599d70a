// The limits of a caller's answer as the agent types it: the contract (answerQuestion) enforces them,
// the console checks them before sending.

/** Characters of an answer after trimming (answerQuestion: 1-200). */
export const maxAnswerLength = 200;
