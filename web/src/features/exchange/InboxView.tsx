import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribeLive } from '../../api/live.js';
import { listMessages, listPartners } from './api.js';
import { formatDateTime, partnerLabel } from './format.js';
import { DeliveryStatus, HandlingChip, PriorityBadge, TlpChip, TypeBadge } from './Markings.js';
import { plainT } from './plain-t.js';
import type { InboxFilters, MessageSummary, PartnerView } from './types.js';
import { CRIME_AREAS, MESSAGE_TYPES, PRIORITIES } from './vocabulary.js';

const EMPTY_FILTERS: InboxFilters = {
  partner: '',
  type: '',
  priority: '',
  overdue: false,
  crimeArea: '',
  direction: '',
  q: '',
};

type ListState =
  | { status: 'loading' }
  | { status: 'loaded'; messages: MessageSummary[] }
  | { status: 'failed'; code: string };

/** Inbox and sent messages, filtered; each row opens its conversation. */
export function InboxView() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<InboxFilters>(EMPTY_FILTERS);
  const [query, setQuery] = useState<InboxFilters>(EMPTY_FILTERS);
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [partners, setPartners] = useState<PartnerView[]>([]);
  const [reload, setReload] = useState(0);
  const [arrivals, setArrivals] = useState(0);

  // A message received by any process of the node refreshes the list in place.
  useEffect(() => subscribeLive('inbox', () => setArrivals((n) => n + 1)), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `arrivals` is the refresh trigger
  useEffect(() => {
    if (arrivals === 0) return;
    let active = true;
    void listMessages(query).then((result) => {
      if (active && result.ok) setState({ status: 'loaded', messages: result.value.messages ?? [] });
    });
    return () => {
      active = false;
    };
  }, [arrivals]);

  useEffect(() => {
    let active = true;
    void listPartners().then((result) => {
      if (active && result.ok) setPartners(result.value.partners ?? []);
    });
    return () => {
      active = false;
    };
  }, []);

  // Free text waits for a pause in typing; the other filters apply at once.
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(filters), filters.q === query.q ? 0 : 300);
    return () => window.clearTimeout(timer);
  }, [filters, query.q]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is the retry trigger
  useEffect(() => {
    let active = true;
    setState({ status: 'loading' });
    void listMessages(query).then((result) => {
      if (!active) return;
      setState(
        result.ok
          ? { status: 'loaded', messages: result.value.messages ?? [] }
          : { status: 'failed', code: result.code },
      );
    });
    return () => {
      active = false;
    };
  }, [query, reload]);

  const set = (name: keyof InboxFilters) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const target = event.target;
    const value =
      target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    setFilters((previous) => ({ ...previous, [name]: value }));
  };

  return (
    <section className="panel inbox" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">{t('exchange.inbox.title')}</h2>
      <search>
        <form
          className="filters"
          aria-label={t('exchange.filters.label')}
          onSubmit={(event) => event.preventDefault()}
        >
          <FilterField label={t('exchange.filters.q')}>
            {(id) => (
              <input
                id={id}
                type="search"
                data-testid="filter-q"
                value={filters.q}
                onChange={set('q')}
                dir="auto"
              />
            )}
          </FilterField>
          <FilterField label={t('exchange.filters.partner')}>
            {(id) => (
              <select id={id} data-testid="filter-partner" value={filters.partner} onChange={set('partner')}>
                <option value="">{t('exchange.filters.any')}</option>
                {partners.map((partner) => (
                  <option key={partner.nodeId} value={partner.nodeId}>
                    {partnerLabel(partner.nodeId, partners)}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label={t('exchange.filters.type')}>
            {(id) => (
              <select id={id} data-testid="filter-type" value={filters.type} onChange={set('type')}>
                <option value="">{t('exchange.filters.any')}</option>
                {MESSAGE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`exchange.types.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label={t('exchange.filters.priority')}>
            {(id) => (
              <select
                id={id}
                data-testid="filter-priority"
                value={filters.priority}
                onChange={set('priority')}
              >
                <option value="">{t('exchange.filters.any')}</option>
                {PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {t(`exchange.priorities.${priority}`)}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label={t('exchange.filters.crimeArea')}>
            {(id) => (
              <select
                id={id}
                data-testid="filter-crimeArea"
                value={filters.crimeArea}
                onChange={set('crimeArea')}
              >
                <option value="">{t('exchange.filters.any')}</option>
                {CRIME_AREAS.map((area) => (
                  <option key={area} value={area}>
                    {t(`exchange.crimeAreas.${area}`)}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          <FilterField label={t('exchange.filters.direction')}>
            {(id) => (
              <select
                id={id}
                data-testid="filter-direction"
                value={filters.direction}
                onChange={set('direction')}
              >
                <option value="">{t('exchange.filters.any')}</option>
                <option value="in">{t('exchange.direction.in')}</option>
                <option value="out">{t('exchange.direction.out')}</option>
              </select>
            )}
          </FilterField>
          <label className="filter-check">
            <input
              type="checkbox"
              data-testid="filter-overdue"
              checked={filters.overdue}
              onChange={set('overdue')}
            />
            {t('exchange.filters.overdue')}
          </label>
          <button
            type="button"
            className="button button-secondary"
            data-testid="filter-reset"
            onClick={() => setFilters(EMPTY_FILTERS)}
          >
            {t('exchange.filters.reset')}
          </button>
        </form>
      </search>
      <InboxList state={state} partners={partners} onRetry={() => setReload((n) => n + 1)} />
    </section>
  );
}

function FilterField({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div className="field filter-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function InboxList({
  state,
  partners,
  onRetry,
}: {
  state: ListState;
  partners: PartnerView[];
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <p className="notice" aria-busy="true" data-testid="inbox-loading">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="alert" role="alert" data-testid="inbox-error">
        <p>{t(state.code === 'network' ? 'exchange.errors.network' : 'exchange.errors.load')}</p>
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('exchange.errors.retry')}
        </button>
      </div>
    );
  }
  if (state.messages.length === 0) {
    return (
      <p className="notice" data-testid="inbox-empty">
        {t('exchange.inbox.empty')}
      </p>
    );
  }
  return (
    <ul className="inbox-list" data-testid="inbox-list">
      {state.messages.map((message) => (
        <InboxRow key={message.id} message={message} partners={partners} />
      ))}
    </ul>
  );
}

function InboxRow({ message, partners }: { message: MessageSummary; partners: PartnerView[] }) {
  const { t, i18n } = useTranslation();
  const unread = message.direction === 'in' && !message.readAt;
  const language = i18n.resolvedLanguage;
  return (
    <li
      className={`inbox-row${unread ? ' unread' : ''}${message.overdue ? ' overdue' : ''}`}
      data-testid={`inbox-row-${message.id}`}
      data-unread={unread ? 'true' : 'false'}
    >
      <div className="inbox-row-head">
        <TypeBadge type={message.type} />
        <a
          className="inbox-subject"
          href={`#/exchange/conversation/${encodeURIComponent(message.conversationId || message.id)}`}
          dir="auto"
        >
          {unread ? <span className="visually-hidden">{t('exchange.inbox.unread')}: </span> : null}
          {message.subject || t('exchange.inbox.noSubject')}
        </a>
        {message.hasAttachments ? (
          <span className="attachment-mark" title={t('exchange.inbox.hasAttachments')}>
            <span aria-hidden="true">📎</span>
            <span className="visually-hidden">{t('exchange.inbox.hasAttachments')}</span>
          </span>
        ) : null}
      </div>
      <div className="inbox-row-meta">
        <span className="direction" data-direction={message.direction}>
          {t(message.direction === 'in' ? 'exchange.inbox.from' : 'exchange.inbox.to', {
            partner: `\u2068${partnerLabel(message.partner, partners)}\u2069`,
          })}
        </span>
        <PriorityBadge priority={message.priority} />
        <HandlingChip code={message.handlingCode} />
        <TlpChip tlp={message.tlp} />
        {message.deadline ? (
          <span className="deadline" data-testid={`deadline-${message.id}`}>
            {t('exchange.inbox.deadline', { time: formatDateTime(message.deadline, language) })}
            {message.overdue ? (
              <span className="overdue-mark" data-testid={`overdue-${message.id}`}>
                {t('exchange.inbox.overdue')}
              </span>
            ) : null}
          </span>
        ) : null}
        <span className="received">{formatDateTime(message.receivedAt ?? message.createdAt, language)}</span>
        {message.direction === 'out' ? (
          message.delivery ? (
            <DeliveryStatus delivery={message.delivery} />
          ) : (
            <span className="delivery">{t('exchange.delivery.notSent')}</span>
          )
        ) : null}
        {message.ackStatus ? <span className="ack-status">{ackLabel(t, message.ackStatus)}</span> : null}
      </div>
    </li>
  );
}

type TFunction = ReturnType<typeof useTranslation>['t'];

/** Label of an acknowledgement status. */
export function ackLabel(t: TFunction, status: string): string {
  if (status === 'read' || status === 'accepted' || status === 'declined')
    return plainT(t)(`exchange.ack.status.${status}`);
  return status;
}
