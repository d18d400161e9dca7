import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What the database pool looks like now (PostgreSQL; the embedded engine has one session). */
export interface PoolStats {
  /** Connections open, idle among them, and queries waiting for one. */
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** What the metrics read when scraped: the outbox and the pool. */
export interface MetricSources {
  deliveryBacklog(): Promise<{ byStatus: Record<string, number>; oldestDueMs: number }>;
  poolStats(): PoolStats | null;
}

/**
 * A node's Prometheus metrics (prom-client), in a registry of its own so that several nodes in
 * one process (tests, the demo) never mix their figures. Request latency is labelled by route
 * template (`/api/v1/messages/:id`), never the raw path, so the series stay few; the outbox
 * and the pool are read when scraped; delivery outcomes are counted as they happen.
 */
export class NodeMetrics {
  readonly registry = new Registry();
  readonly #requests: Histogram<'method' | 'route' | 'status'>;
  readonly #deliveryLatency: Histogram<'partner'>;
  readonly #deliveries: Counter<'partner' | 'outcome'>;

  constructor(sources: MetricSources, options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics !== false)
      collectDefaultMetrics({ register: this.registry, prefix: 'passerelle_' });
    this.#requests = new Histogram({
      name: 'passerelle_http_request_duration_seconds',
      help: 'HTTP request latency by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.#deliveryLatency = new Histogram({
      name: 'passerelle_delivery_latency_seconds',
      help: 'From enqueue to the receipt recorded by the sender, per partner',
      labelNames: ['partner'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 86_400],
      registers,
    });
    this.#deliveries = new Counter({
      name: 'passerelle_delivery_attempts_total',
      help: 'Delivery attempts by partner and outcome (delivered, retry, failed: refused for good, dead: time-to-live ran out)',
      labelNames: ['partner', 'outcome'],
      registers,
    });
    const oldestDue = new Gauge({
      name: 'passerelle_outbox_oldest_due_seconds',
      help: 'How long the oldest message due for delivery has waited (0 when none): a stalled worker grows it',
      registers,
    });
    new Gauge({
      name: 'passerelle_outbox_messages',
      help: 'Messages not yet delivered, by status (queued, sending, failed, dead)',
      labelNames: ['status'],
      registers,
      async collect() {
        const backlog = await sources.deliveryBacklog();
        this.reset();
        for (const [status, n] of Object.entries(backlog.byStatus)) this.set({ status }, n);
        oldestDue.set(backlog.oldestDueMs / 1000);
      },
    });
    new Gauge({
      name: 'passerelle_db_pool_connections',
      help: 'Database pool connections: total open, idle, requests waiting, maximum',
      labelNames: ['state'],
      registers,
      collect() {
        const stats = sources.poolStats();
        this.reset();
        if (!stats) return;
        for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, stats[state]);
      },
    });
  }

  /**
   * The admission gate of the HTTP server (src/app/admission.ts): requests read but waiting for
   * their turn of the event loop, and the longest wait since the previous scrape. Both stay
   * near zero unless a flood arrives.
   */
  watchAdmission(gate: { readonly waiting: number; takeMaxWaitMs(): number }): void {
    const registers = [this.registry];
    new Gauge({
      name: 'passerelle_http_admission_waiting',
      help: 'Requests read but waiting for their turn of the event loop (admission gate)',
      registers,
      collect() {
        this.set(gate.waiting);
      },
    });
    new Gauge({
      name: 'passerelle_http_admission_max_wait_seconds',
      help: 'Longest wait of a request for its turn since the previous scrape',
      registers,
      collect() {
        this.set(gate.takeMaxWaitMs() / 1000);
      },
    });
  }

  /** Records one answered HTTP request. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.#requests.observe({ method, route, status: String(status) }, seconds);
  }

  /** Records one delivery outcome; `latencyMs` for a delivery. */
  observeDelivery(event: { partner: string; outcome: string; latencyMs?: number }): void {
    this.#deliveries.inc({ partner: event.partner, outcome: event.outcome });
    if (event.latencyMs !== undefined)
      this.#deliveryLatency.observe({ partner: event.partner }, event.latencyMs / 1000);
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
