import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The translated text of an API error code of the matching module, else the server's message. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (code: string, message: string) =>
      i18n.exists(`matchingModule.errors.${code}`)
        ? t(`matchingModule.errors.${code}` as 'matchingModule.errors.network')
        : message || code,
    [t, i18n],
  );
}
