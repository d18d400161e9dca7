// The network inside a case, through the API of one real node: duplicates, merge and
// un-merge, paths and centrality, CSV import with bad rows, GraphML and PDF export.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { apiCall, runCli, startTestNode, type TestNode, tokenForNewUser } from './_util.js';

/** {@link apiCall} with the body also as text and buffer, and the content type. */
async function call(node: { url: string }, token: string, method: string, path: string, body?: unknown) {
  const r = await apiCall(node, token, method, path, body);
  const buf = Buffer.from(r.bytes);
  return { ...r, buf, text: buf.toString('utf8'), type: r.headers.get('content-type') };
}
const cli = runCli;

/** The text drawn on each page (pdf-lib writes Helvetica text as hex strings in deflated streams). */
async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const refs = contents ? ('asArray' in contents ? contents.asArray() : [contents]) : [];
    let text = '';
    for (const ref of refs) {
      const stream = doc.context.lookup(ref as never);
      if (!(stream instanceof PDFRawStream)) continue;
      const filter = stream.dict.get(PDFName.of('Filter'));
      const raw = Buffer.from(stream.contents);
      const body = (filter ? inflateSync(raw) : raw).toString('latin1');
      for (const m of body.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g))
        text += `${Buffer.from(m[1]!, 'hex').toString('latin1')}\n`;
      for (const m of body.matchAll(/\(((?:[^()\\]|\\.)*)\)\s*Tj/g)) text += `${m[1]}\n`;
    }
    return text;
  });
}

const evaluation = { source: 'B', accuracy: '2' };

