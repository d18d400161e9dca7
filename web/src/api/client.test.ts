/// <reference types="node" />
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { onSessionEnded, readCookie, requestApi } from './client.js';

interface Call {
  url: string;
  init: RequestInit;
}

const realFetch = globalThis.fetch;
let calls: Call[] = [];

/** Replaces fetch with one answering `respond`, recording each call. */
function stubFetch(respond: () => Response | Promise<Response>): void {
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond();
  }) as typeof fetch;
}

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('requestApi', () => {
  beforeEach(() => {
    calls = [];
    // The client reads the CSRF cookie from document.cookie; Node has no document.
    Object.assign(globalThis, { document: { cookie: 'theme=dark; passerelle_csrf=tok%2B1; other=x' } });
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    Reflect.deleteProperty(globalThis, 'document');
  });

  it('reads a cookie by exact name', () => {
    assert.equal(readCookie('passerelle_csrf'), 'tok+1');
    assert.equal(readCookie('csrf'), undefined);
  });

  it('sends the CSRF token on POST, with same-origin credentials and a JSON body', async () => {
    stubFetch(() => jsonResponse(200, { user: { id: 'u1' } }));
    const result = await requestApi('/auth/login', {
      method: 'POST',
      body: { username: 'a', password: 'b' },
    });
    assert.equal(result.ok, true);
    const [call] = calls;
    assert.equal(call?.url, '/api/v1/auth/login');
    assert.equal(call?.init.credentials, 'same-origin');
    const headers = call?.init.headers as Record<string, string>;
    assert.equal(headers['x-csrf-token'], 'tok+1');
    assert.equal(headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(String(call?.init.body)), { username: 'a', password: 'b' });
  });

  it('does not send the CSRF token on GET', async () => {
    stubFetch(() => jsonResponse(200, {}));
    await requestApi('/node');
    assert.equal((calls[0]?.init.headers as Record<string, string>)['x-csrf-token'], undefined);
  });

  it('returns the server error code and status as a value', async () => {
    stubFetch(() => jsonResponse(401, { error: { code: 'totp_required', message: 'code needed' } }));
    assert.deepEqual(await requestApi('/auth/login', { method: 'POST', body: {} }), {
      ok: false,
      status: 401,
      code: 'totp_required',
      message: 'code needed',
    });
  });

  it('maps a failed connection and gateway errors to network', async () => {
    stubFetch(() => Promise.reject(new TypeError('fetch failed')));
    const refused = await requestApi('/auth/me');
    assert.equal(refused.ok === false ? refused.code : 'ok', 'network');
    stubFetch(() => new Response('Bad gateway', { status: 502 }));
    const gateway = await requestApi('/auth/me');
    assert.equal(gateway.ok === false ? gateway.code : 'ok', 'network');
  });

  it('maps a non-JSON 404 to not_found and a 204 to success', async () => {
    stubFetch(() => new Response('nope', { status: 404 }));
    const missing = await requestApi('/dashboard');
    assert.equal(missing.ok === false ? missing.code : 'ok', 'not_found');
    stubFetch(() => new Response(null, { status: 204 }));
    assert.equal((await requestApi('/auth/logout', { method: 'POST' })).ok, true);
  });

  it('tells session listeners when the server reports unauthenticated', async () => {
    let ended = 0;
    const unsubscribe = onSessionEnded(() => {
      ended += 1;
    });
    stubFetch(() => jsonResponse(401, { error: { code: 'unauthenticated' } }));
    await requestApi('/dashboard');
    unsubscribe();
    await requestApi('/dashboard');
    assert.equal(ended, 1);
  });
});
