import { z } from 'zod';
import { defineOperation } from '../define';

/** One synthetic person as a trainer playing the caller needs them: what the questions ask, nothing more. */
export const sandboxPersonSchema = z.object({
  /** DDMMYY-XXXX: the trainer typed the number; the screen does not show it in full. */
  maskedCpr: z.string(),
  name: z.string(),
  birthDate: z.string(),
  sex: z.enum(['male', 'female']),
  birthplace: z.string(),
  status: z.enum(['active', 'deceased', 'emigrated', 'disappeared']),
  statusDate: z.string().nullable(),
  nameAddressProtection: z.boolean(),
  citizenship: z.string(),
  formerNames: z.array(z.object({ name: z.string(), validFrom: z.string(), validTo: z.string() })),
  /** Oldest first; `place` is the address as people say it, or the country of a stay abroad. */
  addresses: z.array(
    z.object({
      place: z.string(),
      abroad: z.boolean(),
      movedIn: z.string(),
      movedOut: z.string().nullable(),
      municipalityThen: z.string().nullable(),
      municipalityNow: z.string().nullable(),
    }),
  ),
  civilStatus: z.array(z.object({ status: z.string(), validFrom: z.string(), spouse: z.string().nullable() })),
  relatives: z.array(z.object({ kind: z.enum(['parent', 'child', 'spouse']), name: z.string(), birthDate: z.string(), status: z.string() })),
  documents: z.array(z.object({ type: z.enum(['passport', 'driving_licence']), number: z.string(), issuingCountry: z.string(), expiresOn: z.string(), valid: z.boolean() })),
  mitidUserId: z.string().nullable(),
});
export type SandboxPersonView = z.infer<typeof sandboxPersonSchema>;

export const showSandboxPerson = defineOperation({
  name: 'showSandboxPerson',
  // POST: the CPR number travels in the body, never in a URL that a proxy or access log could keep.
  method: 'POST',
  path: '/api/sandbox/person',
  summary: 'Sandbox only: one synthetic person as a trainer playing the caller needs them (404 with a real register source).',
  access: ['supervisor'],
  input: z.object({ cpr: z.string().trim().min(1).max(13) }),
  output: sandboxPersonSchema,
});

export const sandboxOperations = { showSandboxPerson } as const;
