import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, isLanguage, type Language } from './catalogue';
import { da } from './da';
import { en } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Typed keys: t('nav.newCall') compiles, t('nav.typo') does not.
    resources: { translation: typeof da };
  }
}

const storageKey = 'console.language';

/** The language the user chose last time on this machine (localStorage), else Danish. */
export function rememberedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
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
