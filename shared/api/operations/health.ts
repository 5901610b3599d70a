import { z } from 'zod';
import { defineOperation, emptyInputSchema } from '../define';

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  /** True when the API runs on the synthetic CPR register: the console shows a banner. */
  sandbox: z.boolean(),
});
export type Health = z.infer<typeof healthSchema>;

export const getHealth = defineOperation({
  name: 'getHealth',
  method: 'GET',
  path: '/api/health',
  summary: 'Liveness, version and which database and register the API runs on.',
  access: 'public',
  input: emptyInputSchema,
  output: healthSchema,
});

export const healthOperations = { getHealth } as const;
