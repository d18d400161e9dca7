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
  /**
   * Called inside the transaction that purges a message (retention): features that derived
   * records from it (screening subjects, STIX objects) delete them in the same transaction.
   */
  onMessagePurged?: (tx: Tx, messageId: string) => Promise<void>;
  /**
   * Called inside the transaction that erased or corrected a person in a message (subject
   * request), with the message as it now is: derived records follow the change.
   */
  onMessageChanged?: (tx: Tx, changed: ChangedMessageHookInput) => Promise<void>;
}

/** What {@link ExchangeOptions.onMessageChanged} is given. */
export interface ChangedMessageHookInput {
  message: OperationalMessage;
  partner: string;
  direction: 'in' | 'out';
  /** The person entity erased or corrected. */
  entityId: string;
  at: Date;
}

/** What {@link ExchangeOptions.onMessageReceived} is given. */
export interface ReceivedMessageHookInput {
  message: OperationalMessage;
  partner: string;
  receivedAt: Date;
}
