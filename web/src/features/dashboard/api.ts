import { requestApi } from '../../api/client.js';

/** Counts by card id, as `GET /api/v1/dashboard` reports them. */
export type DashboardCounts = ReadonlyMap<string, number>;

interface DashboardBody {
  cards?: unknown;
}

/** Cards `GET /api/v1/dashboard/exchange` answers, by the card id they fill. */
export const EXCHANGE_COUNT_IDS = ['requestsOverdue', 'requestsAwaitingReply', 'alertsUnread'] as const;

/**
 * The node's dashboard counts, or null when the node provides none (an endpoint may not exist yet) or
 * answers something unexpected. `GET /dashboard` gives `{ cards }`; `GET /dashboard/exchange` gives the
 * exchange counts by name and wins where both answer. Malformed entries are skipped rather than shown.
 */
export async function fetchDashboardCounts(): Promise<DashboardCounts | null> {
  const [general, exchange] = await Promise.all([
    requestApi<DashboardBody>('/dashboard'),
    requestApi<Record<string, unknown>>('/dashboard/exchange'),
  ]);
  const counts = new Map<string, number>();
  let answered = false;
  if (general.ok && Array.isArray(general.value?.cards)) {
    answered = true;
    for (const card of general.value.cards as unknown[]) {
      if (typeof card !== 'object' || card === null) continue;
      const { id, value } = card as { id?: unknown; value?: unknown };
      if (typeof id === 'string' && isCount(value)) counts.set(id, value);
    }
  }
  if (exchange.ok && typeof exchange.value === 'object' && exchange.value !== null) {
    answered = true;
    for (const id of EXCHANGE_COUNT_IDS) {
      const value = exchange.value[id];
      if (isCount(value)) counts.set(id, value);
    }
  }
  return answered ? counts : null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
