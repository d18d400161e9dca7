import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { main } from '../src/cli/main.js';
import { validateStixBundle } from '../src/screening/index.js';
import { allowSharing, pairNodes, startTestNode, type TestNode, tokenForNewUser, waitFor } from './_util.js';

const TAXII = 'application/taxii+json;version=2.1';

function alert(i: number, alertKind = 'threat_warning') {
  return {
    type: 'alert',
    alertKind,
    subject: `Synthetic threat alert ${i}`,
    body: 'Synthetic test alert.',
    language: 'en',
    crimeAreas: ['terrorism'],
    priority: 'high',
    handlingCode: 'H0',
    tlp: i % 2 === 0 ? 'GREEN' : 'AMBER',
    evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
    legalBasis: 'Test agreement',
    purpose: 'Prevent an attack',
    retentionReviewDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    entities: [
      {
        kind: 'person',
        id: 'p1',
        role: alertKind === 'missing_person' ? 'missing' : 'suspect',
        names: [{ full: `Synthetic Suspect ${i}`, script: 'Latn' }],
        synthetic: true,
      },
      { kind: 'phone', id: 'ph1', number: `+9230012345${String(i).padStart(2, '0')}` },
      { kind: 'relationship', id: 'r1', relationshipType: 'uses', from: { ref: 'p1' }, to: { ref: 'ph1' } },
    ],
  };
}

