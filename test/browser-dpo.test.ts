import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn, startWebPair, userWithTotp } from './_browser.js';
import { apiCall, type TestNode, testAdmin, tokenForNewUser, waitFor } from './_util.js';

const DAY = 86_400_000;

describe(
  "the DPO's workplace in Chromium: a held message, its flags, the exact payload, redaction and approval",
  { skip: !browserAvailable() && 'Chromium not installed' },
  () => {
    let a: TestNode;
    let b: TestNode;
    let browser: Browser;
    let dpoTotp: () => string;

    before(async () => {
      [a, b] = await startWebPair();
      dpoTotp = await userWithTotp(a, 'dpo', 'Dalia DPO', ['dpo']);
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await a?.destroy();
      await b?.destroy();
    });

    test('the DPO sees why a message waits and what would leave, takes a person out and approves; the partner gets the redacted message', async () => {
      const liaison = { ...testAdmin, username: 'youssef', roles: ['liaison' as const] };
      const now = Date.now();
      const held = await a.ctx.exchange.send(liaison, {
        recipient: 'pk-fia',
        message: {
          type: 'rfi',
          subject: 'Synthetic crossing organiser',
          body: 'Is the synthetic person below known to your services?',
          language: 'en',
          crimeAreas: ['migrant_smuggling'],
          priority: 'high',
          deadline: new Date(now + 5 * DAY).toISOString(),
          handlingCode: 'H1',
          tlp: 'AMBER',
          evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
          legalBasis: 'Bilateral security cooperation agreement, art. 3',
          purpose: 'Identify the organisers of the crossing',
          entities: [
            {
              kind: 'person',
              id: 'p1',
              role: 'suspect',
              names: [{ given: 'Imran', family: 'Synthetic', script: 'Latn' }],
              synthetic: true,
            },
          ],
          retentionReviewDate: new Date(now + 365 * DAY).toISOString().slice(0, 10),
        },
      });
      assert.equal(held.status, 'held');

      const page = await signIn(browser, a, 'dpo', { totp: dpoTotp });

      await page.getByTestId('nav-dpo').click();
      await page.getByTestId(`review-${held.id}`).waitFor();
      assert.match(await page.getByTestId(`review-flags-${held.id}`).innerText(), /Personal data: persons/);
      assert.match(await page.getByTestId(`review-payload-${held.id}`).innerText(), /"family": "Synthetic"/);
      await page.getByTestId(`review-remove-${held.id}-p1`).check();
      await page.getByTestId(`review-note-${held.id}`).fill('The name is not needed for the question');
      await page.getByTestId(`review-approve-${held.id}`).click();
      await page.getByTestId('dpo-queue-empty').waitFor();

      await waitFor(
        async () =>
          (await b.ctx.db
            .selectFrom('messages')
            .select('id')
            .where('id', '=', held.id)
            .executeTakeFirst()) !== undefined,
        15_000,
        'delivery after approval',
      );
      const row = await b.ctx.db
        .selectFrom('messages')
        .select('payload')
        .where('id', '=', held.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual((row.payload as { entities: unknown[] }).entities, []);
      await page.close();
    });

    test(
      'a case document past its review date is on the retention list; the DPO purges it from the page',
      { timeout: 120_000 },
      async () => {
        const amina = await tokenForNewUser(a, 'amina', ['analyst']);
        const legalBasis = 'Agreement art. 9 (synthetic)';
        const created = await apiCall(a, amina, 'POST', '/cases', {
          title: 'Retention on the DPO page (synthetic)',
          crimeAreas: ['migrant_smuggling'],
          legalBasis,
          handlingCode: 'H2',
        });
        assert.equal(created.status, 201, JSON.stringify(created.json));
        const caseId: string = created.json.id;
        const pdf = Buffer.from(
          '%PDF-1.4\n% Synthetic ledger [SYNTHETIC DEMO]\ntrailer<<>>\n%%EOF\n',
          'latin1',
        );
        const up = await apiCall(a, amina, 'POST', `/cases/${caseId}/documents?title=ledger`, pdf, {
          'content-type': 'application/pdf',
          'x-filename': 'hawala-ledger.pdf',
        });
        assert.equal(up.status, 201, JSON.stringify(up.json));
        const documentId: string = up.json.id;
        const dpoActor = { ...testAdmin, username: 'dpo', roles: ['dpo' as const] };
        await a.ctx.retention.setRule(dpoActor, {
          recordType: 'case_document',
          legalBasis,
          reviewAfterDays: 1,
        });
        // The document was stored three days ago (the node runs on the real clock).
        await sql`update case_documents set created_at = ${new Date(Date.now() - 3 * DAY)} where document_id = ${documentId}`.execute(
          a.ctx.db,
        );

        // Another DPO account: a one-time code is not accepted twice (the first test used one).
        const secondTotp = await userWithTotp(a, 'dpo2', 'Dawud DPO', ['dpo']);
        const page = await signIn(browser, a, 'dpo2', { totp: secondTotp });
        await page.getByTestId('nav-dpo').click();
        await page.getByTestId('dpo-tab-retention').click();
        await page.getByTestId('retention-scan').click();
        const card = page.getByTestId(`retention-${documentId}`);
        await card.waitFor();
        const text = await card.innerText();
        assert.match(text, new RegExp(caseId));
        assert.match(text, /application\/pdf/);
        assert.match(text, /Agreement art\. 9/);
        assert.doesNotMatch(text, /hawala-ledger|ledger\.pdf/, 'no file name on the list');
        await card.getByLabel('Reason').fill('Review date passed, no longer needed');
        await card.getByRole('button', { name: 'Purge' }).click();
        await card.waitFor({ state: 'detached' });
        const gone = await a.ctx.db
          .selectFrom('case_documents')
          .select('document_id')
          .where('document_id', '=', documentId)
          .executeTakeFirst();
        assert.equal(gone, undefined, 'the document row is gone');
        const tomb = await a.ctx.db
          .selectFrom('case_document_tombstones')
          .select('reason')
          .where('document_id', '=', documentId)
          .executeTakeFirst();
        assert.equal(tomb?.reason, 'retention');
        assert.equal(
          (await apiCall(a, amina, 'GET', `/cases/${caseId}/documents/${documentId}`)).status,
          404,
        );
        await page.close();
      },
    );
  },
);
