import { ApiError } from '../platform/index.js';
import { endpointUrl } from './backoff.js';
import { signRequest, verifyRequest } from './http-signature.js';
import { findPartner, latestOwnCard, listPartnerRecords } from './partner-store.js';
import type { FederationRuntime } from './runtime.js';

/** A partner's signed request to this node, checked: who signed it, or why it was refused. */
export type PartnerRequestCheck =
  | { ok: true; partner: string }
  | { ok: false; status: number; code: string; message: string; reason: string };

/** A request to a verified partner's node, signed with this node's key (RFC 9421). */
async function sendSigned(
  rt: FederationRuntime,
  nodeId: string,
  path: string,
  body: string | undefined,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const partner = await findPartner(rt.db, nodeId);
  if (!partner || partner.status !== 'verified') {
    throw new ApiError(409, 'partner_not_verified', `${nodeId} is not a verified partner`);
  }
  const url = endpointUrl(partner.endpoint, path);
  const signing = rt.keys().signing;
  const method = body === undefined ? 'GET' : 'POST';
  const contentType: Record<string, string> =
    body === undefined ? {} : { 'content-type': 'application/json' };
  const headers = signRequest(
    { method, url, headers: contentType, ...(body === undefined ? {} : { body }) },
    { privateKey: signing.privateKey, kid: signing.publicJwk.kid },
    { clock: rt.clock },
  );
  return rt.fetch(url, {
    method,
    headers: { ...headers, ...contentType },
    ...(body === undefined ? {} : { body }),
    signal: signal ?? AbortSignal.timeout(rt.settings.requestTimeoutMs * 10),
  });
}

/**
 * A GET to a verified partner's node, signed with this node's key (RFC 9421, PROTOCOL §6),
 * for resources fetched after a message (exchange attachments, the matching filter). `path`
 * is below the partner's endpoint.
 */
export function fetchFromPartner(
  rt: FederationRuntime,
  nodeId: string,
  path: string,
  signal?: AbortSignal,
): Promise<Response> {
  return sendSigned(rt, nodeId, path, undefined, signal);
}

/**
 * A POST of a JSON body to a verified partner's node, signed with this node's key (RFC 9421
 * with the RFC 9530 content digest, PROTOCOL §6), for node-to-node calls answered at once
 * (the hit/no-hit evaluation, PROTOCOL §12). `path` is below the partner's endpoint.
 */
export function postToPartner(
  rt: FederationRuntime,
  nodeId: string,
  path: string,
  body: string,
  signal?: AbortSignal,
): Promise<Response> {
  return sendSigned(rt, nodeId, path, body, signal);
}

/**
 * Checks the HTTP message signature of a partner's request to this node (other than the
 * inbox, which checks its own): the key id must be the signing key of a verified partner.
 * The target URI is rebuilt from this node's public endpoint, as for the inbox.
 */
export async function verifyPartnerRequest(
  rt: FederationRuntime,
  req: {
    method: string;
    path: string;
    headers: Headers;
    /** The body bytes as received, when the request has one (its content digest is checked). */
    body?: Uint8Array | string;
  },
): Promise<PartnerRequestCheck> {
  const partners = (await listPartnerRecords(rt.db)).filter((p) => p.status === 'verified');
  let partner: string | undefined;
  const signed = await verifyRequest(
    {
      method: req.method,
      url: endpointUrl(rt.endpoint(), req.path),
      headers: req.headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
    },
    {
      clock: rt.clock,
      resolveKey: (kid) => {
        for (const p of partners) {
          const card = rt.parseCard(p.cardJws);
          if (card.signingKey.kid === kid) {
            partner = p.nodeId;
            return card.signingKey;
          }
        }
        return undefined;
      },
    },
  );
  if (!signed.ok || !partner) {
    const reason = signed.ok ? 'unknownKey' : signed.reason.type;
    return {
      ok: false,
      status: 401,
      code: 'bad_http_signature',
      message: `HTTP message signature refused: ${reason}`,
      reason,
    };
  }
  return { ok: true, partner };
}

/**
 * Sends this node's latest rotation statement to one partner (PROTOCOL §2.1). Returns the
 * HTTP status (0: unreachable, 204: nothing to push).
 */
export async function pushRotation(rt: FederationRuntime, nodeId: string): Promise<number> {
  const latest = await latestOwnCard(rt.db);
  const partner = await findPartner(rt.db, nodeId);
  if (!latest?.rotationJws || !partner || partner.status !== 'verified') return 204;
  try {
    const res = await rt.fetch(endpointUrl(partner.endpoint, '/federation/v1/card-rotation'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rotationJws: latest.rotationJws }),
      signal: AbortSignal.timeout(rt.settings.requestTimeoutMs),
    });
    await res.body?.cancel();
    return res.status;
  } catch (err) {
    rt.logger.warn('federation: rotation push failed', { partner: nodeId, err });
    return 0;
  }
}
