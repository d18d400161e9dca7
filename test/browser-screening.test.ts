import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { readBundledData } from '../src/platform/index.js';
import { validateStixBundle } from '../src/screening/index.js';
import { browserAvailable, launchBrowser, signIn as signInWith } from './_browser.js';
import { allowSharing, pairNodes, startTestNode, type TestNode, testAdmin } from './_util.js';

const webDist = new URL('../web/dist', import.meta.url).pathname;
const PASSWORD = 'correct horse battery';

const signIn = (browser: Browser, node: TestNode, username: string, lang = 'en') =>
  signInWith(browser, node, username, { lang });

describe('screening in Chromium', { skip: !browserAvailable() && 'Chromium not installed' }, () => {
  let ma: TestNode;
  let pk: TestNode;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(`${webDist}/index.html`), 'web UI built (npm test builds it first)');
    ma = await startTestNode({ id: 'ma-dgsn', country: 'MA', webDist });
    pk = await startTestNode({ id: 'pk-fia', country: 'PK', webDist });
    await pairNodes(ma, pk);
    // The DPO's standing policy: outgoing personal data is reviewed in test/outgoing-review.
    await allowSharing(pk, 'ma-dgsn');
    for (const node of [ma, pk]) {
      await node.ctx.governance.createUser(null, {
        username: 'liaison',
        displayName: 'Liaison',
        password: PASSWORD,
        roles: ['liaison'],
      });
    }
    await ma.ctx.screening.importList(
      { ...testAdmin, roles: [...testAdmin.roles] },
      { xml: readBundledData('un-consolidated-2024-09-26.xml'), sourceName: 'un-2024.xml' },
    );
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await ma?.destroy();
    await pk?.destroy();
  });

  test('an officer screens an Arabic-script name, runs a CSV batch with progress and sees the list version', async () => {
    const page = await signIn(browser, ma, 'liaison');
    await page.goto(`${ma.url}/#/screening`);
    await page.getByTestId('screening-form').waitFor();
    await page.locator('#sc-names').fill('حمزة أسامة محمد بن لادن');
    await page.locator('#sc-birth').fill('1989');
    await page.locator('#sc-purpose').fill('Browser test of screening');
    await page.getByTestId('screening-form').locator('button[type=submit]').click();
    const table = page.getByTestId('screening-candidates');
    await table.waitFor();
    const first = table.locator('tbody tr').first();
    assert.match(await first.innerText(), /QDi\.421/);
    assert.equal(await first.getAttribute('data-level'), 'confident');
    await page.locator('#sc-csv').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('ref,name,birth_date\nA1,Amir Ali Chowdhury,1986\nA2,Synthetic Nobody Qwzx,1999\n'),
    });
    await page.locator('#sc-bpurpose').fill('Manifest check');
    await page.getByRole('button', { name: 'Start the batch' }).click();
    const batch = page.getByTestId('screening-batch');
    await batch.getByText('2 of 2 screened: 1 likely matches, 0 to review').waitFor({ timeout: 15_000 });
    assert.equal(await batch.locator('progress').getAttribute('value'), '2');
    assert.match((await batch.locator('a[download]').getAttribute('href')) ?? '', /format=csv$/);
    const lists = page.getByTestId('screening-lists');
    assert.match(await lists.innerText(), /2024-09-26/);
    assert.match(await lists.innerText(), /682 individuals, 193 entities/);
  });

  test('the page reads right to left in Urdu; a partner message naming a listed person shows the flag', async () => {
    const res = await fetch(`${pk.url}/api/v1/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${(await pk.ctx.governance.createToken('liaison', { name: 't' })).token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        recipient: 'ma-dgsn',
        message: {
          type: 'info',
          subject: 'Synthetic passenger notice',
          body: 'Synthetic test message.',
          language: 'en',
          crimeAreas: ['terrorism'],
          priority: 'high',
          handlingCode: 'H0',
          tlp: 'AMBER',
          evaluation: { sourceReliability: 'B', informationAccuracy: 3 },
          legalBasis: 'Test',
          purpose: 'Test',
          retentionReviewDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          entities: [
            {
              kind: 'person',
              id: 'p1',
              role: 'other',
              names: [{ full: 'Amir Ali Chowdhury', script: 'Latn' }],
              datesOfBirth: ['1986'],
              synthetic: true,
            },
          ],
        },
      }),
    });
    assert.equal(res.status, 201);
    const page = await signIn(browser, ma, 'liaison', 'ur');
    await page.goto(`${ma.url}/#/screening`);
    await page.getByTestId('screening-form').waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.goto(`${ma.url}/#/exchange/inbox`);
    const row = page.locator('[data-testid^="inbox-row-"]', { hasText: 'Synthetic passenger notice' });
    await row.waitFor({ timeout: 15_000 });
    await row.locator('.inbox-subject').click();
    const flag = page.getByTestId('screening-flag');
    await flag.waitFor({ timeout: 15_000 });
    assert.match(await flag.innerText(), /QDi\.312/);
    // An information message has no STIX form; a threat alert has, and it downloads valid.
    assert.equal(await page.getByTestId('stix-export').count(), 0);
  });

  test('a threat alert offers its STIX 2.1 bundle for download', async () => {
    const pkToken = (await pk.ctx.governance.createToken('liaison', { name: 't2' })).token;
    const res = await fetch(`${pk.url}/api/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pkToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        recipient: 'ma-dgsn',
        message: {
          type: 'alert',
          alertKind: 'threat_warning',
          subject: 'Synthetic threat warning',
          body: 'Synthetic test alert.',
          language: 'en',
          crimeAreas: ['terrorism'],
          priority: 'urgent',
          handlingCode: 'H0',
          tlp: 'AMBER+STRICT',
          evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
          legalBasis: 'Test',
          purpose: 'Test',
          retentionReviewDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          entities: [
            {
              kind: 'person',
              id: 'p1',
              role: 'suspect',
              names: [{ full: 'Synthetic Actor', script: 'Latn' }],
              synthetic: true,
            },
          ],
        },
      }),
    });
    assert.equal(res.status, 201);
    const page = await signIn(browser, ma, 'liaison');
    await page.goto(`${ma.url}/#/exchange/inbox`);
    const row = page.locator('[data-testid^="inbox-row-"]', { hasText: 'Synthetic threat warning' });
    await row.waitFor({ timeout: 15_000 });
    await row.locator('.inbox-subject').click();
    const link = page.getByTestId('stix-export');
    await link.waitFor();
    const download = await page.context().request.get(`${ma.url}${await link.getAttribute('href')}`);
    assert.equal(download.status(), 200);
    const bundle = (await download.json()) as {
      type: string;
      objects: Array<{ type: string; name?: string }>;
    };
    assert.equal(bundle.type, 'bundle');
    assert.ok(bundle.objects.some((o) => o.type === 'threat-actor' && o.name === 'Synthetic Actor'));
    assert.ok(validateStixBundle(bundle).ok);
  });
});
