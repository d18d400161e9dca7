/**
 * Joint cases: creation, edits, members, sharing with a partner and its withdrawal. Every
 * change is an operation appended to the case log, replayed into the case's state, audited
 * and — in the same transaction, through the federation outbox — sent to the other side
 * (docs/CASES.md). Need-to-know: only members of a case on this node read or change it; to
 * anybody else it does not exist (404, and the attempt is audited).
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AttachmentVault } from '../exchange/index.js';
import {
  type AccessService,
  type Actor,
  activeSharingPolicies,
  auditActor,
  requirePermission,
} from '../governance/index.js';
import {
  ApiError,
  appendAudit,
  type Clock,
  ConflictError,
  type Db,
  ForbiddenError,
  type Logger,
  NotFoundError,
  runInTransaction,
  type Tx,
  ValidationError,
} from '../platform/index.js';
import { deleteRemovedDocumentFiles, sendCaseDocuments } from './document-transfer.js';
import { nextHlcs } from './hlc.js';
import {
  CASE_OPS_TYPE,
  CASE_SHARE_TYPE,
  CASE_WITHDRAW_TYPE,
  type CaseOp,
  type CaseSummary,
  type CaseView,
  type Collection,
  type CreateCaseRequest,
  caseFields,
  collectionFields,
  createCaseSchema,
  MAX_OPS_PER_MESSAGE,
  type UpdateCaseRequest,
  updateCaseSchema,
} from './schema.js';
import { activePartners, type CaseState, liveItems } from './state.js';
import * as store from './store.js';

/** How the service reaches the federation outbox. */
export interface CaseTransport {
  enqueue(tx: Tx, msg: { recipient: string; type: string; payload: unknown }): Promise<unknown>;
}

/** Settings of {@link CaseService}. */
export interface CaseServiceOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** This node's id. */
  nodeId: string;
  access: AccessService;
  transport: CaseTransport;
  /**
   * Throws unless the actor may see the exchange message (404 otherwise): a case links only
   * messages its member can read, so a link never discloses a message to the other members.
   */
  requireMessageVisible?: (actor: Actor, messageId: string) => Promise<void>;
  /**
   * Throws unless the incident exists and the actor may see it (403 / 404): a case links only
   * incidents its member can open. Answers a label for the link.
   */
  requireIncidentVisible?: (actor: Actor, incidentId: string) => Promise<{ label: string }>;
  /** Encrypted file storage of the node (the exchange's attachment vault), for case documents. */
  vault?: AttachmentVault;
}

/** A change to make: case fields or one collection item. */
export type CaseChange =
  | { kind: 'case.set'; fields: Record<string, unknown>; base?: Record<string, string | null> }
  | {
      kind: 'item.put';
      collection: Collection;
      itemId: string;
      fields: Record<string, unknown>;
      base?: Record<string, string | null>;
    };

function issuesOf(err: z.ZodError, prefix: string) {
  return err.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].join('.'),
    code: i.code,
    message: i.message,
  }));
}

