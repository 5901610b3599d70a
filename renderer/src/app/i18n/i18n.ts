import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { agentDa } from './agent-da';
import { defaultLanguage, isLanguage, type Language } from './catalogue';
import { da } from './da';
import { en } from './en';
import type { supervisorDa } from './supervisor-da';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Typed keys: t('nav.newCall') compiles, t('nav.typo') does not.
    // The agent's catalogue (agent-da.ts) is added at run time by the lazy agent screens (agent-catalogue.ts).
    resources: { translation: typeof da & typeof agentDa & typeof supervisorDa };
  }
}

const storageKey = 'console.language';

/**
 * The language to start in. In the desktop shell: its settings file (passed as `?language=` on the
 * URL; the console saves choices there, and the centre may lock it). In the browser preview: the
 * user's last choice in this browser (localStorage). Else Danish.
 */
export function rememberedLanguage(): Language {
  const hint = new URLSearchParams(window.location.search).get('language');
  if (window.consoleBridge && isLanguage(hint)) return hint;
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(storageKey);
  } catch {
    // Storage can be off: fall through to the hint.
  }
  if (isLanguage(stored)) return stored;
  return isLanguage(hint) ? hint : defaultLanguage;
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Storage can be off (private mode): the choice then lasts for this window only.
  }
}

/**
 * A ready i18next instance with both catalogues bundled (no network: the CSP allows none), initialised
 * synchronously so the first render already has text. Tests create their own instance per test.
 */
export function createConsoleI18n(language: Language = rememberedLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: ['da', 'en'],
    initAsync: false,
    // React already escapes text.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const setDocumentLanguage = (lng: string) => {
    document.documentElement.lang = lng;
  };
  setDocumentLanguage(instance.language);
  instance.on('languageChanged', setDocumentLanguage);
  return instance;
}
