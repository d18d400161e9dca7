export type { ExchangeRoute, ExchangeView } from './ExchangePage.js';
export { EXCHANGE_VIEWS, ExchangePage, parseExchangeRoute } from './ExchangePage.js';