function fail(message: string, err: z.ZodError, prefix: string): never {
  const issues = issuesOf(err, prefix);
  throw new ValidationError(`${message}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

/** Splits a log into message-sized parts. */
export function chunkOps(ops: readonly CaseOp[]): CaseOp[][] {
  const parts: CaseOp[][] = [];
  for (let i = 0; i < ops.length; i += MAX_OPS_PER_MESSAGE) parts.push(ops.slice(i, i + MAX_OPS_PER_MESSAGE));
  return parts.length > 0 ? parts : [[]];
}

/** Joint cases on this node. */
export class CaseService {
  constructor(readonly o: CaseServiceOptions) {}

  /** Loads a case the actor is a member of, or audits the attempt and answers 404. */
  async requireCase(actor: Actor, id: string): Promise<{ row: store.CaseRow; state: CaseState }> {
    requirePermission(actor, 'case.read');
    const row = await store.getCase(this.o.db, id);
    if (!row || !(await store.isMember(this.o.db, id, actor.username))) {
      // Same answer whether the case exists or not: a non-member learns nothing.
      await this.o.access.auditDenied(actor, { kind: 'case', id });
      throw new NotFoundError('No such case');
    }
    return { row, state: store.loadState(row) };
  }

  /** The cases the actor is a member of; `q` searches titles, entity names and identifiers. */
  async list(actor: Actor, q?: string): Promise<CaseSummary[]> {
    requirePermission(actor, 'case.read');
    const rows = await store.listMemberCases(this.o.db, actor.username, q?.trim() || undefined, 500);
    return rows.map((r) => summaryOf(store.caseView(r, store.loadState(r))));
  }

  /** One case in full. */
  async get(actor: Actor, id: string): Promise<CaseView> {
    const { row, state } = await this.requireCase(actor, id);
    await this.#auditRead(actor, id, 'case.read');
    return store.caseView(row, state);
  }

  async #auditRead(
    actor: Actor,
    id: string,
    action: string,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await this.o.db
      .transaction()
      .execute((tx) =>
        appendAudit(tx, this.o.clock, { actor: auditActor(actor), action, subject: `case:${id}`, detail }),
      );
  }

  /** Opens a case owned by this node; its creator is its first member (lead). */
  async create(actor: Actor, input: CreateCaseRequest): Promise<CaseView> {
    requirePermission(actor, 'case.write');
    const parsed = createCaseSchema.safeParse(input);
    if (!parsed.success) fail('Invalid case', parsed.error, 'body');
    const id = randomUUID();
    const now = this.o.clock.now();
    await runInTransaction(this.o.db, async (tx) => {
      await store.insertCase(tx, { id, owner: this.o.nodeId, now });
      await this.#apply(tx, actor, id, [
        { kind: 'case.set', fields: { ...parsed.data, status: 'open' } },
        {
          kind: 'item.put',
          collection: 'members',
          itemId: randomUUID(),
          fields: { node: this.o.nodeId, username: actor.username, role: 'lead', removed: false },
        },
      ]);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'case.create',
        subject: `case:${id}`,
        detail: { title: parsed.data.title, handlingCode: parsed.data.handlingCode },
      });
    });
    return this.get(actor, id);
  }

  /** Changes case fields. */
  async update(actor: Actor, id: string, input: UpdateCaseRequest): Promise<CaseView> {
    const parsed = updateCaseSchema.safeParse(input);
    if (!parsed.success) fail('Invalid change', parsed.error, 'body');
    const { base, ...fields } = parsed.data;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length === 0) throw new ValidationError('Nothing to change');
    await this.change(actor, id, [{ kind: 'case.set', fields: set, base }], 'case.update', {
      fields: Object.keys(set),
    });
    return this.get(actor, id);
  }

  /**
   * Applies changes made by a member (validated per collection, with the item's current
   * values filling a partial put), audits them and sends them on. Returns the new state.
   */
  async change(
    actor: Actor,
    id: string,
    changes: CaseChange[],
    action: string,
    detail: Record<string, unknown> = {},
    /** More work for the same transaction, once the operations are applied. */
    within?: (tx: Tx, state: CaseState, row: store.CaseRow) => Promise<void>,
  ): Promise<CaseState> {
    requirePermission(actor, 'case.write');
    await this.requireCase(actor, id);
    return runInTransaction(this.o.db, async (tx) => {
      const row = (await store.getCase(tx, id, true))!;
      if (row.withdrawn_at) {
        throw new ConflictError(
          'The owner withdrew this case from this node: it is read-only',
          'case_withdrawn',
        );
      }
      const current = store.loadState(row);
      for (const ch of changes) this.#validate(current, ch);
      const state = await this.#apply(tx, actor, id, changes);
      await within?.(tx, state, row);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action,
        subject: `case:${id}`,
        detail: { ...detail, operations: changes.length },
      });
      return state;
    });
  }

  #validate(state: CaseState, ch: CaseChange): void {
    if (ch.kind === 'case.set') {
      for (const [field, value] of Object.entries(ch.fields)) {
        const schema = caseFields[field as keyof typeof caseFields];
        if (!schema) throw new ValidationError(`Unknown case field ${field}`);
        const r = schema.safeParse(value);
        if (!r.success) fail(`Invalid ${field}`, r.error, `body.${field}`);
      }
      return;
    }
    const existing = state.collections[ch.collection].get(ch.itemId);
    const schema = collectionFields[ch.collection] as unknown as z.ZodObject;
    const merged = {
      ...Object.fromEntries(Object.entries(existing?.fields ?? {}).map(([k, r]) => [k, r.value])),
      ...ch.fields,
    };
    const r = schema.safeParse(merged);
    if (!r.success) fail(`Invalid ${ch.collection} item`, r.error, 'body.fields');
    ch.fields = Object.fromEntries(
      Object.keys(ch.fields).map((k) => [k, (r.data as Record<string, unknown>)[k]]),
    );
    if (ch.collection === 'members' && merged.node !== this.o.nodeId) {
      throw new ForbiddenError("Members of the partner's side are added by the partner");
    }
    if (ch.collection === 'partners') throw new ForbiddenError('Partners change through share and withdraw');
    if (ch.collection === 'links') {
      const entities = state.collections.entities;
      for (const end of ['from', 'to'] as const) {
        const e = entities.get(merged[end] as string);
        if (!e || e.fields.removed?.value === true) {
          throw new ValidationError(`The link's ${end} entity is not in this case`, [
            { path: `body.fields.${end}`, code: 'unknown_entity', message: 'No such entity in the case' },
          ]);
        }
      }
      if (merged.from === merged.to) throw new ValidationError('A link joins two different entities');
    }
  }

  /**
   * Turns changes into operations (clock values after the case's head, bases from the current
   * state unless the caller saw an older one), stores them, replays the case and queues the
   * operations for the other side.
   */
  async #apply(tx: Tx, actor: Actor | null, id: string, changes: CaseChange[]): Promise<CaseState> {
    const row = (await store.getCase(tx, id, true))!;
    const state = store.loadState(row);
    const hlcs = nextHlcs(this.o.clock.now().getTime(), row.head_hlc, changes.length);
    const author = actor?.username ?? 'system';
    const ops: CaseOp[] = changes.map((ch, i) => {
      const registers =
        ch.kind === 'case.set'
          ? (state.fields as Record<string, { op: string }>)
          : (state.collections[ch.collection].get(ch.itemId)?.fields ?? {});
      const base: Record<string, string | null> = {};
      for (const f of Object.keys(ch.fields))
        base[f] = ch.base?.[f] !== undefined ? ch.base[f]! : (registers[f]?.op ?? null);
      const common = { id: randomUUID(), hlc: hlcs[i]!, origin: this.o.nodeId, author };
      return ch.kind === 'case.set'
        ? { ...common, kind: 'case.set', fields: ch.fields, base }
        : {
            ...common,
            kind: 'item.put',
            collection: ch.collection,
            itemId: ch.itemId,
            fields: ch.fields,
            base,
          };
    });
    const now = this.o.clock.now();
    await store.insertOps(tx, id, ops, now);
    const next = await store.rebuildCase(tx, row, this.o.nodeId, now);
    await deleteRemovedDocumentFiles(tx, this.o, next, actor ? auditActor(actor) : 'system');
    await this.sendOps(tx, row.owner_node, next, ops, null);
    return next;
  }

  /**
   * Applies changes for the node itself (a retention purge by the DPO, who need not be a
   * member): no membership check, the caller checked its own permission and audits.
   */
  async applyForNode(tx: Tx, actor: Actor, id: string, changes: CaseChange[]): Promise<CaseState> {
    return this.#apply(tx, actor, id, changes);
  }

  /**
   * Queues operations for the other side: the owner sends to every active partner (except the
   * one they came from), a partner sends to the owner.
   */
  async sendOps(
    tx: Tx,
    owner: string,
    state: CaseState,
    ops: CaseOp[],
    except: string | null,
  ): Promise<void> {
    if (ops.length === 0) return;
    for (const recipient of this.recipients(owner, state, except)) {
      for (const part of chunkOps(ops)) {
        await this.o.transport.enqueue(tx, {
          recipient,
          type: CASE_OPS_TYPE,
          payload: { caseId: state.id, ops: part },
        });
      }
    }
  }

  /** Who hears of a change made here: the owner tells every active partner, a partner the owner. */
  recipients(owner: string, state: CaseState, except: string | null): string[] {
    const all = owner === this.o.nodeId ? activePartners(state) : [owner];
    return all.filter((p) => p !== except);
  }

  /**
   * Shares a case this node owns with a partner: the whole log goes as `case.share`, later
   * changes follow as `case.ops`. Personal data leaves only under a standing sharing policy of
   * the DPO covering the partner, the case's crime areas and handling code.
   */
  async share(actor: Actor, id: string, partner: string): Promise<CaseView> {
    requirePermission(actor, 'case.write');
    const { row, state } = await this.requireCase(actor, id);
    if (row.owner_node !== this.o.nodeId) throw new ForbiddenError('Only the owner of a case shares it');
    if (partner === this.o.nodeId) throw new ValidationError('A case is shared with a partner node');
    if (activePartners(state).includes(partner))
      throw new ConflictError(`Already shared with ${partner}`, 'conflict');
    const crimeAreas = (state.fields.crimeAreas?.value as string[]) ?? [];
    const handling = (state.fields.handlingCode?.value as string) ?? 'H0';
    const order = ['H0', 'H1', 'H2', 'H3'];
    const policies = await activeSharingPolicies(this.o.db, partner);
    const covered = policies.some(
      (p) =>
        (p.crimeArea === null || crimeAreas.every((a) => a === p.crimeArea)) &&
        order.indexOf(handling) <= order.indexOf(p.maxHandlingCode) &&
        p.dataCategories.includes('persons'),
    );
    if (!covered) {
      throw new ApiError(
        409,
        'sharing_not_covered',
        `No standing sharing policy of the DPO covers personal data of this case for ${partner}`,
      );
    }
    await runInTransaction(this.o.db, async (tx) => {
      const locked = (await store.getCase(tx, id, true))!;
      const existing = [...store.loadState(locked).collections.partners.values()].find(
        (p) => p.fields.node?.value === partner,
      );
      const before = await store.caseOps(tx, id);
      // Operations already in the log go as the share; the partner item itself follows as ops.
      const parts = chunkOps(before);
      for (const [i, ops] of parts.entries()) {
        await this.o.transport.enqueue(tx, {
          recipient: partner,
          type: CASE_SHARE_TYPE,
          payload: { caseId: id, owner: this.o.nodeId, part: i + 1, parts: parts.length, ops },
        });
      }
      // The files of the case's documents follow the log (PROTOCOL §8.8 case.document).
      await sendCaseDocuments(tx, this.o, id, null, [partner]);
      await this.#apply(tx, actor, id, [
        {
          kind: 'item.put',
          collection: 'partners',
          itemId: existing?.id ?? randomUUID(),
          fields: { node: partner, removed: false },
        },
      ]);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'case.share',
        subject: `case:${id}`,
        detail: { partner, operations: before.length },
      });
    });
    return this.get(actor, id);
  }

  /** Stops sharing a case with a partner: nothing further is sent, the partner's copy freezes. */
  async withdraw(actor: Actor, id: string, partner: string, reason: string): Promise<CaseView> {
    requirePermission(actor, 'case.write');
    const { row, state } = await this.requireCase(actor, id);
    if (row.owner_node !== this.o.nodeId)
      throw new ForbiddenError('Only the owner of a case withdraws a partner');
    const item = [...state.collections.partners.values()].find(
      (p) => p.fields.node?.value === partner && p.fields.removed?.value !== true,
    );
    if (!item) throw new NotFoundError(`The case is not shared with ${partner}`);
    if (!reason.trim()) throw new ValidationError('Say why the partner is withdrawn');
    await runInTransaction(this.o.db, async (tx) => {
      await store.getCase(tx, id, true);
      // Tell the partner first: after the removal below, ops are no longer sent to it.
      await this.o.transport.enqueue(tx, {
        recipient: partner,
        type: CASE_WITHDRAW_TYPE,
        payload: { caseId: id, reason: reason.trim() },
      });
      await this.#apply(tx, actor, id, [
        { kind: 'item.put', collection: 'partners', itemId: item.id, fields: { removed: true } },
      ]);
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'case.withdraw',
        subject: `case:${id}`,
        detail: { partner, reason: reason.trim() },
      });
    });
    return this.get(actor, id);
  }

  /** Adds a user of this node as a member (by an existing member). */
  async addMember(actor: Actor, id: string, username: string, role: 'lead' | 'member'): Promise<CaseView> {
    requirePermission(actor, 'case.write');
    const { state } = await this.requireCase(actor, id);
    await this.#requireLocalUser(username);
    const existing = [...state.collections.members.values()].find(
      (m) => m.fields.node?.value === this.o.nodeId && m.fields.username?.value === username,
    );
    await this.change(
      actor,
      id,
      [
        {
          kind: 'item.put',
          collection: 'members',
          itemId: existing?.id ?? randomUUID(),
          fields: { node: this.o.nodeId, username, role, removed: false },
        },
      ],
      'case.member.add',
      { username, role },
    );
    return this.get(actor, id);
  }

  /** Removes a member of this node's side (the last local member cannot leave). */
  async removeMember(actor: Actor, id: string, username: string): Promise<void> {
    requirePermission(actor, 'case.write');
    const { state } = await this.requireCase(actor, id);
    const mine = liveItems(state, 'members').filter((m) => m.node === this.o.nodeId);
    const item = mine.find((m) => m.username === username);
    if (!item) throw new NotFoundError(`${username} is not a member`);
    if (mine.length === 1)
      throw new ConflictError('The last member of this side cannot be removed', 'conflict');
    await this.change(
      actor,
      id,
      [{ kind: 'item.put', collection: 'members', itemId: item.id, fields: { removed: true } }],
      'case.member.remove',
      { username },
    );
  }

  async #requireLocalUser(username: string): Promise<void> {
    const user = await this.o.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (!user) throw new ValidationError(`No user ${username} on this node`);
  }

  /**
   * Cases a partner shared with this node that have no member here yet: only their title,
   * owner and markings, for the liaison desk to assign.
   */
  async unassigned(actor: Actor): Promise<CaseSummary[]> {
    requirePermission(actor, 'case.assign');
    const rows = await store.listUnassigned(this.o.db, this.o.nodeId);
    return rows.map((r) => summaryOf(store.caseView(r, store.loadState(r))));
  }

  /** Assigns members of this node to a case shared with it (liaison desk, audited). */
  async assign(actor: Actor, id: string, usernames: string[]): Promise<CaseSummary> {
    requirePermission(actor, 'case.assign');
    if (usernames.length === 0) throw new ValidationError('Name at least one member');
    for (const u of usernames) await this.#requireLocalUser(u);
    const row = await store.getCase(this.o.db, id);
    if (!row || row.owner_node === this.o.nodeId || (await this.#hasMembers(id))) {
      await this.o.access.auditDenied(actor, { kind: 'case', id });
      throw new NotFoundError('No such case');
    }
    await runInTransaction(this.o.db, async (tx) => {
      await this.#apply(
        tx,
        actor,
        id,
        usernames.map((username, i) => ({
          kind: 'item.put' as const,
          collection: 'members' as const,
          itemId: randomUUID(),
          fields: { node: this.o.nodeId, username, role: i === 0 ? 'lead' : 'member', removed: false },
        })),
      );
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'case.assign',
        subject: `case:${id}`,
        detail: { members: usernames },
      });
    });
    const fresh = (await store.getCase(this.o.db, id))!;
    return summaryOf(store.caseView(fresh, store.loadState(fresh)));
  }

  async #hasMembers(id: string): Promise<boolean> {
    return !!(await this.o.db
      .selectFrom('case_members')
      .select('case_id')
      .where('case_id', '=', id)
      .executeTakeFirst());
  }

  /** Audits a read-only use of a case (analysis, export) by a member. */
  async auditUse(
    actor: Actor,
    id: string,
    action: string,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await this.#auditRead(actor, id, action, detail);
  }
}

/** The list form of a case view. */
export function summaryOf(v: CaseView): CaseSummary {
  return {
    id: v.id,
    owner: v.owner,
    title: v.title,
    status: v.status,
    crimeAreas: v.crimeAreas,
    handlingCode: v.handlingCode,
    tlp: v.tlp,
    partners: v.partners,
    entityCount: v.entityCount,
    linkCount: v.linkCount,
    updatedAt: v.updatedAt,
    withdrawnAt: v.withdrawnAt,
  };
}
