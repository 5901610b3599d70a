// What a failure may say about itself in a log line or on a console: the error's class, its cause's
// class and a code such as a SQLSTATE (22P05) or a Node code (ENOENT). Never the message: a failed
// query's message carries its SQL parameters, which are the request's or the file's values.

export interface ErrorSummary {
  errorClass: string;
  causeClass?: string;
  code?: string;
}

const safeCode = /^[0-9A-Za-z_]{1,40}$/;

export function summariseError(error: unknown): ErrorSummary {
  const cause = (error as { cause?: unknown } | null | undefined)?.cause;
  const code = (cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown } | null | undefined)?.code;
  return {
    errorClass: error instanceof Error ? error.constructor.name : typeof error,
    ...(cause instanceof Error ? { causeClass: cause.constructor.name } : {}),
    ...(typeof code === 'string' && safeCode.test(code) ? { code } : {}),
  };
}

/** One line for a CLI's stderr: "DrizzleQueryError (cause DatabaseError, code 22P05)". */
export function describeErrorSafely(error: unknown): string {
  const s = summariseError(error);
  const details = [s.causeClass ? `cause ${s.causeClass}` : '', s.code ? `code ${s.code}` : ''].filter(Boolean).join(', ');
  return details ? `${s.errorClass} (${details})` : s.errorClass;
}

/**
 * Whether an error comes from a query: drizzle's wrapper (its message is the SQL and its parameters)
 * or the driver's own (pg's and PGlite's carry `severity`; their messages can quote a value, as in
 * `invalid input syntax for type integer: "…"`).
 */
export function isQueryError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.constructor.name === 'DrizzleQueryError' || error.message.startsWith('Failed query')) return true;
  if (typeof (error as { severity?: unknown }).severity === 'string') return true;
  return error.cause !== undefined && isQueryError(error.cause);
}

/** An error's message, unless it comes from a query: then only its class and code. */
export function safeErrorMessage(error: unknown): string {
  if (isQueryError(error) || !(error instanceof Error)) return describeErrorSafely(error);
  return error.message;
}

/**
 * What a command-line tool prints for a failure: the message of the classes it names (their
 * messages are fixed texts written for the operator), otherwise class and code only.
 */
export function cliFailureText(error: unknown, operatorErrors: readonly (abstract new (...args: never[]) => Error)[]): string {
  if (operatorErrors.some((c) => error instanceof c) && !isQueryError(error)) return (error as Error).message;
  return describeErrorSafely(error);
}
