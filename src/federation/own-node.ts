import type { KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import {
  appendAudit,
  type Clock,
  type Db,
  type Logger,
  type NodeIdentity,
  type NodeKeys,
  x25519PublicJwk,
} from '../platform/index.js';
import { computeFingerprint, type Fingerprint } from './fingerprint.js';
import { createNodeCard, type NodeCard, rotateNodeCard, verifyNodeCard } from './node-card.js';
import { insertOwnCard, latestOwnCard } from './partner-store.js';

const CARD_VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;
// A new card is valid from a little in the past so a partner whose clock lags still accepts it.
const CARD_BACKDATE_MS = 60 * 60 * 1000;
/** Notification channel of key rotations, so every process sharing the database adopts the new keys. */
export const KEYS_CHANNEL = 'passerelle_keys';

/** Settings of {@link OwnNode}. */
export interface OwnNodeOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  node: NodeIdentity;
  keys: NodeKeys;
  previousEncryptionKey?: KeyObject | null;
  /** Whether the database delivers notifications (then a rotation announces itself). */
  notify: boolean;
  /** Reads the key file again (shared by every process of the node). */
  reloadKeys?: () => Promise<{ keys: NodeKeys; previousEncryptionKey: KeyObject | null }>;
}

/**
 * This node as partners see it: its key pairs (current, and the encryption key before the
 * last rotation), the endpoint it advertises and its signed card. Keeps the card and the
 * keys in step across rotations, including rotations run by another process of the node.
 */
export class OwnNode {
  #keys: NodeKeys;
  #previousEncryptionKey: { kid: string; privateKey: KeyObject } | null = null;
  #endpoint: string;
  #card: Promise<{ card: NodeCard; cardJws: string; cardHash: string }> | null = null;
  /** The card this process last served, to notice a renewal by another process. */
  #cardJws: string | null = null;
  #syncing: Promise<boolean> | null = null;

