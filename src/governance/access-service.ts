import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import {
  appendAudit,
  type Clock,
  ConflictError,
  type Db,
  type DbOrTx,
  NotFoundError,
  ValidationError,
} from '../platform/index.js';
import {
  grantKey,
  type NeedToKnowContext,
  type NeedToKnowRecord,
  type Visibility,
  visibility,
} from './need-to-know.js';
import { type Actor, auditActor, requirePermission } from './roles.js';

/** Longest break-glass access granted at once. */
export const BREAK_GLASS_MAX_MINUTES = 240;
/** Break-glass access when no duration is asked for. */
export const BREAK_GLASS_DEFAULT_MINUTES = 60;

/** A unit id: lower-case letters, digits and hyphens. */
export const unitIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'unit id: 1–40 lower-case letters, digits or hyphens');

export const unitViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Usernames of the members. */
  members: z.array(z.string()),
});
/** A unit as the API shows it. */
export type UnitView = z.infer<typeof unitViewSchema>;

export const breakGlassRequestSchema = z.object({
  recordKind: z.enum(['message']),
  recordId: z.uuid(),
  reason: z.string().trim().min(10, 'reason: say why, in at least 10 characters').max(2000),
  minutes: z.number().int().min(5).max(BREAK_GLASS_MAX_MINUTES).optional(),
});
/** Body of `POST /break-glass`. */
export type BreakGlassRequest = z.infer<typeof breakGlassRequestSchema>;

export const breakGlassViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  recordKind: z.string(),
  recordId: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  verdict: z.enum(['justified', 'unjustified']).nullable(),
  reviewNote: z.string().nullable(),
});
/** A break-glass access as the API shows it. */
export type BreakGlassView = z.infer<typeof breakGlassViewSchema>;

export const breakGlassReviewSchema = z.object({
  verdict: z.enum(['justified', 'unjustified']),
  note: z.string().trim().min(1).max(2000),
});

/** Settings of {@link AccessService}. */
export interface AccessServiceOptions {
  db: Db;
  clock: Clock;
}

function checked<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].join('.'),
    code: i.code,
    message: i.message,
  }));
  throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * Need-to-know at run time: units and their members, the context a user's checks run in,
 * the 404-and-audit answer to a refused access, and break-glass access with its review.
 */
export class AccessService {
  constructor(private readonly o: AccessServiceOptions) {}

  /** The units and their members. */
  async listUnits(actor: Actor): Promise<UnitView[]> {
    requirePermission(actor, 'unit.read');
    const [units, members] = await Promise.all([
      this.o.db.selectFrom('units').select(['id', 'name']).orderBy('id').execute(),
      this.o.db
        .selectFrom('user_units')
        .innerJoin('users', 'users.id', 'user_units.user_id')
        .select(['user_units.unit_id', 'users.username'])
        .orderBy('users.username')
        .execute(),
    ]);
    return units.map((u) => ({
      id: u.id,
      name: u.name,
      members: members.filter((m) => m.unit_id === u.id).map((m) => m.username),
    }));
  }

  /** Creates a unit (admin). `actor` null is the node's own CLI. */
  async createUnit(actor: Actor | null, input: { id: string; name: string }): Promise<UnitView> {
    if (actor) requirePermission(actor, 'unit.manage');
    const id = checked(unitIdSchema, input.id, 'body.id');
    await this.o.db.transaction().execute(async (tx) => {
      const exists = await tx.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst();
      if (exists) throw new ConflictError(`Unit ${id} already exists`, 'unit_exists');
      await tx
        .insertInto('units')
        .values({ id, name: input.name.trim(), created_at: this.o.clock.now() })
        .execute();
      await appendAudit(tx, this.o.clock, {
        actor: actor ? auditActor(actor) : 'cli',
        action: 'unit.create',
        subject: `unit:${id}`,
        detail: { name: input.name.trim() },
      });
    });
    return { id, name: input.name.trim(), members: [] };
  }

