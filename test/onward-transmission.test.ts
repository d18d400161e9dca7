import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { main } from '../src/cli/main.js';
import { listAuditEntries, ManualClock } from '../src/platform/index.js';
import {
  allowSharing,
  apiCall,
  pairNodes,
  startTestNode,
  type TestNode,
  testAdmin,
  waitFor,
} from './_util.js';

const DAY = 86_400_000;

describe('purpose and restrictions travel with the data: H2 onward transmission needs the provider’s consent', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let a: TestNode;
  let b: TestNode;
  let c: TestNode;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const call = (node: TestNode, who: string, method: string, path: string, body?: unknown) =>
    apiCall(node, tokens[who]!, method, path, body);
  const onNode = (node: TestNode, id: string) =>
    node.ctx.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();

  before(async () => {
    [a, b, c] = await Promise.all([
      startTestNode({ id: 'ma-dgsn', country: 'MA', clock }),
      startTestNode({ id: 'pk-fia', country: 'PK', clock }),
      startTestNode({ id: 'es-cgpj', country: 'ES', clock }),
    ]);
    await pairNodes(a, b);
    await pairNodes(b, c);
    await allowSharing(a, 'pk-fia');
    await allowSharing(b, 'es-cgpj');
    for (const [node, who] of [
      [a, 'amal'],
      [b, 'bilal'],
    ] as const) {
      await node.ctx.governance.createUser(null, {
        username: who,
        displayName: who,
        password: 'correct horse battery',
        roles: ['liaison'],
      });
      tokens[who] = (await node.ctx.governance.createToken(who, { name: 't' })).token;
    }
    const amal = { ...testAdmin, username: 'amal', roles: ['liaison' as const] };
    const now = clock.now().getTime();
    for (const [key, handlingCode, tlp] of [
      ['h2', 'H2', 'AMBER'],
      ['red', 'H1', 'RED'],
      ['h1', 'H1', 'GREEN'],
    ] as const) {
      const sent = await a.ctx.exchange.send(amal, {
        recipient: 'pk-fia',
        message: {
          type: 'info',
          subject: `Synthetic ${key}`,
          body: 'Synthetic information about a smuggling route.',
          language: 'en',
          crimeAreas: ['migrant_smuggling'],
          priority: 'routine',
          handlingCode,
          tlp,
          evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
          legalBasis: 'Bilateral security cooperation agreement, art. 3',
          purpose: 'Dismantle the network behind the crossing',
          retentionReviewDate: new Date(now + 365 * DAY).toISOString().slice(0, 10),
          ...(tlp === 'RED' ? { addressedTo: { officers: ['bilal'] } } : {}),
        },
      });
      ids[key] = sent.id;
    }
    await waitFor(
      async () =>
        (await onNode(b, ids.h1!)) !== undefined &&
        (await onNode(b, ids.red!)) !== undefined &&
        (await onNode(b, ids.h2!)) !== undefined,
      20_000,
      'three messages at pk-fia',
    );
  });
  after(async () => {
    await Promise.all([a?.destroy(), b?.destroy(), c?.destroy()]);
  });

  test('H2 is blocked without consent; TLP:RED never goes on; H1 goes on with its markings', async () => {
    const blocked = await call(b, 'bilal', 'POST', `/messages/${ids.h2}/forward`, { recipient: 'es-cgpj' });
    assert.equal(blocked.status, 409);
    assert.equal(blocked.json.error.code, 'consent_required');
    const red = await call(b, 'bilal', 'POST', `/messages/${ids.red}/forward`, { recipient: 'es-cgpj' });
    assert.equal(red.status, 409);
    assert.equal(red.json.error.code, 'onward_transmission_forbidden');
    const h1 = await call(b, 'bilal', 'POST', `/messages/${ids.h1}/forward`, { recipient: 'es-cgpj' });
    assert.equal(h1.status, 201);
    await waitFor(
      async () => (await onNode(c, h1.json.message.id)) !== undefined,
      15_000,
      'forward at es-cgpj',
    );
    const there = (await onNode(c, h1.json.message.id))!.payload as Record<string, unknown>;
    assert.equal(there.handlingCode, 'H1');
    assert.equal(there.purpose, 'Dismantle the network behind the crossing');
    assert.match(String(there.body), /^Provided by ma-dgsn\./);
  });

  test('consent asked and given through the federation, then the H2 data goes on with its markings', async () => {
    const ask = await call(b, 'bilal', 'POST', `/messages/${ids.h2}/consent-requests`, {
      recipient: 'es-cgpj',
      purpose: 'The same network operates through Spain',
    });
    assert.equal(ask.status, 201);
    const requestId = ask.json.request.id;
    // The provider receives the request, and one of its officers grants it.
    await waitFor(
      async () =>
        (await call(a, 'amal', 'GET', '/consent-requests')).json.requests.some(
          (r: { id: string }) => r.id === requestId,
        ),
      15_000,
      'consent.request at ma-dgsn',
    );
    const answer = await call(a, 'amal', 'POST', `/consent-requests/${requestId}/reply`, {
      granted: true,
      conditions: 'For the Spanish investigation only; not in court without permission',
    });
    assert.equal(answer.status, 204);
    assert.equal(
      (await call(a, 'amal', 'POST', `/consent-requests/${requestId}/reply`, { granted: false })).status,
      409,
    );
    await waitFor(
      async () =>
        (await call(b, 'bilal', 'GET', '/consent-requests')).json.requests.find(
          (r: { id: string }) => r.id === requestId,
        )?.status === 'granted',
      15_000,
      'consent.reply at pk-fia',
    );
    const fwd = await call(b, 'bilal', 'POST', `/messages/${ids.h2}/forward`, { recipient: 'es-cgpj' });
    assert.equal(fwd.status, 201, JSON.stringify(fwd.json));
    await waitFor(
      async () => (await onNode(c, fwd.json.message.id)) !== undefined,
      15_000,
      'H2 forward at es-cgpj',
    );
    const there = (await onNode(c, fwd.json.message.id))!;
    assert.equal(there.handling_code, 'H2', 'the handling code travels');
    assert.match(String((there.payload as { body: string }).body), new RegExp(`consent \\(${requestId}\\)`));
    assert.equal((await listAuditEntries(a.ctx.db, { action: 'consent.grant' })).length, 1);
    assert.equal((await listAuditEntries(b.ctx.db, { action: 'message.forward' })).length, 2);
  });

  test('CLI: passerelle onward lists consents, passes a message on, and refuses an incomplete command', async () => {
    const run = async (args: string[]) => {
      const out = new PassThrough();
      const err = new PassThrough();
      let stdout = '';
      let stderr = '';
      out.on('data', (d) => {
        stdout += d;
      });
      err.on('data', (d) => {
        stderr += d;
      });
      const code = await main(args, {
        stdout: out,
        stderr: err,
        env: { PASSERELLE_URL: b.url, PASSERELLE_TOKEN: tokens.bilal! },
        cwd: process.cwd(),
      });
      return { code, stdout, stderr };
    };
    const consents = await run(['onward', 'consents', '--json']);
    assert.equal(consents.code, 0, consents.stderr);
    const requests = JSON.parse(consents.stdout).requests as Array<{ messageId: string; status: string }>;
    assert.deepEqual(
      requests.map((r) => [r.messageId, r.status]),
      [[ids.h2, 'granted']],
    );
    const text = await run(['onward', 'consents']);
    assert.match(text.stdout, /granted {2}we asked ma-dgsn to pass its message .* to es-cgpj/);
    const fwd = await run(['onward', 'forward', ids.h1!, '--to', 'es-cgpj']);
    assert.equal(fwd.code, 0, fwd.stderr);
    assert.match(fwd.stdout, /passed on to es-cgpj with its markings/);
    const red = await run(['onward', 'forward', ids.red!, '--to', 'es-cgpj']);
    assert.notEqual(red.code, 0, 'TLP:RED never goes on');
    const incomplete = await run(['onward', 'ask', ids.h2!, '--to', 'es-cgpj']);
    assert.notEqual(incomplete.code, 0);
    assert.match(incomplete.stderr, /--purpose/);
  });
});
