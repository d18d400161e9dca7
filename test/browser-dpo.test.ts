import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn, startWebPair, userWithTotp } from './_browser.js';
import { type TestNode, testAdmin, waitFor } from './_util.js';

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
  },
);
