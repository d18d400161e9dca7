export { ScreeningFlags } from './ScreeningFlags.js';
export { ScreeningPage } from './ScreeningPage.js';
