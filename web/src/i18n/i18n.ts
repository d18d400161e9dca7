import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './locales/ar.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import ur from './locales/ur.json';

/** Interface languages, in the order the language switch lists them. */
export const LANGUAGES = ['fr', 'en', 'ar', 'ur'] as const;

/** One of the interface languages. */
export type Language = (typeof LANGUAGES)[number];

/** French is the default: the platform's working language between the first partners. */
export const DEFAULT_LANGUAGE: Language = 'fr';

const STORAGE_KEY = 'passerelle.lang';
const RTL_LANGUAGES: ReadonlySet<Language> = new Set(['ar', 'ur']);

/** Whether `value` names one of the interface languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Writing direction of a language: Arabic and Urdu are right-to-left. */
export function directionOf(language: Language): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled by policy; the default language still works.
    return DEFAULT_LANGUAGE;
  }
}

function applyToDocument(language: Language): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
}

/**
 * Initialises i18next with the stored (or default) language and keeps `<html lang dir>` in step with it.
 * Resources are bundled, so initialisation is synchronous.
 */
export function initI18n(): typeof i18next {
  const language = readStoredLanguage();
  i18next.on('languageChanged', (next) => {
    if (isLanguage(next)) applyToDocument(next);
  });
  void i18next.use(initReactI18next).init({
    resources: {
      fr: { translation: fr },
      en: { translation: en },
      ar: { translation: ar },
      ur: { translation: ur },
    },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    returnEmptyString: false,
    // React already escapes text content.
    interpolation: { escapeValue: false },
  });
  applyToDocument(language);
  return i18next;
}

/** Switches the interface language and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch still applies to this page.
  }
  await i18next.changeLanguage(language);
}
