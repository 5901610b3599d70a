// Supervisor co-sign of activation codes (issue 17): the live queue and the decision. The agent's side
// (the request, the red flag) travels on the verification itself (operations/verification.ts).
import { z } from 'zod';
import { defineOperation } from '../define';
import { agentRefSchema } from './supervision';
import {
  callLanguageSchema,
  cosignReasonSchema,
  cosignStatusSchema,
  documentTypeSchema,
  redFlagKindSchema,
  verificationIdSchema,
} from './verification';

const supervisor = ['supervisor'] as const;
const isoDateTime = z.iso.datetime();

/**
 * One request in the queue: the verification's facts and signals. No expected answer, no per-question
 * result, no CPR number in clear: what a supervisor needs to judge the risk, not to coach the agent.
 */
export const cosignRequestSchema = z.object({
  verificationId: z.string(),
  status: cosignStatusSchema,
  agent: agentRefSchema,
  reasons: z.array(cosignReasonSchema),
  requestedAt: isoDateTime,
  expiresAt: isoDateTime,
  maskedCpr: z.string().nullable(),
  documentType: documentTypeSchema,
  callLanguage: callLanguageSchema,
  startedAt: isoDateTime,
  questionsAnswered: z.number().int().min(0),
  correctCount: z.number().int().min(0),
  /** Weighted score 0-100 and the pass threshold the verification ran with. */
  scorePercent: z.number().min(0).max(100),
  passThresholdPercent: z.number().min(0).max(100),
  redFlags: z.array(redFlagKindSchema),
  nameAddressProtection: z.boolean(),
  velocitySignals: z.array(z.object({ kind: z.string(), detectedAt: isoDateTime, details: z.record(z.string(), z.unknown()) })),
});
export type CosignRequest = z.infer<typeof cosignRequestSchema>;

export const listCosignQueue = defineOperation({
  name: 'listCosignQueue',
  method: 'GET',
  path: '/api/supervision/cosign',
  summary: 'Codes waiting for a supervisor, oldest first (requests whose time ran out are referred first). Polled by the console.',
  access: supervisor,
  input: z.object({}),
  output: z.object({ items: z.array(cosignRequestSchema) }),
});

export const decideCosign = defineOperation({
  name: 'decideCosign',
  method: 'POST',
  path: '/api/supervision/cosign/:id',
  summary:
    'Approve (the code is issued and sent now) or deny (the call becomes a referral) a waiting code, with a reason. One decision per request: a second supervisor gets 409. Nobody decides their own call.',
  access: supervisor,
  input: z.object({ id: verificationIdSchema, decision: z.enum(['approve', 'deny']), reason: z.string().trim().min(3).max(500) }),
  output: z.object({ status: cosignStatusSchema }),
});

export const cosignOperations = { listCosignQueue, decideCosign } as const;
