import type { KeyObject } from 'node:crypto';
import type { Actor } from '../governance/index.js';
import type { Clock, Db, Logger, NodeIdentity, NodeKeys, Presence, Random, Tx } from '../platform/index.js';
import { type DeliveryBacklog, readDeliveryBacklog } from './backlog-store.js';
import { acceptRevocation, acceptRotation } from './card-statements.js';
import { DeliveryLoop } from './delivery-loop.js';
import { DEFAULT_MAX_ENVELOPE_BYTES, DEFAULT_REPLAY_WINDOW_MS, messageTypeSchema } from './envelope.js';
import type { Fingerprint } from './fingerprint.js';
import {
  authenticatedSender,
  type InboxReceipt,
  type InboxRequest,
  receiveInbound,
  recordRateLimited,
  refuseOversized,
} from './inbox.js';
import {
  authenticatedBatchSender,
  type BatchReceipts,
  MAX_BATCH_ENVELOPES,
  receiveBatch,
} from './inbox-batch.js';
import { type NodeCard, nodeCardSchema } from './node-card.js';
import { markRead, notificationsFor } from './notifications.js';
import { Outbox, type OutgoingMessage } from './outbox.js';
import { OwnNode } from './own-node.js';
import { importPartner, listPartners, revokePartner, verifyPartner } from './partner-admin.js';
import {
  fetchFromPartner,
  type PartnerRequestCheck,
  postToPartner,
  pushRotation,
  verifyPartnerRequest,
} from './partner-requests.js';
import { listPartnerRecords } from './partner-store.js';
import type { FederationRefusal } from './refusal.js';
import type { DeliveryObserver, DeliverySettings, FederationRuntime } from './runtime.js';
import type {
  DeliveryOptions,
  DeliveryStatus,
  DeliveryView,
  InboundHandler,
  NotificationView,
  PartnerView,
} from './schema.js';

export { MAX_PAYLOAD_BYTES } from './outbox.js';

/** Options of {@link FederationService}. */
export interface FederationServiceOptions {
  db: Db;
  clock: Clock;
  random: Random;
  logger: Logger;
  node: NodeIdentity;
  keys: NodeKeys;
  /** The encryption key before the last rotation: envelopes sealed to it still open. */
  previousEncryptionKey?: KeyObject | null;
  /** Inbound message handlers keyed by exact message type, e.g. `rfi`. */
  handlers: Record<string, InboundHandler>;
  fetch?: typeof fetch;
  delivery?: DeliveryOptions;
  /** LISTEN on the database, so workers wake when any process commits a new message. */
  listen?: (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;
  /**
   * Reads the node's keyring again (the key file every process of the node shares), so a
   * process adopts keys another process rotated.
   */
  reloadKeys?: () => Promise<{ keys: NodeKeys; previousEncryptionKey: KeyObject | null }>;
  /**
   * Opens this process's presence on a shared PostgreSQL (see {@link Presence}): the worker
   * stamps its leases with it, so other processes take them back the moment it dies.
   */
  presence?: () => Promise<Presence | null>;
}

/** Default time-to-live of an outgoing message (DESIGN §4). */
export const DEFAULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Federation delivery (DESIGN §4, PROTOCOL §7), composed from its parts: the own node's
 * card and keys (`own-node.ts`), partners and pairing (`partner-admin.ts`), the
 * transactional outbox (`outbox.ts`), the delivery loop (`delivery-loop.ts` around
 * `delivery-worker.ts`), the idempotent inbox (`inbox.ts`), signed partner requests
 * (`partner-requests.ts`) and notifications (`notifications.ts`). They share one
 * {@link FederationRuntime}. Every change is audited in the transaction that makes it;
 * permissions are checked in the parts, not only in routes.
 */
export class FederationService {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #own: OwnNode;
  readonly #handlers: Map<string, InboundHandler>;
  readonly #runtime: FederationRuntime;
  readonly #cards = new Map<string, NodeCard>();
  readonly #outbox: Outbox;
  readonly #loop: DeliveryLoop;
  readonly #observers = new Set<DeliveryObserver>();

