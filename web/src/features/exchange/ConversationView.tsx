import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FollowUpRecordsPanel } from '../matching/index.js';
import { ScreeningFlags, StixExportLink } from '../screening/index.js';
import { acknowledgeMessage, attachmentUrl, getConversation } from './api.js';
import { EntityList } from './EntityList.js';
import { formatBytes, formatDate, formatDateTime, languageName, partnerLabel } from './format.js';
import { ackLabel } from './InboxView.js';
import { DeliveryStatus, HandlingChip, PriorityBadge, TlpChip, TypeBadge } from './Markings.js';
import { OnwardPanel } from './OnwardPanel.js';
import type { ConversationView as Conversation, EntityView, MessageDetail } from './types.js';
import { CRIME_AREAS, HANDLING_CODES, INFORMATION_ACCURACY, SOURCE_RELIABILITY } from './vocabulary.js';

type ConversationState =
  | { status: 'loading' }
  | { status: 'loaded'; conversation: Conversation }
  | { status: 'failed'; code: string };

/** A thread: the request, replies and acknowledgements, oldest first, with the actions on the latest message received. */
export function ConversationView({ id }: { id: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ConversationState>({ status: 'loading' });

  const load = useCallback(async () => {
    const result = await getConversation(id);
    setState(
      result.ok
        ? { status: 'loaded', conversation: result.value.conversation }
        : { status: 'failed', code: result.code },
    );
  }, [id]);

  useEffect(() => {
    setState({ status: 'loading' });
    void load();
  }, [load]);

  if (state.status === 'loading') {
    return (
      <p className="notice" aria-busy="true">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="alert" role="alert" data-testid="conversation-error">
        {t(state.code === 'not_found' ? 'exchange.conversation.notFound' : 'exchange.errors.load')}
      </div>
    );
  }
  const { conversation } = state;
  const messages = conversation.messages ?? [];
  // Actions apply to the latest operational message the partner sent.
  const target = [...messages]
    .reverse()
    .find((message) => message.direction === 'in' && message.type !== 'ack');
  return (
    <section className="conversation" data-testid="conversation" aria-labelledby="conversation-heading">
      <h2 id="conversation-heading" dir="auto">
        {conversation.subject || t('exchange.inbox.noSubject')}
      </h2>
      <p className="conversation-partner">
        {t('exchange.conversation.with', {
          partner: `\u2068${partnerLabel(conversation.partner, [])}\u2069`,
        })}
      </p>
      {target ? <ConversationActions message={target} onDone={load} /> : null}
      <ol className="thread">
        {messages.map((message) => (
          <li key={message.id}>
            {message.type === 'ack' ? <AckLine message={message} /> : <MessageCard message={message} />}
          </li>
        ))}
      </ol>
      <p>
        <a href="#/exchange/inbox">{t('exchange.conversation.back')}</a>
      </p>
    </section>
  );
}

function AckLine({ message }: { message: MessageDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <p className={`ack-line ack-${message.ackStatus ?? ''}`} data-testid={`message-${message.id}`}>
      <TypeBadge type="ack" />{' '}
      {t(
        message.direction === 'in'
          ? 'exchange.conversation.ackFromPartner'
          : 'exchange.conversation.ackFromUs',
        {
          status: ackLabel(t, String(message.ackStatus ?? '')),
          time: formatDateTime(message.receivedAt ?? message.createdAt, i18n.resolvedLanguage),
        },
      )}
      {message.reason ? (
        <>
          {' '}
          <q dir="auto">{message.reason}</q>
        </>
      ) : null}
    </p>
  );
}

function MessageCard({ message }: { message: MessageDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const source = message.evaluation?.sourceReliability;
  const accuracy = message.evaluation?.informationAccuracy;
  const handling = (HANDLING_CODES as readonly string[]).includes(message.handlingCode ?? '')
    ? message.handlingCode
    : null;
  return (
    <article className={`message-card direction-${message.direction}`} data-testid={`message-${message.id}`}>
      <header className="message-head">
        <TypeBadge type={message.type} />
        <PriorityBadge priority={message.priority} />
        <HandlingChip code={message.handlingCode} />
        <TlpChip tlp={message.tlp} />
        <span className="message-when">
          {t(message.direction === 'in' ? 'exchange.conversation.received' : 'exchange.conversation.sent', {
            time: formatDateTime(message.receivedAt ?? message.createdAt, language),
          })}
        </span>
        {message.direction === 'out' && message.delivery ? (
          <DeliveryStatus delivery={message.delivery} />
        ) : null}
      </header>
      <h3 dir="auto">{message.subject}</h3>
      <div className="message-body" dir="auto" lang={message.language ?? undefined}>
        {message.body}
      </div>
      {message.direction === 'in' ? <ScreeningFlags messageId={message.id} /> : null}
      {message.direction === 'in' && message.type === 'rfi' && message.hitRef ? (
        <FollowUpRecordsPanel messageId={message.id} />
      ) : null}
      <StixExportLink message={message} />
      {message.direction === 'in' ? <OnwardPanel message={message} /> : null}
      <dl className="message-fields">
        {message.deadline ? (
          <>
            <dt>{t('exchange.fields.deadline')}</dt>
            <dd>
              {formatDateTime(message.deadline, language)}
              {message.overdue ? <span className="overdue-mark">{t('exchange.inbox.overdue')}</span> : null}
            </dd>
          </>
        ) : null}
        {handling ? (
          <>
            <dt>{t('exchange.fields.handlingCode')}</dt>
            <dd data-testid="handling-meaning">
              <strong>{handling}</strong> — {t(`exchange.handling.${handling as 'H0'}`)}
              {message.handlingRestriction ? (
                <>
                  {' '}
                  <q dir="auto">{message.handlingRestriction}</q>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {source || accuracy ? (
          <>
            <dt>{t('exchange.fields.evaluation')}</dt>
            <dd data-testid="evaluation">
              <EvaluationText source={source} accuracy={accuracy} />
            </dd>
          </>
        ) : null}
        {message.legalBasis ? (
          <>
            <dt>{t('exchange.fields.legalBasis')}</dt>
            <dd dir="auto">{message.legalBasis}</dd>
          </>
        ) : null}
        {message.purpose ? (
          <>
            <dt>{t('exchange.fields.purpose')}</dt>
            <dd dir="auto">{message.purpose}</dd>
          </>
        ) : null}
        {message.crimeAreas?.length ? (
          <>
            <dt>{t('exchange.fields.crimeAreas')}</dt>
            <dd>
              {message.crimeAreas
                .map((area) =>
                  (CRIME_AREAS as readonly string[]).includes(area) ? t(`exchange.crimeAreas.${area}`) : area,
                )
                .join(', ')}
            </dd>
          </>
        ) : null}
        {message.language ? (
          <>
            <dt>{t('exchange.fields.language')}</dt>
            <dd>{languageName(message.language, language)}</dd>
          </>
        ) : null}
        {message.retentionReviewDate ? (
          <>
            <dt>{t('exchange.fields.retentionReviewDate')}</dt>
            <dd>{formatDate(message.retentionReviewDate, language)}</dd>
          </>
        ) : null}
        {message.ackStatus ? (
          <>
            <dt>{t('exchange.fields.ackStatus')}</dt>
            <dd>
              {ackLabel(t, String(message.ackStatus))}
              {message.ackReason ? (
                <>
                  {' '}
                  <q dir="auto">{message.ackReason}</q>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      <EntityList entities={(message.entities ?? []) as EntityView[]} />
      {message.attachments?.length ? (
        <section className="attachments">
          <h4>{t('exchange.fields.attachments')}</h4>
          <ul>
            {message.attachments.map((attachment) => (
              <li key={attachment.id}>
                {attachment.status === undefined || attachment.status === 'stored' ? (
                  <a
                    href={attachmentUrl(attachment.id)}
                    download={attachment.name}
                    data-testid={`attachment-${attachment.id}`}
                  >
                    <bdi dir="auto">{attachment.name}</bdi>
                  </a>
                ) : (
                  <span data-testid={`attachment-${attachment.id}`}>
                    <bdi dir="auto">{attachment.name}</bdi> —{' '}
                    {t(
                      attachment.status === 'pending'
                        ? 'exchange.conversation.attachmentPending'
                        : 'exchange.conversation.attachmentFailed',
                    )}
                  </span>
                )}{' '}
                <span className="muted">
                  {attachment.mediaType} · {formatBytes(attachment.size, language)}
                </span>{' '}
                <span className="mono muted" title={t('exchange.conversation.sha256')}>
                  {attachment.sha256.slice(0, 16)}…
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/** Source reliability × information accuracy, with what each grade means. */
export function EvaluationText({
  source,
  accuracy,
}: {
  source: string | undefined;
  accuracy: number | undefined;
}) {
  const { t } = useTranslation();
  const knownSource = (SOURCE_RELIABILITY as readonly string[]).includes(source ?? '')
    ? (source as 'A')
    : undefined;
  const knownAccuracy = (INFORMATION_ACCURACY as readonly number[]).includes(accuracy ?? 0)
    ? (String(accuracy) as '1')
    : undefined;
  return (
    <>
      <strong className="evaluation-code">
        <bdi>
          {source ?? '?'}
          {accuracy ?? '?'}
        </bdi>
      </strong>
      <span className="evaluation-meaning">
        {knownSource
          ? ` ${t('exchange.evaluation.sourceLabel')} ${knownSource}: ${t(`exchange.evaluation.source.${knownSource}`)}.`
          : null}
        {knownAccuracy
          ? ` ${t('exchange.evaluation.accuracyLabel')} ${knownAccuracy}: ${t(`exchange.evaluation.accuracy.${knownAccuracy}`)}.`
          : null}
      </span>
    </>
  );
}

function ConversationActions({ message, onDone }: { message: MessageDetail; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [busy, setBusy] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const ack = async (status: 'read' | 'accepted' | 'declined', why?: string) => {
    setBusy(true);
    setError(null);
    const result = await acknowledgeMessage(message.id, status, why);
    setBusy(false);
    if (!result.ok) {
      setError(result.message || t('exchange.errors.action'));
      return;
    }
    setDeclining(false);
    setReason('');
    setDone(ackLabel(t, status));
    await onDone();
  };

  const onDecline = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(t('exchange.ack.reasonRequired'));
      return;
    }
    void ack('declined', reason.trim());
  };

  return (
    <div className="conversation-actions" data-testid="conversation-actions">
      <a
        className="button button-primary"
        href={`#/exchange/reply/${encodeURIComponent(message.id)}`}
        data-testid="reply-button"
      >
        {t('exchange.conversation.reply')}
      </a>
      <button
        type="button"
        className="button button-secondary"
        data-testid="ack-read"
        disabled={busy}
        onClick={() => void ack('read')}
      >
        {t('exchange.ack.read')}
      </button>
      <button
        type="button"
        className="button button-secondary"
        data-testid="ack-accept"
        disabled={busy}
        onClick={() => void ack('accepted')}
      >
        {t('exchange.ack.accept')}
      </button>
      <button
        type="button"
        className="button button-secondary"
        data-testid="ack-decline"
        disabled={busy}
        aria-expanded={declining}
        onClick={() => setDeclining((open) => !open)}
      >
        {t('exchange.ack.decline')}
      </button>
      {declining ? (
        <form className="decline-form" onSubmit={onDecline}>
          <label htmlFor={reasonId}>{t('exchange.ack.reason')}</label>
          <textarea
            id={reasonId}
            data-testid="ack-decline-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            dir="auto"
            required
          />
          <button
            type="submit"
            className="button button-primary"
            data-testid="ack-decline-submit"
            disabled={busy}
          >
            {t('exchange.ack.declineSubmit')}
          </button>
        </form>
      ) : null}
      {error ? (
        <p className="alert" role="alert" data-testid="ack-error">
          {error}
        </p>
      ) : null}
      {done ? (
        <output className="notice" data-testid="ack-done">
          {t('exchange.ack.done', { status: done })}
        </output>
      ) : null}
    </div>
  );
}
