export { ComingPanel } from './ComingPanel.js';
export type { ComingPanelProps } from './ComingPanel.js';
export { MessagePanel } from './MessagePanel.js';
export type { MessagePanelProps } from './MessagePanel.js';
export { PageTitle } from './PageTitle.js';
export type { PageTitleProps } from './PageTitle.js';
