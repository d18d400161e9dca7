/**
 * What the exchange needs from the federation layer, as a port: the composition root
 * adapts the federation service to it, and service tests pass an in-memory double.
 */

import type { DeliveryView } from '../federation/index.js';
import type { Tx } from '../platform/index.js';

/** Where an outgoing message stands on its way to the partner: federation's one declaration. */
export type { DeliveryView };

/** A partner's signed request, as the HTTP layer received it. */
export interface PartnerRequest {
  method: string;
  /** Path and query as requested, e.g. `/federation/v1/attachments/…`. */
  path: string;
  headers: Headers;
}

/** Outcome of checking a partner's request signature. */
export type PartnerAuthResult =
  | { ok: true; partner: string }
  | { ok: false; status: number; code: string; message: string; reason?: string };

/** Sending to, and hearing from, partner nodes. */
export interface ExchangeTransport {
  /** Tells the delivery worker that a transaction with new outgoing messages has committed. */
  nudge?(): void;
  /**
   * Queues a message in the transactional outbox, inside the caller's transaction, under
   * the id the exchange chose (it is also the operational message's own id). Throws a 409
   * `partner_not_verified` (or 404 for an unknown partner) and the transaction rolls back.
   */
  enqueue(
    tx: Tx,
    msg: { id: string; recipient: string; type: string; payload: unknown; priority?: number },
  ): Promise<{ id: string; createdAt: Date }>;
  /**
   * Removes a purged message's copy from the outbox, inside the caller's transaction.
   * Optional: a transport without a stored copy has nothing to remove.
   */
  discard?(tx: Tx, id: string): Promise<boolean>;
  /** Rewrites the outbox copy of a message whose person was erased or corrected (optional, as `discard`). */
  rewrite?(tx: Tx, id: string, change: (payload: unknown) => unknown): Promise<boolean>;
  /** Delivery state of outgoing messages; ids the outbox does not know are absent. */
  deliveryStatus(ids: string[]): Promise<Map<string, DeliveryView>>;
  /** A signed GET (RFC 9421) to a verified partner's node, at a path below its endpoint. */
  fetchFromPartner(partner: string, path: string, signal?: AbortSignal): Promise<Response>;
  /** Checks the HTTP message signature of a request from a verified partner. */
  authenticatePartner(request: PartnerRequest): Promise<PartnerAuthResult>;
}
