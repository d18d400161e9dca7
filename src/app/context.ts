import {
  CaseDocumentRetention,
  CaseDocuments,
  CaseExports,
  CaseImport,
  CaseItems,
  CaseNetwork,
  type CaseRoutesServices,
  CaseService,
  CaseSync,
} from '../cases/index.js';
import {
  AttachmentFetcher,
  AttachmentVault,
  CONSENT_REPLY_TYPE,
  CONSENT_REQUEST_TYPE,
  createExchangeHandlers,
  deriveAttachmentKek,
  ExchangeService,
  exchangeSubjectSource,
  MessageRetention,
  OnwardTransmission,
  OutgoingReview,
  RETENTION_DELETED_TYPE,
} from '../exchange/index.js';
import {
  AuditCheckpointService,
  type DeliveryOptions,
  FederationService,
  findPartner,
  retiredCards,
} from '../federation/index.js';
import {
  AccessService,
  CREDENTIALS_CHANNEL,
  CredentialCache,
  GovernanceService,
  SharingPolicyService,
  SubjectRequestService,
} from '../governance/index.js';
import {
  ANTE_MORTEM_TYPE,
  DVI_DELETED_TYPE,
  DVI_STATUS_TYPE,
  DviExchange,
  DviRetention,
  DviService,
  IncidentService,
  incidentSubjectSource,
} from '../incidents/index.js';
import {
  cardSigningKey,
  type HolderSigningKey,
  MatchingHolder,
  MatchingIndex,
  MatchingService,
  OprfPool,
} from '../matching/index.js';
import {
  type BlobStore,
  type Clock,
  type Config,
  createBlobStore,
  createLogger,
  type Database,
  type Db,
  type Logger,
  loadNodeKeyring,
  type NodeKeys,
  NodeMetrics,
  onCommit,
  openDatabase,
  type Random,
  type ScryptParams,
  SecretBox,
  systemClock,
  systemRandom,
} from '../platform/index.js';
import { AlertInterchangeService, ScreeningService } from '../screening/index.js';
import { EventLoopLag } from './event-loop-lag.js';
import { fingerprintOf } from './fingerprint.js';
import { LiveEvents } from './live-events.js';
import { bindDatabase, checkDataFolderEngine } from './node-binding.js';

/** Everything a running node is made of, built once by {@link createAppContext}. */
export interface AppContext {
  config: Config;
  logger: Logger;
  clock: Clock;
  random: Random;
  database: Database;
  db: Db;
  /** The current key pairs (they change when the keys rotate; federation holds them). */
  readonly keys: NodeKeys;
  /** Fingerprint of the current keys, as partners compare it. */
  readonly fingerprint: string;
  governance: GovernanceService;
  /** Need-to-know: units, membership, break-glass. */
  access: AccessService;
  federation: FederationService;
  /** Signed audit checkpoints exchanged with partners (DESIGN §8). */
  checkpoints: AuditCheckpointService;
  exchange: ExchangeService;
  /** The DPO's outgoing review queue. */
  review: OutgoingReview;
  /** The DPO's standing sharing policies. */
  sharingPolicies: SharingPolicyService;
  /** Consent requests and onward transmission of received data. */
  onward: OnwardTransmission;
  /** Retention reviews and purges (its scan is started by the server). */
  retention: MessageRetention;
  /** Data-subject requests across the modules that hold persons. */
  subjects: SubjectRequestService;
  /** Fetches the attachments of received messages from their senders (started by the server). */
  attachmentFetcher: AttachmentFetcher;
  /** UN list screening and the flags on persons in received messages. */
  screening: ScreeningService;
  /** Threat alerts as STIX 2.1 (export, import, the TAXII collections). */
  alerts: AlertInterchangeService;
  /** Joint cases, their network analysis, import and export. */
  cases: CaseRoutesServices;
  /** The incident registry and IOM imports. */
  incidents: IncidentService;
  /** Victim identification records, reconciliation, board decisions, families. */
  dvi: DviService;
  /** DVI records and status boards exchanged with partners; DVI alerts. */
  dviExchange: DviExchange;
  /** Hit/no-hit checks with partners: the querier's side. */
  matching: MatchingService;
  /** Hit/no-hit: the holder's side (filter, blind evaluation, policies, holdings, reports). */
  matchingHolder: MatchingHolder;
  /** This node's matching index (its refresh schedule is started by the server). */
  matchingIndex: MatchingIndex;
  /** Live updates to browsers, across every process on the database (`GET /api/v1/events`). */
  live: LiveEvents;
  /** Prometheus metrics of this node. */
  metrics: NodeMetrics;
  /** How late the event loop runs (load shedding). */
  eventLoopLag: EventLoopLag;
  /** Where the encrypted attachment and case-document files live (a folder or an S3 bucket). */
  blobStore: BlobStore;
  /**
   * Whether the node can take work: the database answers and no due delivery has waited past
   * {@link DELIVERY_STALL_MS} (a stalled worker). Throws when the database is unreachable.
   */
  readiness(): Promise<Readiness>;
  /** Stops background work and closes the database. */
  close(): Promise<void>;
  /** True once {@link close} has begun: a request still running meets a closing database. */
  readonly closing: boolean;
}

