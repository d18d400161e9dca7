import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  appendAudit,
  type Clock,
  type Db,
  type DbOrTx,
  NotFoundError,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import { DATA_CATEGORIES, type SharingPolicy } from './outgoing-review.js';
import { type Actor, auditActor, requirePermission } from './roles.js';

export const sharingPolicyRequestSchema = z.object({
  partner: z.string().min(2).max(63),
  crimeArea: z.string().min(1).max(60).nullable().default(null),
  maxHandlingCode: z.enum(['H0', 'H1', 'H2', 'H3']),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).min(1),
  /** The documented reason: agreement, article, scope. */
  description: z.string().trim().min(10).max(2000),
});

export const sharingPolicyViewSchema = z.object({
  id: z.string(),
  partner: z.string(),
  crimeArea: z.string().nullable(),
  maxHandlingCode: z.string(),
  dataCategories: z.array(z.string()),
  description: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
/** A sharing policy as the API shows it. */
export type SharingPolicyView = z.infer<typeof sharingPolicyViewSchema>;

/** Active policies for a partner, as the outgoing review reads them. */
export async function activeSharingPolicies(db: DbOrTx, partner: string): Promise<SharingPolicy[]> {
  const rows = await db
    .selectFrom('sharing_policies')
    .selectAll()
    .where('partner', '=', partner)
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    partner: r.partner,
    crimeArea: r.crime_area,
    maxHandlingCode: r.max_handling_code,
    dataCategories: r.data_categories,
  }));
}

/** Writes a notification for the DPO in the caller's transaction. */
export async function notifyDpo(
  tx: Tx,
  n: { kind: string; title: string; detail: string; subject: string; at: Date },
): Promise<void> {
  await tx
    .insertInto('notifications')
    .values({ id: randomUUID(), audience: 'dpo', ...n, read_at: null, read_by: null })
    .execute();
}

/** The DPO's standing, documented sharing policies. */
export class SharingPolicyService {
  constructor(private readonly o: { db: Db; clock: Clock }) {}

  /** Every policy, newest first. */
  async list(actor: Actor): Promise<SharingPolicyView[]> {
    requirePermission(actor, 'message.review');
    const rows = await this.o.db
      .selectFrom('sharing_policies')
      .selectAll()
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      partner: r.partner,
      crimeArea: r.crime_area,
      maxHandlingCode: r.max_handling_code,
      dataCategories: r.data_categories,
      description: r.description,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
      revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    }));
  }

  /** Adopts a policy (DPO). */
  async create(actor: Actor, input: z.input<typeof sharingPolicyRequestSchema>): Promise<SharingPolicyView> {
    requirePermission(actor, 'policy.manage');
    const parsed = sharingPolicyRequestSchema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: ['body', ...i.path.map(String)].join('.'),
        code: i.code,
        message: i.message,
      }));
      throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
    }
    const p = parsed.data;
    const id = randomUUID();
    await this.o.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('sharing_policies')
        .values({
          id,
          partner: p.partner,
          crime_area: p.crimeArea,
          max_handling_code: p.maxHandlingCode,
          data_categories: p.dataCategories,
          description: p.description,
          created_by: auditActor(actor),
          created_at: this.o.clock.now(),
          revoked_at: null,
        })
        .execute();
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'policy.create',
        subject: `sharing-policy:${id}`,
        detail: { ...p },
      });
    });
    return (await this.list(actor)).find((v) => v.id === id)!;
  }

  /** Ends a policy (DPO); messages sent under it stay recorded with its id. */
  async revoke(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'policy.manage');
    await this.o.db.transaction().execute(async (tx) => {
      const res = await tx
        .updateTable('sharing_policies')
        .set({ revoked_at: this.o.clock.now() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new NotFoundError('No such active sharing policy');
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'policy.revoke',
        subject: `sharing-policy:${id}`,
      });
    });
  }
}
