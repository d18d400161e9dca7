import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, it } from 'node:test';
import { generateNodeKeys, ManualClock } from '../platform/index.js';

import { contentDigest, createSignatureBase, signRequest, verifyRequest } from './http-signature.js';
import { parseDictionary, serializeInnerList } from './structured-fields.js';

// RFC 9421 Appendix B.1.4 test key "test-key-ed25519".
const rfcKey = createPrivateKey(
  '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----\n',
);
// RFC 9421 Appendix B.2 test-request (the parts B.2.6 covers).
const rfcRequest = {
  method: 'POST',
  url: 'http://example.com/foo?param=Value&Pet=dog',
  headers: {
    Host: 'example.com',
    Date: 'Tue, 20 Apr 2021 02:07:55 GMT',
    'Content-Type': 'application/json',
    'Content-Length': '18',
  },
};
const rfcComponents = ['date', '@method', '@path', '@authority', 'content-type', 'content-length'];

describe('RFC 9421 Appendix B.2.6 (Ed25519)', () => {
  it('rebuilds the signature base exactly', () => {
    const base = createSignatureBase(rfcRequest, rfcComponents, {
      items: rfcComponents.map((c) => ({ value: c, params: [] })),
      params: [
        ['created', 1618884473],
        ['keyid', 'test-key-ed25519'],
      ],
    });
    assert.equal(
      base,
      [
        '"date": Tue, 20 Apr 2021 02:07:55 GMT',
        '"@method": POST',
        '"@path": /foo',
        '"@authority": example.com',
        '"content-type": application/json',
        '"content-length": 18',
        '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
      ].join('\n'),
    );
  });

  it('produces the RFC Signature-Input and Signature byte for byte', () => {
    const headers = signRequest(
      rfcRequest,
      { privateKey: rfcKey, kid: 'test-key-ed25519' },
      {
        clock: new ManualClock(1618884473 * 1000),
        components: rfcComponents,
        expiresInSeconds: null,
        includeAlg: false,
        tag: null,
        label: 'sig-b26',
      },
    );
    assert.deepEqual(headers, {
      'signature-input':
        'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
      signature:
        'sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:',
    });
  });

  it('verifies the RFC signature with the RFC public key', async () => {
    const request = {
      ...rfcRequest,
      headers: {
        ...rfcRequest.headers,
        'Signature-Input':
          'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
        Signature:
          'sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:',
      },
    };
    const result = await verifyRequest(request, {
      resolveKey: (id) => (id === 'test-key-ed25519' ? createPublicKey(rfcKey) : undefined),
      clock: new ManualClock(1618884473 * 1000),
      tag: null,
    });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.keyId, 'test-key-ed25519');
  });
});

