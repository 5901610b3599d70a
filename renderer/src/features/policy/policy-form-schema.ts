// The policy form: the contract's editable policy (its bounds are the server's) and a reason.
import { z } from 'zod';
import { editablePolicySchema, type EditablePolicy } from '../../../../shared/api/index';

export const policyFormSchema = z.object({
  policy: editablePolicySchema,
  reason: z.string().trim().min(10).max(500),
});
export type PolicyFormValues = z.infer<typeof policyFormSchema>;

type Section = keyof EditablePolicy;
export type NumberField = { section: Section; key: string; min: number; max: number };

/** The co-sign section: its switches and its numbers (bounds from shared/domain/policy, through the contract). */
const cosignShape = editablePolicySchema.shape.cosign.shape;
export type CosignSwitch = { [K in keyof typeof cosignShape]: (typeof cosignShape)[K] extends z.ZodBoolean ? K : never }[keyof typeof cosignShape];
export const cosignSwitches = (Object.keys(cosignShape) as (keyof typeof cosignShape)[]).filter(
  (key): key is CosignSwitch => cosignShape[key] instanceof z.ZodBoolean,
);
export const cosignNumberFields: NumberField[] = Object.entries(cosignShape).flatMap(([key, schema]) =>
  schema instanceof z.ZodNumber ? [{ section: 'cosign' as const, key, min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER }] : [],
);

/** The numeric fields in form order, with the bounds read from the contract's schema. */
export const numberFields: NumberField[] = (['verification', 'codes', 'session'] as const).flatMap((section) => {
  const shape = editablePolicySchema.shape[section].shape as Record<string, z.ZodNumber>;
  return Object.entries(shape).map(([key, schema]) => ({ section, key, min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER }));
});
