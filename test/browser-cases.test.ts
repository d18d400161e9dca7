// The link chart in Chromium: an analyst opens a joint case, the chart draws its entities,
// the path finder highlights the chain from the organiser to the boat pilot, the broker tops
// the centrality table, and the route map and timeline show the journey.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { BROWSER_PASSWORD, browserAvailable, launchBrowser, signIn } from './_browser.js';
import { startTestNode, type TestNode } from './_util.js';

const webDist = new URL('../web/dist', import.meta.url).pathname;

const evaluation = { source: 'B', accuracy: '2' };

describe('the link chart in Chromium', { skip: !browserAvailable() && 'Chromium not installed' }, () => {
  let node: TestNode;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(`${webDist}/index.html`), 'web UI built (npm test builds it first)');
    node = await startTestNode({ id: 'ma-dgsn', webDist });
    const { user } = await node.ctx.governance.createUser(null, {
      username: 'analyst',
      displayName: 'Analyst',
      password: BROWSER_PASSWORD,
      roles: ['analyst'],
    });
    const actor = {
      userId: user.id,
      username: 'analyst',
      displayName: 'Analyst',
      roles: ['analyst' as const],
      via: 'token' as const,
    };
    const { cases, items } = node.ctx.cases;
    const c = await cases.create(actor, {
      title: 'Browser case (synthetic)',
      crimeAreas: ['migrant_smuggling'],
      legalBasis: 'Test',
      handlingCode: 'H2',
    });
    const people = [
      ['Organiser Synthetic', 'organiser'],
      ['Recruiter Synthetic', 'recruiter'],
      ['Broker Synthetic', 'facilitator'],
      ['Pilot Synthetic', 'boat_pilot'],
      ['Forger Synthetic', 'forger'],
      ['Victim Synthetic', 'victim'],
    ] as const;
    const ids = await items.add(
      actor,
      c.id,
      'entities',
      people.map(([label, role]) => ({ kind: 'person', label, role, evaluation, synthetic: true })),
    );
    const [org, rec, broker, pilot, forger, victim] = ids;
    await items.add(actor, c.id, 'links', [
      { from: org, to: rec, type: 'called', at: '2024-12-01', weight: 10, evaluation },
      { from: rec, to: victim, type: 'recruited', at: '2024-12-02', evaluation },
      { from: org, to: broker, type: 'called', at: '2024-12-05', weight: 20, evaluation },
      { from: broker, to: pilot, type: 'paid', at: '2025-01-10', weight: 4000, currency: 'EUR', evaluation },
      { from: broker, to: forger, type: 'paid', at: '2024-12-20', weight: 1500, currency: 'EUR', evaluation },
    ]);
    await items.add(actor, c.id, 'legs', [
      {
        from: 'Nouadhibou',
        fromLat: 20.94,
        fromLon: -17.04,
        to: 'Off Dakhla',
        toLat: 23.68,
        toLon: -15.96,
        departed: '2025-01-14',
        arrived: '2025-01-15',
        mode: 'sea',
        entityIds: [],
      },
    ]);
    await items.add(actor, c.id, 'events', [{ at: '2025-01-15', title: 'Shipwreck off Dakhla' }]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await node?.destroy();
  });

  test(
    'when the cases page fails to load, the analyst sees why and a retry loads it',
    { timeout: 120_000 },
    async () => {
      const page = await signIn(browser, node, 'analyst');
      await page
        .getByRole('link', { name: /Dashboard/ })
        .first()
        .waitFor();
      // The network drops every script from now on (the cases page is loaded on first visit).
      let failing = true;
      await page.route('**/*.js', (route) => (failing ? route.abort('failed') : route.continue()));
      await page.goto(`${node.url}/#/cases`);
      await page.getByRole('heading', { name: 'The page could not be loaded' }).waitFor();
      failing = false;
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByTestId('case-list').getByRole('button', { name: 'Browser case (synthetic)' }).waitFor();
      await page.close();
    },
  );

  test('an analyst opens the chart, finds the path organiser → pilot and sees the broker', async () => {
    const page = await signIn(browser, node, 'analyst');
    await page.goto(`${node.url}/#/cases`);
    await page.getByTestId('case-list').getByRole('button', { name: 'Browser case (synthetic)' }).click();
    await page.getByTestId('case-detail').waitFor();
    assert.match(await page.getByTestId('case-markings').innerText(), /Handling code H2/);
    const chart = page.getByTestId('case-link-chart');
    await chart.locator('canvas').first().waitFor();
    // The cytoscape instance hangs on its container (LinkChart sets it for tests and tools).
    const chartJs = `document.querySelector('[data-testid="case-link-chart"]').cy`;
    const drawn = await page.evaluate(
      `({ nodes: ${chartJs}.nodes().length, edges: ${chartJs}.edges().length })`,
    );
    assert.deepEqual(drawn, { nodes: 6, edges: 5 });

    const form = page.getByTestId('case-path-form');
    await page.getByTestId('case-path-from').selectOption({ label: 'Organiser Synthetic' });
    await page.getByTestId('case-path-to').selectOption({ label: 'Pilot Synthetic' });
    await form.getByRole('button', { name: 'Find path' }).click();
    const result = page.getByTestId('case-path-result');
    await result.waitFor();
    assert.equal(await result.innerText(), 'Organiser Synthetic → Broker Synthetic → Pilot Synthetic');
    const highlighted = await page.evaluate(`${chartJs}.nodes('.path').map((n) => n.data('label')).sort()`);
    assert.deepEqual(highlighted, ['Broker Synthetic', 'Organiser Synthetic', 'Pilot Synthetic']);

    // In time order the path still holds (12-05 then 01-10); the reverse direction has none.
    await page.getByTestId('case-path-from').selectOption({ label: 'Pilot Synthetic' });
    await page.getByTestId('case-path-to').selectOption({ label: 'Organiser Synthetic' });
    await form.getByLabel('Follow link direction').check();
    await form.getByRole('button', { name: 'Find path' }).click();
    await result.getByText('No path between these entities').waitFor();

    await page.getByTestId('case-brokers').click();
    const first = page.getByTestId('case-centrality').locator('tbody tr').first();
    await first.waitFor();
    assert.match(await first.innerText(), /^Broker Synthetic/);

    await page.getByTestId('case-tab-timeline').click();
    assert.match(await page.getByTestId('case-timeline').innerText(), /Shipwreck off Dakhla/);
    await page.getByTestId('case-tab-map').click();
    await page.getByTestId('case-route-map').waitFor();

    // CSV import: the check lists the bad row by line; importing the valid rows adds them.
    await page.getByTestId('case-tab-import').click();
    await page.locator('#case-import-file').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'name,kind,role,source,accuracy\nNew Synthetic,person,recruiter,B,2\nBad Synthetic,person,kingpin,B,2\n',
      ),
    });
    const importPanel = page.getByTestId('case-import');
    await importPanel.getByRole('button', { name: 'Check' }).first().click();
    const errors = page.getByTestId('case-import-errors');
    await errors.waitFor();
    assert.match(await errors.locator('tbody tr').first().innerText(), /^3\s+role/);
    await importPanel.getByRole('button', { name: 'Import the valid rows only' }).click();
    await page.getByTestId('case-import-summary').getByText('2 rows, 1 valid, 1 imported').waitFor();
    await page.getByTestId('case-tab-entities').click();
    await page.getByTestId('case-entities').getByText('New Synthetic').waitFor();
  });
  test('an analyst adds an entity and a link by hand and sees them in the chart; attaches a document', async () => {
    const page = await signIn(browser, node, 'analyst');
    await page.goto(`${node.url}/#/cases`);
    await page.getByTestId('case-list').getByRole('button', { name: 'Browser case (synthetic)' }).click();
    await page.getByTestId('case-detail').waitFor();
    await page.getByTestId('case-tab-entities').click();
    const form = page.getByTestId('case-entity-form');
    await page.locator('#case-entity-kind').selectOption('person');
    await page.locator('#case-entity-label').fill('Hawaladar Synthetic');
    await page.locator('#case-entity-aliases').fill('حوالہ دار\nحوالة دار');
    await page.locator('#case-entity-role').selectOption('hawala_agent');
    // A phone number that cannot be read: a clear error, nothing added.
    await page.locator('#case-entity-identifiers').fill('phone:12');
    await form.getByRole('button', { name: 'Add an entity' }).click();
    assert.match(await form.getByRole('alert').innerText(), /phone:12/);
    await page.locator('#case-entity-identifiers').fill('phone:+92 300 0000001');
    await page.locator('#case-entity-source').selectOption('A');
    await page.locator('#case-entity-accuracy').selectOption('2');
    await form.getByRole('button', { name: 'Add an entity' }).click();
    const row = page.getByTestId('case-entities').locator('tr', { hasText: 'Hawaladar Synthetic' });
    await row.waitFor();
    assert.match(await row.innerText(), /Hawala agent[\s\S]*phone:\+923000000001[\s\S]*A2/);

    const linkForm = page.getByTestId('case-link-form');
    await page.locator('#case-link-from').selectOption({ label: 'Hawaladar Synthetic' });
    await page.locator('#case-link-type').selectOption('paid');
    await page.locator('#case-link-to').selectOption({ label: 'Broker Synthetic' });
    await page.locator('#case-link-at').fill('2025-01-02');
    await page.locator('#case-link-weight').fill('900');
    await page.locator('#case-link-currency').fill('usd');
    const [added] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/items/links') && r.request().method() === 'POST'),
      linkForm.getByRole('button', { name: 'Add a link' }).click(),
    ]);
    assert.equal(added.status(), 201);
    assert.equal(await linkForm.getByRole('alert').count(), 0);

    await page.getByTestId('case-tab-chart').click();
    const chart = page.getByTestId('case-link-chart');
    await chart.locator('canvas').first().waitFor();
    const chartJs = `document.querySelector('[data-testid="case-link-chart"]').cy`;
    await page.waitForFunction(`${chartJs}?.nodes().some((n) => n.data('label') === 'Hawaladar Synthetic')`);
    const edge = await page.evaluate(
      `${chartJs}.edges().filter((e) => e.source().data('label') === 'Hawaladar Synthetic').map((e) => ({ to: e.target().data('label'), type: e.data('type'), label: e.data('label') }))`,
    );
    assert.deepEqual(edge, [{ to: 'Broker Synthetic', type: 'paid', label: 'paid 2025-01-02' }]);

    await page.getByTestId('case-tab-documents').click();
    await page.locator('#case-doc-title').fill('Hawala ledger');
    await page.locator('#case-doc-handling').selectOption('H3');
    await page.locator('#case-doc-file').setInputFiles({
      name: 'ledger.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% synthetic ledger\n%%EOF\n'),
    });
    await page.getByTestId('case-document-form').getByRole('button', { name: 'Attach a document' }).click();
    const doc = page.getByTestId('case-documents').locator('li', { hasText: 'Hawala ledger' });
    await doc.waitFor();
    assert.match(await doc.innerText(), /Handling code H3[\s\S]*ledger\.pdf/);
    const href = await doc.getByRole('link').getAttribute('href');
    const body = await page.evaluate(`fetch(${JSON.stringify(href)}).then((r) => r.text())`);
    assert.match(String(body), /synthetic ledger/);
  });
});
