import {
  type AuditEntry,
  type AuditVerifyResult,
  appendAudit,
  listAuditEntries,
  verifyAuditChain,
} from '../platform/index.js';
import { auditAlone, type GovernanceOptions } from './credentials.js';
import { type Actor, auditActor, requirePermission } from './roles.js';

/**
 * Access to the audit log (reading it, verifying its chain) and the audit of refusals that
 * happen outside any service call (403 denials, CSRF failures, unreadable sign-ins).
 */
export class AuditAccess {
  readonly #o: GovernanceOptions;

  constructor(o: GovernanceOptions) {
    this.#o = o;
  }

  /**
   * Audit entries, newest first (admin, DPO). Reading the log is itself recorded: who looked
   * at whose activity is part of accountability.
   */
  async read(
    actor: Actor,
    filter: { actor?: string; action?: string; subject?: string; beforeSeq?: number; limit?: number },
  ): Promise<AuditEntry[]> {
    requirePermission(actor, 'audit.read');
    return this.#o.db.transaction().execute(async (tx) => {
      const entries = await listAuditEntries(tx, filter);
      await appendAudit(tx, this.#o.clock, {
        actor: auditActor(actor),
        action: 'audit.read',
        detail: { filter: JSON.parse(JSON.stringify(filter)), returned: entries.length },
      });
      return entries;
    });
  }

  /** Recomputes the audit chain (admin, DPO) and records that it was checked, with the outcome. */
  async verify(actor: Actor): Promise<AuditVerifyResult> {
    requirePermission(actor, 'audit.verify');
    const result = await verifyAuditChain(this.#o.db);
    await auditAlone(this.#o, auditActor(actor), 'audit.verify', null, {
      ok: result.ok,
      entries: result.entries,
      ...(result.ok ? {} : { brokenAt: result.brokenAt, reason: result.reason }),
    });
    return result;
  }

  /**
   * Records a refused request of a signed-in user (403: role, need-to-know or CSRF), so
   * probing for what one may not do leaves a trace.
   */
  async recordDenied(actor: Actor, code: string, request: { method: string; path: string }): Promise<void> {
    await auditAlone(
      this.#o,
      auditActor(actor),
      code === 'csrf_invalid' ? 'auth.csrf_failed' : 'access.denied',
      null,
      {
        code,
        method: request.method,
        path: request.path.slice(0, 200),
        via: actor.via,
      },
    );
  }

  /** Audits a sign-in request refused before it was read (not JSON, not text, invalid fields). */
  async recordRefusedSignIn(code: string, ip: string | null): Promise<void> {
    await auditAlone(this.#o, 'anonymous', 'auth.login_refused', null, { reason: code, ip });
  }
}
