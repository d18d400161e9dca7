import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPanel, PageTitle } from '../../ui/index.js';
import { ErrorLine, useApiList, useDateTime, useErrorText } from '../admin/shared.js';
import {
  approveReview,
  type BreakGlassRow,
  listBreakGlass,
  listReviews,
  type ReviewFlag,
  type ReviewItem,
  returnReview,
  reviewBreakGlass,
} from './api.js';
import { RetentionPanel } from './RetentionPanel.js';
import { SubjectPanel } from './SubjectPanel.js';

/** Views of the DPO's workplace, in tab order. */
export const DPO_VIEWS = ['queue', 'break-glass', 'retention', 'subjects'] as const;

/** A view of the DPO's workplace. */
export type DpoView = (typeof DPO_VIEWS)[number];

/** The data-protection officer's workplace: the outgoing review queue and break-glass reviews. */
export function DpoPage({ view }: { view: DpoView }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('modules.dpo.title')}</PageTitle>
      <nav className="tabs" aria-label={t('dpo.tabsLabel')}>
        {DPO_VIEWS.map((candidate) => (
          <a
            key={candidate}
            href={`#/dpo/${candidate}`}
            className="tab"
            aria-current={candidate === view ? 'page' : undefined}
            data-testid={`dpo-tab-${candidate}`}
          >
            {t(
              candidate === 'queue'
                ? 'dpo.queue.title'
                : candidate === 'subjects'
                  ? 'dpo.subjects.title'
                  : candidate === 'retention'
                    ? 'dpo.retention.title'
                    : 'dpo.breakGlass.title',
            )}
          </a>
        ))}
      </nav>
      {view === 'queue' ? <ReviewQueue /> : null}
      {view === 'break-glass' ? <BreakGlassReviews /> : null}
      {view === 'retention' ? <RetentionPanel /> : null}
      {view === 'subjects' ? <SubjectPanel /> : null}
    </>
  );
}

function FlagLine({ flag }: { flag: ReviewFlag }) {
  const { t } = useTranslation();
  if (flag.kind === 'personal_data') {
    return <li>{t('dpo.queue.personalData', { categories: (flag.categories ?? []).join(', ') })}</li>;
  }
  return (
    <li className="flag-neutrality">
      {t('dpo.queue.neutrality', { category: flag.category ?? '', rule: flag.rule ?? '' })}{' '}
      <q dir="auto">{flag.excerpt}</q>
    </li>
  );
}

function ReviewQueue() {
  const { t } = useTranslation();
  const { rows, error, reload } = useApiList(listReviews, (v) => v.messages, []);
  return (
    <ListPanel
      title={t('dpo.queue.title')}
      intro={t('dpo.queue.intro')}
      rows={rows}
      error={error}
      empty={t('dpo.queue.none')}
      emptyTestId="dpo-queue-empty"
    >
      {(item) => <ReviewCard key={item.id} item={item} onDone={reload} />}
    </ListPanel>
  );
}

