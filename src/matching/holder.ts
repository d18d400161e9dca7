// The holder's side of hit/no-hit matching: filter publication and blind evaluation for
// partners under their policy and daily quota, the per-partner policies (the DPO's), the
// holdings registered for matching, the index operations and the query reports.
import { entitySchema, parseWithIssues } from '../entities/index.js';
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
  type SigningKey,
  ValidationError,
} from '../platform/index.js';
import { hashElements, signMatchingAnswer } from './answer-signature.js';
import type { MatchingIndex, RefreshResult } from './matching-index.js';
import { ELEMENT_BYTES, InvalidElementError, OPRF_SUITE } from './oprf.js';
import type { OprfPool } from './oprf-pool.js';
import {
  type EvaluateRequest,
  type EvaluateResponse,
  type FilterResponse,
  type HoldingRequest,
  type HoldingView,
  type IndexStatus,
  type MatchingPolicy,
  type PartnerReport,
  type PolicyView,
  type QueryLog,
  RECORD_TYPES,
} from './schema.js';
import { DEFAULT_DAILY_QUOTA } from './service.js';
import * as store from './store.js';
import { TOKEN_VERSION } from './tokens.js';

/** Settings of {@link MatchingHolder}. */
export interface MatchingHolderOptions {
  db: Db;
  clock: Clock;
  random: Random;
  logger: Logger;
  pool: OprfPool;
  index: MatchingIndex;
  /** Token version published with the filter (TOKEN_VERSION; another value only in tests). */
  tokenVersion?: string;
  /** Verified partners' node ids (for the reports). */
  partners(): Promise<string[]>;
  /** This node's id and current signing key: the evaluate answer is signed (PROTOCOL §12.2). */
  node: string;
  signingKey(): SigningKey;
}

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** The holder's side: see the file comment. */
export class MatchingHolder {
  constructor(readonly o: MatchingHolderOptions) {}

