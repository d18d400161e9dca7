export { FollowUpRecordsPanel } from './HitRecords.js';
export { MatchingPage } from './MatchingPage.js';
