import { uuidv7 } from '../federation/index.js';
import { type Actor, auditActor, requirePermission } from '../governance/index.js';
import {
  ApiError,
  appendAudit,
  type Clock,
  type Db,
  type Logger,
  NotFoundError,
  type Random,
  ValidationError,
} from '../platform/index.js';
import { type HolderSigningKey, hashElements, verifyMatchingAnswer } from './answer-signature.js';
import { formatHitRef, MatchFilter, parseHitRef } from './filter.js';
import type { MatchingIndex } from './matching-index.js';
import { OUTPUT_BYTES } from './oprf.js';
import type { OprfPool } from './oprf-pool.js';
import {
  type CheckItem,
  type CheckRequest,
  type CheckResponse,
  type CheckResult,
  type EvaluateResponse,
  evaluateResponseSchema,
  type FilterResponse,
  type FollowUpRecords,
  type FollowUpRequest,
  filterResponseSchema,
  type HitRecord,
} from './schema.js';
import * as store from './store.js';
import { ItemNotMatchableError, itemTokens, TOKEN_VERSION } from './tokens.js';

/** Path of the filter publication below a node's endpoint (PROTOCOL §12). */
export const MATCHING_FILTER_PATH = '/federation/v1/matching/filter';
/** Path of the blind evaluation below a node's endpoint (PROTOCOL §12). */
export const MATCHING_EVALUATE_PATH = '/federation/v1/matching/evaluate';

/** Blind evaluations per partner per day when the policy does not say otherwise. */
export const DEFAULT_DAILY_QUOTA = 200_000;

/**
 * Days a hit reference stays quotable after the partner's last check that could have given it
 * (a check made after the record entered the index): an rfi quoting it later is not honoured.
 */
export const HIT_REF_VALIDITY_DAYS = 90;

/** Why a partner's hit reference is not honoured (`details.reason` of `hit_ref_not_valid`). */
export type HitRefRefusal = 'unknown' | 'withdrawn' | 'not_allowed' | 'not_obtained' | 'expired';

const HIT_REF_REFUSALS: Record<HitRefRefusal, string> = {
  unknown: 'This node never issued this hit reference: it is mistyped or forged',
  withdrawn: 'The record this reference pointed at has been withdrawn from the matching index',
  not_allowed:
    "The partner's current matching policy does not let it match this record (partner, record type, crime area or handling code): it could not have obtained this reference",
  not_obtained:
    'The partner has made no check since the record entered the index: it could not have obtained this reference itself',
  expired: `The reference is older than ${HIT_REF_VALIDITY_DAYS} days: the partner's last check that could have given it was made before then; it should check again`,
};

/** What the matching service needs from federation and exchange (wired by the app). */
export interface MatchingPorts {
  fetchFromPartner(partner: string, path: string): Promise<Response>;
  postToPartner(partner: string, path: string, body: string): Promise<Response>;
  /** Sends an rfi through the exchange (its review, audit and delivery rules apply). */
  sendRfi(actor: Actor, recipient: string, message: Record<string, unknown>): Promise<{ id: string }>;
  /** Throws 404 when the actor may not see the message (need-to-know). */
  requireMessageVisible(actor: Actor, messageId: string): Promise<void>;
  /** The entities of a message. */
  messageEntities(messageId: string): Promise<unknown[] | undefined>;
  /**
   * A verified partner's signing keys (to verify its signed answers): its current card's and,
   * when `kid` is not that key's, those its rotations replaced, with their validity; empty for
   * an unverified partner.
   */
  partnerSigningKeys(partner: string, kid?: string): Promise<HolderSigningKey[]>;
  /** Direction, partner, type, `hitRef` and arrival of a message (for the follow-up look-up). */
  messageHitRef(messageId: string): Promise<
    | {
        direction: 'in' | 'out';
        partner: string;
        type: string;
        hitRef: string | null;
        /** When this node received it (or created it, for an outgoing message). */
        at: Date;
      }
    | undefined
  >;
}

/** Settings of {@link MatchingService}. */
export interface MatchingOptions {
  db: Db;
  clock: Clock;
  random: Random;
  logger: Logger;
  pool: OprfPool;
  index: MatchingIndex;
  ports: MatchingPorts;
  /** This node's id: the `querier` a partner's signed answer must name. */
  node: string;
}