  /** Sets the units a user belongs to (admin); replaces the previous membership. */
  async setUserUnits(actor: Actor | null, userIdOrName: string, units: string[]): Promise<string[]> {
    if (actor) requirePermission(actor, 'unit.manage');
    const wanted = [...new Set(units)].sort();
    await this.o.db.transaction().execute(async (tx) => {
      const user = await tx
        .selectFrom('users')
        .select(['id', 'username'])
        .where(z.uuid().safeParse(userIdOrName).success ? 'id' : 'username', '=', userIdOrName)
        .executeTakeFirst();
      if (!user) throw new NotFoundError('No such user');
      if (wanted.length > 0) {
        const known = await tx.selectFrom('units').select('id').where('id', 'in', wanted).execute();
        const missing = wanted.filter((u) => !known.some((k) => k.id === u));
        if (missing.length > 0) {
          throw new ValidationError(
            `Unknown unit: ${missing.join(', ')}`,
            missing.map((u) => ({ path: 'body.units', code: 'unknown_unit', message: `No unit ${u}` })),
          );
        }
      }
      await tx.deleteFrom('user_units').where('user_id', '=', user.id).execute();
      if (wanted.length > 0) {
        await tx
          .insertInto('user_units')
          .values(wanted.map((unit_id) => ({ user_id: user.id, unit_id })))
          .execute();
      }
      await appendAudit(tx, this.o.clock, {
        actor: actor ? auditActor(actor) : 'cli',
        action: 'user.units',
        subject: `user:${user.username}`,
        detail: { units: wanted },
      });
    });
    return wanted;
  }

  /** The units a user belongs to. */
  async unitsOf(db: DbOrTx, userId: string): Promise<string[]> {
    const rows = await db.selectFrom('user_units').select('unit_id').where('user_id', '=', userId).execute();
    return rows.map((r) => r.unit_id).sort();
  }

  /** What need-to-know knows about the actor right now: units and active grants. */
  async contextFor(actor: Actor, db: DbOrTx = this.o.db): Promise<NeedToKnowContext> {
    const now = this.o.clock.now();
    // One round trip: it is paid by every read of a record.
    const { rows } = await sql<{ units: string[]; grants: string[]; cases: string[] }>`select
      array(select unit_id from user_units where user_id = ${actor.userId} order by unit_id) as units,
      array(select record_kind || ':' || record_id from break_glass
        where user_id = ${actor.userId} and expires_at > ${now}) as grants,
      array(select case_id from case_members where username = ${actor.username}) as cases`.execute(db);
    const row = rows[0]!;
    return {
      userId: actor.userId,
      username: actor.username,
      units: new Set(row.units),
      cases: new Set(row.cases),
      incidents: new Set(),
      grants: new Set(row.grants),
    };
  }

  /**
   * Returns why the actor may see the record, or audits the refused access (in its own
   * transaction, committed although the request fails) and throws 404 as if the record did
   * not exist. Call it outside any open transaction.
   */
  async requireVisible(
    actor: Actor,
    record: NeedToKnowRecord,
    ctx?: NeedToKnowContext,
  ): Promise<Extract<Visibility, { visible: true }>> {
    const v = visibility(ctx ?? (await this.contextFor(actor)), record);
    if (v.visible) return v;
    await this.auditDenied(actor, record);
    throw new NotFoundError(`No such ${record.kind}`);
  }

