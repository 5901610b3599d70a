// The phone system's call ID, as a plain pattern (no zod: the supervisor's filter form checks it
// without pulling the schema library into its chunk).

/**
 * The phone system's own reference for the call (what finds the recording): letters, digits and
 * . _ : @ - (UUIDs, Asterisk's "1701432045.123", SIP Call-IDs), 1-128 characters.
 */
export const callIdPattern = /^[A-Za-z0-9._:@-]{1,128}$/;

export const isCallId = (value: string): boolean => callIdPattern.test(value);
