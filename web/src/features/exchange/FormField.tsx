import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { controlDomId } from './compose-model.js';
import type { FieldIssue } from './types.js';

type TFunction = ReturnType<typeof useTranslation>['t'];

/** The user-facing text of an issue: translated when its code is known, else the server's wording. */
export function issueText(t: TFunction, i18n: { exists(key: string): boolean }, issue: FieldIssue): string {
  const key = `exchange.issues.${issue.code}`;
  // Called with plain string keys: the typed overload would instantiate the whole
  // catalogue's key union, which the compiler gives up on at this catalogue size.
  const translate = t as unknown as (k: string) => string;
  if (i18n.exists(key)) return translate(key);
  return issue.message || translate('exchange.issues.invalid');
}

/** Props handed to the control inside a {@link FormField}. */
export interface ControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  'data-testid': string;
}

/** Props of {@link FormField}. */
export interface FormFieldProps {
  /** Path of the field in the message (`subject`, `entities.0.names.0.full`); also its test id suffix. */
  path: string;
  label: string;
  hint?: string;
  issues: ReadonlyMap<string, FieldIssue[]>;
  children: (control: ControlProps) => ReactNode;
  className?: string;
}

/** A labelled control with its hint and the issues reported for its path, announced with the control. */
export function FormField({ path, label, hint, issues, children, className }: FormFieldProps) {
  const { t, i18n } = useTranslation();
  const id = controlDomId(path);
  const own = issues.get(path) ?? [];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = own.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${own.length > 0 ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({
        id,
        'aria-invalid': own.length > 0 ? true : undefined,
        'aria-describedby': describedBy,
        'data-testid': `compose-${path.replace(/\./g, '-')}`,
      })}
      {own.length > 0 ? (
        <p className="field-error" id={errorId} data-testid={`error-${path.replace(/\./g, '-')}`}>
          {own.map((issue) => issueText(t, i18n, issue)).join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** Issues at a path the form has no control of its own for (e.g. `entities.0`), shown in place. */
export function GroupIssues({ path, issues }: { path: string; issues: ReadonlyMap<string, FieldIssue[]> }) {
  const { t, i18n } = useTranslation();
  const own = issues.get(path) ?? [];
  if (own.length === 0) return null;
  return (
    <p className="field-error" data-testid={`error-${path.replace(/\./g, '-')}`}>
      {own.map((issue) => issueText(t, i18n, issue)).join(' ')}
    </p>
  );
}
