import type { KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import { type Actor, auditActor, requirePermission } from '../governance/index.js';
import {
  ApiError,
  appendAudit,
  CanonicalJsonError,
  type Clock,
  ConflictError,
  canonicalize,
  type Db,
  type Logger,
  type NodeIdentity,
  type NodeKeys,
  NotFoundError,
  onCommit,
  type Random,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import { type DeliveryBacklog, readDeliveryBacklog } from './backlog-store.js';
import { endpointUrl } from './backoff.js';
import { acceptRevocation, acceptRotation } from './card-statements.js';
import type { RandomBytes } from './clock.js';
import { runDeliveryRound } from './delivery-worker.js';
import { DEFAULT_MAX_ENVELOPE_BYTES, DEFAULT_REPLAY_WINDOW_MS, messageTypeSchema } from './envelope.js';
import type { Fingerprint } from './fingerprint.js';
import { signRequest, verifyRequest } from './http-signature.js';
import {
  authenticatedSender,
  type InboxReceipt,
  type InboxRequest,
  receiveInbound,
  refuseInbound,
} from './inbox.js';
import { type NodeCard, nodeCardSchema } from './node-card.js';
import { listNotifications, markNotificationRead } from './notification-store.js';
import {
  deliveryView,
  findOutbox,
  insertOutbox,
  listOutbox,
  releaseLeases,
  requeueMessage,
} from './outbox-store.js';
import { KEYS_CHANNEL, OwnNode } from './own-node.js';
import { importPartner, listPartners, revokePartner, verifyPartner } from './partner-admin.js';
import { findPartner, latestOwnCard, listPartnerRecords } from './partner-store.js';
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
import { isUuidv7, uuidv7 } from './uuidv7.js';

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
  /** Told about every delivery outcome (metrics). */
  observer?: DeliveryObserver;
}

/** Notification channel of new outbox messages. */
const OUTBOX_CHANNEL = 'passerelle_outbox';
/** How often a worker checks, besides notifications, that its keys are the latest card's. */
const KEY_CHECK_MS = 10_000;

/** Largest canonical payload accepted into the outbox: its envelope must stay under 4 MiB. */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;
/** Default time-to-live of an outgoing message (DESIGN §4). */
export const DEFAULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Federation delivery (DESIGN §4, PROTOCOL §7): partners and pairing, the transactional
 * outbox, the delivery worker and the idempotent inbox. Every change is audited in the
 * transaction that makes it; permissions are checked here, not only in routes.
 */
export class FederationService {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #randomBytes: RandomBytes;
  readonly #logger: Logger;
  readonly #node: NodeIdentity;
  readonly #own: OwnNode;
  readonly #handlers: Map<string, InboundHandler>;
  readonly #settings: DeliverySettings;
  readonly #runtime: FederationRuntime;
  readonly #cards = new Map<string, NodeCard>();
  #worker: Promise<void> | null = null;
  #running = false;
  #wake: (() => void) | null = null;
  readonly #listen: FederationServiceOptions['listen'];
  #unlisten: Promise<() => Promise<void>> | null = null;
  #unlistenKeys: Promise<() => Promise<void>> | null = null;

  constructor(o: FederationServiceOptions) {
    this.#db = o.db;
    this.#clock = o.clock;
    this.#random = o.random;
    this.#randomBytes = (n) => o.random.bytes(n);
    this.#logger = o.logger.child({ component: 'federation' });
    this.#node = o.node;
    this.#listen = o.listen;
    this.#own = new OwnNode({
      db: o.db,
      clock: o.clock,
      logger: this.#logger,
      node: o.node,
      keys: o.keys,
      previousEncryptionKey: o.previousEncryptionKey ?? null,
      notify: o.listen !== undefined,
      ...(o.reloadKeys ? { reloadKeys: o.reloadKeys } : {}),
    });
    this.#handlers = new Map(Object.entries(o.handlers));
    const d = o.delivery ?? {};
    this.#settings = {
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
    };
    const fetchFn = o.fetch ?? globalThis.fetch;
    this.#runtime = {
      db: this.#db,
      clock: this.#clock,
      random: this.#random,
      randomBytes: this.#randomBytes,
      logger: this.#logger,
      nodeId: o.node.id,
      keys: () => this.#own.keys,
      decryptionKeys: () => this.#own.decryptionKeys(),
      endpoint: () => this.#own.endpoint,
      handler: (type) => this.#handlers.get(type),
      fetch: (input, init) => fetchFn(input, init),
      settings: this.#settings,
      parseCard: (jws) => this.#parseCard(jws),
      pushRotation: (nodeId) => this.pushRotation(nodeId),
      ...(o.observer ? { observer: o.observer } : {}),
    };
  }

  /** The node's current key pairs (they change when the keys rotate). */
  currentKeys(): NodeKeys {
    return this.#own.keys;
  }

  /** Adds or replaces the handler of one inbound message type (feature modules, tests). */
  setHandler(type: string, handler: InboundHandler): void {
    this.#handlers.set(messageTypeSchema.parse(type), handler);
  }

  /**
   * The public URL this node advertises. A node started on an ephemeral port (tests) only
   * learns it after listening; the card is re-issued for the new endpoint.
   */
  setEndpoint(url: string): void {
    this.#own.setEndpoint(url);
  }

  /** This node's current signed card, created (and stored) on first use. */
  ownCard(): Promise<{ card: NodeCard; cardJws: string; fingerprint: Fingerprint }> {
    return this.#own.card();
  }

  /** Adopts keys another process of this node rotated to (see {@link OwnNode.syncKeys}). */
  syncKeys(): Promise<boolean> {
    return this.#own.syncKeys();
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

  /**
   * Transactional outbox: call inside the caller's transaction; throws ApiError 409
   * 'partner_not_verified' for an unknown/unverified/revoked recipient. The message id
   * (UUIDv7) is fixed here, so every retry carries it and the receiver deduplicates. A
   * caller whose payload repeats the message id (exchange messages) mints it and passes `id`.
   */
  async enqueue(
    tx: Tx,
    msg: { id?: string; recipient: string; type: string; payload: unknown; ttlMs?: number },
  ): Promise<{ id: string; createdAt: Date }> {
    if (msg.id !== undefined && !isUuidv7(msg.id)) throw new ValidationError('Message id must be a UUIDv7');
    const type = messageTypeSchema.safeParse(msg.type);
    if (!type.success) throw new ValidationError(`Invalid message type "${msg.type}"`);
    let payload: string;
    try {
      payload = canonicalize(msg.payload);
    } catch (err) {
      if (err instanceof CanonicalJsonError || err instanceof TypeError)
        throw new ValidationError(`Payload is not JSON: ${err.message}`);
      throw err;
    }
    if (Buffer.byteLength(payload, 'utf8') > MAX_PAYLOAD_BYTES) {
      throw new ApiError(413, 'payload_too_large', `Payload over ${MAX_PAYLOAD_BYTES} bytes`);
    }
    const partner = await findPartner(tx, msg.recipient);
    if (!partner || partner.status !== 'verified') {
      throw new ApiError(409, 'partner_not_verified', `${msg.recipient} is not a verified partner`);
    }
    const createdAt = this.#clock.now();
    const id = msg.id ?? uuidv7(this.#clock, this.#randomBytes);
    const ttl = msg.ttlMs ?? this.#settings.ttlMs;
    await insertOutbox(tx, {
      id,
      recipient: msg.recipient,
      type: type.data,
      payload,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + ttl),
    });
    await appendAudit(tx, this.#clock, {
      actor: 'system',
      action: 'federation.enqueue',
      subject: id,
      detail: { recipient: msg.recipient, type: type.data },
    });
    // Delivered to every listening worker (this process or another on the same database)
    // when the caller's transaction commits: the exact moment the message becomes visible.
    if (this.#listen) await sql`select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(tx);
    // And this process's worker, right after the commit, through the transaction helper's
    // hook (the notification above covers callers that opened a raw transaction).
    onCommit(() => this.nudge());
    return { id, createdAt };
  }

  /** Delivery state of outgoing messages by id (ids not found are absent). */
  async deliveryStatus(ids: string[]): Promise<Map<string, DeliveryView>> {
    const rows = await findOutbox(
      this.#db,
      ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
    );
    return new Map(rows.map((r) => [r.id, deliveryView(r)]));
  }

  /**
   * A GET to a verified partner's node, signed with this node's key (RFC 9421, PROTOCOL §6),
   * for resources fetched after a message (exchange attachments). `path` is below the
   * partner's endpoint.
   */
  async fetchFromPartner(nodeId: string, path: string, signal?: AbortSignal): Promise<Response> {
    const partner = await findPartner(this.#db, nodeId);
    if (!partner || partner.status !== 'verified') {
      throw new ApiError(409, 'partner_not_verified', `${nodeId} is not a verified partner`);
    }
    const url = endpointUrl(partner.endpoint, path);
    const headers = signRequest(
      { method: 'GET', url, headers: {} },
      { privateKey: this.#own.keys.signing.privateKey, kid: this.#own.keys.signing.publicJwk.kid },
      { clock: this.#clock },
    );
    return this.#runtime.fetch(url, {
      method: 'GET',
      headers,
      signal: signal ?? AbortSignal.timeout(this.#settings.requestTimeoutMs * 10),
    });
  }

  /**
   * Checks the HTTP message signature of a partner's request to this node (other than the
   * inbox, which checks its own): the key id must be the signing key of a verified partner.
   * The target URI is rebuilt from this node's public endpoint, as for the inbox.
   */
  async verifyPartnerRequest(req: {
    method: string;
    path: string;
    headers: Headers;
  }): Promise<
    | { ok: true; partner: string }
    | { ok: false; status: number; code: string; message: string; reason: string }
  > {
    const partners = (await listPartnerRecords(this.#db)).filter((p) => p.status === 'verified');
    let partner: string | undefined;
    const signed = await verifyRequest(
      { method: req.method, url: endpointUrl(this.#own.endpoint, req.path), headers: req.headers },
      {
        clock: this.#clock,
        resolveKey: (kid) => {
          for (const p of partners) {
            const card = this.#parseCard(p.cardJws);
            if (card.signingKey.kid === kid) {
              partner = p.nodeId;
              return card.signingKey;
            }
          }
          return undefined;
        },
      },
    );
    if (!signed.ok || !partner) {
      const reason = signed.ok ? 'unknownKey' : signed.reason.type;
      return {
        ok: false,
        status: 401,
        code: 'bad_http_signature',
        message: `HTTP message signature refused: ${reason}`,
        reason,
      };
    }
    return { ok: true, partner };
  }

  /** Outgoing messages, newest first. */
  async listDeliveries(
    actor: Actor,
    filter: { status?: DeliveryStatus; recipient?: string; limit?: number },
  ): Promise<DeliveryView[]> {
    requirePermission(actor, 'partner.read');
    return (await listOutbox(this.#db, filter)).map(deliveryView);
  }

  /** Puts a dead (or failed) message back in the queue with a fresh time-to-live. */
  async retryDelivery(actor: Actor, id: string): Promise<DeliveryView> {
    requirePermission(actor, 'partner.manage');
    await this.#db.transaction().execute(async (tx) => {
      const [row] = await findOutbox(tx, [id]);
      if (!row) throw new NotFoundError(`No message ${id}`);
      if (!(await requeueMessage(tx, id, this.#clock.now(), this.#settings.ttlMs))) {
        throw new ConflictError(`Message ${id} is ${row.status}, not dead or failed`, 'not_retryable');
      }
      await appendAudit(tx, this.#clock, {
        actor: auditActor(actor),
        action: 'federation.retry',
        subject: id,
        detail: { recipient: row.recipient, previousStatus: row.status },
      });
    });
    this.nudge();
    const [row] = await findOutbox(this.#db, [id]);
    return deliveryView(row!);
  }

  /** Undelivered messages by state and the wait of the oldest due one (metrics, readiness, dashboard). */
  async deliveryBacklog(): Promise<DeliveryBacklog> {
    return readDeliveryBacklog(this.#db, this.#clock.now());
  }

  /** Notifications addressed to the actor's roles (dead letters for admins). */
  async listNotifications(actor: Actor): Promise<NotificationView[]> {
    requirePermission(actor, 'notification.read');
    return listNotifications(this.#db, actor.roles);
  }

  /** Marks a notification read. */
  async markNotificationRead(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'notification.read');
    const found = await this.#db
      .transaction()
      .execute((tx) => markNotificationRead(tx, id, actor.roles, actor.username, this.#clock.now()));
    if (!found) throw new NotFoundError(`No notification ${id}`);
  }

  /** One worker round: dead-letters expired messages, claims due ones, sends them. */
  runDeliveryOnce(): Promise<number> {
    return runDeliveryRound(this.#runtime);
  }

  /**
   * Wakes the worker now. `enqueue` calls it from inside the caller's transaction, before
   * the commit makes the message visible, so after a nudge an empty round is followed by a
   * few quick re-checks at growing intervals (2 ms … 0.5 s) rather than the full poll
   * interval. Callers that know their transaction committed may nudge again.
   */
  nudge(): void {
    this.#wake?.();
  }

  /** Starts the background delivery loop (idempotent). */
  startWorker(): void {
    if (this.#running) return;
    this.#running = true;
    this.#worker = this.#loop();
    if (this.#listen) {
      this.#unlisten = this.#listen(OUTBOX_CHANNEL, () => this.#wake?.()).catch((err) => {
        this.#logger.warn('federation: cannot listen for new messages; polling only', { err });
        return async () => {};
      });
      this.#unlistenKeys = this.#listen(KEYS_CHANNEL, () => {
        this.syncKeys().catch((err) => this.#logger.error('federation: key sync failed', { err }));
      }).catch((err) => {
        this.#logger.warn('federation: cannot listen for key rotations; polling only', { err });
        return async () => {};
      });
    }
  }

  /** Stops the loop and waits for the round in progress to finish. */
  async stopWorker(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#worker;
    this.#worker = null;
    const unlisten = await this.#unlisten;
    this.#unlisten = null;
    await unlisten?.();
    const unlistenKeys = await this.#unlistenKeys;
    this.#unlistenKeys = null;
    await unlistenKeys?.();
  }

  async #loop(): Promise<void> {
    if (this.#settings.reclaimOnStart) {
      try {
        const n = await releaseLeases(this.#db);
        if (n > 0) this.#logger.info('federation: released leases of a previous run', { messages: n });
      } catch (err) {
        this.#logger.error('federation: releasing leases failed', { err });
      }
    }
    let lastDeadLetterPass = 0;
    let lastKeyCheck = Date.now();
    while (this.#running) {
      let n = 0;
      try {
        // A lost notification must not leave this process signing with rotated-out keys.
        if (Date.now() - lastKeyCheck >= KEY_CHECK_MS) {
          lastKeyCheck = Date.now();
          await this.syncKeys();
        }
        // The time-to-live is counted in days: checking for expired messages once per poll
        // interval is plenty, and keeps busy rounds to the one claim query.
        const deadLetters = Date.now() - lastDeadLetterPass >= this.#settings.pollMs;
        if (deadLetters) lastDeadLetterPass = Date.now();
        n = await runDeliveryRound(this.#runtime, { deadLetters });
      } catch (err) {
        this.#logger.error('federation: delivery round failed', { err });
      }
      if (!this.#running) break;
      if (n > 0) continue;
      const wait = this.#settings.pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, wait);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.#wake = done;
      });
      this.#wake = null;
    }
  }

  /** This node's public base URL, as on its card (PROTOCOL §2). */
  get publicEndpoint(): string {
    return this.#own.endpoint;
  }

  /** The clock the service runs on (shared with its HTTP adapters). */
  get clock(): Clock {
    return this.#clock;
  }

  /** Records, once per window, that an address hit the limit of refused inbox requests. */
  async recordRateLimited(client: string): Promise<void> {
    await this.#db.transaction().execute((tx) =>
      appendAudit(tx, this.#clock, {
        actor: 'anonymous',
        action: 'federation.inbox.rate_limited',
        detail: { client },
      }),
    );
    this.#logger.warn('federation: refused requests rate-limited', { client });
  }

  /** The inbox logic behind POST /federation/v1/inbox. */
  receive(req: InboxRequest): Promise<InboxReceipt> {
    return receiveInbound(this.#runtime, req);
  }

  /** The verified partner that signed this inbox request (RFC 9421), if any; writes nothing. */
  authenticatedSender(req: InboxRequest): Promise<string | undefined> {
    return authenticatedSender(this.#runtime, req);
  }

  /** Audits a request refused before `receive` could read it (body over the limit); returns the refusal. */
  refuseOversized(): Promise<FederationRefusal> {
    return refuseInbound(
      this.#runtime,
      {
        status: 413,
        code: 'payload_too_large',
        message: `Body over ${this.#settings.maxEnvelopeBytes} bytes`,
      },
      {},
    );
  }

  /** Largest accepted inbox body. */
  get maxEnvelopeBytes(): number {
    return this.#settings.maxEnvelopeBytes;
  }

  /** A partner's rotation statement (PROTOCOL §2.1): trust carries over to its new card. */
  acceptRotation(rotationJws: string): ReturnType<typeof acceptRotation> {
    return acceptRotation(this.#runtime, () => this.nudge(), rotationJws);
  }

  /** A partner's signed revocation of its own card (PROTOCOL §2.2). */
  acceptRevocation(revocationJws: string): Promise<{ accepted: true }> {
    return acceptRevocation(this.#runtime, revocationJws);
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
   * Sends this node's latest rotation statement to one partner (PROTOCOL §2.1). Called after
   * a rotation, and again by the worker when a partner refuses our new signature because it
   * was unreachable when the keys rotated. Returns the HTTP status (0: unreachable, 204:
   * nothing to push).
   */
  async pushRotation(nodeId: string): Promise<number> {
    const latest = await latestOwnCard(this.#db);
    const partner = await findPartner(this.#db, nodeId);
    if (!latest?.rotationJws || !partner || partner.status !== 'verified') return 204;
    try {
      const res = await this.#runtime.fetch(endpointUrl(partner.endpoint, '/federation/v1/card-rotation'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rotationJws: latest.rotationJws }),
        signal: AbortSignal.timeout(this.#settings.requestTimeoutMs),
      });
      await res.body?.cancel();
      return res.status;
    } catch (err) {
      this.#logger.warn('federation: rotation push failed', { partner: nodeId, err });
      return 0;
    }
  }
}
