import type { TFunction } from 'i18next';
import type { cosignQueueDa } from './cosign-queue-da';
import { scopedText, type Leaves } from './scoped-text';

/** A key of the co-sign queue's text, checked against cosign-queue-da.ts (its own small union). */
export type CosignQueueKey = Leaves<(typeof cosignQueueDa)['cosignQueue']>;

export const cosignQueueText = (t: TFunction) => scopedText<CosignQueueKey>(t, 'cosignQueue');
