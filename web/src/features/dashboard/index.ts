export { type DashboardCounts, fetchDashboardCounts } from './api.js';
export type { DashboardCardId } from './cards.js';
export { CARDS_BY_ROLE, DASHBOARD_CARD_IDS } from './cards.js';
export { DashboardPage } from './DashboardPage.js';
