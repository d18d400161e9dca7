import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { playIncidentsStep } from '../src/cli/demo-incidents.js';
import { bundledDataPath, readBundledData } from '../src/platform/index.js';
import { browserAvailable, launchBrowser, signIn, webDist } from './_browser.js';
import { allowSharing, pairNodes, startTestNode, type TestNode, tokenForNewUser } from './_util.js';

async function openDakhla(page: Page, node: TestNode): Promise<void> {
  await page.goto(`${node.url}/#/incidents`);
  await page.getByTestId('incidents-title').waitFor();
  await page.locator('#incident-search').fill('2025.MMP0019');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: '2025.MMP0019' }).click();
  await page.getByTestId('incident-detail').waitFor();
}

describe('incidents in Chromium', { skip: !browserAvailable() && 'Chromium not installed' }, () => {
  let ma: TestNode;
  let pk: TestNode;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(`${webDist}/index.html`), 'web UI built (npm test builds it first)');
    ma = await startTestNode({ id: 'ma-dgsn', country: 'MA', webDist });
    pk = await startTestNode({ id: 'pk-fia', country: 'PK', webDist });
    await pairNodes(ma, pk);
    await allowSharing(pk, 'ma-dgsn');
    await allowSharing(ma, 'pk-fia');
    const access: Record<
      string,
      {
        id: string;
        admin: { url: string; token: string };
        dvi: { url: string; token: string };
        dpo: { url: string; token: string };
      }
    > = {};
    for (const node of [ma, pk]) {
      const id = node.config.node.id;
      access[id] = {
        id,
        admin: { url: node.url, token: await tokenForNewUser(node, 'admin', ['admin']) },
        dvi: { url: node.url, token: await tokenForNewUser(node, 'dvi', ['dvi']) },
        dpo: { url: node.url, token: await tokenForNewUser(node, 'dpo', ['dpo']) },
      };
      await tokenForNewUser(node, 'viewer', ['viewer']);
      await tokenForNewUser(node, 'analyst', ['analyst']);
    }
    const io = {
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      stdin: new PassThrough(),
      env: {},
      cwd: '.',
    };
    await playIncidentsStep(
      access['ma-dgsn']!,
      access['pk-fia']!,
      io,
      bundledDataPath('iom-mmp-europe-2014-2026.csv'),
    );
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await ma?.destroy();
    await pk?.destroy();
  });

  test("Islamabad's DVI officer sees the status board the two nodes share", async () => {
    const page = await signIn(browser, pk, 'dvi');
    await openDakhla(page, pk);
    assert.match(await page.getByTestId('incident-figures').innerText(), /15 dead, 35 missing, 36 survivors/);
    const board = page.getByTestId('dvi-status-board');
    await board.waitFor();
    const row = (ref: string) => board.locator('tr[data-testid="board-row"]', { hasText: ref });
    await row('AM-PK-0101').waitFor();
    // Islamabad told the family; Rabat's repatriation news arrived through the federation.
    assert.equal(await row('AM-PK-0101').getAttribute('data-state'), 'repatriating');
    assert.match(await row('AM-PK-0101').innerText(), /PM-DKH-001[\s\S]*ma-dgsn/);
    assert.equal(await row('AM-PK-0102').getAttribute('data-state'), 'identified');
    assert.equal(await row('AM-PK-0104').getAttribute('data-state'), 'pending');
    assert.match(await page.getByTestId('am-list').innerText(), /محمد آصف اقبال/);
    // The ante-mortem records Islamabad sent, and their state.
    const sent = page.getByTestId('dvi-transfers');
    await sent.waitFor();
    assert.match(
      await sent.locator('tr', { hasText: 'AM-PK-0101' }).first().innerText(),
      /AM-PK-0101\s+ma-dgsn\s+Sent\./,
    );
    // The family of the second identified person is told through the form.
    const form = page.getByTestId('family-form');
    await form.getByLabel('Missing person identified').selectOption({ label: 'AM-PK-0102' });
    await form.getByLabel('Person told').fill('Synthetic father of AM-PK-0102');
    await form.getByLabel('Relationship').fill('father');
    await form.getByLabel('Channel').selectOption('consulate');
    await form.getByLabel('Language (ISO code)').fill('pa');
    await form.getByRole('button', { name: 'Record the notification' }).click();
    await page
      .getByTestId('family-notifications')
      .getByText(/AM-PK-0102: Synthetic father/)
      .waitFor();
    await board
      .locator('tr[data-testid="board-row"][data-state="notified"]', { hasText: 'AM-PK-0102' })
      .waitFor();
    await page.close();
  });

  test("Rabat's DVI officer confirms the third identification from the ranked candidates", async () => {
    const page = await signIn(browser, ma, 'dvi');
    await openDakhla(page, ma);
    const board = page.getByTestId('dvi-status-board');
    await board.waitFor();
    // Islamabad told PM-DKH-002's family in the previous test: its news reached Rabat's board.
    await page.reload();
    await openDakhla(page, ma);
    await board
      .locator('tr[data-testid="board-row"][data-state="notified"]', { hasText: 'PM-DKH-002' })
      .waitFor();
    assert.equal(await board.getByTestId('board-count-identified').innerText(), 'Identified 0');
    await page.getByTestId('pm-list').getByRole('button', { name: 'PM-DKH-003' }).click();
    const candidates = page.getByTestId('dvi-candidates');
    await candidates.waitFor();
    const first = candidates.getByTestId('dvi-candidate').first();
    assert.match(await first.innerText(), /AM-PK-0103[\s\S]*document number: passport \(damaged\) SX9017734/);
    const form = page.getByTestId('dvi-decision-form');
    await form.getByLabel('Primary identifier confirmed').selectOption('dental');
    await form.getByLabel('Expert').fill('Synthetic odontologist');
    await form
      .getByLabel('Board members (comma-separated)')
      .fill('Synthetic pathologist, Synthetic odontologist');
    await form.getByRole('button', { name: 'Record the confirmed identification' }).click();
    await page.getByText('Identification confirmed; the match is locked.').waitFor();
    await board.getByTestId('board-count-identified').getByText('1').waitFor();
    assert.equal(
      await board
        .locator('tr[data-testid="board-row"]', { hasText: 'PM-DKH-003' })
        .getAttribute('data-state'),
      'identified',
    );
    // An unidentified body goes to the partner as an alert.
    const send = page.getByTestId('dvi-send');
    await send.getByLabel('What').selectOption({ label: 'Unidentified-body alert for PM-DKH-003' });
    await send.getByLabel('Partner').selectOption('pk-fia');
    await send.getByRole('button', { name: 'Send' }).click();
    await send.getByText('Alert sent.').waitFor();
    // A fourth body recorded in the pink form: the name on its document is in Urdu script.
    const forms = page.getByTestId('dvi-record-forms');
    await forms.getByLabel('Reference').fill('PM-DKH-004');
    await forms.getByLabel('Recovery place').fill('Shore near Boujdour (synthetic)');
    await forms.getByLabel('Recovered at').fill('2025-01-22T10:30');
    await forms.getByLabel('Age from').fill('22');
    await forms.getByLabel('Age to').fill('32');
    await forms.getByLabel('Names on the document, one per line').fill('نوید اختر');
    await forms.getByLabel('Distinguishing marks, one per line').fill('mole, neck');
    await forms.getByRole('button', { name: 'Save' }).click();
    await forms.getByText('PM-DKH-004 saved.').waitFor();
    await page.getByTestId('pm-list').getByRole('button', { name: 'PM-DKH-004' }).click();
    const proposed = page.getByTestId('dvi-candidates').last().getByTestId('dvi-candidate').first();
    await proposed.waitFor();
    assert.match(await proposed.innerText(), /AM-PK-0104/);
    await page.close();
  });

  test('a viewer sees the registry, map and charts but not the DVI records; the Urdu page reads right to left', async () => {
    const page = await signIn(browser, ma, 'viewer', { lang: 'ur' });
    await page.goto(`${ma.url}/#/incidents`);
    await page.getByTestId('incidents-map').waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.ok((await page.getByTestId('world-map-point').count()) > 10);
    await page.getByTestId('chart-year').waitFor();
    await page.locator('#incident-search').fill('2025.MMP0019');
    await page.getByTestId('incident-search-form').locator('button').click();
    await page.getByRole('button', { name: '2025.MMP0019' }).click();
    await page.getByTestId('dvi-not-on-team').waitFor();
    assert.equal(await page.getByTestId('dvi-status-board').count(), 0);
    await page.close();
  });

  test('an IOM file uploaded in the browser shows the node reading it and the rows in error', async () => {
    const page = await signIn(browser, pk, 'analyst');
    await page.goto(`${pk.url}/#/incidents`);
    const lines = readBundledData('iom-mmp-global-2026-05.csv').toString('utf8');
    await page
      .locator('#iom-file')
      .setInputFiles({ name: 'iom-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(lines) });
    await page.getByTestId('iom-import-form').getByRole('button', { name: 'Import' }).click();
    const status = page.getByTestId('iom-import-status');
    await status
      .getByText(/238 rows read: \d+ new, \d+ updated, \d+ unchanged, 2 in error/)
      .waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('iom-import-errors').innerText(), /Line 162 \(2026\.MMP0149\)/);
    await page.close();
  });
});