describe('STIX export/import and the TAXII 2.1 server', () => {
  let ma: TestNode;
  let pk: TestNode;
  let token: string;
  const ids: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-taxii-'));
  const taxii = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${ma.url}${path}`, { headers: { accept: TAXII, authorization: `Bearer ${token}`, ...headers } });

  before(async () => {
    ma = await startTestNode({ id: 'ma-dgsn', country: 'MA' });
    pk = await startTestNode({ id: 'pk-fia', country: 'PK' });
    await pairNodes(ma, pk);
    // The DPO's standing policy: outgoing personal data is reviewed in test/outgoing-review.
    await allowSharing(ma, 'pk-fia');
    await allowSharing(pk, 'ma-dgsn');
    token = await tokenForNewUser(ma, 'analyst', ['analyst']);
    const pkToken = await tokenForNewUser(pk, 'pk-liaison', ['liaison']);
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${pk.url}/api/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${pkToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          recipient: 'ma-dgsn',
          message: alert(i, i === 6 ? 'missing_person' : 'threat_warning'),
        }),
      });
      assert.equal(res.status, 201, await res.clone().text());
      ids.push(((await res.json()) as { message: { id: string } }).message.id);
    }
    await waitFor(async () => {
      const r = await fetch(`${ma.url}/api/v1/messages?direction=in&type=alert`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await r.json()) as { messages: unknown[] }).messages.length === 7;
    }, 30_000);
  });
  after(async () => {
    await ma?.destroy();
    await pk?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(args: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c) => {
      out += c;
    });
    stderr.on('data', (c) => {
      err += c;
    });
    const code = await main([...args, '--url', ma.url, '--token', token], {
      stdout,
      stderr,
      env: {},
      cwd: dir,
      stdin: new PassThrough(),
    });
    return { code, out, err };
  }

  test('passerelle stix export: a received alert as a valid STIX 2.1 bundle; import maps it back to a draft', async () => {
    const r = await cli(['stix', 'export', ids[0]!, '--out', 'alert.json']);
    assert.equal(r.code, 0, r.err);
    const bundle = JSON.parse(readFileSync(join(dir, 'alert.json'), 'utf8'));
    const valid = validateStixBundle(bundle);
    assert.ok(valid.ok, valid.ok ? '' : valid.errors.join('\n'));
    assert.ok(
      bundle.objects.some(
        (o: { type: string; name?: string }) => o.type === 'threat-actor' && o.name === 'Synthetic Suspect 0',
      ),
    );
    const missing = await cli(['stix', 'export', ids[6]!]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Only alerts of kind threat_warning/);
    const imported = await cli(['stix', 'import', 'alert.json']);
    assert.equal(imported.code, 0, imported.err);
    const draft = JSON.parse(imported.out);
    assert.equal(draft.subject, 'Synthetic threat alert 0');
    assert.equal(draft.tlp, 'GREEN');
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [{ type: 'report' }] }),
    );
    const bad = await cli(['stix', 'import', 'bad.json']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /The STIX bundle was refused/);
  });

  test('TAXII 2.1 §4.1 discovery and §4.2 API root, with the TAXII media type', async () => {
    const d = await taxii('/taxii2/');
    assert.equal(d.status, 200);
    assert.equal(d.headers.get('content-type'), TAXII);
    const discovery = (await d.json()) as { api_roots: string[]; default: string; title: string };
    assert.deepEqual(discovery.api_roots, [`${ma.url}/taxii2/api1/`]);
    const root = (await (await taxii(new URL(discovery.default).pathname)).json()) as {
      versions: string[];
      max_content_length: number;
    };
    assert.deepEqual(root.versions, [TAXII]);
    assert.ok(root.max_content_length > 0);
  });

  test('TAXII errors: 401 without a token, 406 for another media type, 404, 403 on write, all as TAXII error messages', async () => {
    const anonymous = await fetch(`${ma.url}/taxii2/`, { headers: { accept: TAXII } });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('content-type'), TAXII);
    assert.deepEqual(Object.keys((await anonymous.json()) as object).sort(), [
      'description',
      'http_status',
      'title',
    ]);
    const wrong = await taxii('/taxii2/', { accept: 'application/taxii+json;version=2.0' });
    assert.equal(wrong.status, 406);
    const unknown = await taxii('/taxii2/api1/collections/00000000-0000-4000-8000-000000000000/');
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { http_status: string }).http_status, '404');
    const status = await taxii('/taxii2/api1/status/2d086da7-4bdc-4f91-900e-d77486753710/');
    assert.equal(status.status, 404);
    const { collections } = (await (await taxii('/taxii2/api1/collections/')).json()) as {
      collections: Array<{ id: string }>;
    };
    const write = await fetch(`${ma.url}/taxii2/api1/collections/${collections[0]!.id}/objects/`, {
      method: 'POST',
      headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${token}` },
      body: JSON.stringify({ objects: [] }),
    });
    assert.equal(write.status, 403);
    // HTTP Basic with the token as password, as the OASIS reference client sends it.
    const basic = await fetch(`${ma.url}/taxii2/`, {
      headers: {
        accept: TAXII,
        authorization: `Basic ${Buffer.from(`analyst:${token}`).toString('base64')}`,
      },
    });
    assert.equal(basic.status, 200);
  });

  test('TAXII §5 collections, objects paged with next: no object lost or repeated; added_after; manifest; one object', async () => {
    const { collections } = (await (await taxii('/taxii2/api1/collections/')).json()) as {
      collections: Array<{
        id: string;
        title: string;
        can_read: boolean;
        can_write: boolean;
        media_types: string[];
      }>;
    };
    assert.deepEqual(
      collections.map((c) => c.title),
      ['Threat alerts', 'Threat alerts exchanged with pk-fia'],
    );
    assert.equal(collections[0]!.can_read, true);
    assert.equal(collections[0]!.can_write, false);
    const base = `/taxii2/api1/collections/${collections[0]!.id}`;
    const all = (await (await taxii(`${base}/objects/?limit=1000`)).json()) as {
      more: boolean;
      objects: Array<{ id: string; type: string }>;
    };
    assert.equal(all.more, false);
    const reports = all.objects.filter((o) => o.type === 'report');
    assert.equal(reports.length, 6, 'six threat alerts; the missing-person alert is not served');
    assert.ok(!JSON.stringify(all).includes('Synthetic Suspect 6'));
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    let lastAdded = '';
    do {
      const res = await taxii(`${base}/objects/?limit=5${next ? `&next=${next}` : ''}`);
      assert.equal(res.status, 200);
      const page = (await res.json()) as { more: boolean; next?: string; objects: Array<{ id: string }> };
      assert.ok(page.objects.length <= 5);
      const first = res.headers.get('x-taxii-date-added-first')!;
      assert.ok(first >= lastAdded, 'date_added never goes back between pages');
      lastAdded = res.headers.get('x-taxii-date-added-last')!;
      seen.push(...page.objects.map((o) => o.id));
      next = page.more ? page.next : undefined;
      pages++;
    } while (next);
    assert.ok(pages > 3);
    assert.equal(new Set(seen).size, seen.length, 'no object repeated');
    assert.deepEqual(new Set(seen), new Set(all.objects.map((o) => o.id)), 'no object lost');
    const manifest = (await (await taxii(`${base}/manifest/?limit=1000`)).json()) as {
      objects: Array<{ id: string; date_added: string; version: string; media_type: string }>;
    };
    assert.equal(manifest.objects.length, all.objects.length);
    assert.match(manifest.objects[0]!.date_added, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.equal(manifest.objects[0]!.media_type, 'application/stix+json;version=2.1');
    // added_after: only what was added after the given instant.
    const cut = manifest.objects[Math.floor(manifest.objects.length / 2)]!.date_added;
    const later = (await (await taxii(`${base}/objects/?added_after=${cut}&limit=1000`)).json()) as {
      objects: Array<{ id: string }>;
    };
    const expected = manifest.objects.filter((m) => m.date_added > cut).map((m) => m.id);
    assert.deepEqual(later.objects.map((o) => o.id).sort(), expected.sort());
    const bad = await taxii(`${base}/objects/?added_after=yesterday`);
    assert.equal(bad.status, 400);
    const report = reports[0]!;
    const one = (await (await taxii(`${base}/objects/${report.id}/`)).json()) as {
      objects: Array<{ id: string }>;
    };
    assert.deepEqual(
      one.objects.map((o) => o.id),
      [report.id],
    );
    const versions = (await (await taxii(`${base}/objects/${report.id}/versions/`)).json()) as {
      versions: string[];
    };
    assert.equal(versions.versions.length, 1);
    const typed = (await (await taxii(`${base}/objects/?match[type]=threat-actor&limit=1000`)).json()) as {
      objects: Array<{ type: string }>;
    };
    assert.equal(typed.objects.length, 6);
    assert.ok(typed.objects.every((o) => o.type === 'threat-actor'));
    // The whole collection, as one bundle, validates against the OASIS schemas.
    const bundle = {
      type: 'bundle',
      id: 'bundle--0b8bd3c4-2f5c-4d5b-9c57-3f0e7a9f1d2e',
      objects: all.objects,
    };
    const valid = validateStixBundle(bundle);
    assert.ok(valid.ok, valid.ok ? '' : valid.errors.join('\n'));
  });
  test('TAXII serves a TLP:RED alert only to the officer it is addressed to (need-to-know)', async () => {
    const officerToken = await tokenForNewUser(ma, 'ma-officer', ['liaison']);
    const pkToken = await tokenForNewUser(pk, 'pk-red-sender', ['liaison']);
    const red = { ...alert(40), subject: 'Synthetic RED alert for one officer', tlp: 'RED' };
    const res = await fetch(`${pk.url}/api/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pkToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        recipient: 'ma-dgsn',
        message: { ...red, addressedTo: { officers: ['ma-officer'] } },
      }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const { id } = ((await res.json()) as { message: { id: string } }).message;
    await waitFor(
      async () =>
        (await ma.ctx.db.selectFrom('messages').select('id').where('id', '=', id).executeTakeFirst()) !==
        undefined,
      30_000,
      'RED alert at ma',
    );
    const objectsFor = async (bearer: string) => {
      const cols = (await (
        await fetch(`${ma.url}/taxii2/api1/collections/`, {
          headers: { accept: TAXII, authorization: `Bearer ${bearer}` },
        })
      ).json()) as { collections: Array<{ id: string }> };
      const r = await fetch(
        `${ma.url}/taxii2/api1/collections/${cols.collections[0]!.id}/objects/?limit=1000`,
        {
          headers: { accept: TAXII, authorization: `Bearer ${bearer}` },
        },
      );
      assert.equal(r.status, 200);
      return JSON.stringify(await r.json());
    };
    assert.ok((await objectsFor(officerToken)).includes('Synthetic Suspect 40'), 'the addressee polls it');
    const other = await objectsFor(token);
    assert.ok(!other.includes('Synthetic Suspect 40'), 'another analyst does not');
    assert.ok(!other.includes('Synthetic RED alert for one officer'));
  });
});
