import type { TFunction } from 'i18next';
import type { cosignQueueDa } from './cosign-queue-da';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the co-sign queue's text, checked against cosign-queue-da.ts (its own small union). */
export type CosignQueueKey = Leaves<(typeof cosignQueueDa)['cosignQueue']>;

/** `t` for the co-sign queue's keys: typed here, untyped for i18next (see cosign-queue-da.ts). */
export function cosignQueueText(t: TFunction): (key: CosignQueueKey, options?: Record<string, unknown>) => string {
  return (key, options) => String(t(`cosignQueue.${key}` as never, options as never));
}
