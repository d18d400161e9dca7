import { useTranslation } from 'react-i18next';

/** Date and time in the interface language with Western digits; empty for null. */
export function useDateTime(): (value: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: 'medium',
    timeStyle: 'short',
    numberingSystem: 'latn',
  });
  return (value) => {
    if (!value) return '';
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : format.format(date);
  };
}

/** Translated text for an API error code, falling back to the server's message. */
export function useErrorText(): (code: string, message: string) => string {
  const { t, i18n } = useTranslation();
  return (code, message) => {
    const key = `admin.errors.${code}`;
    if (i18n.exists(key)) return t(key as 'admin.errors.network');
    return message || t('admin.errors.unexpected');
  };
}

/** An error line announced to screen readers. */
export function ErrorLine({ text, testId }: { text: string | null; testId?: string }) {
  if (!text) return null;
  return (
    <p className="alert" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}
