import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import type { Clock } from '../platform/index.js';
import { type Ed25519PublicJwk, importPublicJwk, type SigningKey } from '../platform/index.js';
import {
  type BareItem,
  type Dictionary,
  type InnerList,
  isInnerList,
  type Parameters,
  parseDictionary,
  serializeInnerList,
} from './structured-fields.js';

/** The `tag` parameter (RFC 9421 §2.3) that marks Passerelle node-to-node signatures. */
export const FEDERATION_SIGNATURE_TAG = 'passerelle-federation-1';
const DEFAULT_LABEL = 'pas';

/** Request headers as plain records (Node's `IncomingHttpHeaders` fits) or a Fetch `Headers`. */
export type HeaderInput = Headers | Record<string, string | readonly string[] | undefined>;

/** The parts of a request a signature covers. `url` is absolute, as the client addressed it. */
export interface SignableRequest {
  method: string;
  url: string;
  headers: HeaderInput;
  body?: Uint8Array | string;
}

/** Options for {@link signRequest}. */
export interface SignRequestOptions {
  clock: Clock;
  /** Covered components, in order. Default: `@method @target-uri` plus `content-digest`, `content-type`, `date` when present. */
  components?: readonly string[];
  /** Lifetime written as `expires`; `null` writes none. Default 300 s. */
  expiresInSeconds?: number | null;
  /** `tag` parameter; `null` writes none. Default {@link FEDERATION_SIGNATURE_TAG}. */
  tag?: string | null;
  /** Write `alg="ed25519"`. Default true. */
  includeAlg?: boolean;
  label?: string;
}

/** Headers to add to the request: `signature-input`, `signature` and, with a body, `content-digest`. */
export type SignatureHeaders = Record<string, string>;

/** Why a request signature was refused. */
export type HttpSignatureFailure =
  | { type: 'missingSignature' }
  | { type: 'malformedSignature'; detail: string }
  | { type: 'wrongTag' }
  | { type: 'unsupportedAlgorithm'; alg: string }
  | { type: 'unsupportedComponent'; component: string }
  | { type: 'missingComponent'; component: string }
  | { type: 'unknownKey'; keyId: string }
  | { type: 'expired' }
  | { type: 'notYetValid' }
  | { type: 'digestMismatch' }
  | { type: 'unsupportedDigest' }
  | { type: 'badSignature' };

/** Result of {@link verifyRequest}. */
export type VerifyRequestResult =
  | { ok: true; keyId: string; label: string; created: Date; components: string[] }
  | { ok: false; reason: HttpSignatureFailure };

/** Options for {@link verifyRequest}. */
export interface VerifyRequestOptions {
  /** The key registered for a `keyid` (for Passerelle: a partner card's signing key, by kid). */
  resolveKey: (
    keyId: string,
  ) => Ed25519PublicJwk | KeyObject | undefined | Promise<Ed25519PublicJwk | KeyObject | undefined>;
  clock: Clock;
  /** Oldest acceptable `created`. Default 300 s. */
  maxAgeSeconds?: number;
  /** Tolerated clock skew for `created` in the future and `expires` in the past. Default 60 s. */
  skewSeconds?: number;
  /**
   * Components that must be covered. Default: `@method`, `@target-uri` (or both `@authority`
   * and `@path`) and, when the request has a body, `content-digest`.
   */
  requiredComponents?: readonly string[];
  /** Required `tag`; `null` accepts any. Default {@link FEDERATION_SIGNATURE_TAG}. */
  tag?: string | null;
  /** Only consider this label. Default: the first label carrying the required tag. */
  label?: string;
}

const DERIVED = new Set([
  '@method',
  '@target-uri',
  '@authority',
  '@scheme',
  '@request-target',
  '@path',
  '@query',
]);

/**
 * `Content-Digest` (RFC 9530 §2) with SHA-256 over the body bytes as sent (no content
 * coding is applied by this layer).
 */
export function contentDigest(body: Uint8Array | string): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
}

/**
 * Sign a request per RFC 9421 with Ed25519 (§3.3.6). Returns the headers to add; the caller
 * must send the body bytes exactly as given and the `content-digest` returned here.
 */
