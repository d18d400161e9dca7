export type { ComingPanelProps } from './ComingPanel.js';
export { ComingPanel } from './ComingPanel.js';
export type { MessagePanelProps } from './MessagePanel.js';
export { MessagePanel } from './MessagePanel.js';
export type { PageTitleProps } from './PageTitle.js';
export { PageTitle } from './PageTitle.js';
export type { WorldMapLeg, WorldMapPoint, WorldMapPolyline, WorldMapProps } from './WorldMap.js';
export { WorldMap } from './WorldMap.js';