  constructor(private readonly o: OwnNodeOptions) {
    this.#keys = o.keys;
    this.#endpoint = o.node.endpoint;
    if (o.previousEncryptionKey) {
      this.#previousEncryptionKey = {
        kid: x25519PublicJwk(o.previousEncryptionKey).kid,
        privateKey: o.previousEncryptionKey,
      };
    }
  }

  /** The current key pairs. */
  get keys(): NodeKeys {
    return this.#keys;
  }

  /** The public URL this node advertises. */
  get endpoint(): string {
    return this.#endpoint;
  }

  /** Keys envelopes to this node may be sealed to: the current one, then the previous one. */
  decryptionKeys(): Array<{ kid: string; privateKey: KeyObject }> {
    return [
      { kid: this.#keys.encryption.publicJwk.kid, privateKey: this.#keys.encryption.privateKey },
      ...(this.#previousEncryptionKey ? [this.#previousEncryptionKey] : []),
    ];
  }

  /** Changes the advertised endpoint (a node on an ephemeral port learns it late); the card is re-issued. */
  setEndpoint(url: string): void {
    if (url === this.#endpoint) return;
    this.#endpoint = url;
    this.#card = null;
  }

  /** The current signed card, created (and stored) on first use. */
  async card(): Promise<{ card: NodeCard; cardJws: string; fingerprint: Fingerprint }> {
    this.#card ??= this.#loadCard().catch((err) => {
      this.#card = null;
      throw err;
    });
    const { card, cardJws } = await this.#card;
    this.#cardJws = cardJws;
    return { card, cardJws, fingerprint: computeFingerprint(card) };
  }

  /**
   * Adopts keys rotated by another process of this node: when the latest own card in the
   * database names a signing key other than ours, the key file is read again. Returns true
   * when the keys changed. Concurrent calls share one check.
   */
  syncKeys(): Promise<boolean> {
    this.#syncing ??= this.#syncOnce().finally(() => {
      this.#syncing = null;
    });
    return this.#syncing;
  }

  async #syncOnce(): Promise<boolean> {
    if (!this.o.reloadKeys) return false;
    const latest = await latestOwnCard(this.o.db);
    if (!latest) return false;
    if (latest.signingKid === this.#keys.signing.publicJwk.kid) {
      // Same keys: another process may have renewed the card (a late renewal); the card this
      // process holds is then the expired predecessor and must be read again.
      if (this.#cardJws === null || this.#cardJws === latest.cardJws) return false;
      this.#card = null;
      this.#cardJws = null;
      this.o.logger.info('federation: adopted the card renewed by another process', {
        kid: latest.signingKid,
      });
      return true;
    }
    const ring = await this.o.reloadKeys();
    if (ring.keys.signing.publicJwk.kid !== latest.signingKid) {
      this.o.logger.warn('federation: the latest own card names keys the key file does not hold', {
        cardKid: latest.signingKid,
      });
      return false;
    }
    this.#keys = ring.keys;
    this.#previousEncryptionKey = ring.previousEncryptionKey
      ? { kid: x25519PublicJwk(ring.previousEncryptionKey).kid, privateKey: ring.previousEncryptionKey }
      : null;
    this.#card = null;
    this.o.logger.info('federation: adopted keys rotated by another process', { kid: latest.signingKid });
    return true;
  }

  async #loadCard(): Promise<{ card: NodeCard; cardJws: string; cardHash: string }> {
    // Never issue a card for stale keys over one another process rotated to.
    await this.syncKeys();
    const { db, clock, node } = this.o;
    const latest = await latestOwnCard(db);
    const kid = this.#keys.signing.publicJwk.kid;
    if (latest && latest.signingKid === kid && latest.endpoint === this.#endpoint) {
      // An expired card stays this node's card until it is renewed as its successor (see
      // renew): a fresh card issued here would chain to nothing partners hold.
      const v = await verifyNodeCard(latest.cardJws, { clock, ignoreValidity: true });
      if (
        v.ok &&
        v.card.encryptionKey.kid === this.#keys.encryption.publicJwk.kid &&
        v.card.agency === node.agency
      ) {
        return { card: v.card, cardJws: latest.cardJws, cardHash: v.cardHash };
      }
    }
    const now = clock.now();
    const { card, cardJws } = await createNodeCard(
      {
        nodeId: node.id,
        agency: node.agency,
        country: node.country,
        endpoint: this.#endpoint,
        validFrom: new Date(now.getTime() - CARD_BACKDATE_MS),
        validUntil: new Date(now.getTime() + CARD_VALIDITY_MS),
      },
      this.#keys,
    );
    const verified = (await verifyNodeCard(cardJws, { clock, ignoreValidity: true })) as {
      ok: true;
      cardHash: string;
    };
    await insertOwnCard(
      db,
      { cardJws, cardHash: verified.cardHash, signingKid: kid, endpoint: this.#endpoint },
      now,
    );
    return { card, cardJws, cardHash: verified.cardHash };
  }

  /**
   * Rotates to `newKeys` (PROTOCOL §2.1): a successor card signed by the old key is stored
   * with the audit entry naming `by`, other processes are notified when it commits, and the
   * old encryption key stays usable for envelopes in flight. Persisting the keys is the
   * caller's job.
   */
  rotate(newKeys: NodeKeys, by: string): Promise<{ cardJws: string; rotationJws: string }> {
    return this.#succeed(newKeys, by, 'node.rotate_keys');
  }

  /**
   * Renews the card for the same keys (a late renewal, PROTOCOL §2.1): the successor card,
   * valid another year, chains to the expired one and is stated by the same key, so
   * partners that hold the expired card accept it within the grace period.
   */
  renew(by: string): Promise<{ cardJws: string; rotationJws: string }> {
    return this.#succeed(this.#keys, by, 'node.renew_card');
  }

  async #succeed(
    newKeys: NodeKeys,
    by: string,
    action: 'node.rotate_keys' | 'node.renew_card',
  ): Promise<{ cardJws: string; rotationJws: string }> {
    const { db, clock, node } = this.o;
    const old = await this.card();
    const oldKeys = this.#keys;
    const now = clock.now();
    const { card, cardJws, rotationJws } = await rotateNodeCard({
      oldCard: old.card,
      oldSigningKey: oldKeys.signing.privateKey,
      newKeys,
      validFrom: new Date(now.getTime() - CARD_BACKDATE_MS),
      validUntil: new Date(now.getTime() + CARD_VALIDITY_MS),
      changes: { endpoint: this.#endpoint },
      clock,
    });
    const v = await verifyNodeCard(cardJws, { clock, ignoreValidity: true });
    const cardHash = v.ok ? v.cardHash : '';
    await db.transaction().execute(async (tx) => {
      await insertOwnCard(
        tx,
        {
          cardJws,
          cardHash,
          signingKid: newKeys.signing.publicJwk.kid,
          endpoint: this.#endpoint,
          rotationJws,
        },
        now,
      );
      await appendAudit(tx, clock, {
        actor: by,
        action,
        subject: node.id,
        detail: { fingerprint: computeFingerprint(card).text },
      });
      // Every other process of this node re-reads the key file when this commits.
      if (this.o.notify) await sql`select pg_notify(${KEYS_CHANNEL}, '')`.execute(tx);
    });
    if (newKeys !== oldKeys) {
      this.#previousEncryptionKey = {
        kid: oldKeys.encryption.publicJwk.kid,
        privateKey: oldKeys.encryption.privateKey,
      };
    }
    this.#keys = newKeys;
    this.#card = Promise.resolve({ card, cardJws, cardHash });
    this.#cardJws = cardJws;
    return { cardJws, rotationJws };
  }
}
