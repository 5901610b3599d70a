// The policy page's co-sign section in English (see policy-cosign-da.ts). `satisfies` demands Danish's keys.
import type { policyCosignDa } from './policy-cosign-da';

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const policyCosignEn = {
  policyCosign: {
    title: 'Co-sign of codes (four eyes)',
    intro: "When an activation code is sent only after a supervisor approves it. The agent's red flag always needs co-sign.",
    fields: {
      onVelocitySignal: 'On a velocity signal (the person tried by several agents, or the document used for several persons)',
      onNameAddressProtection: 'When the person has name and address protection',
      outsideOpeningHours: 'Outside opening hours (only where a supervisor is always on duty)',
      borderlineMarginPercent: 'Borderline margin (points, 0 = off)',
      timeoutMinutes: 'Time to approve (minutes)',
    },
  },
} as const satisfies Widen<typeof policyCosignDa>;
