import type { TFunction } from 'i18next';
import type { logCosignDa } from './log-cosign-da';
import { scopedText, type Leaves } from './scoped-text';

/** A key of the log's co-sign filter text, checked against log-cosign-da.ts (its own small union). */
export type LogCosignKey = Leaves<(typeof logCosignDa)['logCosign']>;

export const logCosignText = (t: TFunction) => scopedText<LogCosignKey>(t, 'logCosign');
