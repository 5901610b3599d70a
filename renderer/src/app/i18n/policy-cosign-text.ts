import type { TFunction } from 'i18next';
import type { policyCosignDa } from './policy-cosign-da';
import { scopedText, type Leaves } from './scoped-text';

/** A key of the policy page's co-sign text, checked against policy-cosign-da.ts (its own small union). */
export type PolicyCosignKey = Leaves<(typeof policyCosignDa)['policyCosign']>;

export const policyCosignText = (t: TFunction) => scopedText<PolicyCosignKey>(t, 'policyCosign');
