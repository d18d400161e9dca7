export { MatchingPage } from './MatchingPage.js';
