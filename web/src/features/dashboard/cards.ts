import type { Role } from '../auth/index.js';

/**
 * Dashboard card ids. They are the contract with `GET /api/v1/dashboard`, whose `cards[].id` must use
 * these names; a card the server does not report shows "—".
 */
export const DASHBOARD_CARD_IDS = [
  'partnersPaired',
  'deliveriesFailed',
  'accountsLocked',
  'requestsAwaitingReply',
  'requestsOverdue',
  'alertsUnread',
  'casesOpen',
  'hitsToReview',
  'screeningMatches',
  'remainsUnidentified',
  'missingReportsOpen',
  'identificationsPending',
  'notificationsPending',
  'disclosuresPending',
  'neutralityFlags',
  'breakGlassToReview',
  'retentionDue',
  'alertsRecent',
  'meetingsUpcoming',
  'actionItemsOpen',
] as const;

/** A dashboard card id. */
export type DashboardCardId = (typeof DASHBOARD_CARD_IDS)[number];

/** The cards each role sees, most urgent first (the daily work of each role, DESIGN.md §1). */
export const CARDS_BY_ROLE: Readonly<Record<Role, readonly DashboardCardId[]>> = {
  admin: ['partnersPaired', 'deliveriesFailed', 'accountsLocked'],
  liaison: ['requestsOverdue', 'requestsAwaitingReply', 'alertsUnread'],
  analyst: ['hitsToReview', 'casesOpen', 'screeningMatches'],
  dvi: ['remainsUnidentified', 'identificationsPending', 'notificationsPending', 'missingReportsOpen'],
  dpo: ['disclosuresPending', 'neutralityFlags', 'breakGlassToReview', 'retentionDue'],
  viewer: ['alertsRecent', 'meetingsUpcoming', 'actionItemsOpen'],
};
