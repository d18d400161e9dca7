export { ScreeningPage } from './ScreeningPage.js';