export function signRequest(
  request: SignableRequest,
  key: SigningKey,
  options: SignRequestOptions,
): SignatureHeaders {
  const headers = normaliseHeaders(request.headers);
  const added: SignatureHeaders = {};
  const hasBody = request.body !== undefined;
  const components = options.components ?? [
    '@method',
    '@target-uri',
    ...(hasBody ? ['content-digest'] : []),
    ...(headers.has('content-type') ? ['content-type'] : []),
    ...(headers.has('date') ? ['date'] : []),
  ];
  if (components.includes('content-digest')) {
    if (!hasBody) throw new TypeError('content-digest covered but the request has no body');
    added['content-digest'] = contentDigest(request.body!);
    headers.set('content-digest', added['content-digest']);
  }
  const created = Math.floor(options.clock.now().getTime() / 1000);
  const params: Parameters = [['created', created]];
  const lifetime = options.expiresInSeconds === undefined ? 300 : options.expiresInSeconds;
  if (lifetime !== null) params.push(['expires', created + lifetime]);
  params.push(['keyid', key.kid]);
  if (options.includeAlg ?? true) params.push(['alg', 'ed25519']);
  const tag = options.tag === undefined ? FEDERATION_SIGNATURE_TAG : options.tag;
  if (tag !== null) params.push(['tag', tag]);
  const signatureParams: InnerList = { items: components.map((c) => ({ value: c, params: [] })), params };
  const base = signatureBase(request, headers, components, signatureParams);
  if (typeof base !== 'string')
    throw new TypeError(`cannot sign: missing or unsupported component ${base.component}`);
  const signature = sign(null, Buffer.from(base, 'utf8'), key.privateKey);
  const label = options.label ?? DEFAULT_LABEL;
  added['signature-input'] = `${label}=${serializeInnerList(signatureParams)}`;
  added.signature = `${label}=:${signature.toString('base64')}:`;
  return added;
}

/**
 * Verify an RFC 9421 signature on an incoming request: parse `Signature-Input` and
 * `Signature`, pick the label, check required coverage, freshness (`created`, `expires`),
 * `Content-Digest` against the body, then the Ed25519 signature over the rebuilt base.
 */
export async function verifyRequest(
  request: SignableRequest,
  options: VerifyRequestOptions,
): Promise<VerifyRequestResult> {
  const headers = normaliseHeaders(request.headers);
  const inputHeader = headers.get('signature-input');
  const signatureHeader = headers.get('signature');
  if (inputHeader === undefined || signatureHeader === undefined) return fail({ type: 'missingSignature' });
  let inputs: Dictionary;
  let signatures: Dictionary;
  try {
    inputs = parseDictionary(inputHeader);
    signatures = parseDictionary(signatureHeader);
  } catch (error) {
    return fail({ type: 'malformedSignature', detail: (error as Error).message });
  }
  const wantedTag = options.tag === undefined ? FEDERATION_SIGNATURE_TAG : options.tag;
  const labels = options.label !== undefined ? [options.label] : [...inputs.keys()];
  const label = labels.find((l) => {
    const member = inputs.get(l);
    return (
      member !== undefined &&
      isInnerList(member) &&
      (wantedTag === null || param(member.params, 'tag') === wantedTag)
    );
  });
  if (label === undefined)
    return fail(inputs.size === 0 ? { type: 'missingSignature' } : { type: 'wrongTag' });
  const signatureParams = inputs.get(label) as InnerList;
  const signatureMember = signatures.get(label);
  if (
    signatureMember === undefined ||
    isInnerList(signatureMember) ||
    !(signatureMember.value instanceof Uint8Array)
  ) {
    return fail({ type: 'malformedSignature', detail: `no byte-sequence signature for label ${label}` });
  }
  const components: string[] = [];
  for (const item of signatureParams.items) {
    if (typeof item.value !== 'string')
      return fail({ type: 'malformedSignature', detail: 'component is not a string' });
    if (item.params.length > 0) return fail({ type: 'unsupportedComponent', component: item.value });
    if (components.includes(item.value))
      return fail({ type: 'malformedSignature', detail: 'duplicate component' });
    components.push(item.value);
  }
  const created = param(signatureParams.params, 'created');
  const expires = param(signatureParams.params, 'expires');
  const keyId = param(signatureParams.params, 'keyid');
  const alg = param(signatureParams.params, 'alg');
  if (typeof created !== 'number' || !Number.isInteger(created))
    return fail({ type: 'malformedSignature', detail: 'created' });
  if (expires !== undefined && (typeof expires !== 'number' || !Number.isInteger(expires))) {
    return fail({ type: 'malformedSignature', detail: 'expires' });
  }
  if (typeof keyId !== 'string') return fail({ type: 'malformedSignature', detail: 'keyid' });
  if (alg !== undefined && alg !== 'ed25519') return fail({ type: 'unsupportedAlgorithm', alg: String(alg) });

  const hasBody = request.body !== undefined;
  const required = options.requiredComponents ?? [
    '@method',
    ...(components.includes('@target-uri') ? ['@target-uri'] : ['@authority', '@path']),
    ...(hasBody ? ['content-digest'] : []),
  ];
  for (const component of required) {
    if (!components.includes(component)) return fail({ type: 'missingComponent', component });
  }

  const now = options.clock.now().getTime() / 1000;
  const skew = options.skewSeconds ?? 60;
  if (created > now + skew) return fail({ type: 'notYetValid' });
  if (created < now - (options.maxAgeSeconds ?? 300)) return fail({ type: 'expired' });
  if (typeof expires === 'number' && expires < now - skew) return fail({ type: 'expired' });

  if (components.includes('content-digest')) {
    const digest = checkContentDigest(headers.get('content-digest'), request.body);
    if (digest !== 'ok') return fail(digest);
  }

  const base = signatureBase(request, headers, components, signatureParams);
  if (typeof base !== 'string') return fail(base);
  const jwkOrKey = await options.resolveKey(keyId);
  if (jwkOrKey === undefined) return fail({ type: 'unknownKey', keyId });
  let publicKey: KeyObject;
  try {
    publicKey = 'kty' in jwkOrKey ? importPublicJwk(jwkOrKey) : jwkOrKey;
  } catch {
    return fail({ type: 'unknownKey', keyId });
  }
  if (publicKey.asymmetricKeyType !== 'ed25519')
    return fail({ type: 'unsupportedAlgorithm', alg: 'key is not Ed25519' });
  const ok = verify(null, Buffer.from(base, 'utf8'), publicKey, signatureMember.value);
  if (!ok) return fail({ type: 'badSignature' });
  return { ok: true, keyId, label, created: new Date(created * 1000), components };
}

