export { IncidentsPage } from './IncidentsPage.js';
