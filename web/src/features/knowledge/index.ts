export { KnowledgePage } from './KnowledgePage.js';
export { StatisticsPage } from './StatisticsPage.js';