interface CachedFilter {
  epoch: number;
  policyVersion: number;
  version: number;
  filter: MatchFilter;
}

/** The `kid` a compact JWS claims (unverified: it only picks the key to verify with). */
function jwsKid(jws: string): string | undefined {
  try {
    const kid = JSON.parse(Buffer.from(jws.split('.')[0] ?? '', 'base64url').toString('utf8')).kid;
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}

async function partnerError(res: Response): Promise<ApiError> {
  const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const code = json?.error?.code;
  const message = json?.error?.message ?? `the partner answered ${res.status}`;
  if (code === 'matching_not_allowed') return new ApiError(403, code, `The partner refused: ${message}`);
  if (code === 'matching_quota_exceeded') return new ApiError(429, code, `The partner refused: ${message}`);
  if (code === 'matching_epoch_changed') return new ApiError(409, code, message);
  return new ApiError(
    502,
    'matching_unavailable',
    `The partner answered ${res.status}: ${message}`.slice(0, 1024),
  );
}

/**
 * Hit/no-hit checks with partners (DESIGN §7) on both sides: as querier (check, batches,
 * follow-up) and as holder (filter publication, blind evaluation under the partner's policy
 * and quota), with the per-partner policy, the query logs (never the values) and reports.
 */
export class MatchingService {
  readonly #filters = new Map<string, CachedFilter>();

  constructor(readonly o: MatchingOptions) {}

  #newId(): string {
    return uuidv7(this.o.clock, (n) => this.o.random.bytes(n));
  }

  // ---- querier side ----------------------------------------------------------------------

  /**
   * This node's copy of a partner's filter as it stands: from memory, else from the database,
   * else fetched. A check uses it without asking the partner; the evaluate answer says which
   * index version the partner is at, and only then is the delta fetched (see #check).
   */
  async #cachedFilter(partner: string): Promise<CachedFilter> {
    const stored = await this.#storedFilter(partner);
    if (!stored) return this.syncFilter(partner);
    if (!this.#filters.has(partner)) this.#filters.set(partner, stored);
    return this.#filters.get(partner)!;
  }

  async #storedFilter(partner: string): Promise<CachedFilter | undefined> {
    const inMemory = this.#filters.get(partner);
    if (inMemory) return inMemory;
    const row = await this.o.db
      .selectFrom('matching_partner_filters')
      .selectAll()
      .where('partner', '=', partner)
      .executeTakeFirst();
    return row
      ? {
          epoch: row.epoch,
          policyVersion: row.policy_version,
          version: Number(row.version),
          filter: new MatchFilter(Buffer.from(row.entries), true),
        }
      : undefined;
  }

  /** Brings this node's copy of a partner's filter up to date (a delta when possible). */
  async syncFilter(partner: string, forceFull = false): Promise<CachedFilter> {
    const cached = forceFull ? undefined : await this.#storedFilter(partner);
    const since = cached
      ? `?epoch=${cached.epoch}&policyVersion=${cached.policyVersion}&version=${cached.version}`
      : '';
    let res: Response;
    try {
      res = await this.o.ports.fetchFromPartner(partner, `${MATCHING_FILTER_PATH}${since}`);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw new ApiError(
        502,
        'matching_unavailable',
        `The partner could not be reached: ${(err as Error).message}`,
      );
    }
    if (res.status !== 200) throw await partnerError(res);
    const parsed = filterResponseSchema.safeParse(await res.json().catch(() => null));
    if (!parsed.success)
      throw new ApiError(502, 'matching_unavailable', 'The partner sent a malformed filter');
    const f: FilterResponse = parsed.data;
    // Tokens of another version never meet: say so instead of reporting no hit. A holder that
    // does not state its version predates the field and derives v1 tokens.
    const theirs = f.tokenVersion ?? 'v1';
    if (theirs !== TOKEN_VERSION)
      throw new ApiError(
        409,
        'token_version_mismatch',
        `The partner's matching tokens are version ${theirs}, this node's are ${TOKEN_VERSION}: its filter cannot answer this node's checks until both nodes run the same version`,
      );
    const added = Buffer.from(f.added, 'base64');
    const removed = Buffer.from(f.removed, 'base64');
    const filter = f.full || !cached ? new MatchFilter(added) : cached.filter.apply(added, removed);
    const next = { epoch: f.epoch, policyVersion: f.policyVersion, version: f.version, filter };
    if (!cached || cached.version !== f.version || cached.epoch !== f.epoch || f.full) {
      const row = {
        partner,
        epoch: f.epoch,
        policy_version: f.policyVersion,
        version: f.version,
        entries: filter.entries,
        fetched_at: this.o.clock.now(),
      };
      await this.o.db
        .insertInto('matching_partner_filters')
        .values(row)
        .onConflict((oc) => oc.column('partner').doUpdateSet(row))
        .execute();
    }
    this.#filters.set(partner, next);
    return next;
  }

  /**
   * Checks items with a partner: tokens are blinded here, evaluated blindly by the partner,
   * unblinded here and tested against the partner's filter. The partner never sees a value;
   * this node learns hit or no-hit per item and the opaque references of the records hit.
   */
  async check(actor: Actor, req: CheckRequest): Promise<CheckResponse> {
    requirePermission(actor, 'matching.run');
    return this.#check(actor, req);
  }

  async #check(actor: Actor, req: CheckRequest): Promise<CheckResponse> {
    const perItem: string[][] = req.items.map((item, i) => {
      try {
        return itemTokens(item);
      } catch (err) {
        if (err instanceof ItemNotMatchableError)
          throw new ApiError(422, 'item_not_matchable', `Item ${i + 1}: ${err.message}`);
        throw err;
      }
    });
    const tokens = [...new Set(perItem.flat())];
    let queryId = this.#newId();
    const { blinds, elements } = await this.o.pool.blind(tokens);
    const sentElements = Array.from({ length: tokens.length }, (_, i) =>
      elements.subarray(i * 32, (i + 1) * 32).toString('base64'),
    );
    const evaluate = async (epoch: number): Promise<Response> =>
      this.o.ports
        .postToPartner(
          req.partner,
          MATCHING_EVALUATE_PATH,
          JSON.stringify({
            queryId,
            epoch,
            purpose: req.purpose,
            legalBasis: req.legalBasis,
            items: req.items.length,
            elements: sentElements,
          }),
        )
        .catch((err: Error) => {
          if (err instanceof ApiError) throw err;
          throw new ApiError(502, 'matching_unavailable', `The partner could not be reached: ${err.message}`);
        });
    const log = async (outcome: string, hits: number | null, answerJws?: string) =>
      this.o.db.transaction().execute(async (tx) => {
        await store.logQuery(tx, {
          id: queryId,
          direction: 'made',
          partner: req.partner,
          officer: auditActor(actor),
          purpose: req.purpose,
          legalBasis: req.legalBasis,
          items: req.items.length,
          evaluations: tokens.length,
          hits,
          outcome,
          at: this.o.clock.now(),
          ...(answerJws ? { answerJws } : {}),
        });
        await appendAudit(tx, this.o.clock, {
          actor: auditActor(actor),
          action: 'matching.check',
          subject: `partner:${req.partner}`,
          detail: {
            queryId,
            purpose: req.purpose,
            legalBasis: req.legalBasis,
            items: req.items.length,
            hits,
            outcome,
          },
        });
      });
    let filter: CachedFilter;
    try {
      filter = await this.#cachedFilter(req.partner);
    } catch (err) {
      if (err instanceof ApiError) await log(err.code, null);
      throw err;
    }
    let sentAt = this.o.clock.now();
    let res = await evaluate(filter.epoch);
    if (res.status === 409) {
      // The partner rotated its key since our copy: fetch the new filter and ask once more.
      filter = await this.syncFilter(req.partner, true);
      // A new id: the holder logged the refused query under the first one.
      queryId = this.#newId();
      sentAt = this.o.clock.now();
      res = await evaluate(filter.epoch);
    }
    if (res.status !== 200) {
      const err = await partnerError(res);
      await log(err.code, null);
      throw err;
    }
    const parsed = evaluateResponseSchema.safeParse(await res.json().catch(() => null));
    if (
      !parsed.success ||
      parsed.data.evaluated.length !== tokens.length ||
      parsed.data.queryId !== queryId
    ) {
      await log('malformed_answer', null);
      throw new ApiError(502, 'matching_unavailable', 'The partner sent a malformed evaluation');
    }
    const answer: EvaluateResponse = parsed.data;
    // The holder's signature binds its answer to this query, these elements and its key epoch.
    // Verified with the key that was valid when the holder signed: its current card's, or
    // the one a rotation that crossed this exchange replaced.
    const holderKeys = await this.o.ports.partnerSigningKeys(req.partner, jwsKid(answer.answer));
    const signed =
      holderKeys.length > 0
        ? await verifyMatchingAnswer(
            answer.answer,
            holderKeys,
            {
              queryId,
              holder: req.partner,
              querier: this.o.node,
              epoch: answer.epoch,
              elementsHash: hashElements(sentElements),
              evaluatedHash: hashElements(answer.evaluated),
            },
            { sentAt, receivedAt: this.o.clock.now() },
          )
        : ({ ok: false, reason: { type: 'unknownKey' } } as const);
    if (!signed.ok) {
      await log('bad_answer_signature', null);
      throw new ApiError(
        502,
        'matching_unavailable',
        `The partner's answer is not validly signed by it (${signed.reason.type})`,
      );
    }
    if (
      answer.version === undefined ||
      answer.version !== filter.version ||
      answer.policyVersion !== filter.policyVersion ||
      answer.epoch !== filter.epoch
    ) {
      // The partner's index moved since our copy (records added or withdrawn, a new policy):
      // fetch the delta before testing, so that the answer reflects the index that evaluated.
      try {
        filter = await this.syncFilter(req.partner);
      } catch (err) {
        if (err instanceof ApiError) await log(err.code, null);
        throw err;
      }
    }
    const evaluated = Buffer.concat(answer.evaluated.map((e) => Buffer.from(e, 'base64')));
    let outputs: Buffer;
    try {
      outputs = await this.o.pool.finalize(tokens, blinds, evaluated);
    } catch {
      await log('malformed_answer', null);
      throw new ApiError(502, 'matching_unavailable', 'The partner sent points outside the group');
    }
    const refsOf = new Map<string, string[]>();
    tokens.forEach((t, i) => {
      refsOf.set(t, filter.filter.lookup(outputs.subarray(i * OUTPUT_BYTES, (i + 1) * OUTPUT_BYTES)));
    });
    const results: CheckResult[] = req.items.map((item, index) => {
      const refs = [...new Set(perItem[index]!.flatMap((t) => refsOf.get(t) ?? []))].sort();
      return { index, item, hit: refs.length > 0, hitRefs: refs };
    });
    await log('evaluated', results.filter((r) => r.hit).length, answer.answer);
    return { queryId, partner: req.partner, epoch: answer.epoch, results };
  }

  /** Starts a CSV batch; it runs in chunks in the background. */
  async startBatch(
    actor: Actor,
    req: { partner: string; purpose: string; legalBasis: string; items: CheckItem[] },
  ) {
    requirePermission(actor, 'matching.run');
    const id = this.#newId();
    const now = this.o.clock.now();
    await this.o.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('matching_batches')
        .values({
          id,
          partner: req.partner,
          status: 'running',
          total: req.items.length,
          done: 0,
          hits: 0,
          error: null,
          results: '[]',
          created_by: actor.username,
          created_at: now,
        })
        .execute();
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'matching.batch.start',
        subject: `matching-batch:${id}`,
        detail: {
          partner: req.partner,
          items: req.items.length,
          purpose: req.purpose,
          legalBasis: req.legalBasis,
        },
      });
    });
    const run = this.#runBatch(actor, id, req).catch((err) =>
      this.o.logger.error('matching batch failed', { batch: id, err }),
    );
    this.#batches.set(id, run);
    void run.finally(() => this.#batches.delete(id));
    return this.batch(actor, id);
  }

  readonly #batches = new Map<string, Promise<void>>();

  /** Waits for running batches (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all(this.#batches.values());
  }

  async #runBatch(
    actor: Actor,
    id: string,
    req: { partner: string; purpose: string; legalBasis: string; items: CheckItem[] },
  ) {
    const CHUNK = 2500;
    // Two chunks in flight: while the partner evaluates one, this node blinds the next and
    // unblinds the previous (both on the worker pool), so neither side waits for the other.
    const IN_FLIGHT = 2;
    const chunks: Array<{ from: number; items: CheckItem[] }> = [];
    for (let i = 0; i < req.items.length; i += CHUNK)
      chunks.push({ from: i, items: req.items.slice(i, i + CHUNK) });
    const out: CheckResult[][] = [];
    let done = 0;
    let hits = 0;
    let next = 0;
    let failure: unknown;
    const lane = async () => {
      while (next < chunks.length && failure === undefined) {
        const c = next++;
        const chunk = chunks[c]!;
        try {
          const r = await this.#check(actor, {
            partner: req.partner,
            purpose: req.purpose,
            legalBasis: req.legalBasis,
            items: chunk.items,
          });
          out[c] = r.results.map((x) => ({ ...x, index: chunk.from + x.index }));
          done += chunk.items.length;
          hits += r.results.filter((x) => x.hit).length;
          if (failure === undefined)
            await this.o.db
              .updateTable('matching_batches')
              .set({ done, hits })
              .where('id', '=', id)
              .execute();
        } catch (err) {
          failure ??= err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, chunks.length) }, lane));
    // Results in item order; after a failure, those of the chunks that completed.
    const results = out.flat();
    if (failure === undefined) {
      await this.o.db
        .updateTable('matching_batches')
        .set({ status: 'done', done, hits, results: JSON.stringify(results) })
        .where('id', '=', id)
        .execute();
    } else {
      const message = failure instanceof ApiError ? `${failure.code}: ${failure.message}` : 'internal error';
      await this.o.db
        .updateTable('matching_batches')
        .set({ status: 'failed', error: message, results: JSON.stringify(results) })
        .where('id', '=', id)
        .execute();
    }
  }

  async #batchRow(actor: Actor, id: string) {
    const row = await this.o.db
      .selectFrom('matching_batches')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.created_by !== actor.username) throw new NotFoundError('No such batch');
    return row;
  }

  /** Progress of a batch (its author only). */
  async batch(actor: Actor, id: string) {
    requirePermission(actor, 'matching.run');
    const row = await this.#batchRow(actor, id);
    return {
      id: row.id,
      partner: row.partner,
      status: row.status,
      total: row.total,
      done: row.done,
      hits: row.hits,
      error: row.error,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  /** Results of a batch (its author only). */
  async batchResults(actor: Actor, id: string): Promise<CheckResult[]> {
    requirePermission(actor, 'matching.run');
    const row = await this.#batchRow(actor, id);
    return row.results as unknown as CheckResult[];
  }

  /** Turns a hit into an rfi to the holder carrying the hit reference. */
  async followUp(actor: Actor, req: FollowUpRequest): Promise<{ messageId: string }> {
    requirePermission(actor, 'matching.run');
    const now = this.o.clock.now();
    const sent = await this.o.ports.sendRfi(actor, req.partner, {
      type: 'rfi',
      subject: `Follow-up of hit ${req.hitRef}`,
      body:
        req.question ??
        `A hit/no-hit check returned a hit on your record ${req.hitRef}. We request the information you can disclose about it, for the purpose stated below.`,
      language: 'en',
      crimeAreas: req.crimeAreas,
      priority: 'routine',
      handlingCode: 'H0',
      tlp: 'AMBER',
      evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
      legalBasis: req.legalBasis,
      purpose: req.purpose,
      deadline: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
      retentionReviewDate: new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10),
      hitRef: req.hitRef,
    });
    return { messageId: sent.id };
  }

  // ---- holder side ------------------------------------------------------------------------

  /**
   * The holder's side of a follow-up: the record(s) a partner's rfi refers to through its
   * `hitRef`. The officer must see the rfi (need-to-know: 404 and audited otherwise) and, for
   * a record drawn from a message, that message too ({@link resolveHit}).
   */
  async followUpRecords(actor: Actor, messageId: string): Promise<FollowUpRecords> {
    requirePermission(actor, 'matching.read');
    await this.o.ports.requireMessageVisible(actor, messageId);
    const m = await this.o.ports.messageHitRef(messageId);
    if (!m || m.direction !== 'in' || m.type !== 'rfi' || !m.hitRef || !parseHitRef(m.hitRef))
      throw new NotFoundError("This message is not a partner's follow-up request with a hit reference");
    const records = await this.#resolve(actor, m.hitRef, m.partner, m.at, messageId);
    return { messageId, partner: m.partner, hitRef: m.hitRef, records };
  }

  /**
   * What a hit reference that `partner` quotes points at, for the holder's officer: only if
   * that partner could have obtained it ({@link #refusal}), and within need-to-know on messages.
   */
  async resolveHit(actor: Actor, hitRef: string, partner: string): Promise<HitRecord[]> {
    requirePermission(actor, 'matching.read');
    return this.#resolve(actor, hitRef, partner, this.o.clock.now());
  }

  /**
   * Why `partner` could not have obtained the reference of `row` by its own checks under its
   * CURRENT policy, as quoted at `at`; null when it could. The reason names no value of the
   * record (the officer sees it before being shown anything of the record).
   */
  async #refusal(
    partner: string,
    row:
      | {
          record_type: string;
          crime_areas: string[];
          restricted: boolean;
          origin_partner: string | null;
          removed_at: Date | null;
          added_at: Date | null;
        }
      | undefined,
    at: Date,
  ): Promise<HitRefRefusal | null> {
    if (!row) return 'unknown';
    if (row.removed_at !== null) return 'withdrawn';
    const policy = await store.getPolicy(this.o.db, partner);
    if (
      !policy?.enabled ||
      !policy.record_types.includes(row.record_type) ||
      (policy.crime_areas.length > 0 && !row.crime_areas.some((a) => policy.crime_areas.includes(a))) ||
      (row.restricted && row.origin_partner !== partner)
    )
      return 'not_allowed';
    const last = await store.lastEvaluationBetween(this.o.db, partner, row.added_at, at);
    if (!last) return 'not_obtained';
    if (at.getTime() - last.getTime() > HIT_REF_VALIDITY_DAYS * 86_400_000) return 'expired';
    return null;
  }

  async #resolve(
    actor: Actor,
    hitRef: string,
    partner: string,
    at: Date,
    messageId?: string,
  ): Promise<HitRecord[]> {
    const ref = parseHitRef(hitRef);
    if (!ref) throw new ValidationError('Not a hit reference');
    const row = await this.o.db
      .selectFrom('matching_records')
      .selectAll()
      .where('ref', '=', ref)
      .executeTakeFirst();
    const refused = await this.#refusal(partner, row, at);
    if (refused) {
      await this.o.db.transaction().execute((tx) =>
        appendAudit(tx, this.o.clock, {
          actor: auditActor(actor),
          action: 'matching.hit.refused',
          subject: `matching-record:${hitRef}`,
          detail: { partner, reason: refused, ...(messageId ? { messageId } : {}) },
        }),
      );
      throw new ApiError(409, 'hit_ref_not_valid', HIT_REF_REFUSALS[refused], { reason: refused });
    }
    if (!row) throw new NotFoundError('No record has this hit reference');
    let entity: Record<string, unknown> | null = null;
    if (row.source === 'holding') {
      const h = await this.o.db
        .selectFrom('matching_holdings')
        .select('entity')
        .where('id', '=', row.source_id)
        .executeTakeFirst();
      entity = (h?.entity as Record<string, unknown>) ?? null;
    } else {
      await this.o.ports.requireMessageVisible(actor, row.source_id);
      const entities = (await this.o.ports.messageEntities(row.source_id)) ?? [];
      entity =
        (entities.find((e) => (e as { id?: string }).id === row.entity_id) as Record<string, unknown>) ??
        null;
    }
    await this.o.db.transaction().execute((tx) =>
      appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'matching.hit.resolve',
        subject: `matching-record:${hitRef}`,
        detail: { source: row.source, sourceId: row.source_id, partner, ...(messageId ? { messageId } : {}) },
      }),
    );
    return [
      {
        hitRef: formatHitRef(row.ref),
        recordType: row.record_type,
        source: row.source,
        sourceId: row.source_id,
        entityId: row.entity_id,
        crimeAreas: row.crime_areas,
        current: row.removed_at === null,
        entity,
      },
    ];
  }
}