  constructor(o: FederationServiceOptions) {
    this.#db = o.db;
    this.#clock = o.clock;
    const logger = o.logger.child({ component: 'federation' });
    this.#own = new OwnNode({
      db: o.db,
      clock: o.clock,
      logger,
      node: o.node,
      keys: o.keys,
      previousEncryptionKey: o.previousEncryptionKey ?? null,
      notify: o.listen !== undefined,
      ...(o.reloadKeys ? { reloadKeys: o.reloadKeys } : {}),
    });
    this.#handlers = new Map(Object.entries(o.handlers));
    const d = o.delivery ?? {};
    const settings: DeliverySettings = {
      ttlMs: d.ttlMs ?? DEFAULT_TTL_MS,
      baseDelayMs: d.baseDelayMs ?? 5_000,
      maxDelayMs: d.maxDelayMs ?? 60 * 60 * 1000,
      batchSize: d.batchSize ?? 50,
      pollMs: d.pollMs ?? 2_000,
      concurrency: d.concurrency ?? 8,
      leaseMs: d.leaseMs ?? 60_000,
      requestTimeoutMs: d.requestTimeoutMs ?? 30_000,
      reclaimOnStart: d.reclaimOnStart ?? false,
      maxEnvelopeBytes: DEFAULT_MAX_ENVELOPE_BYTES,
      replayWindowMs: DEFAULT_REPLAY_WINDOW_MS,
      batchEnvelopes: Math.max(1, Math.min(d.batchEnvelopes ?? 32, MAX_BATCH_ENVELOPES)),
      acceptBatches: d.acceptBatches ?? true,
    };
    const fetchFn = o.fetch ?? globalThis.fetch;
    this.#runtime = {
      db: o.db,
      clock: o.clock,
      random: o.random,
      randomBytes: (n) => o.random.bytes(n),
      logger,
      nodeId: o.node.id,
      keys: () => this.#own.keys,
      decryptionKeys: () => this.#own.decryptionKeys(),
      endpoint: () => this.#own.endpoint,
      handler: (type) => this.#handlers.get(type),
      fetch: (input, init) => fetchFn(input, init),
      settings,
      parseCard: (jws) => this.#parseCard(jws),
      pushRotation: (nodeId) => this.pushRotation(nodeId),
      owner: () => this.#loop.owner,
      observe: (event) => {
        for (const fn of this.#observers) {
          try {
            fn(event);
          } catch (err) {
            logger.error('federation: delivery observer failed', { err });
          }
        }
      },
      orphans: new Map(),
      sweep: { pending: false, rounds: 0 },
      stopping: { requested: false },
      noBatchUntil: new Map(),
    };
    this.#loop = new DeliveryLoop(this.#runtime, {
      listen: o.listen,
      syncKeys: () => this.syncKeys(),
      presence: o.presence,
    });
    this.#outbox = new Outbox(this.#runtime, { notify: o.listen !== undefined, nudge: () => this.nudge() });
  }

  // --- The own node: keys and card -------------------------------------------------------

  /** The node's current key pairs (they change when the keys rotate). */
  currentKeys(): NodeKeys {
    return this.#own.keys;
  }

  /**
   * The public URL this node advertises. A node started on an ephemeral port (tests) only
   * learns it after listening; the card is re-issued for the new endpoint.
   */
  setEndpoint(url: string): void {
    this.#own.setEndpoint(url);
  }

  /** This node's public base URL, as on its card (PROTOCOL §2). */
  get publicEndpoint(): string {
    return this.#own.endpoint;
  }

  /** This node's current signed card, created (and stored) on first use. */
  ownCard(): Promise<{ card: NodeCard; cardJws: string; fingerprint: Fingerprint }> {
    return this.#own.card();
  }

  /** Adopts keys another process of this node rotated to (see {@link OwnNode.syncKeys}). */
  syncKeys(): Promise<boolean> {
    return this.#own.syncKeys();
  }

  /**
   * Rotates this node's keys: a successor card signed by the old key is stored and pushed to
   * every verified partner (POST /federation/v1/card-rotation). The previous encryption key
   * stays usable for envelopes already in flight. Persisting `newKeys` is the caller's job.
   */
  async rotateKeys(
    newKeys: NodeKeys,
    by: string,
  ): Promise<{ cardJws: string; rotationJws: string; pushed: Record<string, number> }> {
    const { cardJws, rotationJws } = await this.#own.rotate(newKeys, by);
    const pushed: Record<string, number> = {};
    for (const p of await listPartnerRecords(this.#db)) {
      if (p.status === 'verified') pushed[p.nodeId] = await this.pushRotation(p.nodeId);
    }
    return { cardJws, rotationJws, pushed };
  }

  /**
   * Renews this node's expired card for the same keys (a late renewal, PROTOCOL §2.1) and
   * pushes the successor to every verified partner, as a rotation is.
   */
  async renewCard(
    by: string,
  ): Promise<{ cardJws: string; rotationJws: string; pushed: Record<string, number> }> {
    const { cardJws, rotationJws } = await this.#own.renew(by);
    const pushed: Record<string, number> = {};
    for (const p of await listPartnerRecords(this.#db)) {
      if (p.status === 'verified') pushed[p.nodeId] = await this.pushRotation(p.nodeId);
    }
    return { cardJws, rotationJws, pushed };
  }

  /**
   * Sends this node's latest rotation statement to one partner (PROTOCOL §2.1). Called after
   * a rotation, and again by the worker when a partner refuses our new signature because it
   * was unreachable when the keys rotated. Returns the HTTP status (0: unreachable, 204:
   * nothing to push).
   */
  pushRotation(nodeId: string): Promise<number> {
    return pushRotation(this.#runtime, nodeId);
  }

  /** The clock the service runs on (shared with its HTTP adapters). */
  get clock(): Clock {
    return this.#clock;
  }

  #parseCard(cardJws: string): NodeCard {
    let card = this.#cards.get(cardJws);
    if (!card) {
      // Stored cards were verified on import or rotation; reading the payload is enough.
      const payload = JSON.parse(Buffer.from(cardJws.split('.')[1] ?? '', 'base64url').toString('utf8'));
      card = nodeCardSchema.parse(payload);
      if (this.#cards.size > 1000) this.#cards.clear();
      this.#cards.set(cardJws, card);
    }
    return card;
  }

  // --- Partners ----------------------------------------------------------------------------

  /** Every partner with its delivery counters. */
  listPartners(actor: Actor): Promise<PartnerView[]> {
    return listPartners(this.#runtime, actor);
  }

  /**
   * Imports a partner's card (given, or fetched from `<url>/federation/v1/card`) as
   * `pending`: nothing is exchanged with it until an administrator verifies the fingerprint.
   */
  importPartner(actor: Actor, input: { cardJws: string } | { url: string }): Promise<PartnerView> {
    return importPartner(this.#runtime, actor, input);
  }

  /** Confirms the fingerprint read out of band; a mismatch changes nothing but is audited. */
  verifyPartner(actor: Actor, nodeId: string, typedFingerprint: string): Promise<PartnerView> {
    return verifyPartner(this.#runtime, actor, nodeId, typedFingerprint);
  }

  /** Stops all exchange with a partner; its queued messages fail instead of being sent. */
  revokePartner(actor: Actor, nodeId: string, reason: string): Promise<PartnerView> {
    return revokePartner(this.#runtime, actor, nodeId, reason);
  }

  /** A partner's rotation statement (PROTOCOL §2.1): trust carries over to its new card. */
  acceptRotation(rotationJws: string): ReturnType<typeof acceptRotation> {
    return acceptRotation(this.#runtime, () => this.nudge(), rotationJws);
  }

  /** A partner's signed revocation of its own card (PROTOCOL §2.2). */
  acceptRevocation(revocationJws: string): Promise<{ accepted: true }> {
    return acceptRevocation(this.#runtime, revocationJws);
  }

  /** A GET to a verified partner's node, signed with this node's key (see `partner-requests.ts`). */
  fetchFromPartner(nodeId: string, path: string, signal?: AbortSignal): Promise<Response> {
    return fetchFromPartner(this.#runtime, nodeId, path, signal);
  }

  /** A signed POST of a JSON body to a verified partner's node (see `partner-requests.ts`). */
  postToPartner(nodeId: string, path: string, body: string, signal?: AbortSignal): Promise<Response> {
    return postToPartner(this.#runtime, nodeId, path, body, signal);
  }

  /** Checks a partner's RFC 9421 signature on a request to this node other than the inbox. */
  verifyPartnerRequest(req: {
    method: string;
    path: string;
    headers: Headers;
    body?: Uint8Array | string;
  }): Promise<PartnerRequestCheck> {
    return verifyPartnerRequest(this.#runtime, req);
  }

  // --- Outbox and delivery -----------------------------------------------------------------

  /**
   * Transactional outbox: call inside the caller's transaction; throws ApiError 409
   * 'partner_not_verified' for an unknown/unverified/revoked recipient. The message id
   * (UUIDv7) is fixed here, so every retry carries it and the receiver deduplicates. A
   * caller whose payload repeats the message id (exchange messages) mints it and passes `id`.
   */
  enqueue(tx: Tx, msg: OutgoingMessage): Promise<{ id: string; createdAt: Date }> {
    return this.#outbox.enqueue(tx, msg);
  }

  /** Removes a purged message from the outbox, in the caller's transaction (see {@link Outbox.discard}). */
  discardOutgoing(tx: Tx, id: string): Promise<boolean> {
    return this.#outbox.discard(tx, id);
  }

  /** Rewrites the payload of a message in the outbox, in the caller's transaction (see {@link Outbox.rewrite}). */
  rewriteOutgoing(tx: Tx, id: string, change: (payload: unknown) => unknown): Promise<boolean> {
    return this.#outbox.rewrite(tx, id, change);
  }

  /** Delivery state of outgoing messages by id (ids not found are absent). */
  deliveryStatus(ids: string[]): Promise<Map<string, DeliveryView>> {
    return this.#outbox.status(ids);
  }

  /** Outgoing messages, newest first. */
  listDeliveries(
    actor: Actor,
    filter: { status?: DeliveryStatus; recipient?: string; limit?: number },
  ): Promise<DeliveryView[]> {
    return this.#outbox.list(actor, filter);
  }

  /** Puts a dead (or failed) message back in the queue with a fresh time-to-live. */
  retryDelivery(actor: Actor, id: string): Promise<DeliveryView> {
    return this.#outbox.retry(actor, id);
  }

  /** One worker round: dead-letters expired messages, claims due ones, sends them. */
  runDeliveryOnce(): Promise<number> {
    return this.#loop.runOnce();
  }

  /**
   * Wakes the delivery worker now. `enqueue` calls it when the caller's transaction
   * commits; callers that know new work is due may call it too.
   */
  nudge(): void {
    this.#loop.nudge();
  }

  /** Starts the background delivery loop (idempotent). */
  startWorker(): void {
    this.#loop.start();
  }

  /** Stops the loop and waits for the round in progress to finish. */
  stopWorker(): Promise<void> {
    return this.#loop.stop();
  }

  /**
   * Calls `fn` with every delivery outcome of this process (attempts and dead letters), once
   * it is committed (delivered: the receipt is verified and recorded). The one observer seam
   * of deliveries: metrics and benchmarks use it. Returns the function that stops it.
   */
  onDelivery(fn: DeliveryObserver): () => void {
    this.#observers.add(fn);
    return () => this.#observers.delete(fn);
  }

  /** This process's presence id on the shared database (null on PGlite). */
  get presenceId(): number | null {
    return this.#loop.owner;
  }

  // --- Inbox -------------------------------------------------------------------------------

  /** Adds or replaces the handler of one inbound message type (feature modules, tests). */
  setHandler(type: string, handler: InboundHandler): void {
    this.#handlers.set(messageTypeSchema.parse(type), handler);
  }

  /** The inbox logic behind POST /federation/v1/inbox. */
  receive(req: InboxRequest): Promise<InboxReceipt> {
    return receiveInbound(this.#runtime, req);
  }

  /**
   * The batch inbox behind POST /federation/v1/inbox/batch (PROTOCOL §7.6): each envelope
   * accepted or refused on its own, each with its own receipt or error.
   */
  receiveBatch(req: InboxRequest): Promise<BatchReceipts> {
    return receiveBatch(this.#runtime, req);
  }

  /** Whether this node serves the batch inbox (false: the route answers 404 as an unknown path). */
  get acceptsBatches(): boolean {
    return this.#runtime.settings.acceptBatches;
  }

  /** The verified partner that signed this inbox request (RFC 9421), if any; writes nothing. */
  authenticatedSender(req: InboxRequest, inbox: 'single' | 'batch' = 'single'): Promise<string | undefined> {
    return inbox === 'batch'
      ? authenticatedBatchSender(this.#runtime, req)
      : authenticatedSender(this.#runtime, req);
  }

  /** Audits a request refused before `receive` could read it (body over the limit); returns the refusal. */
  refuseOversized(): Promise<FederationRefusal> {
    return refuseOversized(this.#runtime);
  }

  /** Records, once per window, that an address hit the limit of refused inbox requests. */
  recordRateLimited(client: string): Promise<void> {
    return recordRateLimited(this.#runtime, client);
  }

  /** Largest accepted inbox body. */
  get maxEnvelopeBytes(): number {
    return this.#runtime.settings.maxEnvelopeBytes;
  }

  // --- Notifications -----------------------------------------------------------------------

  /** Undelivered messages by state and the wait of the oldest due one (metrics, readiness, dashboard). */
  deliveryBacklog(): Promise<DeliveryBacklog> {
    return readDeliveryBacklog(this.#db, this.#clock.now());
  }

  /** Notifications addressed to the actor's roles (dead letters for admins). */
  listNotifications(actor: Actor): Promise<NotificationView[]> {
    return notificationsFor(this.#db, actor);
  }

  /** Marks a notification read. */
  markNotificationRead(actor: Actor, id: string): Promise<void> {
    return markRead(this.#db, this.#clock, actor, id);
  }
}
