/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchRoute } from './route-match.js';

function summary(path: string, roles: string[]): string {
  const match = matchRoute(path, roles);
  if (match.kind === 'notFound') return 'notFound';
  const view = match.kind === 'page' && match.view !== undefined ? `/${match.view}` : '';
  return `${match.kind}:${match.module.id}${view}`;
}

describe('matchRoute', () => {
  it('opens every module a liaison officer may use', () => {
    assert.equal(summary('/dashboard', ['liaison']), 'page:dashboard');
    assert.equal(summary('/incidents', ['liaison']), 'page:incidents');
    assert.equal(summary('/statistics', ['liaison']), 'page:statistics');
  });

  it('opens the DPO workplace to the DPO only, with its queue and break-glass views', () => {
    assert.equal(summary('/dpo', ['dpo']), 'page:dpo/queue');
    assert.equal(summary('/dpo/break-glass', ['dpo']), 'page:dpo/break-glass');
    assert.equal(summary('/dpo/subjects', ['dpo']), 'page:dpo/subjects');
    assert.equal(summary('/dpo/other', ['dpo']), 'notFound');
    assert.equal(summary('/dpo', ['admin', 'viewer']), 'forbidden:dpo');
  });

  it('defaults the exchange module to the inbox and knows compose', () => {
    assert.equal(summary('/exchange', ['viewer']), 'page:exchange/inbox');
    assert.equal(summary('/exchange/compose', ['viewer']), 'page:exchange/compose');
    assert.equal(summary('/exchange/outbox', ['viewer']), 'notFound');
  });

  it('opens a conversation and a reply by id', () => {
    assert.equal(
      summary('/exchange/conversation/0199-abc', ['liaison']),
      'page:exchange/conversation/0199-abc',
    );
    assert.equal(summary('/exchange/reply/0199-abc', ['liaison']), 'page:exchange/reply/0199-abc');
    assert.equal(summary('/exchange/conversation', ['liaison']), 'notFound');
    assert.equal(summary('/exchange/conversation/a/b', ['liaison']), 'notFound');
  });

  it('keeps administration to administrators', () => {
    assert.equal(summary('/admin', ['liaison', 'dpo']), 'forbidden:admin');
    assert.equal(summary('/admin', ['admin']), 'page:admin/partners');
    assert.equal(summary('/admin/audit', ['admin']), 'page:admin/audit');
    assert.equal(summary('/admin/users', ['liaison']), 'forbidden:admin');
    assert.equal(summary('/admin/keys', ['admin']), 'notFound');
  });

  it('does not treat a path sharing a prefix as the module', () => {
    assert.equal(summary('/casesX', ['analyst']), 'notFound');
    assert.equal(summary('/cases/42', ['analyst']), 'notFound');
    assert.equal(summary('/nowhere', ['admin']), 'notFound');
  });
});
