/**
 * Attachments between nodes (docs/PROTOCOL.md §8.3). The message carries each file's
 * metadata and transfer key; the recipient then fetches the encrypted file from the sender
 * with a signed GET, and accepts it only when it decrypts to the announced size and SHA-256.
 */
import { ApiError, appendAudit } from '../platform/index.js';
import { ATTACHMENT_OVERHEAD_BYTES, toWebStream } from './attachments.js';
import type { ExchangeOptions } from './options.js';
import * as store from './store.js';
import type { PartnerRequest } from './transport.js';

/** Path, below a node's endpoint, where partners fetch attachment files. */
export const PARTNER_ATTACHMENT_PATH = '/federation/v1/attachments';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function refusal(status: number, code: string, message: string, reason?: string): Response {
  return Response.json({ error: { code, message, ...(reason ? { reason } : {}) } }, { status });
}

/**
 * Answers a partner's signed GET for an attachment: only the recipient of the message that
 * carries it gets the bytes; anyone else gets 404, as if the file did not exist.
 */
export async function serveAttachmentToPartner(
  o: ExchangeOptions,
  request: PartnerRequest,
  id: string,
): Promise<Response> {
  const auth = await o.transport.authenticatePartner(request);
  if (!auth.ok) return refusal(auth.status, auth.code, auth.message, auth.reason);
  if (!UUID.test(id) || !(await store.attachmentSentTo(o.db, id, auth.partner))) {
    return refusal(404, 'not_found', 'No such attachment');
  }
  const row = await store.getAttachment(o.db, id);
  if (!row?.transfer_key || row.status !== 'stored') return refusal(404, 'not_found', 'No such attachment');
  const content = await o.vault.openForTransfer(
    id,
    o.vault.unwrapKey(id, row.wrapped_key),
    o.vault.unwrapKey(id, row.transfer_key),
  );
  await o.db.transaction().execute((tx) =>
    appendAudit(tx, o.clock, {
      actor: `partner:${auth.partner}`,
      action: 'attachment.transfer',
      subject: `attachment:${id}`,
      detail: { message: row.message_id, size: Number(row.size) },
    }),
  );
  return new Response(toWebStream(content), {
    status: 200,
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(Number(row.size) + ATTACHMENT_OVERHEAD_BYTES),
      'cache-control': 'no-store',
    },
  });
}

/** Options of {@link AttachmentFetcher}. */
export interface AttachmentFetcherOptions {
  /** Period of the background poll; a received message also kicks it. Default 5 s. */
  pollMs?: number;
  /** Attempts before a file is marked failed. Default 12 (about a day with back-off). */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  leaseMs?: number;
}

/**
 * Fetches the files of received messages in the background. Claims rows with a lease
 * (`FOR UPDATE SKIP LOCKED`), so several processes on one database share the work.
 */
export class AttachmentFetcher {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  readonly #s: Required<AttachmentFetcherOptions>;

  constructor(
    private readonly o: ExchangeOptions,
    options: AttachmentFetcherOptions = {},
  ) {
    this.#s = {
      pollMs: options.pollMs ?? 5000,
      maxAttempts: options.maxAttempts ?? 12,
      baseDelayMs: options.baseDelayMs ?? 10_000,
      maxDelayMs: options.maxDelayMs ?? 3_600_000,
      leaseMs: options.leaseMs ?? 10 * 60_000,
    };
  }

  /** Starts the background poll. */
  start(): void {
    this.#timer = setInterval(() => this.kick(), this.#s.pollMs);
    this.#timer.unref();
  }

  /** Stops polling and waits for the fetch in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#running;
  }

  /** Runs a fetch round now, or right after the one in progress. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.runOnce()
      .then(() => {})
      .catch((err) => this.o.logger.error('attachment fetch round failed', { err }))
      .finally(() => {
        this.#running = undefined;
        if (this.#again && !this.#stopped) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /** Waits until no fetch round is running (tests). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Fetches every due file once; returns how many were stored. */
  async runOnce(): Promise<number> {
    let stored = 0;
    for (;;) {
      const now = this.o.clock.now();
      const batch = await store.claimPendingAttachments(
        this.o.db,
        now,
        new Date(now.getTime() + this.#s.leaseMs),
        4,
      );
      if (batch.length === 0) return stored;
      for (const row of batch) if (await this.#fetchOne(row)) stored++;
    }
  }

  async #fetchOne(row: store.AttachmentRow): Promise<boolean> {
    const { db, clock, vault, transport } = this.o;
    try {
      const res = await transport.fetchFromPartner(row.partner!, `${PARTNER_ATTACHMENT_PATH}/${row.id}`);
      if (res.status !== 200 || !res.body) {
        const text = (await res.text().catch(() => '')).slice(0, 1024);
        throw new ApiError(res.status, 'fetch_refused', `partner answered ${res.status}: ${text}`);
      }
      await vault.importCiphertext(row.id, res.body, vault.unwrapKey(row.id, row.wrapped_key), {
        size: Number(row.size),
        sha256: row.sha256,
      });
      await db.transaction().execute(async (tx) => {
        await store.finishFetch(tx, row.id, { status: 'stored' });
        await appendAudit(tx, clock, {
          actor: 'system',
          action: 'attachment.receive',
          subject: `attachment:${row.id}`,
          detail: {
            partner: row.partner,
            message: row.message_id,
            size: Number(row.size),
            sha256: row.sha256,
          },
        });
      });
      return true;
    } catch (err) {
      const attempts = row.fetch_attempts + 1;
      const error = (err as Error).message ?? String(err);
      this.o.logger.warn('attachment fetch failed', {
        attachment: row.id,
        partner: row.partner,
        attempts,
        error,
      });
      const delay = Math.min(this.#s.baseDelayMs * 2 ** (attempts - 1), this.#s.maxDelayMs);
      // A 404/403 from the sender will not change by retrying less than a few times, but a
      // partner restoring a backup might answer later: retries stay bounded by maxAttempts.
      await store.finishFetch(
        db,
        row.id,
        attempts >= this.#s.maxAttempts
          ? { status: 'failed', error }
          : { status: 'pending', nextFetchAt: new Date(clock.now().getTime() + delay), error },
      );
      return false;
    }
  }
}
