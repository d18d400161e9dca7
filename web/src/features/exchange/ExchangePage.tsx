import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/index.js';
import { ComposeView } from './ComposeView.js';
import { ConsentRequestsView } from './ConsentRequestsView.js';
import { ConversationView } from './ConversationView.js';
import { InboxView } from './InboxView.js';

/** The tabbed views of the exchange module. */
export type ExchangeView = 'inbox' | 'compose' | 'consent';

/** Exchange views in tab order. */
export const EXCHANGE_VIEWS: readonly ExchangeView[] = ['inbox', 'compose', 'consent'];

/** A resolved exchange route: a tab, a conversation, or a reply to a message. */
export type ExchangeRoute =
  | { view: ExchangeView }
  | { view: 'conversation'; id: string }
  | { view: 'reply'; id: string };

/** Resolves the part of an exchange path after `/exchange/`, or null when it names nothing. */
export function parseExchangeRoute(rest: string): ExchangeRoute | null {
  const view = rest === '' ? 'inbox' : rest;
  if ((EXCHANGE_VIEWS as readonly string[]).includes(view)) return { view: view as ExchangeView };
  const match = /^(conversation|reply)\/([^/]+)$/.exec(view);
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[2] ?? '');
  } catch {
    return null;
  }
  return id === '' ? null : { view: match[1] as 'conversation' | 'reply', id };
}

/** Exchange module: inbox, compose, conversations and replies. `view` is the path after `/exchange/`. */
export function ExchangePage({ view }: { view: string }) {
  const { t } = useTranslation();
  const route = parseExchangeRoute(view) ?? { view: 'inbox' };
  const tab: ExchangeView =
    route.view === 'reply' ? 'compose' : route.view === 'conversation' ? 'inbox' : route.view;
  return (
    <>
      <PageTitle>{t('modules.exchange.title')}</PageTitle>
      <nav className="tabs" aria-label={t('exchange.tabsLabel')}>
        {EXCHANGE_VIEWS.map((candidate) => (
          // Plain hash links: the app router owns navigation, and features do not import the app.
          <a
            key={candidate}
            href={`#/exchange/${candidate}`}
            className="tab"
            aria-current={candidate === tab && route.view === candidate ? 'page' : undefined}
            data-testid={`exchange-tab-${candidate}`}
          >
            {candidate === 'consent' ? t('onward.consent.tab') : t(`exchange.${candidate}.title`)}
          </a>
        ))}
      </nav>
      {route.view === 'inbox' ? <InboxView /> : null}
      {route.view === 'compose' ? <ComposeView /> : null}
      {route.view === 'consent' ? <ConsentRequestsView /> : null}
      {route.view === 'reply' ? <ComposeView key={route.id} replyTo={route.id} /> : null}
      {route.view === 'conversation' ? <ConversationView key={route.id} id={route.id} /> : null}
    </>
  );
}