describe('the network of a case', () => {
  let node: TestNode;
  let token: string;
  let caseId: string;
  const ids: Record<string, string> = {};

  before(async () => {
    node = await startTestNode({ id: 'ma-dgsn' });
    token = await tokenForNewUser(node, 'amina', ['analyst']);
    const c = await call(node, token, 'POST', '/cases', {
      title: 'Network test (synthetic)',
      crimeAreas: ['migrant_smuggling'],
      legalBasis: 'Test',
      handlingCode: 'H2',
    });
    caseId = c.json.id;
    const people = [
      ['organiser', 'Abdul Latif Synthetic', 'organiser', ['phone:+212661000010']],
      ['organiser2', 'عبد اللطيف', 'organiser', ['phone:00212 661 000010']],
      ['broker', 'Broker Synthetic', 'facilitator', []],
      ['pilot', 'Pilot Synthetic', 'boat_pilot', []],
      ['agent', 'Hawala Synthetic', 'hawala_agent', []],
    ] as const;
    const r = await call(node, token, 'POST', `/cases/${caseId}/items/entities`, {
      items: people.map(([, label, role, identifiers]) => ({
        kind: 'person',
        label,
        role,
        identifiers,
        evaluation,
        synthetic: true,
      })),
    });
    assert.equal(r.status, 201, r.text);
    people.forEach(([key], i) => {
      ids[key] = r.json.ids[i];
    });
    const links = await call(node, token, 'POST', `/cases/${caseId}/items/links`, {
      items: [
        { from: ids.organiser, to: ids.broker, type: 'called', at: '2025-01-02', weight: 12, evaluation },
        {
          from: ids.organiser2,
          to: ids.agent,
          type: 'paid',
          at: '2025-01-03',
          weight: 4000,
          currency: 'EUR',
          evaluation,
        },
        { from: ids.broker, to: ids.pilot, type: 'called', at: '2025-01-05', weight: 3, evaluation },
        {
          from: ids.agent,
          to: ids.broker,
          type: 'paid',
          at: '2025-01-04',
          weight: 3500,
          currency: 'EUR',
          evaluation,
        },
      ],
    });
    assert.equal(links.status, 201, links.text);
  });
  after(() => node?.destroy());

  test('duplicates across scripts and phone formats; merge then un-merge restores the graph exactly', async () => {
    const d = await call(node, token, 'GET', `/cases/${caseId}/duplicates`);
    const pair = d.json.candidates.find(
      (c: any) => [c.a, c.b].sort().join() === [ids.organiser, ids.organiser2].sort().join(),
    );
    assert.ok(pair, JSON.stringify(d.json));
    assert.ok(pair.reasons.some((r: string) => r === 'same identifier phone:+212661000010'));
    const before = (await call(node, token, 'GET', `/cases/${caseId}/graph`)).json;
    assert.equal(before.entities.length, 5);

    const m = await call(node, token, 'POST', `/cases/${caseId}/merge`, {
      survivor: ids.organiser,
      merged: [ids.organiser2],
    });
    assert.equal(m.status, 200, m.text);
    const merged = (await call(node, token, 'GET', `/cases/${caseId}/graph`)).json;
    assert.equal(merged.entities.length, 4);
    const survivor = merged.entities.find((e: any) => e.id === ids.organiser);
    assert.deepEqual(survivor.merged, [ids.organiser2]);
    // The payment of the merged entity now starts at the survivor.
    assert.ok(
      merged.links.some((l: any) => l.type === 'paid' && l.from === ids.organiser && l.to === ids.agent),
    );
    const again = await call(node, token, 'POST', `/cases/${caseId}/merge`, {
      survivor: ids.organiser,
      merged: [ids.organiser2],
    });
    assert.equal(again.status, 409);

    const u = await call(node, token, 'POST', `/cases/${caseId}/unmerge`, { entity: ids.organiser2 });
    assert.equal(u.status, 200, u.text);
    const after = (await call(node, token, 'GET', `/cases/${caseId}/graph`)).json;
    const sort = (g: any) => ({
      entities: [...g.entities].sort((x: any, y: any) => (x.id < y.id ? -1 : 1)),
      links: [...g.links].sort((x: any, y: any) => (x.id < y.id ? -1 : 1)),
    });
    assert.deepEqual(sort(after), sort(before));
  });

  test('paths honour direction and time; the broker leads the centrality ranking', async () => {
    const q = (extra: string) =>
      call(node, token, 'GET', `/cases/${caseId}/paths?from=${ids.organiser2}&to=${ids.pilot}${extra}`);
    const plain = await q('');
    assert.equal(plain.status, 200, plain.text);
    assert.deepEqual(plain.json.paths[0].entities, [ids.organiser2, ids.agent, ids.broker, ids.pilot]);
    const timed = await q('&directed=true&timeOrdered=true');
    assert.equal(timed.json.paths.length, 1);
    const tooEarly = await call(
      node,
      token,
      'GET',
      `/cases/${caseId}/paths?from=${ids.organiser2}&to=${ids.pilot}&directed=true&timeOrdered=true&until=2025-01-04`,
    );
    assert.deepEqual(tooEarly.json.paths, []);
    const reversed = await call(
      node,
      token,
      'GET',
      `/cases/${caseId}/paths?from=${ids.pilot}&to=${ids.organiser2}&directed=true`,
    );
    assert.deepEqual(reversed.json.paths, []);
    const metrics = await call(node, token, 'GET', `/cases/${caseId}/metrics`);
    assert.equal(metrics.status, 200, metrics.text);
    assert.equal(metrics.json.centrality[0].id, ids.broker);
    assert.equal(metrics.json.exact, true);
    assert.equal(metrics.json.mostConnected[0].id, ids.agent);
    const net = await call(node, token, 'GET', `/cases/${caseId}/network?seeds=${ids.pilot}&depth=1`);
    assert.deepEqual(net.json.entities.sort(), [ids.pilot, ids.broker].sort());
    const badType = await call(node, token, 'GET', `/cases/${caseId}/graph?types=called,teleported`);
    assert.equal(badType.status, 400);
  });

  test('CSV import: bad rows are listed by line and nothing is imported until they are fixed or skipped', async () => {
    const before = (await call(node, token, 'GET', `/cases/${caseId}`)).json.opCount;
    const csv = [
      'Name,Type,Phone,Role,Reliability,Accuracy,Born',
      'Yusuf Synthetic,person,+212 661 000 020,recruiter,B,2,1990',
      ',person,,victim,B,2,',
      'Bad Phone,phone,phone-number?,,A,1,',
      'Zed Synthetic,person,,smuggler king,Q,9,1990-13-45',
    ].join('\n');
    const mapping = {
      label: 'Name',
      kind: 'Type',
      identifiers: 'Phone',
      role: 'Role',
      source: 'Reliability',
      accuracy: 'Accuracy',
      birthDate: 'Born',
    };
    // Phone numbers arrive without their type: the mapping column holds plain numbers, so prefix them.
    const fixedCsv = csv
      .replace('+212 661 000 020', 'phone:+212 661 000 020')
      .replace('phone-number?', 'phone:12');
    const dry = await call(node, token, 'POST', `/cases/${caseId}/import`, {
      kind: 'entities',
      csv: fixedCsv,
      mapping,
    });
    assert.equal(dry.status, 200, dry.text);
    assert.equal(dry.json.rows, 4);
    assert.equal(dry.json.valid, 1);
    const lines = [...new Set(dry.json.errors.map((e: any) => e.line))].sort();
    assert.deepEqual(lines, [3, 4, 5]);
    assert.ok(dry.json.errors.some((e: any) => e.line === 4 && e.column === 'Phone'));
    assert.ok(dry.json.errors.some((e: any) => e.line === 5 && e.column === 'Role'));
    const refused = await call(node, token, 'POST', `/cases/${caseId}/import`, {
      kind: 'entities',
      csv: fixedCsv,
      mapping,
      dryRun: false,
    });
    assert.equal(refused.json.imported, 0);
    assert.equal((await call(node, token, 'GET', `/cases/${caseId}`)).json.opCount, before);
    const skipped = await call(node, token, 'POST', `/cases/${caseId}/import`, {
      kind: 'entities',
      csv: fixedCsv,
      mapping,
      dryRun: false,
      skipInvalid: true,
    });
    assert.equal(skipped.json.imported, 1);
    const view = (await call(node, token, 'GET', `/cases/${caseId}`)).json;
    const yusuf = view.entities.find((e: any) => e.label === 'Yusuf Synthetic');
    assert.deepEqual(yusuf.identifiers, ['phone:+212661000020']);
    assert.equal(yusuf.provenance.officer, 'amina');
    // Links by label or identifier; an unknown end is a row error.
    const links = await call(node, token, 'POST', `/cases/${caseId}/import`, {
      kind: 'links',
      csv: 'from,to,type,date,calls,source,accuracy\nphone:+212661000020,Broker Synthetic,called,2025-01-06,7,B,2\nNobody,Broker Synthetic,called,2025-01-06,1,B,2\n',
      dryRun: false,
    });
    assert.equal(links.json.imported, 0);
    assert.deepEqual(
      links.json.errors.map((e: any) => [e.line, e.column]),
      [[3, 'from']],
    );
    const badMapping = await call(node, token, 'POST', `/cases/${caseId}/import`, {
      kind: 'links',
      csv: 'a,b\n1,2\n',
      mapping: { from: 'nope' },
    });
    assert.ok(badMapping.json.errors.some((e: any) => e.line === 1 && /No column/.test(e.message)));
  });

  test('a case links only exchange messages its member may read', async () => {
    const before = (await call(node, token, 'GET', `/cases/${caseId}`)).json.opCount;
    const r = await call(node, token, 'POST', `/cases/${caseId}/items/references`, {
      items: [{ kind: 'message', refId: '0190a000-0000-7000-8000-000000000abc', note: 'not mine' }],
    });
    assert.equal(r.status, 404);
    assert.equal((await call(node, token, 'GET', `/cases/${caseId}`)).json.opCount, before);
  });

  test('the PDF report opens and carries the handling code on every page; GraphML lists the graph', async () => {
    await call(node, token, 'POST', `/cases/${caseId}/items/events`, {
      items: [{ at: '2025-01-05', title: 'Departure of the boat (synthetic)' }],
    });
    const pdf = await call(node, token, 'GET', `/cases/${caseId}/export?format=pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.type, 'application/pdf');
    assert.equal(pdf.buf.subarray(0, 5).toString(), '%PDF-');
    const pages = await pageTexts(new Uint8Array(pdf.buf));
    assert.ok(pages.length >= 3, `pages: ${pages.length}`);
    for (const [i, text] of pages.entries()) {
      assert.match(text, /HANDLING CODE H2 - no onward transmission/, `page ${i + 1}`);
    }
    const all = pages.join('\n');
    assert.match(all, /Broker Synthetic/);
    assert.match(all, /Departure of the boat/);
    assert.match(all, /\(romanised\)/);
    const graphml = await call(node, token, 'GET', `/cases/${caseId}/export?format=graphml`);
    assert.equal(graphml.status, 200);
    assert.equal((graphml.text.match(/<node /g) ?? []).length, 6);
    assert.match(graphml.text, /<data key="g_handling">H2<\/data>/);
    const json = await call(node, token, 'GET', `/cases/${caseId}/export?format=json`);
    assert.equal(json.json.entities.length, 6);
    assert.equal(json.json.case.handlingCode, 'H2');
  });

  test('passerelle case list|show|export, and nothing for a non-member', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-case-cli-'));
    try {
      const list = await cli(node, token, ['case', 'list', '--json'], dir);
      assert.equal(list.code, 0, list.err);
      assert.deepEqual(
        JSON.parse(list.out).map((c: any) => c.id),
        [caseId],
      );
      const show = await cli(node, token, ['case', 'show', caseId], dir);
      assert.equal(show.code, 0, show.err);
      assert.match(show.out, /H2 TLP:AMBER/);
      assert.match(show.out, /facilitator: Broker Synthetic/);
      const exported = await cli(
        node,
        token,
        ['case', 'export', caseId, '--format', 'pdf', '--out', 'r.pdf', '--json'],
        dir,
      );
      assert.equal(exported.code, 0, exported.err);
      assert.equal(JSON.parse(exported.out).file, 'r.pdf');
      assert.equal(readFileSync(join(dir, 'r.pdf')).subarray(0, 5).toString(), '%PDF-');
      const stranger = await tokenForNewUser(node, 'stranger', ['analyst']);
      assert.equal(JSON.parse((await cli(node, stranger, ['case', 'list', '--json'], dir)).out).length, 0);
      const refused = await cli(
        node,
        stranger,
        ['case', 'export', caseId, '--format', 'graphml', '--out', 'x.graphml'],
        dir,
      );
      assert.notEqual(refused.code, 0);
      assert.match(refused.err, /not_found|No such case/);
      const bad = await cli(node, token, ['case', 'export', caseId, '--format', 'docx'], dir);
      assert.notEqual(bad.code, 0);
      assert.match(bad.err, /--format must be pdf, graphml or json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
