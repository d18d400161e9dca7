// This node's matching index (DESIGN §7): records drawn from its messages and holdings, their
// tokens evaluated under the OPRF key of the current epoch, kept as filter entries. Refreshes
// are incremental (only sources whose content changed); a key rotation starts a new epoch and
// evaluates every live record again under the new key.
import { sql } from 'kysely';
import {
  appendAudit,
  type Clock,
  type Db,
  type Logger,
  type Random,
  type SecretBox,
  type Tx,
} from '../platform/index.js';
import { generateOprfKey, OPRF_SUITE } from './oprf.js';
import type { OprfPool } from './oprf-pool.js';
import type { IndexStatus } from './schema.js';
import * as store from './store.js';
import { matchableRecords, TOKEN_VERSION } from './tokens.js';

/** Settings of {@link MatchingIndex}. */
export interface MatchingIndexOptions {
  db: Db;
  clock: Clock;
  random: Random;
  logger: Logger;
  pool: OprfPool;
  /** Seals the OPRF keys at rest. */
  keyBox: SecretBox;
  /** Days between scheduled key rotations. */
  rotationDays: number;
}

/** Result of a refresh or a rebuild. */
export interface RefreshResult {
  epoch: number;
  version: number;
  recordsAdded: number;
  recordsWithdrawn: number;
  tokensAdded: number;
}

type Pending = {
  source: 'message' | 'holding';
  id: string;
  hash: string;
  content: store.SourceContent;
  reuse: Map<string, Buffer>;
};

/** The index: refresh, rotation, status and the current key. */
/**
 * The index's sources with their content hashes, tagged with the token version: when the
 * token derivation changes, every source counts as changed and is indexed again, so an index
 * of old tokens is never compared with new ones.
 */
async function currentSources(tx: Tx) {
  const sources = await store.currentSources(tx);
  for (const s of sources.values()) s.hash = `${TOKEN_VERSION}:${s.hash}`;
  return sources;
}

export class MatchingIndex {
  #running: Promise<unknown> = Promise.resolve();
  #key: { epoch: number; key: Buffer } | null = null;

  #timer: NodeJS.Timeout | undefined;
  #kicked: Promise<unknown> | undefined;

  constructor(readonly o: MatchingIndexOptions) {}

  /** Refreshes (and rotates when the key is due) every `periodMs`; a kick runs a refresh sooner. */
  start(periodMs = 60_000): void {
    this.#timer = setInterval(() => this.kick(), periodMs);
    this.#timer.unref();
    this.kick();
  }

