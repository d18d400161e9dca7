export { CasesPage } from './CasesPage.js';
