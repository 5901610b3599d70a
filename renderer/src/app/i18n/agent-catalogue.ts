// The agent's catalogue joins the console's at run time, from the lazy agent chunks only: it is about
// 8 KB gzip of text (two languages) that the sign-in form does not need (first-load budget < 250 KB).
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { agentDa } from './agent-da';
import { agentEn } from './agent-en';

const added = new WeakSet<I18n>();

export function addAgentCatalogue(i18n: I18n): void {
  if (added.has(i18n)) return;
  added.add(i18n);
  // Deep-merged into `translation`, so keys read as typed: t('call.identify.title').
  i18n.addResourceBundle('da', 'translation', agentDa, true, false);
  i18n.addResourceBundle('en', 'translation', agentEn, true, false);
}

/** Call first in every agent screen or dialog that uses the agent's keys (idempotent, synchronous). */
export function useAgentCatalogue(): void {
  const { i18n } = useTranslation();
  addAgentCatalogue(i18n);
}