  /** Schedules a refresh (after messages arrived or holdings changed); errors are logged. */
  kick(): void {
    if (this.#kicked) return;
    this.#kicked = (async () => {
      await this.rotateIfDue();
      await this.refresh();
    })()
      .catch((err) => this.o.logger.error('matching index refresh failed', { err }))
      .finally(() => {
        this.#kicked = undefined;
      });
  }

  /** Stops the schedule and waits for work in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#kicked;
    await this.#running;
  }

  /** Runs index work one at a time in this process (the state row lock covers other processes). */
  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#running.then(work, work);
    this.#running = next.catch(() => undefined);
    return next;
  }

  /** The OPRF key of `epoch` (the current one by default). */
  async key(epoch?: number): Promise<{ epoch: number; key: Buffer }> {
    if (epoch !== undefined && this.#key?.epoch === epoch) return this.#key;
    const state = await store.readState(this.o.db);
    const want = epoch ?? state.epoch;
    if (this.#key?.epoch === want) return this.#key;
    const row = await this.o.db
      .selectFrom('matching_keys')
      .select(['epoch', 'sealed_key'])
      .where('epoch', '=', want)
      .executeTakeFirst();
    if (!row) throw new Error(`no matching key for epoch ${want}`);
    const key = Buffer.from(this.o.keyBox.open(row.sealed_key, `epoch:${row.epoch}`), 'base64');
    if (want === state.epoch) this.#key = { epoch: want, key };
    return { epoch: want, key };
  }

  async #newEpoch(tx: Tx, epoch: number): Promise<Buffer> {
    const key = generateOprfKey();
    const now = this.o.clock.now();
    await tx.updateTable('matching_keys').set({ retired_at: now }).where('retired_at', 'is', null).execute();
    await tx
      .insertInto('matching_keys')
      .values({
        epoch,
        sealed_key: this.o.keyBox.seal(key.toString('base64'), `epoch:${epoch}`),
        created_at: now,
        retired_at: null,
      })
      .execute();
    return key;
  }

  #newRef(): Buffer {
    return Buffer.from(this.o.random.bytes(10));
  }

  /** Evaluates and stores the records of the pending sources; returns counts. */
  async #index(tx: Tx, key: Buffer, epoch: number, version: number, pending: Pending[]) {
    const records: Parameters<typeof store.insertRecords>[1] = [];
    const tokens: string[] = [];
    const tokenRefs: Buffer[] = [];
    let reused = 0;
    for (const p of pending) {
      for (const r of matchableRecords(p.content.entities)) {
        const old = p.reuse.get(r.entityId);
        const ref = old ?? this.#newRef();
        if (old) reused++;
        else
          records.push({
            ref,
            source: p.source,
            source_id: p.id,
            entity_id: r.entityId,
            record_type: r.recordType,
            crime_areas: p.content.crimeAreas,
            origin_partner: p.content.originPartner,
            restricted: p.content.restricted,
            tokens: r.tokens.length,
          });
        for (const t of r.tokens) {
          tokens.push(t);
          tokenRefs.push(ref);
        }
      }
    }
    const entries = await this.o.pool.entries(key, tokens, Buffer.concat(tokenRefs));
    await store.insertRecords(tx, records, this.o.clock.now());
    await store.insertEntries(tx, epoch, version, tokenRefs, entries);
    await store.setSourceHashes(
      tx,
      pending.map((p) => ({ source: p.source, id: p.id, hash: p.hash })),
    );
    return { recordsAdded: records.length, reused, tokensAdded: tokens.length };
  }

  /**
   * Brings the index up to date with the node's messages and holdings: sources added or
   * changed are (re)indexed, sources gone are withdrawn. The first refresh creates the key.
   */
  refresh(): Promise<RefreshResult> {
    return this.#serial(() =>
      this.o.db.transaction().execute(async (tx) => {
        const state = await store.lockState(tx);
        let epoch = state.epoch;
        if (epoch === 0) {
          epoch = 1;
          await this.#newEpoch(tx, epoch);
        }
        this.#key = null;
        const { key } = await this.#keyIn(tx, epoch);
        const version = Number(state.version) + 1;
        const now = this.o.clock.now();
        const current = await currentSources(tx);
        const indexed = await store.indexedSources(tx);
        const changed = [...current.values()].filter((s) => indexed.get(`${s.source}:${s.id}`) !== s.hash);
        const gone = [...indexed.keys()].filter((k) => !current.has(k));
        const withdraw: Buffer[] = [];
        const split = (k: string) =>
          ({
            source: k.slice(0, k.indexOf(':')) as 'message' | 'holding',
            id: k.slice(k.indexOf(':') + 1),
          }) as const;
        const stale = [
          ...gone,
          ...changed.filter((s) => indexed.has(`${s.source}:${s.id}`)).map((s) => `${s.source}:${s.id}`),
        ].map(split);
        for (const source of ['message', 'holding'] as const) {
          const live = await store.liveRecordsOf(
            tx,
            source,
            stale.filter((x) => x.source === source).map((x) => x.id),
          );
          for (const m of live.values()) withdraw.push(...m.values());
        }
        await store.setSourceHashes(
          tx,
          gone.map((k) => ({ ...split(k), hash: null })),
        );
        await store.withdrawRecords(tx, withdraw, version, now);
        const pending: Pending[] = [];
        for (const source of ['message', 'holding'] as const) {
          const ids = changed.filter((s) => s.source === source).map((s) => s.id);
          const contents = await store.sourceContents(tx, source, ids);
          for (const s of changed.filter((c) => c.source === source)) {
            const content = contents.get(s.id);
            if (content) pending.push({ source, id: s.id, hash: s.hash, content, reuse: new Map() });
          }
        }
        const counts = await this.#index(tx, key, epoch, version, pending);
        await tx
          .updateTable('matching_state')
          .set({ epoch, version, last_refresh_at: now })
          .where('id', '=', 1)
          .execute();
        if (counts.recordsAdded > 0 || withdraw.length > 0) {
          await appendAudit(tx, this.o.clock, {
            actor: 'system',
            action: 'matching.index.refresh',
            subject: `matching-index:${epoch}`,
            detail: { version, recordsAdded: counts.recordsAdded, recordsWithdrawn: withdraw.length },
          });
        }
        return {
          epoch,
          version,
          recordsAdded: counts.recordsAdded,
          recordsWithdrawn: withdraw.length,
          tokensAdded: counts.tokensAdded,
        };
      }),
    );
  }

  async #keyIn(tx: Tx, epoch: number): Promise<{ key: Buffer }> {
    const row = await tx
      .selectFrom('matching_keys')
      .select(['epoch', 'sealed_key'])
      .where('epoch', '=', epoch)
      .executeTakeFirstOrThrow();
    return { key: Buffer.from(this.o.keyBox.open(row.sealed_key, `epoch:${row.epoch}`), 'base64') };
  }

  /**
   * Rotates the key: a new epoch whose entries are every live record evaluated under a fresh
   * key; the entries of older epochs are deleted (their filters stop meeting anything).
   * Hit references stay the same, so a follow-up request quoting one still resolves.
   */
  rotate(actor: string): Promise<RefreshResult> {
    return this.#serial(() =>
      this.o.db.transaction().execute(async (tx) => {
        const state = await store.lockState(tx);
        const epoch = state.epoch + 1;
        const key = await this.#newEpoch(tx, epoch);
        this.#key = null;
        const version = Number(state.version) + 1;
        const now = this.o.clock.now();
        const current = await currentSources(tx);
        const indexed = await store.indexedSources(tx);
        const pending: Pending[] = [];
        const withdraw: Buffer[] = [];
        for (const source of ['message', 'holding'] as const) {
          const all = [...current.values()].filter((s) => s.source === source);
          const contents = await store.sourceContents(
            tx,
            source,
            all.map((s) => s.id),
          );
          const lives = await store.liveRecordsOf(
            tx,
            source,
            all.map((s) => s.id),
          );
          for (const s of all) {
            const content = contents.get(s.id);
            if (!content) continue;
            const live = lives.get(s.id) ?? new Map<string, Buffer>();
            // A changed source gets new records; an unchanged one keeps its references.
            const same = indexed.get(`${source}:${s.id}`) === s.hash;
            if (!same) withdraw.push(...live.values());
            pending.push({ source, id: s.id, hash: s.hash, content, reuse: same ? live : new Map() });
          }
        }
        const gone = [...indexed.keys()]
          .filter((k) => !current.has(k))
          .map((k) => ({
            source: k.slice(0, k.indexOf(':')) as 'message' | 'holding',
            id: k.slice(k.indexOf(':') + 1),
          }));
        for (const source of ['message', 'holding'] as const) {
          const live = await store.liveRecordsOf(
            tx,
            source,
            gone.filter((x) => x.source === source).map((x) => x.id),
          );
          for (const m of live.values()) withdraw.push(...m.values());
        }
        await store.setSourceHashes(
          tx,
          gone.map((x) => ({ ...x, hash: null })),
        );
        await store.withdrawRecords(tx, withdraw, version, now);
        await tx.deleteFrom('matching_entries').where('epoch', '<', epoch).execute();
        const counts = await this.#index(tx, key, epoch, version, pending);
        await tx
          .updateTable('matching_state')
          .set({ epoch, version, last_refresh_at: now })
          .where('id', '=', 1)
          .execute();
        await appendAudit(tx, this.o.clock, {
          actor,
          action: 'matching.key.rotate',
          subject: `matching-index:${epoch}`,
          detail: { version, records: counts.recordsAdded + counts.reused, tokens: counts.tokensAdded },
        });
        return {
          epoch,
          version,
          recordsAdded: counts.recordsAdded,
          recordsWithdrawn: withdraw.length,
          tokensAdded: counts.tokensAdded,
        };
      }),
    );
  }

  /** Rotates the key when it is older than the rotation period; true when it did. */
  async rotateIfDue(): Promise<boolean> {
    const age = await this.keyAgeDays();
    if (age === null || age < this.o.rotationDays) return false;
    await this.rotate('system');
    return true;
  }

  async keyAgeDays(): Promise<number | null> {
    const state = await store.readState(this.o.db);
    const row = await this.o.db
      .selectFrom('matching_keys')
      .select('created_at')
      .where('epoch', '=', state.epoch)
      .executeTakeFirst();
    if (!row) return null;
    return (this.o.clock.now().getTime() - new Date(row.created_at).getTime()) / 86_400_000;
  }

  /** Size, key age and last refresh. */
  async status(): Promise<IndexStatus> {
    const state = await store.readState(this.o.db);
    const byType = await this.o.db
      .selectFrom('matching_records')
      .select(['record_type', sql<number>`count(*)::int`.as('n')])
      .where('removed_at', 'is', null)
      .groupBy('record_type')
      .execute();
    const tokens = await this.o.db
      .selectFrom('matching_entries')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('epoch', '=', state.epoch)
      .where('removed_version', 'is', null)
      .executeTakeFirstOrThrow();
    const keyRow = await this.o.db
      .selectFrom('matching_keys')
      .select('created_at')
      .where('epoch', '=', state.epoch)
      .executeTakeFirst();
    const records = byType.reduce((n, r) => n + Number(r.n), 0);
    const filterBytes = Number(tokens.n) * 16;
    const keyCreatedAt = keyRow ? new Date(keyRow.created_at) : null;
    return {
      epoch: state.epoch,
      version: Number(state.version),
      records,
      tokens: Number(tokens.n),
      recordsByType: Object.fromEntries(byType.map((r) => [r.record_type, Number(r.n)])),
      filterBytes,
      bytesPerRecord: records > 0 ? Math.round((filterBytes / records) * 10) / 10 : 0,
      keyCreatedAt: keyCreatedAt?.toISOString() ?? null,
      keyAgeDays: keyCreatedAt
        ? Math.round(((this.o.clock.now().getTime() - keyCreatedAt.getTime()) / 86_400_000) * 100) / 100
        : null,
      rotationDays: this.o.rotationDays,
      lastRefreshAt: state.last_refresh_at ? new Date(state.last_refresh_at).toISOString() : null,
      suite: OPRF_SUITE,
    };
  }
}