  #newId(): string {
    return uuidv7(this.o.clock, (n) => this.o.random.bytes(n));
  }

  async #allowedPolicy(partner: string) {
    const policy = await store.getPolicy(this.o.db, partner);
    if (!policy?.enabled || policy.record_types.length === 0)
      throw new ApiError(
        403,
        'matching_not_allowed',
        'This node does not allow hit/no-hit checks by your node',
      );
    return policy;
  }

  /** The filter for a partner: whole, or the delta since the version it holds. */
  async publishFilter(
    partner: string,
    since: { epoch?: number; policyVersion?: number; version?: number },
  ): Promise<FilterResponse> {
    const policy = await this.#allowedPolicy(partner);
    let state = await store.readState(this.o.db);
    if (state.epoch === 0) {
      await this.o.index.refresh();
      state = await store.readState(this.o.db);
    }
    const delta =
      since.epoch === state.epoch && since.policyVersion === policy.version && since.version !== undefined
        ? since.version
        : null;
    const { added, removed } = await store.filterEntries(this.o.db, state.epoch, policy, partner, delta);
    return {
      suite: OPRF_SUITE,
      tokenVersion: this.o.tokenVersion ?? TOKEN_VERSION,
      epoch: state.epoch,
      policyVersion: policy.version,
      version: Number(state.version),
      full: delta === null,
      added: added.toString('base64'),
      removed: removed.toString('base64'),
    };
  }

  /** Logs a received query and audits it: counts, purpose and legal basis, never an element. */
  #logReceived(partner: string, req: EvaluateRequest, outcome: string, answerJws?: string): Promise<void> {
    return this.o.db.transaction().execute(async (tx) => {
      await store.logQuery(tx, {
        id: req.queryId,
        direction: 'received',
        partner,
        officer: null,
        purpose: req.purpose,
        legalBasis: req.legalBasis,
        items: req.items,
        evaluations: req.elements.length,
        hits: null,
        outcome,
        at: this.o.clock.now(),
        ...(answerJws ? { answerJws } : {}),
      });
      await appendAudit(tx, this.o.clock, {
        actor: `partner:${partner}`,
        action: outcome === 'evaluated' ? 'matching.evaluate' : 'matching.evaluate.refused',
        subject: `partner:${partner}`,
        detail: {
          queryId: req.queryId,
          outcome,
          purpose: req.purpose,
          legalBasis: req.legalBasis,
          items: req.items,
          elements: req.elements.length,
        },
      });
    });
  }

  /**
   * Evaluates a partner's blinded elements under the current key. Refused (and logged) when
   * the policy does not allow the partner, the quota is used up, or the epoch is stale. The
   * log and the audit entry hold counts, purpose and legal basis: never an element.
   */
  async evaluate(partner: string, req: EvaluateRequest): Promise<EvaluateResponse> {
    const refuse = async (code: string, err: ApiError): Promise<never> => {
      await this.#logReceived(partner, req, code);
      throw err;
    };
    // Policy, key epoch and quota used today: one statement on the path of every check.
    const { policy, used, ...state } = await store.evaluationContext(
      this.o.db,
      partner,
      startOfDay(this.o.clock.now()),
    );
    if (!policy?.enabled || policy.recordTypes === 0)
      return refuse(
        'matching_not_allowed',
        new ApiError(403, 'matching_not_allowed', 'This node does not allow hit/no-hit checks by your node'),
      );
    if (req.epoch !== state.epoch)
      return refuse(
        'matching_epoch_changed',
        new ApiError(409, 'matching_epoch_changed', `The matching key is now at epoch ${state.epoch}`),
      );
    if (used + req.elements.length > policy.dailyQuota)
      return refuse(
        'matching_quota_exceeded',
        new ApiError(
          429,
          'matching_quota_exceeded',
          `Daily quota: ${policy.dailyQuota} evaluations, ${used} used, ${req.elements.length} asked`,
        ),
      );
    const { key } = await this.o.index.key(state.epoch);
    let evaluated: Buffer;
    try {
      evaluated = await this.o.pool.evaluate(
        key,
        Buffer.concat(req.elements.map((e) => Buffer.from(e, 'base64'))),
      );
    } catch (err) {
      if (err instanceof InvalidElementError)
        return refuse('bad_request', new ValidationError('An element is not a valid group element'));
      throw err;
    }
    const answered = Array.from({ length: req.elements.length }, (_, i) =>
      evaluated.subarray(i * ELEMENT_BYTES, (i + 1) * ELEMENT_BYTES).toString('base64'),
    );
    const answer = await signMatchingAnswer(
      {
        type: 'matching.answer',
        version: 1,
        queryId: req.queryId,
        holder: this.o.node,
        querier: partner,
        epoch: state.epoch,
        suite: OPRF_SUITE,
        elementsHash: hashElements(req.elements),
        evaluatedHash: hashElements(answered),
        answeredAt: this.o.clock.now().toISOString(),
      },
      this.o.signingKey(),
    );
    await this.#logReceived(partner, req, 'evaluated', answer);
    return {
      queryId: req.queryId,
      epoch: state.epoch,
      suite: OPRF_SUITE,
      version: state.version,
      policyVersion: policy.version,
      evaluated: answered,
      answer,
    };
  }

  // ---- policies ---------------------------------------------------------------------------

  #policyView(partner: string, row: Awaited<ReturnType<typeof store.getPolicy>>): PolicyView {
    return {
      partner,
      enabled: row?.enabled ?? false,
      recordTypes: (row?.record_types ?? []) as PolicyView['recordTypes'],
      crimeAreas: (row?.crime_areas ?? []) as PolicyView['crimeAreas'],
      dailyQuota: row?.daily_quota ?? DEFAULT_DAILY_QUOTA,
      version: row?.version ?? 0,
      updatedAt: row?.updated_at ? new Date(row.updated_at).toISOString() : null,
      updatedBy: row?.updated_by ?? null,
    };
  }

  /** Every verified partner's policy (deny by default: none set means not allowed). */
  async policies(actor: Actor): Promise<PolicyView[]> {
    requirePermission(actor, 'matching.read');
    const rows = new Map((await store.listPolicies(this.o.db)).map((r) => [r.partner, r]));
    const partners = new Set([...(await this.o.partners()), ...rows.keys()]);
    return [...partners].sort().map((p) => this.#policyView(p, rows.get(p)));
  }

  /** Sets a partner's policy (the DPO; audited). */
  async setPolicy(actor: Actor, partner: string, policy: MatchingPolicy): Promise<PolicyView> {
    requirePermission(actor, 'matching.policy');
    if (!(await this.o.partners()).includes(partner)) throw new NotFoundError('No such verified partner');
    const row = await this.o.db.transaction().execute(async (tx) => {
      const r = await store.upsertPolicy(tx, partner, policy, auditActor(actor), this.o.clock.now());
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'matching.policy.set',
        subject: `partner:${partner}`,
        detail: { ...policy, version: r.version },
      });
      return r;
    });
    return this.#policyView(partner, row);
  }

  // ---- holdings ---------------------------------------------------------------------------

  /** Registers entities for matching (validated as entities; audited without their values). */
  async addHoldings(actor: Actor, req: HoldingRequest): Promise<{ added: number; refresh: RefreshResult }> {
    requirePermission(actor, 'matching.manage');
    const rows = req.entities.map((raw, i) => {
      const parsed = parseWithIssues(entitySchema, raw);
      if (!parsed.ok)
        throw new ValidationError(
          `Entity ${i + 1}: ${parsed.issues.map((x) => `${x.path || '(entity)'}: ${x.message}`).join('; ')}`,
          parsed.issues.map((x) => ({ path: `entities.${i}.${x.path}`, code: x.code, message: x.message })),
        );
      const e = parsed.value as { kind: string };
      if (!(RECORD_TYPES as readonly string[]).includes(e.kind))
        throw new ValidationError(`Entity ${i + 1}: ${e.kind} records are not matchable`);
      return {
        id: this.#newId(),
        source: req.source,
        kind: e.kind,
        entity: JSON.stringify(e),
        crime_areas: req.crimeAreas,
        created_by: actor.username,
        created_at: this.o.clock.now(),
      };
    });
    await this.o.db.transaction().execute(async (tx) => {
      for (let i = 0; i < rows.length; i += 1000)
        await tx
          .insertInto('matching_holdings')
          .values(rows.slice(i, i + 1000))
          .execute();
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'matching.holdings.add',
        subject: 'matching-holdings',
        detail: { source: req.source, count: rows.length, crimeAreas: req.crimeAreas },
      });
    });
    return { added: rows.length, refresh: await this.o.index.refresh() };
  }

  async holdings(actor: Actor): Promise<HoldingView[]> {
    requirePermission(actor, 'matching.manage');
    const rows = await this.o.db
      .selectFrom('matching_holdings')
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(1000)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      source: r.source,
      kind: r.kind,
      crimeAreas: r.crime_areas,
      entity: r.entity as Record<string, unknown>,
      createdAt: new Date(r.created_at).toISOString(),
      createdBy: r.created_by,
    }));
  }

  async deleteHolding(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'matching.manage');
    await this.o.db.transaction().execute(async (tx) => {
      const n = await tx.deleteFrom('matching_holdings').where('id', '=', id).executeTakeFirst();
      if (Number(n.numDeletedRows) === 0) throw new NotFoundError('No such holding');
      await appendAudit(tx, this.o.clock, {
        actor: auditActor(actor),
        action: 'matching.holdings.delete',
        subject: `matching-holding:${id}`,
      });
    });
    await this.o.index.refresh();
  }

  // ---- index and reports ------------------------------------------------------------------

  async status(actor: Actor): Promise<IndexStatus> {
    requirePermission(actor, 'matching.read');
    return this.o.index.status();
  }

  async refresh(actor: Actor): Promise<IndexStatus> {
    requirePermission(actor, 'matching.manage');
    await this.o.index.refresh();
    return this.o.index.status();
  }

  /** Rotates the key and rebuilds the index under it (audited). */
  async rebuild(actor: Actor): Promise<IndexStatus> {
    requirePermission(actor, 'matching.manage');
    await this.o.index.refresh();
    await this.o.index.rotate(auditActor(actor));
    return this.o.index.status();
  }

  /** Queries made and received, per partner. */
  async report(actor: Actor): Promise<PartnerReport[]> {
    requirePermission(actor, 'matching.read');
    const totals = await store.queryTotals(this.o.db);
    const policies = new Map((await store.listPolicies(this.o.db)).map((p) => [p.partner, p]));
    const partners = new Set([...(await this.o.partners()), ...totals.map((t) => t.partner)]);
    const today = startOfDay(this.o.clock.now());
    const out: PartnerReport[] = [];
    for (const partner of [...partners].sort()) {
      const rows = totals.filter((t) => t.partner === partner);
      const made = rows.filter((r) => r.direction === 'made');
      const received = rows.filter((r) => r.direction === 'received');
      const sum = (rs: typeof rows, f: 'queries' | 'items' | 'evaluations' | 'hits') =>
        rs.reduce((n, r) => n + Number(r[f]), 0);
      const last = rows.map((r) => new Date(r.last).getTime()).sort((a, b) => b - a)[0];
      out.push({
        partner,
        made: { queries: sum(made, 'queries'), items: sum(made, 'items'), hits: sum(made, 'hits') },
        received: {
          queries: sum(received, 'queries'),
          items: sum(received, 'items'),
          evaluations: sum(
            received.filter((r) => r.outcome === 'evaluated'),
            'evaluations',
          ),
          refused: sum(
            received.filter((r) => r.outcome !== 'evaluated'),
            'queries',
          ),
        },
        evaluationsToday: await store.evaluationsSince(this.o.db, partner, today),
        dailyQuota: policies.get(partner)?.daily_quota ?? DEFAULT_DAILY_QUOTA,
        lastQueryAt: last ? new Date(last).toISOString() : null,
      });
    }
    return out;
  }

  /** The query log, newest first (no values are ever in it). */
  async queries(actor: Actor, partner?: string): Promise<QueryLog[]> {
    requirePermission(actor, 'matching.read');
    const rows = await store.listQueries(this.o.db, partner, 200);
    return rows.map((r) => ({
      id: r.id,
      direction: r.direction,
      partner: r.partner,
      officer: r.officer,
      purpose: r.purpose,
      legalBasis: r.legal_basis,
      items: r.items,
      evaluations: r.evaluations,
      hits: r.hits,
      outcome: r.outcome,
      createdAt: new Date(r.created_at).toISOString(),
      answerJws: r.answer_jws,
    }));
  }
}
