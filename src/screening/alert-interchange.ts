// Threat alerts in the standard interchange: STIX 2.1 bundles of the alert messages, kept per
// alert as they are sent and received (same transaction), served by TAXII 2.1 and exported or
// imported one by one. Reading goes through the exchange's permission and audit.
import { type Actor, auditActor, requirePermission } from '../governance/index.js';
import {
  appendAudit,
  type Clock,
  type Db,
  ForbiddenError,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import { type AlertMessage, alertToStixBundle, STIX_ALERT_KINDS, type StixBundle, uuidv5 } from './stix.js';
import { type StixImportResult, stixBundleToAlertDraft } from './stix-import.js';
import * as stixStore from './stix-store.js';

/** A message as the exchange shows it (the fields used here). */
export interface AlertSource {
  type: string;
  direction: 'in' | 'out';
  partner: string;
  payload: Record<string, unknown>;
}

/** Settings of {@link AlertInterchangeService}. */
export interface AlertInterchangeOptions {
  db: Db;
  clock: Clock;
  node: { id: string; agency: string; country: string };
  /** Reads a message with the exchange's permission check and audit. */
  readMessage: (actor: Actor, id: string) => Promise<AlertSource>;
  /**
   * The ids of the messages the actor may see under need-to-know (a subquery): a TAXII
   * collection serves only the objects of alerts from such messages.
   */
  visibleMessageIds: (actor: Actor) => stixStore.MessageIdSubquery;
}

/** A TAXII collection. */
export interface AlertCollection {
  id: string;
  title: string;
  description: string;
  /** Null for every alert; else the partner whose alerts it holds. */
  partner: string | null;
}

const ALL_ALERTS = uuidv5('taxii-collection:alerts');

function isThreatAlert(m: { type?: unknown; alertKind?: unknown }): boolean {
  return m.type === 'alert' && (STIX_ALERT_KINDS as readonly unknown[]).includes(m.alertKind);
}

/** STIX export and import of alerts, and the data behind the TAXII server. */
export class AlertInterchangeService {
  constructor(readonly o: AlertInterchangeOptions) {}

  #sender(direction: 'in' | 'out', partner: string) {
    return direction === 'out'
      ? { nodeId: this.o.node.id, agency: this.o.node.agency, country: this.o.node.country }
      : { nodeId: partner, agency: `Partner node ${partner}`, country: '' };
  }

  /** Keeps the STIX objects of a threat alert sent or received (inside that transaction). */
  async recordAlert(
    tx: Tx,
    input: { message: Record<string, unknown>; partner: string; direction: 'in' | 'out'; at: Date },
  ): Promise<void> {
    if (!isThreatAlert(input.message)) return;
    const bundle = alertToStixBundle(
      input.message as unknown as AlertMessage,
      this.#sender(input.direction, input.partner),
    );
    await stixStore.insertAlertObjects(tx, {
      objects: bundle.objects,
      messageId: String(input.message.id),
      partner: input.partner,
      at: input.at,
    });
  }

  /**
   * Forgets the STIX objects of an alert message (inside the transaction that purges it);
   * objects another alert also carries stay. Returns how many object versions went.
   */
  forgetAlert(tx: Tx, messageId: string): Promise<number> {
    return stixStore.deleteAlertObjects(tx, messageId);
  }

  /**
   * Derives the STIX objects of an alert again after a person in it was erased or
   * corrected: TAXII then serves only the message as it now is.
   */
  async rederiveAlert(
    tx: Tx,
    input: { message: Record<string, unknown>; partner: string; direction: 'in' | 'out'; at: Date },
  ): Promise<void> {
    await this.forgetAlert(tx, String(input.message.id));
    await this.recordAlert(tx, input);
  }

  /** The STIX bundle of one alert message (the read is audited by the exchange). */
  async exportAlert(actor: Actor, messageId: string): Promise<StixBundle> {
    const m = await this.o.readMessage(actor, messageId);
    if (!isThreatAlert(m.payload)) {
      throw new ValidationError(
        `Only alerts of kind ${STIX_ALERT_KINDS.join(', ')} are exchanged as STIX (this is a ${m.type}${m.payload.alertKind ? ` ${String(m.payload.alertKind)}` : ''})`,
      );
    }
    return alertToStixBundle(m.payload as unknown as AlertMessage, this.#sender(m.direction, m.partner));
  }

  /** Maps a STIX bundle to an alert draft for an officer to complete and send; changes nothing. */
  importBundle(actor: Actor, bundle: unknown): Extract<StixImportResult, { ok: true }> {
    requirePermission(actor, 'message.send');
    const r = stixBundleToAlertDraft(bundle);
    if (!r.ok) {
      throw new ValidationError(
        `The STIX bundle was refused: ${r.problems.slice(0, 5).join('; ')}`,
        r.problems.slice(0, 50).map((p) => ({ path: 'bundle', code: 'stix_invalid', message: p })),
      );
    }
    return r;
  }

  /** TAXII collections: every threat alert, and one per partner. */
  async collections(actor: Actor): Promise<AlertCollection[]> {
    requirePermission(actor, 'message.read');
    const partners = await stixStore.alertPartners(this.o.db);
    return [
      {
        id: ALL_ALERTS,
        title: 'Threat alerts',
        description: `Threat warnings, modus operandi and wanted alerts sent and received by ${this.o.node.id}`,
        partner: null,
      },
      ...partners.map((p) => ({
        id: uuidv5(`taxii-collection:partner:${p}`),
        title: `Threat alerts exchanged with ${p}`,
        description: `Alerts sent to or received from partner node ${p}`,
        partner: p,
      })),
    ];
  }

  /** One collection, or a 404 for an id the actor cannot see. */
  async collection(actor: Actor, id: string): Promise<AlertCollection | undefined> {
    return (await this.collections(actor)).find((c) => c.id === id);
  }

  /** A page of a collection's objects; each poll is audited. */
  async objects(actor: Actor, collection: AlertCollection, q: Omit<stixStore.StixObjectQuery, 'partner'>) {
    requirePermission(actor, 'message.read');
    const page = await stixStore.queryObjects(this.o.db, {
      ...q,
      partner: collection.partner,
      visibleMessageIds: this.o.visibleMessageIds(actor),
    });
    await this.o.db.transaction().execute((tx) =>
      appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'stix.taxii.read',
        subject: `taxii-collection:${collection.id}`,
        detail: { objects: page.rows.length, more: page.more },
      }),
    );
    return page;
  }

  /** Writing to a collection is not offered: alerts enter Passerelle as signed messages. */
  refuseWrite(): never {
    throw new ForbiddenError(
      'The collections of this node are read-only: send alerts as messages',
      'collection_read_only',
    );
  }
}
