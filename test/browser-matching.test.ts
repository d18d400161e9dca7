import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn as signInWithTotp, userWithTotp } from './_browser.js';
import { allowSharing, pairNodes, startTestNode, type TestNode, testAdmin, waitFor } from './_util.js';

const webDist = new URL('../web/dist', import.meta.url).pathname;
const PASSWORD = 'correct horse battery';

async function signIn(browser: Browser, node: TestNode, username: string, lang = 'en'): Promise<Page> {
  const page = await browser.newPage({ locale: 'en-GB' });
  await page.goto(node.url);
  await page.evaluate(`window.localStorage.setItem('passerelle.lang', '${lang}')`);
  await page.reload();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-title').waitFor();
  return page;
}

describe('hit/no-hit in Chromium', { skip: !browserAvailable() && 'Chromium not installed' }, () => {
  let ma: TestNode;
  let pk: TestNode;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(`${webDist}/index.html`), 'web UI built (npm test builds it first)');
    ma = await startTestNode({ id: 'ma-dgsn', country: 'MA', webDist });
    pk = await startTestNode({ id: 'pk-fia', country: 'PK', webDist });
    await pairNodes(ma, pk);
    await allowSharing(ma, 'pk-fia');
    await ma.ctx.governance.createUser(null, {
      username: 'analyst',
      displayName: 'Analyst',
      password: PASSWORD,
      roles: ['analyst'],
    });
    await pk.ctx.governance.createUser(null, {
      username: 'liaison',
      displayName: 'Liaison',
      password: PASSWORD,
      roles: ['liaison'],
    });
    await pk.ctx.matchingHolder.addHoldings(
      { ...testAdmin, roles: [...testAdmin.roles] },
      {
        source: 'FIA suspects file (synthetic)',
        crimeAreas: ['migrant_smuggling'],
        entities: [
          {
            kind: 'person',
            id: 'p1',
            role: 'suspect',
            synthetic: true,
            names: [{ full: 'محمد انور چوہدری', script: 'Arab' }],
            datesOfBirth: ['1961'],
          },
          { kind: 'phone', id: 'ph1', number: '+923001112233' },
        ],
      },
    );
    await pk.ctx.matchingHolder.setPolicy({ ...testAdmin, username: 'dpo', roles: ['dpo'] }, 'ma-dgsn', {
      enabled: true,
      recordTypes: ['person', 'phone'],
      crimeAreas: [],
      dailyQuota: 10_000,
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await ma?.destroy();
    await pk?.destroy();
  });

  test('an analyst checks a Latin spelling against an Urdu-script record, follows up, and runs a CSV batch', async () => {
    const page = await signIn(browser, ma, 'analyst');
    await page.goto(`${ma.url}/#/matching`);
    const form = page.getByTestId('matching-form');
    await form.waitFor();
    await page.locator('#mt-names').fill('Mohammad Anwar Chaudhry');
    await page.locator('#mt-year').fill('1961');
    await page.locator('#mt-purpose').fill('Browser test of hit/no-hit');
    await page.locator('#mt-legal').fill('Bilateral agreement (test)');
    await form.locator('button[type=submit]').click();
    const results = page.getByTestId('matching-results').first();
    await results.waitFor();
    const row = results.locator('tbody tr').first();
    assert.equal(await row.getAttribute('data-hit'), 'yes');
    assert.match(await row.innerText(), /MX-[A-Z2-7]{16}/);
    await page.getByLabel('Crime area of the follow-up request').first().selectOption('drug_trafficking');
    await row.getByRole('button', { name: 'Request information' }).click();
    await row.getByText('Request sent').waitFor();
    const ref = /MX-[A-Z2-7]{16}/.exec(await row.innerText())![0];

    await page.locator('#mb-csv').setInputFiles({
      name: 'phones.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('kind,number\nphone,+923001112233\nphone,+212612000999\n'),
    });
    await page.locator('#mb-purpose').fill('Batch browser test');
    await page.locator('#mb-legal').fill('Bilateral agreement (test)');
    await page.getByRole('button', { name: 'Start the batch' }).click();
    const batch = page.getByTestId('matching-batch');
    await batch.getByText('2 of 2 checked, 1 hits').waitFor({ timeout: 15_000 });
    assert.equal(await batch.locator('progress').getAttribute('value'), '2');
    const batchRows = page.getByTestId('matching-results').nth(1).locator('tbody tr');
    await batchRows.first().waitFor();
    assert.deepEqual(await batchRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-hit'))), [
      'yes',
      'no',
    ]);
    const report = page.getByTestId('matching-report');
    assert.match(await report.innerText(), /pk-fia/);
    await page.close();

    // At the holder, the officer who received the rfi looks the reference up.
    const holder = await signIn(browser, pk, 'liaison');
    await holder.goto(`${pk.url}/#/matching`);
    // A reference this node never issued: the reason, nothing of any record.
    await holder.locator('#mr-ref').fill('MX-AAAAAAAAAAAAAAAA');
    await holder.locator('#mr-partner').fill('ma-dgsn');
    await holder.getByTestId('matching-resolve').locator('button[type=submit]').click();
    await holder.getByText('This node never issued this hit reference').waitFor();
    assert.equal(await holder.getByTestId('matching-record').count(), 0);
    await holder.locator('#mr-ref').fill(ref);
    await holder.getByTestId('matching-resolve').locator('button[type=submit]').click();
    const record = holder.getByTestId('matching-record');
    await record.waitFor();
    assert.match(await record.innerText(), /محمد انور چوہدری/);

    // Opening the follow-up rfi in Exchange shows the same record, without typing the reference.
    let conversation: string | undefined;
    let areas: string[] = [];
    await waitFor(
      async () => {
        const row = await pk.ctx.db
          .selectFrom('messages')
          .select(['conversation_id', 'crime_areas'])
          .where('direction', '=', 'in')
          .where('subject', 'like', `%${ref}%`)
          .executeTakeFirst();
        conversation = row?.conversation_id;
        areas = row?.crime_areas ?? [];
        return conversation !== undefined;
      },
      20_000,
      'the follow-up rfi at the holder',
    );
    // The rfi carries the crime area the analyst chose.
    assert.deepEqual(areas, ['drug_trafficking']);
    await holder.goto(`${pk.url}/#/exchange/conversation/${conversation}`);
    const followUp = holder.getByTestId('matching-follow-up');
    await followUp.waitFor();
    assert.match(await followUp.innerText(), new RegExp(ref));
    assert.match(
      await followUp.getByTestId('matching-record-summary').innerText(),
      /محمد انور چوہدری · 1961/,
    );
    await holder.close();
  });

  test("the DPO edits a partner's policy and quota and reads the report; the administrator rotates the key", async () => {
    const dpoTotp = await userWithTotp(pk, 'pkdpo', 'DPO', ['dpo']);
    const page = await signInWithTotp(browser, pk, 'pkdpo', { totp: dpoTotp });
    await page.goto(`${pk.url}/#/matching`);
    const row = page.getByTestId('matching-policy-ma-dgsn');
    await row.waitFor();
    assert.match(await row.innerText(), /allowed/);
    assert.match(await row.innerText(), /10,000/);
    await row.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByTestId('matching-policy-form-ma-dgsn');
    await form.getByTestId('mp-ma-dgsn-type-vessel').check();
    await form.getByTestId('mp-ma-dgsn-type-person').uncheck();
    await form.getByLabel('Daily quota (evaluations)').fill('5000');
    await form.getByRole('button', { name: 'Save the policy' }).click();
    await form.waitFor({ state: 'detached' });
    const saved = await row.innerText();
    assert.match(saved, /5,000/);
    assert.match(saved, /phone, vessel/);
    assert.doesNotMatch(saved, /person/);
    assert.match(saved, /pkdpo/);
    const stored = (await pk.ctx.matchingHolder.policies({ ...testAdmin, roles: ['dpo'] })).find(
      (p) => p.partner === 'ma-dgsn',
    )!;
    assert.deepEqual([...stored.recordTypes].sort(), ['phone', 'vessel']);
    assert.equal(stored.dailyQuota, 5000);
    // The report: Rabat's checks received here, counts only, quota used today against the new quota.
    const report = page.getByTestId('matching-report-ma-dgsn');
    assert.match(await report.innerText(), /[1-9]\d* checks, [1-9]\d* items, 0 refused/);
    assert.match(await report.innerText(), /\d+ \/ 5000/);
    // The DPO may not rotate the key nor see the holdings register.
    assert.equal(await page.getByRole('button', { name: 'Rotate the key now' }).count(), 0);
    await page.close();

    const adminTotp = await userWithTotp(pk, 'pkadmin', 'Admin', ['admin']);
    const admin = await signInWithTotp(browser, pk, 'pkadmin', { totp: adminTotp });
    await admin.goto(`${pk.url}/#/matching`);
    const keyAge = admin.getByTestId('matching-key-age');
    await keyAge.waitFor();
    const epochBefore = Number(/epoch (\d+)/.exec(await keyAge.innerText())![1]);
    assert.match(await admin.getByTestId('matching-records-by-type').innerText(), /person: 1, phone: 1/);
    assert.equal(await admin.getByTestId('matching-holdings').locator('tbody tr').count(), 2);
    admin.once('dialog', (d) => void d.accept());
    await admin.getByRole('button', { name: 'Rotate the key now' }).click();
    await keyAge.getByText(`epoch ${epochBefore + 1}`).waitFor();

    // The administrator registers records from the form. A wrong phone number: the API's
    // refusal is shown and nothing is registered.
    const holdingForm = admin.getByTestId('matching-holding-form');
    const holdingRows = admin.getByTestId('matching-holdings').locator('tbody tr');
    await holdingForm.locator('#mh-source').fill('FIA passport office file (synthetic)');
    await holdingForm.getByTestId('mh-area-document_fraud').check();
    await holdingForm.locator('#mh-type').selectOption('phone');
    await holdingForm.locator('#mh-number').fill('12345');
    await holdingForm.getByRole('button', { name: 'Register for matching' }).click();
    const refusal = admin.getByTestId('matching-holding-error');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Entity 1: number/);
    assert.equal(await holdingRows.count(), 2);
    // A victim can never be chosen: only roles that may be matched are offered.
    await holdingForm.locator('#mh-type').selectOption('person');
    const roles = await holdingForm
      .locator('#mh-role option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    assert.deepEqual(roles, ['suspect', 'witness', 'relative', 'other']);
    // A suspect with names in two scripts and a year of birth, then a passport.
    await holdingForm.locator('#mh-names').fill('عبد الرحمن بلوچ\nAbdul Rehman Baloch');
    await holdingForm.locator('#mh-year').fill('1975');
    await holdingForm.getByRole('button', { name: 'Register for matching' }).click();
    await holdingRows.nth(2).waitFor();
    assert.equal(await refusal.count(), 0);
    assert.match(
      await holdingRows.first().innerText(),
      /person\s+FIA passport office file \(synthetic\)\s+Document fraud/,
    );
    await holdingForm.locator('#mh-type').selectOption('identity_document');
    await holdingForm.locator('#mh-number').fill('AB7654321');
    await holdingForm.locator('#mh-country').fill('pk');
    await holdingForm.getByRole('button', { name: 'Register for matching' }).click();
    await holdingRows.nth(3).waitFor();
    await admin
      .getByTestId('matching-records-by-type')
      .getByText(/identity document: 1/)
      .waitFor();
    assert.match(await admin.getByTestId('matching-records-by-type').innerText(), /person: 2/);
    const registered = await pk.ctx.matchingHolder.holdings({ ...testAdmin, roles: [...testAdmin.roles] });
    const entityOf = (h: { entity: unknown } | undefined) =>
      (typeof h?.entity === 'string' ? JSON.parse(h.entity) : h?.entity) as Record<string, unknown>;
    const person = registered.find((h) => h.kind === 'person' && h.source.startsWith('FIA passport office'));
    assert.deepEqual(entityOf(person).names, [
      { full: 'عبد الرحمن بلوچ', script: 'Arab' },
      { full: 'Abdul Rehman Baloch', script: 'Latn' },
    ]);
    const passport = registered.find((h) => h.kind === 'identity_document');
    assert.equal(entityOf(passport).issuingCountry, 'PK');
    // Policies can be read by the administrator but only the DPO edits them.
    assert.equal(await admin.getByTestId('matching-policy-ma-dgsn').getByRole('button').count(), 0);
    await admin.close();
  });

  test('the page speaks Urdu right to left', async () => {
    const page = await signIn(browser, ma, 'analyst', 'ur');
    await page.goto(`${ma.url}/#/matching`);
    await page.getByTestId('matching-form').waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.match(await page.getByTestId('matching-form').innerText(), /جانچیں/);
    await page.close();
  });
});