function ReviewCard({ item, onDone }: { item: ReviewItem; onDone: () => void }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const errorText = useErrorText();
  const id = useId();
  const originalBody = typeof item.payload.body === 'string' ? item.payload.body : '';
  const entities = Array.isArray(item.payload.entities)
    ? (item.payload.entities as Array<{ id?: string; kind?: string }>)
    : [];
  const [note, setNote] = useState('');
  const [body, setBody] = useState(originalBody);
  const [removed, setRemoved] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sentFirst = item.review?.status === 'sent_before_review';

  const act = async (action: 'approve' | 'return') => {
    if (action === 'return' && !note.trim()) {
      setError(t('dpo.queue.commentRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    const redact = {
      ...(body.trim() && body !== originalBody ? { body: body.trim() } : {}),
      ...(removed.length > 0 ? { removeEntityIds: removed } : {}),
    };
    const result =
      action === 'approve'
        ? await approveReview(item.id, note.trim(), Object.keys(redact).length > 0 ? redact : undefined)
        : await returnReview(item.id, note.trim());
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.code, result.message));
      return;
    }
    onDone();
  };

  return (
    <article className="card review-card" data-testid={`review-${item.id}`} aria-labelledby={`${id}-subject`}>
      <h3 id={`${id}-subject`} dir="auto">
        {item.subject}
      </h3>
      <p className="muted">
        {t('dpo.queue.meta', {
          type: item.type,
          partner: item.partner,
          author: item.createdBy ?? '',
          time: dateTime(item.createdAt),
        })}{' '}
        <span className="badge">{item.handlingCode}</span> <span className="badge">TLP:{item.tlp}</span>{' '}
        <span className="badge" data-testid={`review-status-${item.id}`}>
          {t(sentFirst ? 'dpo.queue.sentFirst' : 'dpo.queue.held')}
        </span>
      </p>
      <h4>{t('dpo.queue.why')}</h4>
      <ul data-testid={`review-flags-${item.id}`}>
        {item.review?.flags.map((flag) => (
          <FlagLine key={`${flag.kind}-${flag.rule ?? flag.categories?.join()}`} flag={flag} />
        ))}
      </ul>
      <details open>
        <summary>{t('dpo.queue.wouldLeave')}</summary>
        <pre dir="ltr" className="payload" data-testid={`review-payload-${item.id}`}>
          {JSON.stringify(item.payload, null, 2)}
        </pre>
      </details>
      {sentFirst ? null : (
        <>
          <label htmlFor={`${id}-body`}>{t('dpo.queue.redactBody')}</label>
          <textarea
            id={`${id}-body`}
            dir="auto"
            rows={4}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            data-testid={`review-body-${item.id}`}
          />
          {entities.length > 0 ? (
            <fieldset>
              <legend>{t('dpo.queue.removeEntities')}</legend>
              {entities.map((entity) => (
                <label key={entity.id}>
                  <input
                    type="checkbox"
                    checked={removed.includes(entity.id ?? '')}
                    onChange={(e) =>
                      setRemoved((list) =>
                        e.target.checked ? [...list, entity.id ?? ''] : list.filter((x) => x !== entity.id),
                      )
                    }
                    data-testid={`review-remove-${item.id}-${entity.id}`}
                  />{' '}
                  {entity.kind} {entity.id}
                </label>
              ))}
            </fieldset>
          ) : null}
        </>
      )}
      <label htmlFor={`${id}-note`}>{t('dpo.queue.note')}</label>
      <textarea
        id={`${id}-note`}
        dir="auto"
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid={`review-note-${item.id}`}
      />
      <ErrorLine text={error} />
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void act('approve')}
          data-testid={`review-approve-${item.id}`}
        >
          {t(sentFirst ? 'dpo.queue.recordReview' : 'dpo.queue.approve')}
        </button>
        {sentFirst ? null : (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void act('return')}
            data-testid={`review-return-${item.id}`}
          >
            {t('dpo.queue.return')}
          </button>
        )}
      </div>
    </article>
  );
}

function BreakGlassReviews() {
  const { t } = useTranslation();
  const { rows, error, reload } = useApiList(listBreakGlass, (v) => v.accesses, []);
  return (
    <ListPanel
      title={t('dpo.breakGlass.title')}
      intro={t('dpo.breakGlass.intro')}
      rows={rows}
      error={error}
      empty={t('dpo.breakGlass.none')}
    >
      {(row) => <BreakGlassCard key={row.id} row={row} onDone={reload} />}
    </ListPanel>
  );
}

function BreakGlassCard({ row, onDone }: { row: BreakGlassRow; onDone: () => void }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const errorText = useErrorText();
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const judge = async (verdict: 'justified' | 'unjustified') => {
    if (!note.trim()) {
      setError(t('dpo.breakGlass.noteRequired'));
      return;
    }
    const result = await reviewBreakGlass(row.id, verdict, note.trim());
    if (!result.ok) {
      setError(errorText(result.code, result.message));
      return;
    }
    onDone();
  };
  return (
    <article className="card" data-testid={`break-glass-${row.id}`}>
      <p>
        {t('dpo.breakGlass.meta', {
          user: row.username,
          record: `${row.recordKind} ${row.recordId}`,
          time: dateTime(row.createdAt),
          until: dateTime(row.expiresAt),
        })}
      </p>
      <p dir="auto">
        <strong>{t('dpo.breakGlass.reason')}</strong> {row.reason}
      </p>
      <label htmlFor={`${id}-note`}>{t('dpo.queue.note')}</label>
      <textarea
        id={`${id}-note`}
        dir="auto"
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <ErrorLine text={error} />
      <div className="actions">
        <button type="button" className="button" onClick={() => void judge('justified')}>
          {t('dpo.breakGlass.justified')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void judge('unjustified')}>
          {t('dpo.breakGlass.unjustified')}
        </button>
      </div>
    </article>
  );
}
