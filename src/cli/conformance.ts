/**
 * The federation conformance checklist (PROTOCOL §11): plays, over real HTTP, what a partner
 * node must accept and what it must refuse, and reports pass or fail per item. It speaks as
 * a test identity the node under test has paired as a verified partner; the envelopes it
 * sends are built with the reference implementation, and the hostile ones (a header swapped
 * under a valid signature) with the independent `jose` library.
 */
import { randomUUID } from 'node:crypto';
import { CompactEncrypt, CompactSign, importJWK } from 'jose';
import {
  computeFingerprint,
  createNodeCard,
  ENVELOPE_TYP,
  MESSAGE_TYP,
  type NodeCard,
  sealEnvelope,
  signRequest,
  systemRandomBytes,
  uuidv7,
  verifyNodeCard,
  verifyReceipt,
} from '../federation/index.js';
import {
  canonicalizeToBytes,
  exportPrivateJwk,
  generateNodeKeys,
  importPrivateJwk,
  ManualClock,
  type NodeKeys,
  nodeKeysFromPrivateKeys,
  systemClock,
} from '../platform/index.js';

/** The kit's own identity: a node id, keys and a self-signed card the tested node pairs. */
export interface ConformanceIdentity {
  nodeId: string;
  keys: NodeKeys;
  cardJws: string;
  card: NodeCard;
}

/** The identity as stored in its file (private keys in JWK form; keep the file private). */
export interface StoredConformanceIdentity {
  version: 1;
  nodeId: string;
  cardJws: string;
  signing: ReturnType<typeof exportPrivateJwk>;
  encryption: ReturnType<typeof exportPrivateJwk>;
}

/** One item of the checklist. */
export interface ConformanceItem {
  id: string;
  title: string;
  ok: boolean;
  detail: string;
}

/** Creates a fresh test identity whose card is valid for 30 days. */
export async function createConformanceIdentity(
  nodeId: string,
  country: string,
  endpoint: string,
): Promise<StoredConformanceIdentity> {
  const keys = generateNodeKeys();
  const now = systemClock.now();
  const { cardJws } = await createNodeCard(
    {
      nodeId,
      agency: 'Passerelle conformance kit (test identity, not an agency)',
      country,
      endpoint,
      validFrom: new Date(now.getTime() - 60_000),
      validUntil: new Date(now.getTime() + 30 * 24 * 3600_000),
    },
    keys,
  );
  return {
    version: 1,
    nodeId,
    cardJws,
    signing: exportPrivateJwk(keys.signing.privateKey),
    encryption: exportPrivateJwk(keys.encryption.privateKey),
  };
}

/** Loads a stored identity and checks its card still verifies with its keys. */
export async function loadConformanceIdentity(
  stored: StoredConformanceIdentity,
): Promise<ConformanceIdentity> {
  const keys = nodeKeysFromPrivateKeys(importPrivateJwk(stored.signing), importPrivateJwk(stored.encryption));
  const verified = await verifyNodeCard(stored.cardJws, { clock: systemClock });
  if (!verified.ok)
    throw new Error(`the identity's card does not verify (${verified.reason.type}): create a new one`);
  if (verified.card.signingKey.kid !== keys.signing.publicJwk.kid)
    throw new Error("the identity's card does not match its keys");
  return { nodeId: stored.nodeId, keys, cardJws: stored.cardJws, card: verified.card };
}

/** The fingerprint of an identity's card, as the tested node's administrator compares it. */
export function identityFingerprint(identity: ConformanceIdentity) {
  return computeFingerprint(identity.card);
}

const INBOX = '/federation/v1/inbox';
const newId = (now: Date) => uuidv7({ now: () => now }, systemRandomBytes);
const synthetic = 'Conformance kit test message. Synthetic: no real person, phone or vessel.';

function contentMessage(type: 'rfi' | 'info' | 'alert', now: Date) {
  const id = newId(now);
  return {
    schemaVersion: 1,
    type,
    id,
    createdAt: now.toISOString(),
    conversationId: id,
    subject: `Conformance check: ${type}`,
    body: synthetic,
    language: 'en',
    crimeAreas: ['migrant_smuggling'],
    priority: 'routine',
    handlingCode: 'H3',
    handlingRestriction: 'Test message: discard',
    tlp: 'GREEN',
    evaluation: { sourceReliability: 'X', informationAccuracy: 4 },
    legalBasis: 'Conformance test between partner nodes',
    purpose: 'Check the federation protocol',
    retentionReviewDate: now.toISOString().slice(0, 10),
    ...(type === 'rfi' ? { deadline: new Date(now.getTime() + 7 * 24 * 3600_000).toISOString() } : {}),
    ...(type === 'alert'
      ? {
          alertKind: 'missing_person',
          entities: [{ kind: 'person', id: 'p1', role: 'missing', datesOfBirth: ['2009'], synthetic: true }],
        }
      : {}),
  };
}

