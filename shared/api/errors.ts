import { z } from 'zod';

/** The only error shape any client ever sees: no stack, no personal data. */
export const apiErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

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

  toBody(): ApiErrorBody & { status: number } {
    return { status: this.status, code: this.code, message: this.message };
  }
}
