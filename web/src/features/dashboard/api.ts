import { requestApi } from '../../api/client.js';

/** Counts by card id, as `GET /api/v1/dashboard` reports them. */
export type DashboardCounts = ReadonlyMap<string, number>;

interface DashboardBody {
  cards?: unknown;
}

/**
 * The node's dashboard counts, or null when the node does not provide them (the endpoint may not exist
 * yet) or answers something unexpected. Malformed entries are skipped rather than shown.
 */
export async function fetchDashboardCounts(): Promise<DashboardCounts | null> {
  const result = await requestApi<DashboardBody>('/dashboard');
  if (!result.ok || !Array.isArray(result.value?.cards)) return null;
  const counts = new Map<string, number>();
  for (const card of result.value.cards as unknown[]) {
    if (typeof card !== 'object' || card === null) continue;
    const { id, value } = card as { id?: unknown; value?: unknown };
    if (typeof id === 'string' && typeof value === 'number' && Number.isFinite(value)) counts.set(id, value);
  }
  return counts;
}