describe('node-to-node request signatures', () => {
  const keys = generateNodeKeys();
  const key = { privateKey: keys.signing.privateKey, kid: keys.signing.publicJwk.kid };
  const clock = new ManualClock('2025-06-01T12:00:00Z');
  const body = '{"jwe":"eyJ..."}';
  const base = {
    method: 'POST',
    url: 'https://fia.example/federation/v1/inbox',
    headers: { 'content-type': 'application/json' } as Record<string, string>,
    body,
  };
  const signed = () => ({ ...base, headers: { ...base.headers, ...signRequest(base, key, { clock }) } });
  const verifyOpts = (over: Partial<Parameters<typeof verifyRequest>[1]> = {}) => ({
    resolveKey: (id: string) => (id === key.kid ? keys.signing.publicJwk : undefined),
    clock,
    ...over,
  });
  const reason = (r: Awaited<ReturnType<typeof verifyRequest>>) => (r.ok ? 'ok' : r.reason.type);

  it('covers method, target URI, content digest and type, with created/expires/keyid/alg/tag', async () => {
    const request = signed();
    assert.equal(request.headers['content-digest'], contentDigest(body));
    assert.match(
      request.headers['signature-input']!,
      /^pas=\("@method" "@target-uri" "content-digest" "content-type"\);created=1748779200;expires=1748779500;keyid="[\w-]{43}";alg="ed25519";tag="passerelle-federation-1"$/,
    );
    const result = await verifyRequest(request, verifyOpts());
    assert.ok(result.ok);
    assert.deepEqual(result.components, ['@method', '@target-uri', 'content-digest', 'content-type']);
    // Works with a Fetch Headers object too.
    assert.ok((await verifyRequest({ ...request, headers: new Headers(request.headers) }, verifyOpts())).ok);
  });

  it('matches the RFC 9530 sha-256 digest of a known body', () => {
    assert.equal(
      contentDigest('{"hello": "world"}\n'),
      'sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:',
    );
  });

  it('names a Content-Digest with only unknown algorithms unsupportedDigest, not a mismatch', async () => {
    const request = signed();
    const unknownOnly = { ...request, headers: { ...request.headers, 'content-digest': 'sha-999=:AAAA:' } };
    assert.equal(reason(await verifyRequest(unknownOnly, verifyOpts())), 'unsupportedDigest');
    const wrongKnown = {
      ...request,
      headers: { ...request.headers, 'content-digest': `sha-512=:${Buffer.alloc(64).toString('base64')}:` },
    };
    assert.equal(reason(await verifyRequest(wrongKnown, verifyOpts())), 'digestMismatch');
  });

  it('refuses a changed body, method, URL, content type, or key', async () => {
    const request = signed();
    assert.equal(
      reason(await verifyRequest({ ...request, body: `${body} ` }, verifyOpts())),
      'digestMismatch',
    );
    assert.equal(reason(await verifyRequest({ ...request, method: 'PUT' }, verifyOpts())), 'badSignature');
    assert.equal(
      reason(
        await verifyRequest({ ...request, url: 'https://fia.example/federation/v1/admin' }, verifyOpts()),
      ),
      'badSignature',
    );
    const retyped = { ...request, headers: { ...request.headers, 'content-type': 'text/plain' } };
    assert.equal(reason(await verifyRequest(retyped, verifyOpts())), 'badSignature');
    const redigested = {
      ...request,
      body: 'x',
      headers: { ...request.headers, 'content-digest': contentDigest('x') },
    };
    assert.equal(reason(await verifyRequest(redigested, verifyOpts())), 'badSignature');
    const other = generateNodeKeys().signing.publicJwk;
    assert.equal(
      reason(await verifyRequest(request, verifyOpts({ resolveKey: () => other }))),
      'badSignature',
    );
    assert.equal(
      reason(await verifyRequest(request, verifyOpts({ resolveKey: () => undefined }))),
      'unknownKey',
    );
  });

  it('enforces freshness with the injected clock', async () => {
    const request = signed();
    const at = (iso: string) => verifyOpts({ clock: new ManualClock(iso) });
    assert.ok((await verifyRequest(request, at('2025-06-01T12:04:59Z'))).ok);
    assert.equal(reason(await verifyRequest(request, at('2025-06-01T12:06:01Z'))), 'expired');
    assert.equal(reason(await verifyRequest(request, at('2025-06-01T11:58:59Z'))), 'notYetValid');
  });

  it('refuses missing, untagged, under-covering or malformed signatures', async () => {
    assert.equal(reason(await verifyRequest(base, verifyOpts())), 'missingSignature');
    const untagged = {
      ...base,
      headers: { ...base.headers, ...signRequest(base, key, { clock, tag: null }) },
    };
    assert.equal(reason(await verifyRequest(untagged, verifyOpts())), 'wrongTag');
    const thin = {
      ...base,
      headers: { ...base.headers, ...signRequest(base, key, { clock, components: ['@method'] }) },
    };
    assert.equal(reason(await verifyRequest(thin, verifyOpts())), 'missingComponent');
    const request = signed();
    for (const [name, value] of [
      ['signature', 'pas=abc'],
      ['signature', 'pas=:!!:'],
      [
        'signature-input',
        'pas=("@method";x=1 "@target-uri");created=1;keyid="k";tag="passerelle-federation-1"',
      ],
      ['signature-input', 'pas="oops"'],
      ['signature-input', '('],
    ] as const) {
      const r = await verifyRequest(
        { ...request, headers: { ...request.headers, [name]: value } },
        verifyOpts(),
      );
      assert.equal(r.ok, false, `${name}: ${value}`);
    }
    const algSwap = request.headers['signature-input']!.replace('alg="ed25519"', 'alg="hmac-sha256"');
    const r = await verifyRequest(
      { ...request, headers: { ...request.headers, 'signature-input': algSwap } },
      verifyOpts(),
    );
    assert.equal(reason(r), 'unsupportedAlgorithm');
  });
});

describe('structured fields (RFC 8941 subset)', () => {
  it('parses and re-serialises a Signature-Input dictionary', () => {
    const dict = parseDictionary(
      'sig1=("@method" "x");created=1;keyid="a\\"b", sig2=:AQID:, flag, n=-3.5;t=tok',
    );
    const sig1 = dict.get('sig1');
    assert.ok(sig1 && 'items' in sig1);
    assert.equal(serializeInnerList(sig1), '("@method" "x");created=1;keyid="a\\"b"');
    assert.deepEqual(dict.get('sig2'), { value: new Uint8Array([1, 2, 3]), params: [] });
    assert.deepEqual(dict.get('flag'), { value: true, params: [] });
    assert.deepEqual(dict.get('n'), { value: -3.5, params: [['t', { token: 'tok' }]] });
    for (const bad of ['a=', 'a=(', 'A=1', 'a=1,', 'a="\u00e9"', 'a=1234567890123456']) {
      assert.throws(() => parseDictionary(bad), bad);
    }
  });
});
