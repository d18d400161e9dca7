import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../api/client.js';

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

/**
 * Loads a list from the API whenever `deps` change (or `reload()` is called): the rows (null
 * while loading), the translated error, and a setter for local updates. A late answer to an
 * earlier request is dropped, so a quick change of filter never shows stale rows.
 */
export function useApiList<T, R>(
  fetch: () => Promise<ApiResult<R>>,
  pick: (value: R) => T[] | undefined,
  deps: readonly unknown[],
): {
  rows: T[] | null;
  error: string | null;
  setRows: Dispatch<SetStateAction<T[] | null>>;
  setError: (text: string | null) => void;
  reload: () => void;
} {
  const errorText = useErrorText();
  const [rows, setRows] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload
  useEffect(() => {
    let active = true;
    setRows(null);
    setError(null);
    void fetch().then((result) => {
      if (!active) return;
      if (result.ok) setRows(pick(result.value) ?? []);
      else setError(errorText(result.code, result.message));
    });
    return () => {
      active = false;
    };
  }, [...deps, generation]);
  return { rows, error, setRows, setError, reload: () => setGeneration((g) => g + 1) };
}
