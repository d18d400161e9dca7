export type { Language } from './i18n.js';
export { changeLanguage, DEFAULT_LANGUAGE, directionOf, initI18n, isLanguage, LANGUAGES } from './i18n.js';
export { LanguageSelect } from './LanguageSelect.js';
