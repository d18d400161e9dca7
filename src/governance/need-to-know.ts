/**
 * Need-to-know on top of roles (DESIGN §8). A role says what kind of record a user may
 * handle at all (`message.read`); need-to-know says which of those records: the ones
 * addressed to the user, to a unit the user belongs to, or to a case or incident the user
 * works on. Every feature module asks the same two questions through this file:
 *
 * - {@link canSee} for one record already loaded (then {@link AccessService.requireVisible},
 *   which answers 404 and audits the attempt when the answer is no);
 * - {@link visibleCondition} for a listing, as a SQL condition, so that records outside the
 *   user's need-to-know are never read from the database at all.
 *
 * The rules, in order:
 * 1. The author of a record on this node sees it.
 * 2. An active break-glass grant for this record lets the user see it (audited, reviewed).
 * 3. Restricted material (handling code H3, TLP:RED) is seen only by its addressees: the
 *    named officers when there are any, otherwise the members of the addressed unit.
 *    TLP:RED is meant for named recipients; a record without them is held by the unit it
 *    was routed to (the reception desk) until someone routes it.
 * 4. Other records addressed to a unit, named officers, a case or an incident are seen by
 *    the members of that unit, those officers, and the case's or incident's members.
 * 5. Other records addressed to nobody in particular belong to the whole organisation.
 *
 * TLP:AMBER+STRICT limits a record to the receiving organisation: inside the node it follows
 * rules 4–5; it never leaves the node again (onward transmission is refused by the module
 * that would send it).
 */
import { type Expression, type SqlBool, sql } from 'kysely';

/** What need-to-know looks at in a record. */
export interface NeedToKnowRecord {
  /** Kind of record (`message`, `case`, `incident`…), the key of break-glass grants. */
  kind: string;
  id: string;
  /** Unit of this node the record belongs to; null: the whole organisation. */
  unit: string | null;
  /** Usernames of the officers it is addressed to by name. */
  officers: readonly string[];
  tlp: string | null;
  handlingCode: string | null;
  /** Author on this node as the audit names it (`user:<name>`), or null (received). */
  createdBy: string | null;
  caseId?: string | null;
  incidentId?: string | null;
}

/** What need-to-know knows about the user (loaded by {@link AccessService.contextFor}). */
export interface NeedToKnowContext {
  userId: string;
  username: string;
  units: ReadonlySet<string>;
  cases: ReadonlySet<string>;
  incidents: ReadonlySet<string>;
  /** `kind:id` of every record the user holds an active break-glass grant for. */
  grants: ReadonlySet<string>;
}

/** Why a record is visible, or that it is not. */
export type Visibility =
  | { visible: true; via: 'author' | 'addressee' | 'unit' | 'case' | 'organisation' | 'break_glass' }
  | { visible: false };

/** Handling code H3 and TLP:RED restrict a record to its addressees. */
export function isRestricted(record: Pick<NeedToKnowRecord, 'tlp' | 'handlingCode'>): boolean {
  return record.handlingCode === 'H3' || record.tlp === 'RED';
}

/** The key of a break-glass grant on a record. */
export function grantKey(record: Pick<NeedToKnowRecord, 'kind' | 'id'>): string {
  return `${record.kind}:${record.id}`;
}

/** Decides whether the user may see the record, and on which ground. */
export function visibility(ctx: NeedToKnowContext, record: NeedToKnowRecord): Visibility {
  const addressed = addresseeGround(ctx, record);
  if (record.createdBy === `user:${ctx.username}`) return { visible: true, via: 'author' };
  if (addressed) return { visible: true, via: addressed };
  if (ctx.grants.has(grantKey(record))) return { visible: true, via: 'break_glass' };
  return { visible: false };
}

/** True when the user may see the record. */
export function canSee(ctx: NeedToKnowContext, record: NeedToKnowRecord): boolean {
  return visibility(ctx, record).visible;
}

/**
 * True when the user is among those the record is addressed to (not merely its author or a
 * break-glass reader): only an addressee's opening counts as the record being read.
 */
export function isAddressee(ctx: NeedToKnowContext, record: NeedToKnowRecord): boolean {
  return addresseeGround(ctx, record) !== null;
}

function addresseeGround(
  ctx: NeedToKnowContext,
  r: NeedToKnowRecord,
): 'addressee' | 'unit' | 'case' | 'organisation' | null {
  if (r.officers.includes(ctx.username)) return 'addressee';
  const inUnit = r.unit !== null && ctx.units.has(r.unit);
  if (isRestricted(r)) return r.officers.length === 0 && inUnit ? 'unit' : null;
  if (inUnit) return 'unit';
  if ((r.caseId && ctx.cases.has(r.caseId)) || (r.incidentId && ctx.incidents.has(r.incidentId)))
    return 'case';
  const addressedToSomeone = r.unit !== null || r.officers.length > 0 || !!r.caseId || !!r.incidentId;
  return addressedToSomeone ? null : 'organisation';
}

/** Column names of a table's need-to-know fields, for {@link visibleCondition}. */
export interface NeedToKnowColumns {
  /** Kind of record the table holds (a constant, the break-glass key). */
  kind: string;
  id: string;
  unit: string;
  /** A `text[]` column of usernames. */
  officers: string;
  tlp: string;
  handlingCode: string;
  createdBy: string;
}

/**
 * The same rules as {@link canSee} as a SQL condition on a table's columns, for listings:
 * records outside the user's need-to-know are filtered in the database. (Case and incident
 * membership join this condition when those modules add their membership tables.)
 */
export function visibleCondition(
  user: { userId: string; username: string },
  cols: NeedToKnowColumns,
  now: Date,
): Expression<SqlBool> {
  const ref = sql.ref;
  const officers = ref(cols.officers);
  const unit = ref(cols.unit);
  const inUnit = sql<boolean>`(${unit} is not null and ${unit} in (select unit_id from user_units where user_id = ${user.userId}))`;
  const restricted = sql<boolean>`(coalesce(${ref(cols.handlingCode)}, '') = 'H3' or coalesce(${ref(cols.tlp)}, '') = 'RED')`;
  return sql<SqlBool>`(
    ${ref(cols.createdBy)} = ${`user:${user.username}`}
    or ${user.username} = any(${officers})
    or exists (select 1 from break_glass bg where bg.user_id = ${user.userId}
      and bg.record_kind = ${cols.kind} and bg.record_id = ${ref(cols.id)}::text and bg.expires_at > ${now})
    or (${restricted} and cardinality(${officers}) = 0 and ${inUnit})
    or (not ${restricted} and (${inUnit} or (${unit} is null and cardinality(${officers}) = 0)))
  )`;
}
