import { sql } from 'kysely';
import type { Actor } from '../governance/index.js';
import type { ApiRouter, Database, Logger, Tx } from '../platform/index.js';

/**
 * Live updates for browsers (Server-Sent Events, `GET /api/v1/events`). A change is
 * published with `pg_notify` inside the transaction that makes it, so it is announced when
 * that transaction commits, to every process of the node listening on the database: a
 * browser connected to any process behind a load balancer hears of a message another
 * process received. An event only says what changed (`inbox`), never its content: the page
 * reads it again through the API, where need-to-know applies.
 */
export const LIVE_EVENT_KINDS = ['inbox'] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

const CHANNEL = 'passerelle_live';
/** A comment line every 25 s keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** Browsers reconnect after this long when the stream drops (server restart, proxy). */
const RETRY_MS = 3_000;

export class LiveEvents {
  readonly #subscribers = new Set<(kind: LiveEventKind) => void>();
  #unlisten: Promise<() => Promise<void>> | null = null;

  constructor(
    private readonly database: Pick<Database, 'listen'>,
    private readonly logger: Logger,
  ) {}

  /** Announces a change when `tx` commits (to every process on the database). */
  async publish(tx: Tx, kind: LiveEventKind): Promise<void> {
    await sql`select pg_notify(${CHANNEL}, ${kind})`.execute(tx);
  }

  /** Calls `fn` for each event; returns the function that stops it. */
  subscribe(fn: (kind: LiveEventKind) => void): () => void {
    this.#subscribers.add(fn);
    this.#unlisten ??= this.database
      .listen(CHANNEL, (payload) => {
        if (!(LIVE_EVENT_KINDS as readonly string[]).includes(payload)) return;
        for (const s of this.#subscribers) s(payload as LiveEventKind);
      })
      .catch((err) => {
        this.logger.warn('live events: cannot listen on the database', { err });
        this.#unlisten = null;
        return async () => {};
      });
    return () => {
      this.#subscribers.delete(fn);
    };
  }

  /** How many browsers are connected to this process. */
  get connections(): number {
    return this.#subscribers.size;
  }

  /** Stops listening (the node is closing). */
  async close(): Promise<void> {
    this.#subscribers.clear();
    const stop = await this.#unlisten;
    this.#unlisten = null;
    await stop?.();
  }
}

/** Registers `GET /api/v1/events`, the Server-Sent Events stream of live updates. */
export function registerLiveEventsRoute(router: ApiRouter<Actor>, live: LiveEvents): void {
  router.route({
    method: 'get',
    path: '/events',
    tag: 'live',
    summary:
      'Live updates as Server-Sent Events (text/event-stream): `event: inbox` when a message arrives at any process of the node; the page then reads the list again',
    auth: 'user',
    produces: 'text/event-stream',
    handler: async ({ c }) => {
      const encoder = new TextEncoder();
      let stop = () => {};
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const send = (text: string) => {
            try {
              controller.enqueue(encoder.encode(text));
            } catch {
              stop();
            }
          };
          const unsubscribe = live.subscribe((kind) => send(`event: ${kind}\ndata: {}\n\n`));
          const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
          heartbeat.unref();
          stop = () => {
            clearInterval(heartbeat);
            unsubscribe();
          };
          c.req.raw.signal.addEventListener('abort', () => {
            stop();
            try {
              controller.close();
            } catch {
              // already closed
            }
          });
          send(`retry: ${RETRY_MS}\n: connected\n\n`);
        },
        cancel() {
          stop();
        },
      });
      return new Response(stream, {
        status: 200,
        headers: {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
        },
      });
    },
  });
}
