import { type ChangeEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGES } from './i18n.js';

/** Language switch; each language is listed under its own name, in its own script. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value;
    if (isLanguage(next)) void changeLanguage(next);
  };
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} data-testid="lang-select" value={i18n.resolvedLanguage} onChange={onChange}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t('meta.nativeName', { lng: language })}
          </option>
        ))}
      </select>
    </div>
  );
}
