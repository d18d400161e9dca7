// The composition root: builds a node from its configuration and runs it.
export {
  BackupError,
  type BackupSummary,
  createBackup,
  type RestoreReport,
  type RestoreVerification,
  restoreBackup,
  verifyRestoredNode,
} from './backup.js';
export { CARD_RENEW_BEFORE_MS, renewCardIfDue } from './card-renewal.js';
export { type AppContext, type AppContextOverrides, createAppContext } from './context.js';
export { API_BASE, createHttpApp } from './http.js';
export { type InitNodeOptions, type InitNodeResult, initNode } from './init-node.js';
export { type RotateKeysResult, rotateNodeKeys } from './key-rotation.js';
export { NodeBindingError } from './node-binding.js';
export { type RunningNode, startNode } from './server.js';
