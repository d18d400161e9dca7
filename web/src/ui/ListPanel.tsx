import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of {@link ListPanel}; texts already translated. */
export interface ListPanelProps<T> {
  title: string;
  intro?: string;
  /** The rows, or null while they load. */
  rows: readonly T[] | null;
  /** Why the rows could not be loaded or an action failed, announced to screen readers. */
  error: string | null;
  /** Shown when the list is empty. */
  empty: string;
  emptyTestId?: string;
  /** Controls above the list (a button that refreshes it, a filter). */
  toolbar?: ReactNode;
  children: (row: T) => ReactNode;
}

/**
 * A titled panel over a list loaded from the API: its intro, an error line, "loading…" while
 * the rows are on their way, a notice when there are none, then one card per row.
 */
export function ListPanel<T>({
  title,
  intro,
  rows,
  error,
  empty,
  emptyTestId,
  toolbar,
  children,
}: ListPanelProps<T>) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {intro ? <p className="muted">{intro}</p> : null}
      {toolbar}
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
      {rows === null && !error ? <p className="notice">{t('app.loading')}</p> : null}
      {rows !== null && rows.length === 0 ? (
        <p className="notice" data-testid={emptyTestId}>
          {empty}
        </p>
      ) : null}
      {rows?.map(children)}
    </section>
  );
}
