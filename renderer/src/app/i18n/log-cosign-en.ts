// The log's co-sign and red-flag filters in English (see log-cosign-da.ts). `satisfies` demands Danish's keys.
import type { logCosignDa } from './log-cosign-da';

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const logCosignEn = {
  logCosign: {
    cosign: 'Co-sign',
    cosignStates: {
      requested: 'Needed co-sign',
      pending: 'Waiting',
      approved: 'Approved',
      denied: 'Denied',
      expired: 'Not answered in time',
    },
    redFlag: 'Red flag',
    redFlagYes: 'With a red flag',
    redFlagNo: 'Without a red flag',
  },
} as const satisfies Widen<typeof logCosignDa>;
