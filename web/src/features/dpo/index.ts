// The data-protection officer's workplace: outgoing review queue, break-glass reviews.
export { DPO_VIEWS, DpoPage, type DpoView } from './DpoPage.js';