/** A due message waiting longer than this means the delivery workers are stalled. */
export const DELIVERY_STALL_MS = 5 * 60 * 1000;

/** What `/readyz` reports. */
export interface Readiness {
  ready: boolean;
  /** Why the node is not ready when the database answers. */
  reason?: 'delivery_stalled' | 'storage_unreachable';
  /** The attachment store: its kind, and whether it answered (with why not). */
  storage: { kind: 'folder' | 's3'; status: 'up' | 'down'; message?: string };
  delivery: { queued: number; sending: number; failed: number; dead: number; oldestDueSeconds: number };
}

/** Test and tooling overrides of {@link createAppContext}. */
export interface AppContextOverrides {
  clock?: Clock;
  random?: Random;
  logger?: Logger;
  scrypt?: ScryptParams;
  database?: Database;
  /** Matching token version this node publishes with its filter (tests of an older partner). */
  matchingTokenVersion?: string;
  /** Delivery settings over the defaults (tests: batch sizes, a peer without the batch inbox). */
  delivery?: DeliveryOptions;
}

/**
 * The composition root: reads nothing itself (the config is already validated), opens the
 * database, unlocks the keys and wires every service by hand. No container, no singletons.
 */
export async function createAppContext(
  config: Config,
  overrides: AppContextOverrides = {},
): Promise<AppContext> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel, base: { node: config.node.id } });
  const clock = overrides.clock ?? systemClock;
  const random = overrides.random ?? systemRandom;
  const keyring = await loadNodeKeyring(config.keys.path, config.keys.passphrase);
  const keys = keyring.keys;
  // A folder bound to another engine is refused before anything is opened (or created).
  if (!overrides.database) checkDataFolderEngine(config);
  const database =
    overrides.database ??
    (await openDatabase(config.db, {
      onConnectionError: (err) => logger.warn('database connection lost; it will be reopened', { err }),
    }));
  try {
    await bindDatabase(config, database, clock);
  } catch (err) {
    if (!overrides.database) await database.close();
    throw err;
  }
  const db = database.db;
  const live = new LiveEvents(database, logger);
  // Sessions and tokens validated a moment ago; every process forgets them when any changes.
  const credentialCache = new CredentialCache(config.security.credentialCacheMs);
  const stopCredentialListener = await database
    .listen(CREDENTIALS_CHANNEL, () => credentialCache.clear())
    .catch((err) => {
      logger.warn('credential changes: cannot listen on the database; cache entries live 1 s at most', {
        err,
      });
      return async () => {};
    });
  const governance = new GovernanceService({
    db,
    clock,
    random,
    logger,
    scrypt: overrides.scrypt ?? config.security.scrypt,
    sessionTtlMinutes: config.security.sessionTtlMinutes,
    sessionIdleMinutes: config.security.sessionIdleMinutes,
    lockoutThreshold: config.security.lockoutThreshold,
    lockoutMinutes: config.security.lockoutMinutes,
    totpIssuer: `Passerelle ${config.node.id}`,
    totpBox: new SecretBox(keyring.storageSecret, 'totp-secret'),
    credentialCache,
  });
  await governance.sealClearTotpSecrets();
  const access = new AccessService({ db, clock });
  const federation = new FederationService({
    db,
    clock,
    random,
    logger,
    node: config.node,
    keys,
    previousEncryptionKey: keyring.previousEncryptionKey,
    handlers: {},
    listen: database.listen,
    presence: database.presence,
    // Every process of the node reads the same key file: re-read it when another rotated the keys.
    reloadKeys: () => loadNodeKeyring(config.keys.path, config.keys.passphrase),
    // Embedded PGlite is locked to this process: leases found at start are a crash's leftovers.
    delivery: { reclaimOnStart: database.kind === 'pglite', ...overrides.delivery },
  });
  const eventLoopLag = new EventLoopLag(config.http.shedLagMs ?? null);
  const metrics = new NodeMetrics(
    { deliveryBacklog: () => federation.deliveryBacklog(), poolStats: () => database.poolStats() },
    // Process figures (memory, event loop) only where someone may read them.
    { processMetrics: (config.metrics?.access ?? 'off') !== 'off' },
  );
  federation.onDelivery((event) => metrics.observeDelivery(event));
  const blobStore = createBlobStore(config);
  const exchangeOptions = {
    db,
    clock,
    random,
    logger: logger.child({ component: 'exchange' }),
    nodeId: config.node.id,
    transport: {
      enqueue: federation.enqueue.bind(federation),
      deliveryStatus: federation.deliveryStatus.bind(federation),
      discard: federation.discardOutgoing.bind(federation),
      rewrite: federation.rewriteOutgoing.bind(federation),
      fetchFromPartner: federation.fetchFromPartner.bind(federation),
      authenticatePartner: federation.verifyPartnerRequest.bind(federation),
      nudge: () => federation.nudge(),
    },
    access,
    vault: new AttachmentVault({
      store: blobStore,
      ...deriveAttachmentKek(keyring.storageSecret),
    }),
  };
  const attachmentFetcher = new AttachmentFetcher(exchangeOptions);
  const screening = new ScreeningService({
    db,
    clock,
    random,
    logger: logger.child({ component: 'screening' }),
    requireMessageVisible: (actor, id) => exchange.requireVisible(actor, id),
  });
  const alerts = new AlertInterchangeService({
    db,
    clock,
    node: config.node,
    readMessage: (actor, id) => exchange.get(actor, id),
    visibleMessageIds: (actor) => exchange.visibleMessageIds(actor),
  });
  const oprfPool = new OprfPool();
  const matchingIndex = new MatchingIndex({
    db,
    clock,
    random,
    logger: logger.child({ component: 'matching' }),
    pool: oprfPool,
    keyBox: new SecretBox(keyring.storageSecret, 'matching-oprf-key'),
    rotationDays: 30,
  });
  const verifiedPartners = async () =>
    (await db.selectFrom('partners').select(['node_id', 'status']).execute())
      .filter((p) => p.status === 'verified')
      .map((p) => p.node_id);
  const matchingHolder = new MatchingHolder({
    db,
    clock,
    random,
    logger: logger.child({ component: 'matching' }),
    pool: oprfPool,
    index: matchingIndex,
    partners: verifiedPartners,
    node: config.node.id,
    signingKey: () => {
      const { signing } = federation.currentKeys();
      return { privateKey: signing.privateKey, kid: signing.publicJwk.kid };
    },
    ...(overrides.matchingTokenVersion ? { tokenVersion: overrides.matchingTokenVersion } : {}),
  });
  const matching = new MatchingService({
    db,
    clock,
    random,
    logger: logger.child({ component: 'matching' }),
    pool: oprfPool,
    index: matchingIndex,
    node: config.node.id,
    ports: {
      fetchFromPartner: (partner, path) => federation.fetchFromPartner(partner, path),
      postToPartner: (partner, path, body) => federation.postToPartner(partner, path, body),
      sendRfi: async (actor, recipient, message) => exchange.send(actor, { recipient, message }),
      requireMessageVisible: (actor, id) => exchange.requireVisible(actor, id),
      messageEntities: async (id) => {
        const row = await db.selectFrom('messages').select('payload').where('id', '=', id).executeTakeFirst();
        return (row?.payload as { entities?: unknown[] } | undefined)?.entities;
      },
      partnerSigningKeys: async (partner, kid) => {
        const p = await findPartner(db, partner);
        if (p?.status !== 'verified') return [];
        const current = cardSigningKey(p.cardJws);
        const keys: HolderSigningKey[] = current ? [{ key: current, validFrom: null, retiredAt: null }] : [];
        // The history only when the answer names another key (a rotation crossed the check).
        if (kid !== undefined && kid === current?.kid) return keys;
        for (const old of await retiredCards(db, partner, kid)) {
          const key = cardSigningKey(old.cardJws);
          if (key) keys.push({ key, validFrom: old.validFrom, retiredAt: old.retiredAt });
        }
        return keys;
      },
      messageHitRef: async (id) => {
        const row = await db
          .selectFrom('messages')
          .select(['direction', 'partner', 'type', 'payload', 'received_at', 'created_at'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) return undefined;
        const hitRef = (row.payload as { hitRef?: unknown }).hitRef;
        return {
          direction: row.direction,
          partner: row.partner,
          type: row.type,
          hitRef: typeof hitRef === 'string' ? hitRef : null,
          at: new Date(row.received_at ?? row.created_at),
        };
      },
    },
  });
  const exchange: ExchangeService = new ExchangeService({
    ...exchangeOptions,
    onMessageReceived: async (tx, { message, partner, receivedAt }) => {
      if (message.type === 'ack') return;
      await screening.queueMessageSubjects(tx, {
        messageId: message.id,
        partner,
        entities: message.entities,
        receivedAt,
      });
      await alerts.recordAlert(tx, { message, partner, direction: 'in', at: receivedAt });
      onCommit(() => matchingIndex.kick());
      await live.publish(tx, 'inbox');
    },
    onMessageSent: async (tx, { message, partner, receivedAt }) => {
      await alerts.recordAlert(tx, { message, partner, direction: 'out', at: receivedAt });
      onCommit(() => matchingIndex.kick());
    },
    // What screening and TAXII derived from a message follows its purge or a subject change.
    onMessagePurged: async (tx, messageId) => {
      await screening.forgetMessageSubjects(tx, messageId);
      await alerts.forgetAlert(tx, messageId);
      onCommit(() => matchingIndex.kick());
    },
    onMessageChanged: async (tx, { message, partner, direction, entityId, at }) => {
      if (message.type === 'ack') return;
      await screening.forgetMessageSubjects(tx, message.id, entityId);
      if (direction === 'in') {
        // A corrected person is queued again under the new names (an erased one is gone).
        await screening.queueMessageSubjects(tx, {
          messageId: message.id,
          partner,
          entities: message.entities.filter((e) => e.id === entityId),
          receivedAt: at,
        });
      }
      await alerts.rederiveAlert(tx, { message, partner, direction, at });
      onCommit(() => matchingIndex.kick());
    },
    // Called inside the inbound transaction: fetch once it has committed (the poll covers a
    // caller outside the transaction helper).
    onAttachmentsPending: () => onCommit(() => attachmentFetcher.kick()),
  });
  for (const [type, handler] of Object.entries(createExchangeHandlers(exchange))) {
    federation.setHandler(type, handler);
  }
  const checkpoints = new AuditCheckpointService({
    db,
    clock,
    randomBytes: (n) => random.bytes(n),
    logger,
    nodeId: config.node.id,
    keys: () => federation.currentKeys(),
    federation,
  });
  checkpoints.register();
  const retention = new MessageRetention(exchange);
  federation.setHandler(RETENTION_DELETED_TYPE, (tx, msg) => retention.receiveDeleted(tx, msg));
  const onward = new OnwardTransmission(exchange);
  federation.setHandler(CONSENT_REQUEST_TYPE, (tx, msg) => onward.receiveRequest(tx, msg));
  federation.setHandler(CONSENT_REPLY_TYPE, (tx, msg) => onward.receiveReply(tx, msg));
  const caseService = new CaseService({
    db,
    clock,
    logger: logger.child({ component: 'cases' }),
    nodeId: config.node.id,
    access,
    transport: { enqueue: (tx, msg) => federation.enqueue(tx, msg) },
    requireMessageVisible: (actor, id) => exchange.requireVisible(actor, id),
    requireIncidentVisible: async (actor, id) => {
      const incident = await incidents.get(actor, id);
      return { label: [incident.iomId, incident.place, incident.date].filter(Boolean).join(' · ') };
    },
    vault: exchangeOptions.vault,
  });
  for (const [type, handler] of Object.entries(new CaseSync(caseService).handlers())) {
    federation.setHandler(type, handler);
  }
  const caseItems = new CaseItems(caseService);
  // Case documents join the DPO's retention work (scan, due list, extend, purge).
  retention.addSource(new CaseDocumentRetention(caseService));
  const cases: CaseRoutesServices = {
    cases: caseService,
    items: caseItems,
    network: new CaseNetwork(caseService),
    imports: new CaseImport(caseService, caseItems),
    exports: new CaseExports(caseService),
    documents: new CaseDocuments(caseService),
  };
  const incidents = new IncidentService({
    db,
    clock,
    logger: logger.child({ component: 'incidents' }),
    access,
  });
  const dviExchange = new DviExchange({
    db,
    clock,
    incidents,
    transport: {
      enqueue: federation.enqueue.bind(federation),
      nudge: () => federation.nudge(),
      sendMessage: async (actor, input) => {
        const sent = await exchange.send(actor, input);
        return { id: sent.id, status: sent.status };
      },
    },
  });
  const dvi = new DviService({
    db,
    clock,
    incidents,
    onBoardChanged: (tx, incidentId) => dviExchange.publishStatus(tx, incidentId),
  });
  // DVI records join the DPO's retention work (scan, due list, extend, purge).
  retention.addSource(
    new DviRetention({
      db,
      clock,
      isCaseClosed: async (tx, caseId) =>
        (await tx.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirst())
          ?.status === 'closed',
      onBoardChanged: (tx, incidentId) => dviExchange.publishStatus(tx, incidentId),
      tellProvider: async (tx, partner, payload) => {
        await federation.enqueue(tx, { recipient: partner, type: DVI_DELETED_TYPE, payload });
      },
      nudge: () => federation.nudge(),
    }),
  );
  federation.setHandler(ANTE_MORTEM_TYPE, (tx, msg) => dviExchange.receiveAnteMortem(tx, msg));
  federation.setHandler(DVI_STATUS_TYPE, (tx, msg) => dviExchange.receiveStatus(tx, msg));
  federation.setHandler(DVI_DELETED_TYPE, (tx, msg) => dviExchange.receiveDeleted(tx, msg));
  const subjects = new SubjectRequestService({ db, clock });
  subjects.register(exchangeSubjectSource(exchange.o));
  subjects.register(incidentSubjectSource(db));
  let closing = false;
  return {
    config,
    logger,
    clock,
    random,
    database,
    db,
    get keys() {
      return federation.currentKeys();
    },
    get fingerprint() {
      return fingerprintOf(federation.currentKeys());
    },
    governance,
    access,
    federation,
    checkpoints,
    exchange,
    review: new OutgoingReview(exchange),
    sharingPolicies: new SharingPolicyService({ db, clock }),
    subjects,
    retention,
    onward,
    attachmentFetcher,
    screening,
    alerts,
    cases,
    incidents,
    dvi,
    dviExchange,
    matching,
    matchingHolder,
    matchingIndex,
    live,
    metrics,
    eventLoopLag,
    blobStore,
    readiness: async () => {
      const backlog = await federation.deliveryBacklog();
      const kind = blobStore.describe().kind;
      const storage = await blobStore.check().then(
        () => ({ kind, status: 'up' as const }),
        (err: Error) => ({ kind, status: 'down' as const, message: err.message }),
      );
      const stalled = backlog.oldestDueMs > DELIVERY_STALL_MS;
      return {
        ready: !stalled && storage.status === 'up',
        ...(storage.status === 'down'
          ? { reason: 'storage_unreachable' as const }
          : stalled
            ? { reason: 'delivery_stalled' as const }
            : {}),
        storage,
        delivery: { ...backlog.byStatus, oldestDueSeconds: Math.round(backlog.oldestDueMs / 1000) },
      };
    },
    get closing() {
      return closing;
    },
    close: async () => {
      closing = true;
      eventLoopLag.stop();
      // The worker may be mid-round: let it finish before the database goes away.
      await federation.stopWorker();
      await attachmentFetcher.stop();
      retention.stop();
      await screening.stop();
      await incidents.stop();
      await matching.idle();
      await matchingIndex.stop();
      await oprfPool.close();
      await live.close();
      await stopCredentialListener();
      await blobStore.close();
      await database.close();
    },
  };
}
