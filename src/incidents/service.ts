/**
 * The incident registry: incidents recorded by officers or imported from IOM Missing
 * Migrants exports (re-imports update by IOM incident id), statistics for the charts, and the
 * DVI team of each incident, which need-to-know uses for the victim identification records.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { sql } from 'kysely';
import {
  type AccessService,
  type Actor,
  auditActor,
  can,
  type NeedToKnowContext,
  type NeedToKnowRecord,
  requirePermission,
} from '../governance/index.js';
import {
  ApiError,
  appendAudit,
  type Clock,
  ConflictError,
  type Db,
  type DbOrTx,
  type Logger,
  NotFoundError,
  ValidationError,
} from '../platform/index.js';
import { type IomRowResult, readIomCsv } from './iom-csv.js';
import type { ImportView, IncidentInput, IncidentStats, IncidentView } from './schema.js';
import * as store from './store.js';

/** Rows written per transaction during an import (and between two progress updates). */
const IMPORT_BATCH = 250;
/** Row errors kept with an import (all are counted). */
const MAX_KEPT_ERRORS = 500;

/** Dependencies of {@link IncidentService}. */
export interface IncidentServiceOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  access: AccessService;
}

/** A point of the incident map. */
export interface IncidentMapPoint {
  id: string;
  iomId: string | null;
  date: string;
  latitude: number;
  longitude: number;
  deadAndMissing: number;
  place: string;
}

/** Filters of {@link IncidentService.list}. */
export interface IncidentFilter {
  q?: string | undefined;
  year?: number | undefined;
  route?: string | undefined;
  origin?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The need-to-know record of an incident's DVI data: its team only (DESIGN §8). */
export function incidentRecord(id: string): NeedToKnowRecord {
  return {
    kind: 'incident',
    id,
    unit: null,
    officers: [],
    tlp: null,
    handlingCode: null,
    createdBy: null,
    incidentId: id,
  };
}

export class IncidentService {
  readonly #running = new Map<string, Promise<void>>();
  #stopping = false;

  constructor(readonly o: IncidentServiceOptions) {}

  /** Need-to-know of the actor, with the incidents whose DVI team they are on. */
  async contextFor(actor: Actor, db: DbOrTx = this.o.db): Promise<NeedToKnowContext> {
    const [ctx, incidents] = await Promise.all([
      this.o.access.contextFor(actor, db),
      store.teamIncidents(db, actor.userId),
    ]);
    return { ...ctx, incidents };
  }

  /**
   * The incident, when the actor may handle its DVI records (dvi role and on its team, or a
   * break-glass grant); otherwise 403 (role) or 404 (need-to-know, audited).
   */
  async requireTeam(actor: Actor, incidentId: string, permission: 'dvi.read' | 'dvi.write' = 'dvi.read') {
    requirePermission(actor, permission);
    const row = await this.#get(incidentId);
    await this.o.access.requireVisible(actor, incidentRecord(row.id), await this.contextFor(actor));
    return row;
  }

  async #get(id: string): Promise<store.IncidentRow> {
    const row = await store.getIncident(this.o.db, id);
    if (!row) throw new NotFoundError('No such incident');
    return row;
  }

