import type { AccessService } from '../governance/index.js';
import type { Clock, Db, Logger, Random, Tx } from '../platform/index.js';
import type { AttachmentVault } from './attachments.js';
import type { OperationalMessage } from './schema.js';
import type { ExchangeTransport } from './transport.js';

/** Settings of the exchange services (`ExchangeService` and its parts). */
export interface ExchangeOptions {
  db: Db;
  clock: Clock;
  random: Random;
  logger: Logger;
  /** This node's id. */
  nodeId: string;
  transport: ExchangeTransport;
  vault: AttachmentVault;
  /** Need-to-know: who may see which message. */
  access: AccessService;
  /** Called after a received message brought attachments to fetch (the fetcher's kick). */
  onAttachmentsPending?: () => void;
  /**
   * Called inside the transaction that stores a received message, after it is stored (other
   * features queue their own work on it, e.g. screening of the persons it names).
   */
  onMessageReceived?: (tx: Tx, received: ReceivedMessageHookInput) => Promise<void>;
  /** Called inside the transaction that stores an outgoing message (same shape; `partner` is the recipient). */
  onMessageSent?: (tx: Tx, sent: ReceivedMessageHookInput) => Promise<void>;
}

/** What {@link ExchangeOptions.onMessageReceived} is given. */
export interface ReceivedMessageHookInput {
  message: OperationalMessage;
  partner: string;
  receivedAt: Date;
}
