// Activation codes: issue, redeem, revoke, sandbox outboxes (issue: activation codes).
import { z } from 'zod';
import { defineOperation } from '../define';
import { verificationIdSchema, verificationViewSchema } from './verification';

export const issueActivationCode = defineOperation({
  name: 'issueActivationCode',
  method: 'POST',
  path: '/api/verifications/:id/activation-code',
  summary:
    'Send a one-time activation code by SMS for a passed verification (once per verification). The agent never sees the code: the answer carries the masked number and the expiry, or a refer outcome.',
  access: ['agent'],
  input: z.object({ id: verificationIdSchema }),
  output: verificationViewSchema,
});

/** The caller's side of a code: the activation page posts this. Deliberately generic failures. */
export const redeemActivationCode = defineOperation({
  name: 'redeemActivationCode',
  method: 'POST',
  path: '/api/activation/redeem',
  summary:
    'Redeem an activation code with the MitID user ID and set a new password. Failures never tell whether the user ID exists.',
  access: 'public',
  input: z.object({
    userId: z.string().trim().min(1).max(48),
    code: z.string().trim().min(1).max(32),
    newPassword: z.string().min(1).max(128),
    repeatPassword: z.string().min(1).max(128),
  }),
  output: z.object({ ok: z.literal(true) }),
});

export const revokeActivationCode = defineOperation({
  name: 'revokeActivationCode',
  method: 'POST',
  path: '/api/verifications/:id/activation-code/revoke',
  summary: 'Revoke the active code of a verification, with a reason.',
  access: ['supervisor'],
  input: z.object({ id: verificationIdSchema, reason: z.string().trim().min(3).max(500) }),
  output: z.object({ ok: z.literal(true) }),
});

export const outboxMessageSchema = z.object({
  id: z.string(),
  channel: z.enum(['sms', 'digital_post']),
  /** Masked recipient (phone number or CPR): the sandbox phone is a training tool, not a data leak. */
  recipient: z.string(),
  /** MitID user ID the message is about, so a trainer can find "their" caller's messages. */
  userId: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string(),
  sentAt: z.iso.datetime(),
  /** For an SMS with a code: where that code stands now, so the trainer sees which code is replaced. */
  codeState: z.enum(['active', 'used', 'superseded', 'revoked', 'expired', 'blocked']).nullable().optional(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const listSandboxOutbox = defineOperation({
  name: 'listSandboxOutbox',
  method: 'GET',
  path: '/api/sandbox/outbox',
  summary: 'Sandbox only: the SMS and Digital Post messages "sent", newest first, for trainers playing the caller.',
  access: ['supervisor'],
  input: z.object({ userId: z.string().trim().max(48).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
  output: z.object({ items: z.array(outboxMessageSchema) }),
});

export const codesOperations = {
  issueActivationCode,
  redeemActivationCode,
  revokeActivationCode,
  listSandboxOutbox,
} as const;