  /** Incidents, newest first, with the registry's filters. */
  async list(actor: Actor, filter: IncidentFilter): Promise<{ incidents: IncidentView[]; total: number }> {
    requirePermission(actor, 'incident.read');
    let q = this.o.db.selectFrom('incidents');
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([eb('place', 'ilike', like), eb('iom_id', 'ilike', like), eb('vessel', 'ilike', like)]),
      );
    }
    if (filter.year !== undefined) q = q.where('year', '=', filter.year);
    if (filter.route) q = q.where('route', '=', filter.route);
    if (filter.origin) q = q.where(sql<boolean>`${filter.origin} = any(origin_countries)`);
    const [rows, total, team] = await Promise.all([
      q
        .selectAll()
        .orderBy('incident_date', 'desc')
        .orderBy('iom_id', 'desc')
        .limit(filter.limit ?? 200)
        .offset(filter.offset ?? 0)
        .execute(),
      q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      store.teamIncidents(this.o.db, actor.userId),
    ]);
    return { incidents: rows.map((r) => store.incidentView(r, team.has(r.id))), total: Number(total.n) };
  }

  /** One incident of the registry. */
  async get(actor: Actor, id: string): Promise<IncidentView> {
    requirePermission(actor, 'incident.read');
    const row = await this.#get(id);
    const team = await store.teamIncidents(this.o.db, actor.userId);
    return store.incidentView(row, team.has(id));
  }

  /** Every located incident, compactly, for the map. */
  async mapPoints(actor: Actor): Promise<IncidentMapPoint[]> {
    requirePermission(actor, 'incident.read');
    const rows = await this.o.db
      .selectFrom('incidents')
      .select(['id', 'iom_id', 'incident_date', 'latitude', 'longitude', 'dead', 'missing', 'place'])
      .where('latitude', 'is not', null)
      .where('longitude', 'is not', null)
      .orderBy('incident_date', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      iomId: r.iom_id,
      date: r.incident_date,
      latitude: r.latitude!,
      longitude: r.longitude!,
      deadAndMissing: (r.dead ?? 0) + (r.missing ?? 0),
      place: r.place,
    }));
  }

  /** Incidents and dead and missing by year, route and origin country. */
  async stats(actor: Actor): Promise<IncidentStats> {
    requirePermission(actor, 'incident.read');
    const db = this.o.db;
    const toRows = (
      rows: Array<{ key: string | number | null; incidents: string | number; dm: string | number | null }>,
    ) =>
      rows.map((r) => ({
        key: String(r.key ?? 'unknown'),
        incidents: Number(r.incidents),
        deadAndMissing: Number(r.dm ?? 0),
      }));
    const dm = sql<number>`sum(coalesce(dead, 0) + coalesce(missing, 0))`;
    const [total, byYear, byRoute, byOrigin] = await Promise.all([
      db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('incidents')
        .select(['year as key', (eb) => eb.fn.countAll<string>().as('incidents'), dm.as('dm')])
        .groupBy('year')
        .orderBy('year')
        .execute(),
      db
        .selectFrom('incidents')
        .select(['route as key', (eb) => eb.fn.countAll<string>().as('incidents'), dm.as('dm')])
        .groupBy('route')
        .orderBy('dm', 'desc')
        .execute(),
      sql<{ key: string; incidents: string; dm: string }>`
        select o.key, count(*) as incidents, sum(coalesce(i.dead, 0) + coalesce(i.missing, 0)) as dm
        from incidents i cross join lateral unnest(i.origin_countries) as o(key)
        group by o.key order by dm desc limit 25`.execute(db),
    ]);
    return {
      total: Number(total.n),
      byYear: toRows(byYear),
      byRoute: toRows(byRoute),
      byOrigin: toRows(byOrigin.rows),
    };
  }

  /** Records an incident by hand; a DVI officer who records it joins its team. */
  async create(actor: Actor, input: IncidentInput): Promise<IncidentView> {
    requirePermission(actor, 'incident.manage');
    const id = randomUUID();
    const now = this.o.clock.now();
    await this.o.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('incidents')
        .values({
          id,
          iom_id: null,
          iom_main_id: null,
          ...columnsOf(input),
          created_by: auditActor(actor),
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (actor.roles.includes('dvi'))
        await this.#addMember(tx, id, actor, actor.userId, actor.username, now);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'incident.create',
        subject: `incident:${id}`,
        detail: { type: input.type, date: input.date, place: input.place },
      });
    });
    return this.get(actor, id);
  }

  /** Changes an incident's registry fields (an imported one keeps its IOM id). */
  async update(actor: Actor, id: string, input: IncidentInput): Promise<IncidentView> {
    requirePermission(actor, 'incident.manage');
    await this.#get(id);
    // IOM's region and cause are not the officers' to change.
    const { region: _region, cause: _cause, ...columns } = columnsOf(input);
    await this.o.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('incidents')
        .set({ ...columns, updated_at: this.o.clock.now() })
        .where('id', '=', id)
        .execute();
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'incident.update',
        subject: `incident:${id}`,
        detail: { fields: Object.keys(input).sort() },
      });
    });
    return this.get(actor, id);
  }

  /** The DVI team of an incident. */
  async members(
    actor: Actor,
    id: string,
  ): Promise<Array<{ username: string; addedBy: string; addedAt: string }>> {
    await this.requireTeam(actor, id);
    const rows = await this.o.db
      .selectFrom('incident_members')
      .selectAll()
      .where('incident_id', '=', id)
      .orderBy('username')
      .execute();
    return rows.map((r) => ({
      username: r.username,
      addedBy: r.added_by,
      addedAt: new Date(r.added_at).toISOString(),
    }));
  }

  /**
   * Adds a user with the dvi role to the incident's team: an administrator, or a DVI officer
   * already on it, may do so.
   */
  async addMember(actor: Actor, id: string, username: string): Promise<void> {
    requirePermission(actor, 'incident.team');
    await this.#get(id);
    if (!can(actor, 'user.manage')) await this.requireTeam(actor, id);
    const user = await this.o.db
      .selectFrom('users')
      .select(['id', 'username', 'roles', 'disabled'])
      .where('username', '=', username)
      .executeTakeFirst();
    if (!user || user.disabled) throw new NotFoundError('No such user');
    if (!user.roles.includes('dvi'))
      throw new ConflictError('Only users with the dvi role join a DVI team', 'not_dvi');
    await this.o.db.transaction().execute(async (tx) => {
      await this.#addMember(tx, id, actor, user.id, user.username, this.o.clock.now());
    });
  }

  async #addMember(tx: DbOrTx, id: string, actor: Actor, userId: string, username: string, at: Date) {
    const added = await tx
      .insertInto('incident_members')
      .values({ incident_id: id, user_id: userId, username, added_by: auditActor(actor), added_at: at })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0) {
      await appendAudit(tx as Parameters<typeof appendAudit>[0], this.o.clock, {
        actor: auditActor(actor),
        action: 'incident.team.add',
        subject: `incident:${id}`,
        detail: { username },
      });
    }
  }

  // --- IOM import ----------------------------------------------------------------------------

  /**
   * Starts importing an IOM Missing Migrants CSV (either layout, gzip or plain); the rows are
   * read as a stream in the background and the import's progress is read with
   * {@link importStatus}. Rows in error are reported with their line, the others applied.
   */
  async startImport(
    actor: Actor,
    input: { bytes: Buffer; fileName: string; gzip: boolean },
  ): Promise<ImportView> {
    requirePermission(actor, 'incident.manage');
    if (input.bytes.length === 0) throw new ValidationError('The file is empty');
    const id = randomUUID();
    const now = this.o.clock.now();
    await this.o.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('iom_imports')
        .values({
          id,
          file_name: input.fileName,
          layout: null,
          status: 'running',
          bytes_total: input.bytes.length,
          bytes_read: 0,
          rows_read: 0,
          created: 0,
          updated: 0,
          unchanged: 0,
          error_count: 0,
          errors: '[]',
          failure: null,
          started_by: auditActor(actor),
          started_at: now,
          finished_at: null,
        })
        .execute();
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'incident.import.start',
        subject: `iom_import:${id}`,
        detail: { file: input.fileName, bytes: input.bytes.length },
      });
    });
    const job = this.#runImport(id, actor, input).finally(() => this.#running.delete(id));
    this.#running.set(id, job);
    return this.importStatus(actor, id);
  }

  /** Progress and outcome of an import. */
  async importStatus(actor: Actor, id: string): Promise<ImportView> {
    requirePermission(actor, 'incident.manage');
    const row = await this.o.db.selectFrom('iom_imports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('No such import');
    return store.importView(row);
  }

  /** Imports, newest first. */
  async imports(actor: Actor): Promise<ImportView[]> {
    requirePermission(actor, 'incident.manage');
    const rows = await this.o.db
      .selectFrom('iom_imports')
      .selectAll()
      .orderBy('started_at', 'desc')
      .limit(50)
      .execute();
    return rows.map(store.importView);
  }

  async #runImport(id: string, actor: Actor, input: { bytes: Buffer; gzip: boolean }): Promise<void> {
    const progress = { bytesRead: 0, rows: 0, created: 0, updated: 0, unchanged: 0, errorCount: 0 };
    const errors: Array<{ line: number; iomId: string | null; message: string }> = [];
    let layout: string | null = null;
    const source = Readable.from(
      chunksOf(input.bytes, 64 * 1024, (n) => {
        progress.bytesRead += n;
      }),
    );
    const text = (input.gzip ? source.pipe(createGunzip()) : source).setEncoding('utf8');
    let batch: Array<{ line: number; result: IomRowResult }> = [];
    const flush = async (done: boolean) => {
      const rows = batch;
      batch = [];
      await this.o.db.transaction().execute(async (tx) => {
        let created = 0;
        let updated = 0;
        const incidents = rows.flatMap(({ line, result }) => {
          if (result.ok) return [result.incident];
          progress.errorCount++;
          if (errors.length < MAX_KEPT_ERRORS)
            errors.push({ line, iomId: result.iomId, message: result.message });
          return [];
        });
        // The same id twice in one batch: the later row wins, as it would in two imports.
        const latest = new Map(incidents.map((i) => [i.iomId, i]));
        const existing =
          latest.size === 0
            ? []
            : await tx
                .selectFrom('incidents')
                .selectAll()
                .where('iom_id', 'in', [...latest.keys()])
                .execute();
        const byIomId = new Map(existing.map((r) => [r.iom_id!, r]));
        const now = this.o.clock.now();
        const fresh = [];
        for (const i of latest.values()) {
          const row = byIomId.get(i.iomId);
          if (!row) {
            fresh.push({
              id: randomUUID(),
              iom_id: i.iomId,
              ...store.iomColumns(i),
              vessel: null,
              aboard: null,
              rescue_service: null,
              rescue_case_number: null,
              joint_case_id: null,
              created_by: auditActor(actor),
              created_at: now,
              updated_at: now,
            });
          } else if (store.sameAsIom(row, i)) progress.unchanged++;
          else {
            await tx
              .updateTable('incidents')
              .set({ ...store.iomColumns(i), updated_at: now })
              .where('id', '=', row.id)
              .execute();
            updated++;
          }
        }
        if (fresh.length > 0) await tx.insertInto('incidents').values(fresh).execute();
        created = fresh.length;
        progress.created += created;
        progress.updated += updated;
        await tx
          .updateTable('iom_imports')
          .set({
            layout,
            bytes_read: progress.bytesRead,
            rows_read: progress.rows,
            created: progress.created,
            updated: progress.updated,
            unchanged: progress.unchanged,
            error_count: progress.errorCount,
            errors: JSON.stringify(errors),
            ...(done ? { status: 'done' as const, finished_at: this.o.clock.now() } : {}),
          })
          .where('id', '=', id)
          .execute();
        if (created + updated > 0 || done) {
          await appendAudit(tx, this.o.clock, {
            actor: auditActor(actor),
            action: done ? 'incident.import.done' : 'incident.import.batch',
            subject: `iom_import:${id}`,
            detail: done ? { ...progress, layout } : { created, updated },
          });
        }
      });
    };
    try {
      for await (const event of readIomCsv(text)) {
        if (this.#stopping) throw new Error('the node is stopping');
        if (event.kind === 'layout') {
          layout = event.layout;
          continue;
        }
        progress.rows++;
        batch.push(event);
        if (batch.length >= IMPORT_BATCH) await flush(false);
      }
      await flush(true);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.o.logger.warn('IOM import failed', { import: id, err });
      await this.o.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('iom_imports')
          .set({
            status: 'failed',
            failure: message.slice(0, 1000),
            finished_at: this.o.clock.now(),
            errors: JSON.stringify(errors),
          })
          .where('id', '=', id)
          .execute();
        await appendAudit(tx, this.o.clock, {
          actor: auditActor(actor),
          action: 'incident.import.failed',
          subject: `iom_import:${id}`,
          detail: { failure: message.slice(0, 300), rows: progress.rows },
        });
      });
    }
  }

  /** Waits for the imports running in this process (tests, shutdown). */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.allSettled([...this.#running.values()]);
  }

  /** Marks imports a previous process left running as interrupted (called at start). */
  async recoverInterrupted(): Promise<void> {
    const running = [...this.#running.keys()];
    let q = this.o.db
      .updateTable('iom_imports')
      .set({ status: 'interrupted', finished_at: this.o.clock.now() })
      .where('status', '=', 'running');
    if (running.length > 0) q = q.where('id', 'not in', running);
    await q.execute();
  }
}

function* chunksOf(bytes: Buffer, size: number, onChunk: (n: number) => void): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) {
    const chunk = bytes.subarray(at, at + size);
    onChunk(chunk.length);
    yield chunk;
  }
}

function columnsOf(input: IncidentInput) {
  return {
    type: input.type,
    incident_date: input.date,
    year: Number(input.date.slice(0, 4)),
    place: input.place,
    country: input.country ?? null,
    region: null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    departure_place: input.departurePlace ?? null,
    departure_date: input.departureDate ?? null,
    vessel: input.vessel ?? null,
    route: input.route ?? null,
    aboard: input.aboard ?? null,
    dead: input.dead ?? null,
    missing: input.missing ?? null,
    survivors: input.survivors ?? null,
    origin_countries: input.originCountries ?? [],
    cause: null,
    rescue_service: input.rescueService ?? null,
    rescue_case_number: input.rescueCaseNumber ?? null,
    sources: JSON.stringify(input.sources ?? []),
    joint_case_id: input.jointCaseId ?? null,
  };
}

/** Thrown when an uploaded body is over the import limit. */
export function importTooLarge(limit: number): ApiError {
  return new ApiError(413, 'payload_too_large', `The file is over ${limit} bytes`);
}