  /** Audits an access refused by need-to-know. */
  async auditDenied(actor: Actor, record: Pick<NeedToKnowRecord, 'kind' | 'id'>): Promise<void> {
    await this.o.db.transaction().execute(async (tx) => {
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'access.denied',
        subject: grantKey(record),
        detail: { reason: 'need_to_know' },
      });
    });
  }

  /**
   * Opens an emergency access to one record outside the actor's need-to-know: a reason is
   * required, the access ends after `minutes`, the DPO is notified at once and reviews it.
   */
  async breakGlass(actor: Actor, input: BreakGlassRequest): Promise<BreakGlassView> {
    requirePermission(actor, 'breakglass.open');
    const req = checked(breakGlassRequestSchema, input, 'body');
    const now = this.o.clock.now();
    const minutes = req.minutes ?? BREAK_GLASS_DEFAULT_MINUTES;
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    const id = randomUUID();
    await this.o.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('break_glass')
        .values({
          id,
          user_id: actor.userId,
          username: actor.username,
          record_kind: req.recordKind,
          record_id: req.recordId,
          reason: req.reason,
          created_at: now,
          expires_at: expiresAt,
          reviewed_at: null,
          reviewed_by: null,
          review_verdict: null,
          review_note: null,
        })
        .execute();
      // The DPO's notification: the federation's notification table, audience `dpo`.
      await tx
        .insertInto('notifications')
        .values({
          id: randomUUID(),
          audience: 'dpo',
          kind: 'break_glass',
          title: `Break-glass access by ${actor.username}`,
          detail: `${req.recordKind} ${req.recordId} for ${minutes} min: ${req.reason}`,
          subject: `break-glass:${id}`,
          at: now,
          read_at: null,
          read_by: null,
        })
        .execute();
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'access.break_glass',
        subject: `${req.recordKind}:${req.recordId}`,
        detail: { grant: id, reason: req.reason, minutes, expiresAt: expiresAt.toISOString() },
      });
    });
    return (await this.#grant(id))!;
  }

  /** Break-glass accesses, newest first; `unreviewed` only those the DPO has not judged. */
  async listBreakGlass(actor: Actor, filter: { unreviewed?: boolean } = {}): Promise<BreakGlassView[]> {
    requirePermission(actor, 'breakglass.review');
    let q = this.o.db.selectFrom('break_glass').selectAll();
    if (filter.unreviewed) q = q.where('reviewed_at', 'is', null);
    const rows = await q.orderBy('created_at', 'desc').limit(500).execute();
    return rows.map(toBreakGlassView);
  }

  /** Number of break-glass accesses awaiting review (DPO dashboard). */
  async countUnreviewedBreakGlass(actor: Actor): Promise<number> {
    requirePermission(actor, 'breakglass.review');
    const row = await this.o.db
      .selectFrom('break_glass')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reviewed_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The DPO's judgement of a break-glass access; an unjustified one ends at once. */
  async reviewBreakGlass(
    actor: Actor,
    id: string,
    input: z.infer<typeof breakGlassReviewSchema>,
  ): Promise<BreakGlassView> {
    requirePermission(actor, 'breakglass.review');
    const now = this.o.clock.now();
    await this.o.db.transaction().execute(async (tx) => {
      const g = await tx
        .selectFrom('break_glass')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!g) throw new NotFoundError('No such break-glass access');
      if (g.reviewed_at) throw new ConflictError('This access was already reviewed', 'already_reviewed');
      await tx
        .updateTable('break_glass')
        .set({
          reviewed_at: now,
          reviewed_by: auditActor(actor),
          review_verdict: input.verdict,
          review_note: input.note,
          ...(input.verdict === 'unjustified' && new Date(g.expires_at) > now ? { expires_at: now } : {}),
        })
        .where('id', '=', id)
        .execute();
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'access.break_glass_review',
        subject: `break-glass:${id}`,
        detail: {
          verdict: input.verdict,
          note: input.note,
          user: g.username,
          record: `${g.record_kind}:${g.record_id}`,
        },
      });
    });
    return (await this.#grant(id))!;
  }

  async #grant(id: string): Promise<BreakGlassView | undefined> {
    const row = await this.o.db.selectFrom('break_glass').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toBreakGlassView(row) : undefined;
  }
}

function toBreakGlassView(r: {
  id: string;
  username: string;
  record_kind: string;
  record_id: string;
  reason: string;
  created_at: Date;
  expires_at: Date;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_verdict: string | null;
  review_note: string | null;
}): BreakGlassView {
  return {
    id: r.id,
    username: r.username,
    recordKind: r.record_kind,
    recordId: r.record_id,
    reason: r.reason,
    createdAt: iso(r.created_at)!,
    expiresAt: iso(r.expires_at)!,
    reviewedAt: iso(r.reviewed_at),
    reviewedBy: r.reviewed_by,
    verdict: r.review_verdict as BreakGlassView['verdict'],
    reviewNote: r.review_note,
  };
}
