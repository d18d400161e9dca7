import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GroupIssues } from './FormField.js';
import { formatBytes } from './format.js';
import type { FieldIssue } from './types.js';

/** One file chosen for the message, uploaded as soon as it is chosen. */
export interface Upload {
  key: string;
  name: string;
  size: number;
  sent: number;
  status: 'uploading' | 'done' | 'failed' | 'tooLarge';
  id?: string;
  error?: string;
}

/** Props of {@link AttachmentUploads}. */
export interface AttachmentUploadsProps {
  uploads: Upload[];
  onFiles: (files: FileList | null) => void;
  onRemove: (key: string) => void;
  issues: ReadonlyMap<string, FieldIssue[]>;
}

/** File picker with one progress bar per file (max 50 MiB each). */
export function AttachmentUploads({ uploads, onFiles, onRemove, issues }: AttachmentUploadsProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  return (
    <fieldset className="attachments-editor">
      <legend>{t('exchange.fields.attachments')}</legend>
      <label htmlFor={id}>{t('exchange.compose.chooseFiles')}</label>
      <p className="field-hint">{t('exchange.compose.attachmentsHint')}</p>
      <input
        id={id}
        type="file"
        multiple
        data-testid="compose-attachments"
        onChange={(event) => {
          onFiles(event.target.files);
          event.target.value = '';
        }}
      />
      <GroupIssues path="attachments" issues={issues} />
      {uploads.length > 0 ? (
        <ul className="upload-list">
          {uploads.map((upload) => (
            <li key={upload.key} className={`upload upload-${upload.status}`} data-testid="compose-upload">
              <bdi dir="auto">{upload.name}</bdi>{' '}
              <span className="muted">{formatBytes(upload.size, language)}</span>{' '}
              {upload.status === 'uploading' ? (
                <progress
                  max={upload.size || 1}
                  value={upload.sent}
                  aria-label={t('exchange.compose.uploading', { name: upload.name })}
                />
              ) : null}
              <span className="upload-status" data-status={upload.status}>
                {upload.status === 'uploading'
                  ? t('exchange.compose.uploadProgress', {
                      percent: new Intl.NumberFormat(language, {
                        style: 'percent',
                        numberingSystem: 'latn',
                      }).format(upload.size ? upload.sent / upload.size : 0),
                    })
                  : upload.status === 'done'
                    ? t('exchange.compose.uploaded')
                    : upload.status === 'tooLarge'
                      ? t('exchange.compose.tooLarge')
                      : t('exchange.compose.uploadFailed', { reason: upload.error ?? '' })}
              </span>{' '}
              {upload.status !== 'uploading' ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => onRemove(upload.key)}
                >
                  {t('exchange.compose.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
