// How a code's life ended, in the supervisor's words (kept beside the screen: the typed catalogues are at
// TS's depth limit). A code replaced by a newer one is not "revoked": nobody withdrew it.
export const codeEndedText = {
  da: { replacedAt: 'Erstattet', replacedBy: 'Erstattet af en nyere kode til samme MitID', supervisor: 'Tilbagekaldt af en supervisor', delivery_failed: 'SMS kunne ikke leveres' },
  en: { replacedAt: 'Replaced', replacedBy: 'Replaced by a newer code for the same MitID', supervisor: 'Revoked by a supervisor', delivery_failed: 'The SMS could not be delivered' },
} as const satisfies Record<'da' | 'en', Record<string, string>>;

export function codeEnded(lang: string) {
  return codeEndedText[lang === 'en' ? 'en' : 'da'];
}

/** The stored revoke reason (superseded | supervisor | delivery_failed) in words; an unknown one as stored. */
export function revokeReasonText(lang: string, reason: string | null): string | null {
  const text = codeEnded(lang);
  if (reason === 'superseded') return text.replacedBy;
  if (reason === 'supervisor' || reason === 'delivery_failed') return text[reason];
  return reason;
}
