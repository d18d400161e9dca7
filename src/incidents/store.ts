// Queries of the incidents module: plain functions taking the database first.
import type { Selectable } from 'kysely';
import type { DatabaseSchema, DbOrTx } from '../platform/index.js';
import type { IomIncident } from './iom-csv.js';
import type {
  AnteMortemForm,
  AnteMortemView,
  ImportView,
  IncidentType,
  IncidentView,
  PostMortemForm,
  PostMortemView,
  SurvivorForm,
  SurvivorView,
} from './schema.js';

export type IncidentRow = Selectable<DatabaseSchema['incidents']>;
export type PostMortemRow = Selectable<DatabaseSchema['dvi_post_mortem']>;
export type AnteMortemRow = Selectable<DatabaseSchema['dvi_ante_mortem']>;
export type SurvivorRow = Selectable<DatabaseSchema['dvi_survivors']>;
export type ImportRow = Selectable<DatabaseSchema['iom_imports']>;
export type IdentificationRow = Selectable<DatabaseSchema['dvi_identifications']>;
export type TransferRow = Selectable<DatabaseSchema['dvi_transfers']>;

const iso = (d: Date) => new Date(d).toISOString();

/** The API view of an incident row. */
export function incidentView(r: IncidentRow, onTeam: boolean): IncidentView {
  return {
    id: r.id,
    iomId: r.iom_id,
    iomMainId: r.iom_main_id,
    type: r.type as IncidentType,
    date: r.incident_date,
    year: r.year,
    place: r.place,
    country: r.country,
    region: r.region,
    latitude: r.latitude,
    longitude: r.longitude,
    departurePlace: r.departure_place,
    departureDate: r.departure_date,
    vessel: r.vessel,
    route: r.route,
    aboard: r.aboard,
    dead: r.dead,
    missing: r.missing,
    survivors: r.survivors,
    originCountries: r.origin_countries,
    cause: r.cause,
    rescueService: r.rescue_service,
    rescueCaseNumber: r.rescue_case_number,
    sources: r.sources,
    jointCaseId: r.joint_case_id,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    onTeam,
  };
}

export function pmView(r: PostMortemRow): PostMortemView {
  return {
    id: r.id,
    incidentId: r.incident_id,
    reference: r.reference,
    synthetic: r.synthetic,
    form: r.form as unknown as PostMortemForm,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function amView(r: AnteMortemRow): AnteMortemView {
  return {
    id: r.id,
    incidentId: r.incident_id,
    reference: r.reference,
    synthetic: r.synthetic,
    partner: r.partner,
    form: r.form as unknown as AnteMortemForm,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function survivorView(r: SurvivorRow): SurvivorView {
  return {
    id: r.id,
    incidentId: r.incident_id,
    reference: r.reference,
    synthetic: r.synthetic,
    role: 'victim',
    form: r.form as unknown as SurvivorForm,
    createdAt: iso(r.created_at),
  };
}

export function importView(r: ImportRow): ImportView {
  return {
    id: r.id,
    fileName: r.file_name,
    layout: r.layout as ImportView['layout'],
    status: r.status,
    bytesTotal: r.bytes_total,
    bytesRead: r.bytes_read,
    rowsRead: r.rows_read,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    errorCount: r.error_count,
    errors: r.errors,
    failure: r.failure,
    startedAt: iso(r.started_at),
    finishedAt: r.finished_at ? iso(r.finished_at) : null,
  };
}

export async function getIncident(db: DbOrTx, id: string): Promise<IncidentRow | undefined> {
  return db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findIncidentByIomId(db: DbOrTx, iomId: string): Promise<IncidentRow | undefined> {
  return db.selectFrom('incidents').selectAll().where('iom_id', '=', iomId).executeTakeFirst();
}

/** The incidents whose DVI team the user is on. */
export async function teamIncidents(db: DbOrTx, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('incident_members')
    .select('incident_id')
    .where('user_id', '=', userId)
    .execute();
  return new Set(rows.map((r) => r.incident_id));
}

/** The registry columns an IOM row sets (the others belong to the officers). */
export function iomColumns(i: IomIncident) {
  return {
    iom_main_id: i.mainId,
    type: i.type,
    incident_date: i.date,
    year: i.year,
    place: i.place,
    country: i.country,
    region: i.region,
    latitude: i.latitude,
    longitude: i.longitude,
    departure_place: i.departurePlace,
    departure_date: i.departureDate,
    route: i.route,
    dead: i.dead,
    missing: i.missing,
    survivors: i.survivors,
    origin_countries: i.originCountries,
    cause: i.cause,
    sources: JSON.stringify(i.sources),
  };
}

/** True when the stored row already holds exactly what the IOM row says. */
export function sameAsIom(r: IncidentRow, i: IomIncident): boolean {
  const c = iomColumns(i);
  return (
    r.iom_main_id === c.iom_main_id &&
    r.type === c.type &&
    r.incident_date === c.incident_date &&
    r.year === c.year &&
    r.place === c.place &&
    r.country === c.country &&
    r.region === c.region &&
    r.latitude === c.latitude &&
    r.longitude === c.longitude &&
    r.departure_place === c.departure_place &&
    r.departure_date === c.departure_date &&
    r.route === c.route &&
    r.dead === c.dead &&
    r.missing === c.missing &&
    r.survivors === c.survivors &&
    r.cause === c.cause &&
    r.origin_countries.join('\n') === c.origin_countries.join('\n') &&
    JSON.stringify(r.sources) === c.sources
  );
}
