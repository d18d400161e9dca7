import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeIdentitySchema } from '../platform/index.js';

// The endpoint an operator configures becomes the card's endpoint (PROTOCOL §2): a trailing
// "/" is dropped so the card stays valid, and a URL naming the federation prefix is refused.
describe('configured node endpoint', () => {
  const identity = { id: 'ma-dgsn', agency: 'DGSN (synthetic)', country: 'MA' };
  it('drops a trailing slash and keeps a path prefix', () => {
    assert.equal(
      nodeIdentitySchema.parse({ ...identity, endpoint: 'https://gw.example/' }).endpoint,
      'https://gw.example',
    );
    assert.equal(
      nodeIdentitySchema.parse({ ...identity, endpoint: 'https://gw.example/passerelle//' }).endpoint,
      'https://gw.example/passerelle',
    );
  });
  it('refuses an endpoint that already ends in /federation/v1', () => {
    const r = nodeIdentitySchema.safeParse({ ...identity, endpoint: 'https://gw.example/federation/v1' });
    assert.equal(r.success, false);
  });
});
