export type { ExchangeView } from './ExchangePage.js';
export { EXCHANGE_VIEWS, ExchangePage } from './ExchangePage.js';
