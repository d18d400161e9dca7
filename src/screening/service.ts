import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { type Entity, isProtectedRole } from '../entities/index.js';
import { uuidv7 } from '../federation/index.js';
import { type Actor, auditActor, requirePermission } from '../governance/index.js';
import {
  appendAudit,
  type Clock,
  ConflictError,
  canonicalize,
  type Db,
  type JsonValue,
  type Logger,
  NotFoundError,
  type Random,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import { type BatchRow, batchCsv } from './batch-csv.js';
import { type DesignationDigest, diffDesignations } from './list-diff.js';
import {
  DEFAULT_THRESHOLDS,
  ListMatcher,
  type ScreeningCandidate,
  type ScreeningThresholds,
} from './matcher.js';
import {
  type BatchQuery,
  type BatchView,
  type DiffView,
  type ListView,
  parseBatchCsv,
  type ScreenRequest,
  type SubjectFlag,
} from './schema.js';
import * as store from './store.js';
import { parseUnList, type UnDesignation } from './un-list.js';

/** Settings of {@link ScreeningService}. */
export interface ScreeningOptions {
  db: Db;
  clock: Clock;
  random: Random;
  logger: Logger;
  /**
   * Need-to-know on the message whose persons were screened: throws 404 (and audits) when
   * the actor may not see it. The screening of a message names its persons.
   */
  requireMessageVisible?: (actor: Actor, messageId: string) => Promise<void>;
}

/** Result of one screening. */
export interface ScreenResult {
  listId: string;
  listGeneratedAt: string;
  thresholds: ScreeningThresholds;
  candidates: ScreeningCandidate[];
}

/** Result of an import. */
export interface ImportListResult {
  list: ListView;
  diff: DiffView | null;
}

/** Names of a person entity, as free text, in every script given. */
function personNames(p: Extract<Entity, { kind: 'person' }>): string[] {
  return p.names
    .map((n) => n.full ?? [n.given, n.father, n.family].filter(Boolean).join(' '))
    .filter((s) => s.length > 0);
}

const BATCH_CHUNK = 50;
const SUBJECTS_PER_ROUND = 200;
const SYSTEM_PURPOSE = 'automatic screening of a person named in a received partner message';

/**
 * Screening against the UN Security Council Consolidated List (DESIGN §1, counter-terrorism):
 * list versions (import, history, differences), screening of one query or a CSV batch, and the
 * automatic screening of persons named in received partner messages. Every screening is
 * audited with its purpose; a flag is information for an officer, never an action.
 */
export class ScreeningService {
  #matcher: { listId: string; matcher: ListMatcher } | null = null;
  readonly #running = new Map<string, Promise<void>>();
  #stopping = false;

  constructor(readonly o: ScreeningOptions) {}

  #newId(): string {
    return uuidv7(this.o.clock, (n) => this.o.random.bytes(n));
  }

  // ---- list versions -------------------------------------------------------------------

  /**
   * Imports a list file. The whole file is parsed and checked before anything is written;
   * a refused file leaves the active version in force. The new version becomes active and
   * its differences against the previous one are recorded.
   */
  async importList(actor: Actor, input: { xml: Buffer; sourceName: string }): Promise<ImportListResult> {
    requirePermission(actor, 'screening.manage');
    const sha256 = createHash('sha256').update(input.xml).digest('hex');
    const parsed = parseUnList(input.xml);
    if (!parsed.ok)
      throw new ValidationError(`The list was refused: ${parsed.reason}`, [
        { path: 'file', code: 'list_invalid', message: parsed.reason },
      ]);
    const { list } = parsed;
    const rows = list.designations.map((d) => {
      const record = d as unknown as Record<string, unknown>;
      return {
        referenceNumber: d.referenceNumber,
        kind: d.kind,
        name: d.name,
        regime: d.regime,
        listedOn: d.listedOn && /^\d{4}-\d{2}-\d{2}$/.test(d.listedOn) ? d.listedOn : null,
        record,
        recordHash: createHash('sha256')
          .update(canonicalize(record as JsonValue))
          .digest('hex'),
      };
    });
    const id = this.#newId();
    const at = this.o.clock.now();
    const by = auditActor(actor);
    const result = await this.o.db.transaction().execute(async (tx) => {
      if (await store.getListBySha256(tx, sha256)) {
        throw new ConflictError('This file has already been imported', 'list_already_imported');
      }
      const previous = await store.getActiveList(tx);
      if (previous && previous.generated_at.getTime() >= Date.parse(list.generatedAt)) {
        throw new ConflictError(
          `The active list was generated on ${previous.generated_at.toISOString()}; this file is not newer (${list.generatedAt})`,
          'list_not_newer',
        );
      }
      const newer: DesignationDigest = new Map(
        rows.map((r) => [r.referenceNumber, { hash: r.recordHash, name: r.name, record: r.record }]),
      );
      const changes = previous ? diffDesignations(await store.designationHashes(tx, previous.id), newer) : [];
      const count = (c: string) => changes.filter((x) => x.change === c).length;
      const individuals = list.designations.filter((d) => d.kind === 'individual');
      const row: store.ListRow = {
        id,
        generated_at: new Date(list.generatedAt),
        imported_at: at,
        imported_by: by,
        source_name: input.sourceName,
        sha256,
        individuals: individuals.length,
        entities: list.designations.length - individuals.length,
        aliases: list.designations.reduce((s, d) => s + d.aliases.length, 0),
        original_script_names: list.designations.filter((d) => d.originalScriptName).length,
        active: true,
        previous_id: previous?.id ?? null,
        added: count('added'),
        removed: count('removed'),
        amended: count('amended'),
      };
      await store.deactivateLists(tx);
      await store.insertList(tx, row);
      await store.insertDesignations(
        tx,
        rows.map((r) => ({ ...r, listId: id })),
      );
      await store.insertChanges(
        tx,
        changes.map((c) => ({
          list_id: id,
          reference_number: c.referenceNumber,
          change: c.change,
          name: c.name,
          fields: c.fields,
        })),
      );
      await appendAudit(tx, this.o.clock, {
        actor: by,
        action: 'screening.list.import',
        subject: `screening-list:${id}`,
        detail: {
          sourceName: input.sourceName,
          sha256,
          generatedAt: list.generatedAt,
          designations: list.designations.length,
          previous: previous?.id ?? null,
          added: row.added,
          removed: row.removed,
          amended: row.amended,
        },
      });
      const diff: DiffView | null = previous
        ? { from: previous.id, to: id, added: row.added, removed: row.removed, amended: row.amended, changes }
        : null;
      return { list: toListView(row), diff };
    });
    this.#matcher = null;
    return result;
  }

  /** Every imported version, newest first. */
  async lists(actor: Actor): Promise<ListView[]> {
    requirePermission(actor, 'screening.read');
    return (await store.listLists(this.o.db)).map(toListView);
  }

  /**
   * Differences between two versions (`from` older, `to` newer). Without `from`, the changes
   * recorded when `to` was imported.
   */
  async diff(actor: Actor, toId: string, fromId?: string): Promise<DiffView> {
    requirePermission(actor, 'screening.read');
    const to = await store.getList(this.o.db, toId);
    if (!to) throw new NotFoundError('No such list version');
    if (fromId === undefined) {
      const changes = await store.listChanges(this.o.db, toId);
      return {
        from: to.previous_id ?? '',
        to: toId,
        added: to.added,
        removed: to.removed,
        amended: to.amended,
        changes: changes.map((c) => ({
          referenceNumber: c.reference_number,
          change: c.change,
          name: c.name,
          fields: c.fields,
        })),
      };
    }
    const from = await store.getList(this.o.db, fromId);
    if (!from) throw new NotFoundError('No such list version');
    const changes = diffDesignations(
      await store.designationHashes(this.o.db, fromId),
      await store.designationHashes(this.o.db, toId),
    );
    const count = (c: string) => changes.filter((x) => x.change === c).length;
    return {
      from: fromId,
      to: toId,
      added: count('added'),
      removed: count('removed'),
      amended: count('amended'),
      changes,
    };
  }

  /** A designation as the list gives it (active version unless one is named). */
  async designation(actor: Actor, referenceNumber: string, listId?: string): Promise<UnDesignation> {
    requirePermission(actor, 'screening.read');
    const id = listId ?? (await store.getActiveList(this.o.db))?.id;
    const row = id ? await store.getDesignation(this.o.db, id, referenceNumber) : undefined;
    if (!row) throw new NotFoundError(`No designation ${referenceNumber} in this list version`);
    return row.record as unknown as UnDesignation;
  }

  // ---- thresholds ---------------------------------------------------------------------

  /** The node's thresholds. */
  async thresholds(actor: Actor): Promise<ScreeningThresholds> {
    requirePermission(actor, 'screening.read');
    return this.#thresholds();
  }

  async #thresholds(): Promise<ScreeningThresholds> {
    const s = await store.getSettings(this.o.db);
    return s ? { confident: s.confident_score, review: s.review_score } : DEFAULT_THRESHOLDS;
  }

  /** Changes the thresholds (audited). */
  async setThresholds(actor: Actor, t: ScreeningThresholds): Promise<ScreeningThresholds> {
    requirePermission(actor, 'screening.manage');
    if (t.review > t.confident)
      throw new ValidationError('The review threshold must not exceed the confident one');
    await this.o.db.transaction().execute(async (tx) => {
      await store.putSettings(tx, { ...t, at: this.o.clock.now(), by: auditActor(actor) });
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'screening.thresholds.set',
        detail: { ...t },
      });
    });
    return t;
  }

  // ---- screening ----------------------------------------------------------------------

  /** The matcher of the active version, built once per version (and per process). */
  async #activeMatcher(): Promise<{ list: store.ListRow; matcher: ListMatcher }> {
    const list = await store.getActiveList(this.o.db);
    if (!list) throw new ConflictError('No UN list has been imported yet', 'no_active_list');
    if (this.#matcher?.listId !== list.id) {
      const records = (await store.designationRecords(this.o.db, list.id)) as unknown as UnDesignation[];
      this.#matcher = { listId: list.id, matcher: new ListMatcher(records) };
    }
    return { list, matcher: this.#matcher.matcher };
  }

  /** Screens one person or organisation against the active list; audited with its purpose. */
  async screen(actor: Actor, input: ScreenRequest): Promise<ScreenResult> {
    requirePermission(actor, 'screening.run');
    const { list, matcher } = await this.#activeMatcher();
    const thresholds = await this.#thresholds();
    const candidates = matcher.screen(input.query, { thresholds });
    await this.o.db.transaction().execute(async (tx) => {
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'screening.run',
        subject: `screening-list:${list.id}`,
        detail: {
          purpose: input.purpose,
          query: input.query,
          candidates: candidates.map((c) => ({ ref: c.referenceNumber, score: c.score, level: c.level })),
        },
      });
    });
    return { listId: list.id, listGeneratedAt: list.generated_at.toISOString(), thresholds, candidates };
  }

  /** Starts a CSV batch; it runs in the background, its progress is read with {@link batch}. */
  async startBatch(actor: Actor, input: { csv: string; purpose: string }): Promise<BatchView> {
    requirePermission(actor, 'screening.run');
    const parsed = parseBatchCsv(input.csv);
    if (!parsed.ok) {
      throw new ValidationError(
        `The CSV was refused: ${parsed.problems.join('; ')}`,
        parsed.problems.map((p) => ({ path: 'csv', code: 'csv_invalid', message: p })),
      );
    }
    const { list, matcher } = await this.#activeMatcher();
    const thresholds = await this.#thresholds();
    const id = this.#newId();
    const at = this.o.clock.now();
    await this.o.db.transaction().execute(async (tx) => {
      await store.insertBatch(tx, {
        id,
        list_id: list.id,
        purpose: input.purpose,
        created_by: auditActor(actor),
        created_at: at,
        status: 'running',
        total: parsed.queries.length,
        done: 0,
        queries: parsed.queries,
        error: null,
        finished_at: null,
      });
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'screening.batch.start',
        subject: `screening-batch:${id}`,
        detail: { purpose: input.purpose, list: list.id, rows: parsed.queries.length },
      });
    });
    const run = this.#runBatch(id, parsed.queries, matcher, thresholds).finally(() =>
      this.#running.delete(id),
    );
    this.#running.set(id, run);
    return this.batch(actor, id);
  }

  async #runBatch(id: string, queries: BatchQuery[], matcher: ListMatcher, thresholds: ScreeningThresholds) {
    const results: BatchRow[] = [];
    try {
      for (let i = 0; i < queries.length; i++) {
        if (this.#stopping) throw new Error('interrupted: the node stopped during the batch');
        const q = queries[i]!;
        results.push({ ...q, candidates: matcher.screen(q.query, { thresholds, limit: 5 }) });
        if ((i + 1) % BATCH_CHUNK === 0 && i + 1 < queries.length) {
          await store.setBatchProgress(this.o.db, id, i + 1);
          await yieldToLoop();
        }
      }
      await this.o.db.transaction().execute(async (tx) => {
        await store.finishBatch(tx, id, {
          status: 'done',
          done: results.length,
          results,
          error: null,
          at: this.o.clock.now(),
        });
        await appendAudit(tx, this.o.clock, {
          actor: 'system',
          action: 'screening.batch.finish',
          subject: `screening-batch:${id}`,
          detail: {
            rows: results.length,
            confident: results.filter((r) => r.candidates[0]?.level === 'confident').length,
            review: results.filter((r) => r.candidates[0]?.level === 'review').length,
          },
        });
      });
    } catch (err) {
      this.o.logger.warn('screening batch failed', { batch: id, err });
      await store
        .finishBatch(this.o.db, id, {
          status: 'failed',
          done: results.length,
          results: null,
          error: (err as Error).message,
          at: this.o.clock.now(),
        })
        .catch(() => undefined);
    }
  }

  /** Progress of a batch. */
  async batch(actor: Actor, id: string): Promise<BatchView> {
    requirePermission(actor, 'screening.run');
    const b = await store.getBatch(this.o.db, id);
    if (!b || b.created_by !== auditActor(actor)) throw new NotFoundError('No such batch');
    const results = (b.results ?? []) as BatchRow[];
    return {
      id: b.id,
      status: b.status,
      total: b.total,
      done: b.done,
      purpose: b.purpose,
      createdAt: b.created_at.toISOString(),
      finishedAt: b.finished_at?.toISOString() ?? null,
      error: b.error,
      confident: results.filter((r) => r.candidates[0]?.level === 'confident').length,
      review: results.filter((r) => r.candidates[0]?.level === 'review').length,
    };
  }

  /** The results of a finished batch as CSV (one line per query, best candidate first). */
  async batchResultCsv(actor: Actor, id: string): Promise<string> {
    requirePermission(actor, 'screening.run');
    const b = await store.getBatch(this.o.db, id);
    if (!b || b.created_by !== auditActor(actor)) throw new NotFoundError('No such batch');
    if (b.status !== 'done') throw new ConflictError(`The batch is ${b.status}`, 'batch_not_done');
    return batchCsv((b.results ?? []) as BatchRow[]);
  }

  /** The results of a finished batch as JSON rows. */
  async batchResults(actor: Actor, id: string): Promise<BatchRow[]> {
    requirePermission(actor, 'screening.run');
    const b = await store.getBatch(this.o.db, id);
    if (!b || b.created_by !== auditActor(actor)) throw new NotFoundError('No such batch');
    if (b.status !== 'done') throw new ConflictError(`The batch is ${b.status}`, 'batch_not_done');
    return (b.results ?? []) as BatchRow[];
  }

  // ---- persons in received messages ---------------------------------------------------

  /**
   * Queues the persons named in a received message for screening, inside the transaction
   * that stores the message, so no message escapes it. Protected persons (victims, survivors,
   * the missing and the dead) are never screened (DESIGN §5).
   */
  async queueMessageSubjects(
    tx: Tx,
    received: { messageId: string; partner: string; entities: readonly Entity[]; receivedAt: Date },
  ): Promise<void> {
    const documents = new Map<string, string[]>();
    for (const e of received.entities) {
      if (e.kind === 'identity_document' && e.holderRef) {
        documents.set(e.holderRef, [...(documents.get(e.holderRef) ?? []), e.number]);
      }
    }
    const rows: store.NewSubjectRow[] = [];
    for (const e of received.entities) {
      if (e.kind !== 'person' || isProtectedRole(e.role)) continue;
      const names = personNames(e);
      if (names.length === 0) continue;
      rows.push({
        id: this.#newId(),
        source: 'message',
        sourceId: received.messageId,
        entityId: e.id,
        partner: received.partner,
        query: {
          names,
          ...(e.datesOfBirth[0] ? { birthDate: e.datesOfBirth[0] } : {}),
          ...(e.nationalities.length > 0 ? { nationalities: e.nationalities } : {}),
          ...(documents.has(e.id) ? { documents: documents.get(e.id) } : {}),
        },
        createdAt: received.receivedAt,
      });
    }
    await store.insertSubjects(tx, rows);
  }

  /**
   * Forgets the persons of a message (all of them, or one entity), inside the transaction
   * that purges the message or erases the person: their queued query and screening result
   * hold the person's names, birth date and documents.
   */
  async forgetMessageSubjects(tx: Tx, messageId: string, entityId?: string): Promise<number> {
    return store.deleteSubjects(tx, 'message', messageId, entityId);
  }

  /**
   * Screens queued subjects not yet screened against the active version (new ones, and all
   * of them again after a new list is imported). Returns how many were screened.
   */
  async screenPendingSubjects(): Promise<number> {
    const active = await store.getActiveList(this.o.db);
    if (!active) return 0;
    const { list, matcher } = await this.#activeMatcher();
    const thresholds = await this.#thresholds();
    return this.o.db.transaction().execute(async (tx) => {
      const subjects = await store.staleSubjects(tx, list.id, SUBJECTS_PER_ROUND);
      const at = this.o.clock.now();
      for (const s of subjects) {
        const candidates = matcher.screen(s.query as unknown as ScreenRequest['query'], {
          thresholds,
          limit: 5,
        });
        await store.setSubjectResult(tx, s.id, {
          listId: list.id,
          at,
          topScore: candidates[0]?.score ?? null,
          level: candidates[0]?.level ?? null,
          candidates,
        });
        await appendAudit(tx, this.o.clock, {
          actor: 'system',
          action: 'screening.run',
          subject: `${s.source}:${s.source_id}`,
          detail: {
            purpose: SYSTEM_PURPOSE,
            entity: s.entity_id,
            list: list.id,
            candidates: candidates.map((c) => ({ ref: c.referenceNumber, score: c.score, level: c.level })),
          },
        });
      }
      return subjects.length;
    });
  }

  /** The screening flags of the persons named in one received message (screened first if needed). */
  async messageFlags(actor: Actor, messageId: string): Promise<SubjectFlag[]> {
    requirePermission(actor, 'screening.read');
    await this.o.requireMessageVisible?.(actor, messageId);
    await this.screenPendingSubjects();
    const rows = await store.subjectsOf(this.o.db, 'message', messageId);
    return rows.map((s) => ({
      entityId: s.entity_id,
      names: ((s.query as { names?: string[] }).names ?? []) as string[],
      screenedAt: s.screened_at?.toISOString() ?? null,
      level: (s.level as SubjectFlag['level']) ?? null,
      topScore: s.top_score,
      candidates: (s.candidates ?? []) as ScreeningCandidate[],
    }));
  }

  /** Stops running batches (they are marked failed) and waits for them. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.allSettled([...this.#running.values()]);
  }

  /** Marks batches a previous process left running as failed (called at start). */
  async recoverInterrupted(): Promise<void> {
    await store.failInterruptedBatches(this.o.db, this.o.clock.now(), [...this.#running.keys()]);
  }
}

function toListView(r: store.ListRow): ListView {
  return {
    id: r.id,
    generatedAt: r.generated_at.toISOString(),
    importedAt: r.imported_at.toISOString(),
    importedBy: r.imported_by,
    sourceName: r.source_name,
    sha256: r.sha256,
    active: r.active,
    individuals: r.individuals,
    entities: r.entities,
    aliases: r.aliases,
    originalScriptNames: r.original_script_names,
    previousId: r.previous_id,
    added: r.added,
    removed: r.removed,
    amended: r.amended,
  };
}
