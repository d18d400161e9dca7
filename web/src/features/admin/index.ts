export type { AdminView } from './AdminPage.js';
export { ADMIN_VIEWS, AdminPage } from './AdminPage.js';
export type { PartnerView } from './api.js';
