export { ScreeningFlags } from './ScreeningFlags.js';
export { ScreeningPage } from './ScreeningPage.js';
export { StixExportLink } from './StixExportLink.js';
