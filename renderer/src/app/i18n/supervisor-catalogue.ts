// The supervisor's catalogue joins the console's at run time, from the lazy supervisor chunks only:
// the agent's first load (budget < 250 KB gzip) never carries the review screens' text.
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { auditActionTextDa, auditActionTextEn } from './audit-action-text';
import { cosignQueueDa } from './cosign-queue-da';
import { cosignQueueEn } from './cosign-queue-en';
import { logCosignDa } from './log-cosign-da';
import { logCosignEn } from './log-cosign-en';
import { policyCosignDa } from './policy-cosign-da';
import { policyCosignEn } from './policy-cosign-en';
import { supervisorDa } from './supervisor-da';
import { supervisorEn } from './supervisor-en';

const added = new WeakSet<I18n>();

export function addSupervisorCatalogue(i18n: I18n): void {
  if (added.has(i18n)) return;
  added.add(i18n);
  // Deep-merged into `translation`, so keys read as typed: t('log.filters.cpr').
  i18n.addResourceBundle('da', 'translation', supervisorDa, true, false);
  i18n.addResourceBundle('en', 'translation', supervisorEn, true, false);
  // The co-sign queue's text, kept out of the typed keys (cosign-queue-da.ts says why).
  i18n.addResourceBundle('da', 'translation', cosignQueueDa, true, false);
  i18n.addResourceBundle('en', 'translation', cosignQueueEn, true, false);
  i18n.addResourceBundle('da', 'translation', auditActionTextDa, true, false);
  i18n.addResourceBundle('en', 'translation', auditActionTextEn, true, false);
  i18n.addResourceBundle('da', 'translation', logCosignDa, true, false);
  i18n.addResourceBundle('en', 'translation', logCosignEn, true, false);
  i18n.addResourceBundle('da', 'translation', policyCosignDa, true, false);
  i18n.addResourceBundle('en', 'translation', policyCosignEn, true, false);
}

/** Call first in every supervisor screen (idempotent, synchronous); returns useTranslation()'s value. */
export function useSupervisorCatalogue(): ReturnType<typeof useTranslation> {
  const translation = useTranslation();
  addSupervisorCatalogue(translation.i18n);
  return translation;
}
