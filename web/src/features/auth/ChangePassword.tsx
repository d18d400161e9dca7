import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from './api.js';

/** Minimum length the server enforces for passwords. */
export const PASSWORD_MIN_LENGTH = 12;

type Field = 'current' | 'next' | 'confirm';
type Problem =
  | 'required'
  | 'wrongPassword'
  | 'tooShort'
  | 'weak'
  | 'reused'
  | 'locked'
  | 'mismatch'
  | 'network'
  | 'rateLimited'
  | 'failed';

interface Issue {
  path?: unknown;
  code?: unknown;
}

/** Reads `details.issues` of a `bad_request` answer into the field it is about. */
function problemOf(code: string, details: unknown): { field?: Field; problem: Problem } {
  if (code === 'network') return { problem: 'network' };
  if (code === 'rate_limited') return { problem: 'rateLimited' };
  if (code === 'weak_password') return { field: 'next', problem: 'weak' };
  if (code === 'password_reused') return { field: 'next', problem: 'reused' };
  if (code === 'locked') return { problem: 'locked' };
  const issues = (details as { issues?: Issue[] } | undefined)?.issues ?? [];
  for (const issue of issues) {
    const path = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? '');
    if (path.endsWith('currentPassword')) {
      return { field: 'current', problem: issue.code === 'wrong_password' ? 'wrongPassword' : 'required' };
    }
    if (path.endsWith('newPassword')) return { field: 'next', problem: 'tooShort' };
  }
  return { problem: 'failed' };
}

/**
 * "Change password" entry of the header: a button that opens {@link ChangePasswordForm}, which the
 * header places below itself.
 */
export function ChangePasswordButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button-quiet"
      data-testid="change-password"
      aria-expanded={open}
      onClick={onToggle}
    >
      {t('account.changePassword')}
    </button>
  );
}

/** The form itself: current password, new password twice. */
export function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field?: Field; problem: Problem } | null>(null);
  const [done, setDone] = useState(false);
  const refs = {
    current: useRef<HTMLInputElement>(null),
    next: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };

  const fail = (value: { field?: Field; problem: Problem }) => {
    setError(value);
    if (value.field) refs[value.field].current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    if (!current) return fail({ field: 'current', problem: 'required' });
    if (next.length < PASSWORD_MIN_LENGTH) return fail({ field: 'next', problem: 'tooShort' });
    if (next !== confirm) return fail({ field: 'confirm', problem: 'mismatch' });
    setBusy(true);
    const result = await changePassword(current, next);
    setBusy(false);
    if (!result.ok) return fail(problemOf(result.code, result.details));
    setCurrent('');
    setNext('');
    setConfirm('');
    setDone(true);
  };

  const message = error ? t(`account.errors.${error.problem}`, { min: PASSWORD_MIN_LENGTH }) : null;
  const invalid = (field: Field) => (error?.field === field ? true : undefined);
  const describedBy = (field: Field) => (error?.field === field ? `${id}-error` : `${id}-hint-${field}`);

  return (
    <section
      className="panel account-panel"
      aria-labelledby={`${id}-heading`}
      data-testid="change-password-panel"
    >
      <h2 id={`${id}-heading`}>{t('account.title')}</h2>
      <form className="form account-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-current`}>{t('account.current')}</label>
          <input
            id={`${id}-current`}
            ref={refs.current}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            aria-invalid={invalid('current')}
            aria-describedby={error?.field === 'current' ? `${id}-error` : undefined}
            data-testid="change-password-current"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-next`}>{t('account.next')}</label>
          <input
            id={`${id}-next`}
            ref={refs.next}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.target.value)}
            aria-invalid={invalid('next')}
            aria-describedby={describedBy('next')}
            data-testid="change-password-new"
          />
          <span className="field-hint" id={`${id}-hint-next`}>
            {t('account.hint', { min: PASSWORD_MIN_LENGTH })}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-confirm`}>{t('account.confirm')}</label>
          <input
            id={`${id}-confirm`}
            ref={refs.confirm}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            aria-invalid={invalid('confirm')}
            aria-describedby={error?.field === 'confirm' ? `${id}-error` : undefined}
            data-testid="change-password-confirm"
          />
        </div>
        {message ? (
          <p className="alert" role="alert" id={`${id}-error`} data-testid="change-password-error">
            {message}
          </p>
        ) : null}
        {done ? (
          <output className="notice notice-ok" data-testid="change-password-done">
            {t('account.done')}
          </output>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="change-password-submit"
          >
            {busy ? t('account.submitting') : t('account.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {done ? t('account.close') : t('account.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
