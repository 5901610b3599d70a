import type { TFunction } from 'i18next';
import type { policyCosignDa } from './policy-cosign-da';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the policy page's co-sign text, checked against policy-cosign-da.ts (its own small union). */
export type PolicyCosignKey = Leaves<(typeof policyCosignDa)['policyCosign']>;

/** `t` for those keys: typed here, untyped for i18next (see policy-cosign-da.ts). */
export function policyCosignText(t: TFunction): (key: PolicyCosignKey) => string {
  return (key) => String(t(`policyCosign.${key}` as never));
}