interface Answer {
  status: number;
  json: { receiptJws?: string; error?: { code?: string; reason?: string; fields?: string[] } } | null;
}

/**
 * Plays the checklist against the node at `url` (its base URL, as in its card). The node
 * must have imported `identity`'s card and verified its fingerprint.
 */
export async function runConformanceChecks(
  url: string,
  identity: ConformanceIdentity,
  options: { fetch?: typeof fetch } = {},
): Promise<ConformanceItem[]> {
  const http = options.fetch ?? fetch;
  const base = url.replace(/\/+$/, '');
  const items: ConformanceItem[] = [];
  const record = (id: string, title: string, ok: boolean, detail: string) => {
    items.push({ id, title, ok, detail });
    return ok;
  };

  // Pairing: the node's card, from its base URL.
  let card: NodeCard | undefined;
  try {
    const res = await http(`${base}/federation/v1/card`);
    const body = (await res.json()) as { cardJws?: unknown };
    const verified = await verifyNodeCard(body.cardJws, { clock: systemClock });
    if (verified.ok) card = verified.card;
    record(
      'pairing.card',
      'GET /federation/v1/card answers a self-signed card that verifies (§2)',
      verified.ok,
      verified.ok
        ? `${verified.card.nodeId}, fingerprint ${computeFingerprint(verified.card).text}`
        : `HTTP ${res.status}, ${verified.reason.type}`,
    );
    if (card) {
      record(
        'pairing.endpoint',
        "The card's endpoint is a base URL (not ending in /federation/v1)",
        !/\/federation\/v1\/?$/.test(card.endpoint),
        card.endpoint,
      );
    }
  } catch (err) {
    record(
      'pairing.card',
      'GET /federation/v1/card answers a self-signed card that verifies (§2)',
      false,
      String(err),
    );
  }
  if (!card) return items;
  const remote = card;

  try {
    const res = await http(`${base}/federation/v1/schemas`);
    const names = res.ok
      ? ((await res.json()) as { schemas: Array<{ name: string }> }).schemas.map((s) => s.name)
      : [];
    const needed = ['rfi', 'reply', 'info', 'alert', 'ack', 'audit.checkpoint'];
    const missing = needed.filter((n) => !names.includes(n));
    record(
      'schemas',
      'GET /federation/v1/schemas lists the JSON Schema of every message type (§8.4)',
      missing.length === 0,
      missing.length === 0 ? `${names.length} schemas` : `HTTP ${res.status}; missing ${missing.join(', ')}`,
    );
  } catch (err) {
    record(
      'schemas',
      'GET /federation/v1/schemas lists the JSON Schema of every message type (§8.4)',
      false,
      String(err),
    );
  }

  const signing = { privateKey: identity.keys.signing.privateKey, kid: identity.keys.signing.publicJwk.kid };
  const seal = (type: string, payload: unknown, opts: { clock?: ManualClock; id?: string } = {}) =>
    sealEnvelope({
      sender: { nodeId: identity.nodeId, signingKey: signing },
      recipient: { nodeId: remote.nodeId, encryptionKey: remote.encryptionKey },
      type,
      payload,
      clock: opts.clock ?? systemClock,
      random: systemRandomBytes,
      ...(opts.id ? { id: opts.id } : {}),
    });
  const post = async (
    body: string,
    opts: {
      key?: typeof signing;
      clock?: ManualClock;
      alter?: (b: string) => string;
      unsigned?: boolean;
    } = {},
  ): Promise<Answer> => {
    const target = `${base}${INBOX}`;
    const headers: Record<string, string> = { 'content-type': 'application/jose' };
    const signature = opts.unsigned
      ? {}
      : signRequest({ method: 'POST', url: target, headers, body }, opts.key ?? signing, {
          clock: opts.clock ?? systemClock,
        });
    const res = await http(target, {
      method: 'POST',
      headers: { ...headers, ...signature },
      body: opts.alter ? opts.alter(body) : body,
    });
    const text = await res.text();
    let json: Answer['json'] = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, json };
  };
  const describeAnswer = (a: Answer) =>
    `HTTP ${a.status}${a.json?.error ? ` ${a.json.error.code}${a.json.error.reason ? ` (${a.json.error.reason})` : ''}` : ''}`;
  const refused = (a: Answer, status: number, code: string) =>
    a.status === status && a.json?.error?.code === code;
  const checkReceipt = async (a: Answer, id: string, jwe: string) => {
    if (a.status !== 200 || typeof a.json?.receiptJws !== 'string') return `no receipt: ${describeAnswer(a)}`;
    const v = await verifyReceipt(a.json.receiptJws, remote.signingKey, {
      messageId: id,
      sender: identity.nodeId,
      receiver: remote.nodeId,
      jwe,
    });
    return v.ok ? null : `receipt refused: ${JSON.stringify(v.reason)}`;
  };

  // Each message type the node must accept, with a signed receipt for the exact envelope.
  let accepted: { id: string; jwe: string; receiptJws: string; payload: unknown } | undefined;
  for (const type of ['rfi', 'info', 'alert'] as const) {
    const message = contentMessage(type, systemClock.now());
    const payload = { message, transferKeys: {} };
    const sealed = await seal(type, payload, { id: message.id });
    const answer = await post(sealed.jwe);
    const problem = await checkReceipt(answer, sealed.id, sealed.jwe);
    if (!problem && !accepted && answer.json?.receiptJws)
      accepted = { id: sealed.id, jwe: sealed.jwe, receiptJws: answer.json.receiptJws, payload };
    record(
      `message.${type}`,
      `An ${type} is accepted with a signed receipt naming exactly this envelope (§5, §8)`,
      !problem,
      problem ?? `receipt for ${sealed.id}`,
    );
  }
  {
    const now = systemClock.now();
    const statement = {
      version: 1,
      nodeId: identity.nodeId,
      seq: 0,
      hash: '0'.repeat(64),
      at: now.toISOString(),
    };
    const jws = await new CompactSign(canonicalizeToBytes(statement))
      .setProtectedHeader({ alg: 'EdDSA', kid: signing.kid, typ: 'passerelle-audit-checkpoint+jws' })
      .sign(signing.privateKey);
    const sealed = await seal('audit.checkpoint', { checkpointJws: jws });
    const problem = await checkReceipt(await post(sealed.jwe), sealed.id, sealed.jwe);
    record(
      'message.audit.checkpoint',
      'An audit.checkpoint signed by the sender is accepted with a receipt (§9)',
      !problem,
      problem ?? 'receipt',
    );
  }
  for (const type of ['reply', 'ack'] as const) {
    const now = systemClock.now();
    const id = newId(now);
    const strange = newId(now);
    const message =
      type === 'reply'
        ? { ...contentMessage('info', now), type: 'reply', id, conversationId: strange, inReplyTo: strange }
        : {
            schemaVersion: 1,
            type: 'ack',
            id,
            createdAt: now.toISOString(),
            conversationId: strange,
            inReplyTo: strange,
            status: 'read',
          };
    const answer = await post((await seal(type, { message, transferKeys: {} }, { id })).jwe);
    record(
      `message.${type}`,
      `${type === 'ack' ? 'An' : 'A'} ${type} to a message the node never sent is refused: 422 invalid_message (§8.1)`,
      refused(answer, 422, 'invalid_message'),
      describeAnswer(answer),
    );
  }
  {
    const message = { ...contentMessage('info', systemClock.now()) } as Record<string, unknown>;
    delete message.handlingRestriction;
    const answer = await post(
      (await seal('info', { message, transferKeys: {} }, { id: message.id as string })).jwe,
    );
    record(
      'message.invalid',
      'A payload breaking its schema (H3 without a restriction) is refused: 422 invalid_message',
      refused(answer, 422, 'invalid_message'),
      describeAnswer(answer),
    );
  }
  {
    const answer = await post((await seal('conformance.unknown-type', { hello: 'world' })).jwe);
    record(
      'message.unknown-type',
      'An unknown message type is refused: 422 unknown_type (§7.1)',
      refused(answer, 422, 'unknown_type'),
      describeAnswer(answer),
    );
  }

  // Replay: the same id always gets the receipt of its first arrival.
  if (accepted) {
    const again = await post(accepted.jwe);
    record(
      'replay.same-envelope',
      'The same envelope again answers 200 with the original receipt, byte for byte (§7.4)',
      again.status === 200 && again.json?.receiptJws === accepted.receiptJws,
      describeAnswer(again),
    );
    const resealed = await seal('rfi', accepted.payload, { id: accepted.id });
    const retry = await post(resealed.jwe);
    record(
      'replay.resealed',
      'The same message id re-sealed (a retry) answers 200 with the original receipt (§7.3, §7.4)',
      retry.status === 200 && retry.json?.receiptJws === accepted.receiptJws,
      describeAnswer(retry),
    );
  } else {
    record(
      'replay.same-envelope',
      'Replays answer the original receipt (§7.4)',
      false,
      'no message was accepted',
    );
  }

  const fresh = async (type = 'info') => {
    const message = contentMessage('info', systemClock.now());
    return seal(type, { message, transferKeys: {} }, { id: message.id });
  };

  // Tampering.
  {
    const sealed = await fresh();
    const parts = sealed.jwe.split('.');
    const ct = Buffer.from(parts[3] as string, 'base64url');
    ct[0] = (ct[0] as number) ^ 0x01;
    parts[3] = ct.toString('base64url');
    const answer = await post(parts.join('.'));
    record(
      'tamper.ciphertext',
      'A changed ciphertext is refused: 400 bad_envelope (§4.2)',
      refused(answer, 400, 'bad_envelope'),
      describeAnswer(answer),
    );
  }
  {
    // Signed as an `info`, announced as an `rfi` outside: a valid signature, a lying header.
    const now = systemClock.now();
    const message = contentMessage('info', now);
    const binding = {
      mid: message.id,
      snd: identity.nodeId,
      rcp: remote.nodeId,
      iat: Math.floor(now.getTime() / 1000),
    };
    const inner = await new CompactSign(canonicalizeToBytes({ message, transferKeys: {} }))
      .setProtectedHeader({ alg: 'EdDSA', typ: MESSAGE_TYP, kid: signing.kid, ...binding, mty: 'info' })
      .sign(signing.privateKey);
    const recipientKey = await importJWK({ ...remote.encryptionKey }, 'ECDH-ES+A256KW');
    const jwe = await new CompactEncrypt(new TextEncoder().encode(inner))
      .setProtectedHeader({
        alg: 'ECDH-ES+A256KW',
        enc: 'A256GCM',
        typ: ENVELOPE_TYP,
        cty: MESSAGE_TYP,
        kid: remote.encryptionKey.kid,
        ...binding,
        mty: 'rfi',
      })
      .encrypt(recipientKey);
    const answer = await post(jwe);
    const fields = answer.json?.error?.fields ?? [];
    record(
      'tamper.header-mismatch',
      'An outer header that differs from the signed one is refused: 400 bad_envelope, headerMismatch, fields named (§4.2, §7.1)',
      refused(answer, 400, 'bad_envelope') &&
        answer.json?.error?.reason === 'headerMismatch' &&
        fields.includes('mty'),
      `${describeAnswer(answer)}${fields.length ? ` fields ${fields.join(',')}` : ''}`,
    );
  }
  {
    const sealed = await fresh();
    // Change the first character of the ciphertext: the envelope stays well-formed (a changed
    // last character can leave non-canonical base64url), so only the HTTP digest catches it.
    const alter = (b: string) => {
      const parts = b.split('.');
      const ct = parts[3] as string;
      parts[3] = `${ct.startsWith('A') ? 'B' : 'A'}${ct.slice(1)}`;
      return parts.join('.');
    };
    const answer = await post(sealed.jwe, { alter });
    record(
      'tamper.body',
      'A body changed after the HTTP signature is refused: 401 bad_http_signature (§6)',
      refused(answer, 401, 'bad_http_signature'),
      describeAnswer(answer),
    );
  }
  {
    const answer = await post((await fresh()).jwe, { unsigned: true });
    record(
      'tamper.unsigned',
      'A request without an HTTP signature is refused: 401 bad_http_signature (§6)',
      refused(answer, 401, 'bad_http_signature'),
      describeAnswer(answer),
    );
  }

  // Expiry.
  {
    const old = new ManualClock(new Date(systemClock.now().getTime() - 25 * 3600_000));
    const message = contentMessage('info', old.now());
    const answer = await post(
      (await seal('info', { message, transferKeys: {} }, { clock: old, id: message.id })).jwe,
    );
    record(
      'expiry.envelope',
      'An envelope older than the replay window (24 h) is refused: 400 expired (§4.2)',
      refused(answer, 400, 'expired'),
      describeAnswer(answer),
    );
  }
  {
    const ahead = new ManualClock(new Date(systemClock.now().getTime() + 10 * 60_000));
    const message = contentMessage('info', ahead.now());
    const answer = await post(
      (await seal('info', { message, transferKeys: {} }, { clock: ahead, id: message.id })).jwe,
    );
    record(
      'expiry.future',
      'An envelope dated 10 minutes ahead is refused: 400 bad_envelope (fromFuture) (§4.2)',
      refused(answer, 400, 'bad_envelope'),
      describeAnswer(answer),
    );
  }
  {
    const late = new ManualClock(new Date(systemClock.now().getTime() - 10 * 60_000));
    const answer = await post((await fresh()).jwe, { clock: late });
    record(
      'expiry.http-signature',
      'An HTTP signature created 10 minutes ago is refused: 401 bad_http_signature (§6)',
      refused(answer, 401, 'bad_http_signature'),
      describeAnswer(answer),
    );
  }

  // Wrong keys.
  const stranger = generateNodeKeys();
  {
    const answer = await post((await fresh()).jwe, {
      key: { privateKey: stranger.signing.privateKey, kid: stranger.signing.publicJwk.kid },
    });
    record(
      'keys.http-signature',
      "An HTTP signature by a key not on the sender's card is refused: 401 bad_http_signature (§6)",
      refused(answer, 401, 'bad_http_signature'),
      describeAnswer(answer),
    );
  }
  {
    const message = contentMessage('info', systemClock.now());
    const sealed = await sealEnvelope({
      sender: {
        nodeId: identity.nodeId,
        signingKey: { privateKey: stranger.signing.privateKey, kid: signing.kid },
      },
      recipient: { nodeId: remote.nodeId, encryptionKey: remote.encryptionKey },
      type: 'info',
      payload: { message, transferKeys: {} },
      clock: systemClock,
      random: systemRandomBytes,
      id: message.id,
    });
    const answer = await post(sealed.jwe);
    record(
      'keys.envelope-signature',
      'An envelope signed by another key under the sender key id is refused: 400 bad_envelope (badSignature)',
      refused(answer, 400, 'bad_envelope'),
      describeAnswer(answer),
    );
  }
  {
    const message = contentMessage('info', systemClock.now());
    const sealed = await sealEnvelope({
      sender: { nodeId: identity.nodeId, signingKey: signing },
      recipient: { nodeId: remote.nodeId, encryptionKey: stranger.encryption.publicJwk },
      type: 'info',
      payload: { message, transferKeys: {} },
      clock: systemClock,
      random: systemRandomBytes,
      id: message.id,
    });
    const answer = await post(sealed.jwe);
    record(
      'keys.recipient',
      'An envelope encrypted to a key the node does not hold is refused: 400 bad_envelope',
      refused(answer, 400, 'bad_envelope'),
      describeAnswer(answer),
    );
  }
  {
    const nodeId = `conformance-stranger-${randomUUID().slice(0, 8)}`;
    const strangerKey = { privateKey: stranger.signing.privateKey, kid: stranger.signing.publicJwk.kid };
    const sealed = await sealEnvelope({
      sender: { nodeId, signingKey: strangerKey },
      recipient: { nodeId: remote.nodeId, encryptionKey: remote.encryptionKey },
      type: 'info',
      payload: { message: contentMessage('info', systemClock.now()), transferKeys: {} },
      clock: systemClock,
      random: systemRandomBytes,
    });
    const answer = await post(sealed.jwe, { key: strangerKey });
    record(
      'keys.unknown-sender',
      'A node that is not a partner is refused: 403 unknown_partner (§7.4)',
      refused(answer, 403, 'unknown_partner'),
      describeAnswer(answer),
    );
  }

  // Size.
  {
    const answer = await post('a'.repeat(4 * 1024 * 1024 + 1));
    record(
      'oversize',
      'A body over 4 MiB is refused: 413 payload_too_large (§7.4)',
      refused(answer, 413, 'payload_too_large'),
      describeAnswer(answer),
    );
  }
  return items;
}
