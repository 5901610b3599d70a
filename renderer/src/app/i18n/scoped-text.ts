// The small text modules (co-sign queue, log co-sign filters, policy co-sign section) stay out of the typed
// catalogue, whose key union is at TypeScript's limit (TS2589): each types its own keys with Leaves and
// reads them through scopedText.
import type { TFunction } from 'i18next';

/** Every dotted path to a string in a text module. */
export type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** `t` for one module's keys under its scope: typed here, untyped for i18next. */
export function scopedText<K extends string>(t: TFunction, scope: string): (key: K, options?: Record<string, unknown>) => string {
  return (key, options) => String(t(`${scope}.${key}` as never, options as never));
}
