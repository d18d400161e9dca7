import { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../governance/index.js';
import {
  appendAudit,
  type Clock,
  type Db,
  type Ed25519PublicJwk,
  GENESIS_HASH,
  type Logger,
  type NodeKeys,
  ValidationError,
} from '../platform/index.js';
import {
  auditHashes,
  type CheckpointRecord,
  conflictingCheckpoints,
  insertCheckpoint,
  listCheckpoints,
  ownCardHistory,
} from './checkpoint-store.js';
import type { RandomBytes } from './clock.js';
import { nodeIdSchema, verifyNodeCard } from './node-card.js';
import { insertNotification } from './notification-store.js';
import { findPartner, listPartnerRecords, partnerAuditHead } from './partner-store.js';
import type { InboundMessage } from './schema.js';
import type { FederationService } from './service.js';
import { signStatement, verifyStatement } from './signed-statement.js';
import { uuidv7 } from './uuidv7.js';

// Signed audit checkpoints (DESIGN §8): every so often a node signs "my audit log had hash H
// at entry S" and sends it to its partners, who keep it. Whoever later rewrites that node's
// history — even recomputing every hash of the chain — cannot make it match the statements
// the partners hold, nor forge new ones without the node's signing key.

/** JWS `typ` of a checkpoint statement. */
export const CHECKPOINT_TYP = 'passerelle-audit-checkpoint+jws';
/** Message type that carries a checkpoint to partners. */
export const CHECKPOINT_MESSAGE_TYPE = 'audit.checkpoint';
/** Path where a partner fetches the checkpoints this node holds of it. */
export const CHECKPOINTS_PATH = '/federation/v1/checkpoints';
/** Path where a partner fetches the latest audit head of its own it announced to this node (PROTOCOL §8.3). */
export const AUDIT_HEAD_PATH = '/federation/v1/audit-head';

export const checkpointSchema = z.strictObject({
  version: z.literal(1),
  nodeId: nodeIdSchema,
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime({ offset: false }),
});
/** The signed content of a checkpoint. */
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** Payload of an `audit.checkpoint` envelope (PROTOCOL §9). */
export const checkpointMessageSchema = z.strictObject({ checkpointJws: z.string().max(4096) });

/** A checkpoint as the API shows it. */
export interface CheckpointView {
  nodeId: string;
  seq: number;
  hash: string;
  at: string;
  receivedAt: string | null;
}

/** One checkpoint compared with the local chain. */
export interface CheckpointFinding {
  seq: number;
  hash: string;
  source: 'own' | string;
  problem: 'missingEntry' | 'hashMismatch' | 'badSignature' | 'unknownKey';
}

/** Outcome of comparing checkpoints with this node's audit chain. */
export interface CheckpointCheck {
  ok: boolean;
  checked: number;
  findings: CheckpointFinding[];
  /** Partners asked for their copies, with what they answered. */
  partners: Record<string, { held: number; head?: { seq: number; hash: string } | null; error?: string }>;
  /**
   * True when nothing was compared (no checkpoint and, with `partners`, no verified partner
   * holding anything): such a check proves nothing and is not `ok`.
   */
  nothingChecked: boolean;
}

/** Settings of {@link AuditCheckpointService}. */
export interface AuditCheckpointOptions {
  db: Db;
  clock: Clock;
  randomBytes: RandomBytes;
  logger: Logger;
  nodeId: string;
  keys: () => NodeKeys;
  federation: FederationService;
}

const view = (c: CheckpointRecord): CheckpointView => ({
  nodeId: c.nodeId,
  seq: c.seq,
  hash: c.hash,
  at: c.at.toISOString(),
  receivedAt: c.receivedAt?.toISOString() ?? null,
});

function readPayload(jws: string): Checkpoint | null {
  try {
    const parsed = checkpointSchema.safeParse(
      JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString()),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Publishes, receives, serves and checks signed audit checkpoints. */
export class AuditCheckpointService {
  constructor(private readonly o: AuditCheckpointOptions) {}

  /** Installs the inbound handler for `audit.checkpoint` messages. */
  register(): void {
    this.o.federation.setHandler(CHECKPOINT_MESSAGE_TYPE, (tx, msg) => this.#receive(tx, msg));
  }

  /**
   * Signs the current head of the audit chain, keeps the statement and queues it to every
   * verified partner, all in one transaction. `actor` null is the node's own schedule.
   */
  async publish(actor: Actor | null): Promise<CheckpointView> {
    if (actor) requirePermission(actor, 'audit.verify');
    const keys = this.o.keys();
    const record = await this.o.db.transaction().execute(async (tx) => {
      const head = await tx
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const at = this.o.clock.now();
      const checkpoint: Checkpoint = {
        version: 1,
        nodeId: this.o.nodeId,
        seq: Number(head.seq),
        hash: head.hash,
        at: at.toISOString(),
      };
      const jws = await signStatement(
        checkpoint,
        { typ: CHECKPOINT_TYP, kid: keys.signing.publicJwk.kid },
        keys.signing.privateKey,
      );
      const rec: CheckpointRecord = {
        nodeId: this.o.nodeId,
        seq: checkpoint.seq,
        hash: head.hash,
        at,
        jws,
        receivedAt: null,
      };
      await insertCheckpoint(tx, rec);
      const partners = (await listPartnerRecords(tx)).filter((p) => p.status === 'verified');
      for (const p of partners) {
        await this.o.federation.enqueue(tx, {
          recipient: p.nodeId,
          type: CHECKPOINT_MESSAGE_TYPE,
          payload: { checkpointJws: jws },
        });
      }
      await appendAudit(tx, this.o.clock, {
        actor: actor ? auditActor(actor) : 'system',
        action: 'audit.checkpoint',
        subject: `audit:${checkpoint.seq}`,
        detail: { hash: head.hash, partners: partners.map((p) => p.nodeId) },
      });
      return rec;
    });
    this.o.federation.nudge();
    return view(record);
  }

  /** A partner's checkpoint arrives: verified against its card, kept, conflicts flagged. */
  async #receive(tx: Parameters<Parameters<FederationService['setHandler']>[1]>[0], msg: InboundMessage) {
    const body = checkpointMessageSchema.safeParse(msg.payload);
    if (!body.success) throw new ValidationError('audit.checkpoint: payload must be { checkpointJws }');
    const partner = await findPartner(tx, msg.sender);
    if (!partner) throw new ValidationError('audit.checkpoint: unknown sender');
    const card = await verifyNodeCard(partner.cardJws, { clock: this.o.clock, ignoreValidity: true });
    if (!card.ok) throw new ValidationError('audit.checkpoint: the partner card on file does not verify');
    const verified = await verifyStatement(
      body.data.checkpointJws,
      CHECKPOINT_TYP,
      () => card.card.signingKey,
    );
    if (!verified.ok)
      throw new ValidationError(`audit.checkpoint: statement refused (${verified.reason.type})`);
    const cp = checkpointSchema.safeParse(verified.statement.payload);
    if (!cp.success || cp.data.nodeId !== msg.sender) {
      throw new ValidationError('audit.checkpoint: statement is not a checkpoint of the sender');
    }
    const rec: CheckpointRecord = {
      nodeId: msg.sender,
      seq: cp.data.seq,
      hash: cp.data.hash,
      at: new Date(cp.data.at),
      jws: body.data.checkpointJws,
      receivedAt: this.o.clock.now(),
    };
    await insertCheckpoint(tx, rec);
    const conflicts = await conflictingCheckpoints(tx, msg.sender, rec.seq, rec.hash);
    await appendAudit(tx, this.o.clock, {
      actor: `partner:${msg.sender}`,
      action: conflicts.length > 0 ? 'audit.checkpoint_conflict' : 'audit.checkpoint_received',
      subject: `partner:${msg.sender}`,
      detail: {
        seq: rec.seq,
        hash: rec.hash,
        ...(conflicts.length > 0 ? { otherHashes: conflicts.map((c) => c.hash) } : {}),
      },
    });
    if (conflicts.length > 0) {
      await insertNotification(tx, {
        id: uuidv7(this.o.clock, this.o.randomBytes),
        audience: 'admin',
        kind: 'audit.checkpoint_conflict',
        title: `${msg.sender} signed two different audit histories`,
        detail: `Entry ${rec.seq} of ${msg.sender}'s audit log was signed with hash ${rec.hash} and earlier with ${conflicts.map((c) => c.hash).join(', ')}: its history was rewritten.`,
        subject: msg.sender,
        at: this.o.clock.now(),
      });
    }
  }

  /** Checkpoints of this node (default) or of a partner, newest first. */
  async list(actor: Actor, nodeId?: string): Promise<CheckpointView[]> {
    requirePermission(actor, 'audit.read');
    return (await listCheckpoints(this.o.db, nodeId ?? this.o.nodeId)).map(view);
  }

  /** The latest audit head `partner` announced to this node (served to that partner on a signed GET). */
  async heldHeadOf(partner: string): Promise<{ seq: number; hash: string; at: string } | null> {
    const head = await partnerAuditHead(this.o.db, partner);
    return head ? { seq: head.seq, hash: head.hash, at: head.at.toISOString() } : null;
  }

  /**
   * Publishes a checkpoint when the audit log has grown since the last one by entries other
   * than federation bookkeeping and checkpoints themselves (those would otherwise make two
   * idle partners checkpoint each other forever). Returns the checkpoint, or null when idle.
   */
  async publishIfActive(): Promise<CheckpointView | null> {
    const [last] = await listCheckpoints(this.o.db, this.o.nodeId);
    const since = last?.seq ?? 0;
    const activity = await this.o.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('seq', '>', since)
      .where('action', 'not like', 'federation.%')
      .where('action', 'not like', 'audit.checkpoint%')
      .executeTakeFirstOrThrow();
    if (Number(activity.n) === 0) return null;
    return this.publish(null);
  }

  async #fetchHeldHead(partner: string): Promise<{ seq: number; hash: string } | null> {
    const res = await this.o.federation.fetchFromPartner(partner, AUDIT_HEAD_PATH);
    if (res.status === 404) return null; // a partner that predates audit heads
    const body = (await res.json()) as { head?: { seq?: unknown; hash?: unknown } | null };
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const h = body.head;
    if (!h) return null;
    if (typeof h.seq !== 'number' || typeof h.hash !== 'string' || !/^[0-9a-f]{64}$/.test(h.hash))
      throw new Error('malformed audit head');
    return { seq: h.seq, hash: h.hash };
  }

  /** The statements this node holds of `partner` (served to that partner on a signed GET). */
  async heldOf(partner: string): Promise<string[]> {
    return (await listCheckpoints(this.o.db, partner)).map((c) => c.jws);
  }

  /**
   * Compares checkpoints with the local chain: this node's own, and, with `partners`, the
   * copies each verified partner holds (fetched with a signed GET). Statements are checked
   * against every signing key this node has had.
   */
  async verify(actor: Actor | null, options: { partners?: boolean } = {}): Promise<CheckpointCheck> {
    if (actor) requirePermission(actor, 'audit.verify');
    const keys = new Map<string, Ed25519PublicJwk>();
    for (const jws of await ownCardHistory(this.o.db)) {
      const v = await verifyNodeCard(jws, { clock: this.o.clock, ignoreValidity: true });
      if (v.ok) keys.set(v.card.signingKey.kid, v.card.signingKey);
    }
    const statements: Array<{ jws: string; source: string }> = (
      await listCheckpoints(this.o.db, this.o.nodeId)
    ).map((c) => ({ jws: c.jws, source: 'own' }));
    const partners: CheckpointCheck['partners'] = {};
    if (options.partners) {
      for (const p of (await listPartnerRecords(this.o.db)).filter((x) => x.status === 'verified')) {
        try {
          const res = await this.o.federation.fetchFromPartner(p.nodeId, CHECKPOINTS_PATH);
          const body = (await res.json()) as { checkpoints?: unknown };
          if (!res.ok || !Array.isArray(body.checkpoints)) throw new Error(`HTTP ${res.status}`);
          const held = body.checkpoints.filter((j): j is string => typeof j === 'string');
          partners[p.nodeId] = { held: held.length, head: await this.#fetchHeldHead(p.nodeId) };
          for (const jws of held) statements.push({ jws, source: p.nodeId });
        } catch (err) {
          partners[p.nodeId] = { held: 0, error: (err as Error).message };
        }
      }
    }
    const findings: CheckpointFinding[] = [];
    const parsed: Array<{ cp: Checkpoint; source: string }> = [];
    for (const s of statements) {
      const payload = readPayload(s.jws);
      const verified = await verifyStatement(s.jws, CHECKPOINT_TYP, (h) => keys.get(String(h.kid)));
      if (!payload || !verified.ok || payload.nodeId !== this.o.nodeId) {
        findings.push({
          seq: payload?.seq ?? -1,
          hash: payload?.hash ?? '',
          source: s.source,
          problem: !verified.ok && verified.reason.type === 'unknownKey' ? 'unknownKey' : 'badSignature',
        });
        continue;
      }
      parsed.push({ cp: payload, source: s.source });
    }
    const hashes = await auditHashes(
      this.o.db,
      parsed.map((p) => p.cp.seq),
    );
    for (const { cp, source } of parsed) {
      const actual = cp.seq === 0 ? GENESIS_HASH : hashes.get(cp.seq);
      if (actual === undefined)
        findings.push({ seq: cp.seq, hash: cp.hash, source, problem: 'missingEntry' });
      else if (actual !== cp.hash)
        findings.push({ seq: cp.seq, hash: cp.hash, source, problem: 'hashMismatch' });
    }
    // The latest head each partner was told (in an envelope or a receipt) covers the entries
    // written since the last checkpoint: a rewrite of any of them changes the hash there.
    let heads = 0;
    const headSeqs = Object.values(partners).flatMap((p) => (p.head ? [p.head.seq] : []));
    const headHashes = await auditHashes(this.o.db, headSeqs);
    for (const [source, p] of Object.entries(partners)) {
      if (!p.head) continue;
      heads++;
      const actual = p.head.seq === 0 ? GENESIS_HASH : headHashes.get(p.head.seq);
      if (actual === undefined)
        findings.push({ seq: p.head.seq, hash: p.head.hash, source, problem: 'missingEntry' });
      else if (actual !== p.head.hash)
        findings.push({ seq: p.head.seq, hash: p.head.hash, source, problem: 'hashMismatch' });
    }
    const checked = statements.length + heads;
    const nothingChecked = checked === 0;
    const ok = !nothingChecked && findings.length === 0 && Object.values(partners).every((p) => !p.error);
    if (actor) {
      await this.o.db.transaction().execute((tx) =>
        appendAudit(tx, this.o.clock, {
          actor: auditActor(actor),
          action: 'audit.verify_checkpoints',
          detail: { ok, checked, findings: findings.length },
        }),
      );
    }
    return { ok, checked, findings, partners, nothingChecked };
  }
}
