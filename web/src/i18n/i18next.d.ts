import type fr from './locales/fr.json';

// Types `t()` keys against the French catalogue, the reference locale; locales.test.ts keeps the
// other three in step with it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
    returnNull: false;
  }
}
