import { requestApi } from '../api/client.js';

/** This node's identity, from `GET /api/v1/node`. */
export interface NodeInfo {
  id: string;
  agency: string;
  country: string;
  endpoint: string;
  fingerprint: string;
}

/** This node's identity, or null when it cannot be read. */
export async function fetchNodeInfo(): Promise<NodeInfo | null> {
  const result = await requestApi<NodeInfo>('/node');
  return result.ok && typeof result.value?.id === 'string' ? result.value : null;
}
