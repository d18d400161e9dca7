import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The translated text of an API error code of the matching module, else the server's message.
 * A refused hit reference (`hit_ref_not_valid`) is told by its `details.reason`.
 */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (code: string, message: string, details?: unknown) => {
      const reason = (details as { reason?: unknown } | undefined)?.reason;
      if (
        code === 'hit_ref_not_valid' &&
        typeof reason === 'string' &&
        i18n.exists(`matchingModule.hitRefReasons.${reason}`)
      )
        return t(`matchingModule.hitRefReasons.${reason}` as 'matchingModule.hitRefReasons.unknown');
      return i18n.exists(`matchingModule.errors.${code}`)
        ? t(`matchingModule.errors.${code}` as 'matchingModule.errors.network')
        : message || code;
    },
    [t, i18n],
  );
}
