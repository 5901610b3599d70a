import type { TFunction } from 'i18next';
import type { logCosignDa } from './log-cosign-da';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the log's co-sign filter text, checked against log-cosign-da.ts (its own small union). */
export type LogCosignKey = Leaves<(typeof logCosignDa)['logCosign']>;

/** `t` for those keys: typed here, untyped for i18next (see log-cosign-da.ts). */
export function logCosignText(t: TFunction): (key: LogCosignKey) => string {
  return (key) => String(t(`logCosign.${key}` as never));
}