/**
 * The RFC 9421 §2.5 signature base: one line per covered component, then
 * `"@signature-params"`. Exported for conformance tests against the RFC's examples.
 */
export function createSignatureBase(
  request: SignableRequest,
  components: readonly string[],
  signatureParams: InnerList,
): string | { type: 'missingComponent' | 'unsupportedComponent'; component: string } {
  return signatureBase(request, normaliseHeaders(request.headers), components, signatureParams);
}

function signatureBase(
  request: SignableRequest,
  headers: Map<string, string>,
  components: readonly string[],
  signatureParams: InnerList,
): string | { type: 'missingComponent' | 'unsupportedComponent'; component: string } {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { type: 'unsupportedComponent', component: '@target-uri' };
  }
  const lines: string[] = [];
  for (const name of components) {
    let value: string | undefined;
    if (name.startsWith('@')) {
      if (!DERIVED.has(name)) return { type: 'unsupportedComponent', component: name };
      value = derived(name, request.method, url);
    } else {
      if (name !== name.toLowerCase() || name === 'signature' || name === 'signature-input') {
        return { type: 'unsupportedComponent', component: name };
      }
      value = headers.get(name);
      if (value === undefined) return { type: 'missingComponent', component: name };
    }
    // A newline inside a value would let one component impersonate another line.
    if (/[\r\n]/.test(value)) return { type: 'unsupportedComponent', component: name };
    lines.push(`"${name}": ${value}`);
  }
  lines.push(`"@signature-params": ${serializeInnerList(signatureParams)}`);
  return lines.join('\n');
}

function derived(name: string, method: string, url: URL): string {
  switch (name) {
    case '@method':
      return method;
    case '@target-uri':
      return url.href;
    case '@authority':
      return url.host.toLowerCase();
    case '@scheme':
      return url.protocol.slice(0, -1).toLowerCase();
    case '@request-target':
      return url.pathname + url.search;
    case '@path':
      return url.pathname || '/';
    default:
      return url.search || '?';
  }
}

function checkContentDigest(
  header: string | undefined,
  body: Uint8Array | string | undefined,
): 'ok' | HttpSignatureFailure {
  if (header === undefined) return { type: 'missingComponent', component: 'content-digest' };
  if (body === undefined) return { type: 'digestMismatch' };
  let dict: Dictionary;
  try {
    dict = parseDictionary(header);
  } catch (error) {
    return { type: 'malformedSignature', detail: `content-digest: ${(error as Error).message}` };
  }
  let checked = false;
  for (const [algorithm, hash] of [
    ['sha-256', 'sha256'],
    ['sha-512', 'sha512'],
  ] as const) {
    const member = dict.get(algorithm);
    if (member === undefined) continue;
    if (isInnerList(member) || !(member.value instanceof Uint8Array)) return { type: 'digestMismatch' };
    if (!Buffer.from(member.value).equals(createHash(hash).update(body).digest()))
      return { type: 'digestMismatch' };
    checked = true;
  }
  // RFC 9530 §2: a recipient ignores algorithms it does not know; if none is known, refuse
  // with its own reason, so the sender learns to add sha-256 rather than suspect its bytes.
  return checked ? 'ok' : { type: 'unsupportedDigest' };
}

function normaliseHeaders(input: HeaderInput): Map<string, string> {
  const out = new Map<string, string>();
  const add = (name: string, value: string | readonly string[] | undefined) => {
    if (value === undefined) return;
    // RFC 9421 §2.1: trim each value, join repeated fields with ", ".
    const joined = (typeof value === 'string' ? [value] : [...value]).map((v) => v.trim()).join(', ');
    const key = name.toLowerCase();
    const prior = out.get(key);
    out.set(key, prior === undefined ? joined : `${prior}, ${joined}`);
  };
  if (typeof (input as Headers).forEach === 'function' && typeof (input as Headers).get === 'function') {
    (input as Headers).forEach((value, name) => {
      add(name, value);
    });
  } else {
    for (const [name, value] of Object.entries(
      input as Record<string, string | readonly string[] | undefined>,
    )) {
      add(name, value);
    }
  }
  return out;
}

function param(params: Parameters, name: string): BareItem | undefined {
  return params.find(([k]) => k === name)?.[1];
}

function fail(reason: HttpSignatureFailure): { ok: false; reason: HttpSignatureFailure } {
  return { ok: false, reason };
}
