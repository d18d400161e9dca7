import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestNode, type TestNode } from './_util.js';

// The public node-to-node endpoints other than the inbox: what an implementer reads from
// GET /federation/v1/schemas and the OpenAPI document, and how a signed GET is refused.

describe('federation public endpoints', () => {
  let node: TestNode;
  before(async () => {
    node = await startTestNode({ id: 'pk-fia', country: 'PK' });
  });
  after(async () => node?.destroy());

  test('/schemas lists absolute URLs under the card endpoint and says which are message types', async () => {
    const { card } = await node.ctx.federation.ownCard();
    const res = await fetch(`${node.url}/federation/v1/schemas`);
    assert.equal(res.status, 200);
    const { schemas } = (await res.json()) as { schemas: Array<{ name: string; kind: string; url: string }> };
    const kinds = Object.fromEntries(schemas.map((s) => [s.name, s.kind]));
    for (const type of ['rfi', 'reply', 'info', 'alert', 'ack', 'audit.checkpoint'])
      assert.equal(kinds[type], 'message', type);
    assert.equal(kinds.entity, 'definition');
    assert.equal(kinds['audit-checkpoint-statement'], 'definition');
    for (const s of schemas) {
      assert.equal(s.url, `${card.endpoint}/federation/v1/schemas/${s.name}.json`);
      const one = await fetch(s.url);
      assert.equal(one.status, 200, s.url);
      assert.match(one.headers.get('content-type') ?? '', /^application\/schema\+json/);
      await one.body?.cancel();
    }
  });

  test('an unsigned GET /checkpoints is refused with a reason, like the inbox', async () => {
    const res = await fetch(`${node.url}/federation/v1/checkpoints`);
    assert.equal(res.status, 401);
    const body = (await res.json()) as { error: { code: string; reason?: string } };
    assert.equal(body.error.code, 'bad_http_signature');
    assert.equal(body.error.reason, 'missingSignature');
  });

  test('the federation OpenAPI document lists every public endpoint and the inbox body and receipt', async () => {
    const doc = (await (await fetch(`${node.url}/federation/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    for (const path of [
      '/federation/v1/card',
      '/federation/v1/inbox',
      '/federation/v1/card-rotation',
      '/federation/v1/revocation',
      '/federation/v1/schemas',
      '/federation/v1/schemas/{name}.json',
      '/federation/v1/checkpoints',
      '/federation/v1/audit-head',
      '/federation/v1/attachments/{id}',
      '/federation/v1/openapi.json',
    ]) {
      assert.ok(doc.paths[path], `missing ${path}`);
    }
    const inbox = doc.paths['/federation/v1/inbox']!.post!;
    assert.ok((inbox.requestBody as { content: Record<string, unknown> }).content['application/jose']);
    const ok = (
      inbox.responses as Record<string, { content?: Record<string, { schema: { required: string[] } }> }>
    )['200'];
    assert.deepEqual(ok?.content?.['application/json']?.schema.required, ['receiptJws']);
    const names = (inbox.parameters as Array<{ name: string }>).map((p) => p.name);
    assert.deepEqual(names, ['Content-Digest', 'Signature-Input', 'Signature']);
  });
});
