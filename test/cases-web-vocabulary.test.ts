import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as schema from '../src/cases/schema.js';
import { HANDLING_CODES as EXCHANGE_HANDLING_CODES } from '../src/exchange/schema.js';
import * as vocabulary from '../web/src/features/cases/vocabulary.js';

describe('cases vocabulary', () => {
  it('mirrors the server schema exactly', () => {
    assert.deepEqual(vocabulary.ENTITY_KINDS, schema.CASE_ENTITY_KINDS);
    assert.deepEqual(vocabulary.NETWORK_ROLES, schema.NETWORK_ROLES);
    assert.deepEqual(vocabulary.LINK_TYPES, schema.LINK_TYPES);
    assert.deepEqual(vocabulary.HANDLING_CODES, EXCHANGE_HANDLING_CODES);
  });
});
