import { z } from 'zod';

export { ApiError, errorCodes } from './api-error';

/** The only error shape any client ever sees: no stack, no personal data. */
export const apiErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
