// Zod-free on purpose: the console's first bundle imports these values, and must not pull in zod for them.

/** Error codes with a fixed meaning across server, client and console. */
export const errorCodes = {
  badRequest: 'bad_request',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  rateLimited: 'rate_limited',
  invalidCredentials: 'invalid_credentials',
  internal: 'internal',
  unavailable: 'unavailable',
  /** Client side only: the Support API could not be reached or did not answer in time. */
  unreachable: 'unreachable',
} as const;

/** A failed operation as the console sees it, whichever transport carried it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): { status: number; code: string; message: string } {
    return { status: this.status, code: this.code, message: this.message };
  }
}
