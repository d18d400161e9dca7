export { EXCHANGE_VIEWS, ExchangePage } from './ExchangePage.js';
export type { ExchangeView } from './ExchangePage.js';
