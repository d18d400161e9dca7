import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn, startWebPair } from './_browser.js';
import { allowSharing, type TestNode } from './_util.js';

const PASSWORD = 'correct horse battery';

describe(
  'exchange in Chromium across two nodes',
  { skip: !browserAvailable() && 'Chromium not installed' },
  () => {
    let a: TestNode;
    let b: TestNode;
    let browser: Browser;

    before(async () => {
      [a, b] = await startWebPair();
      // The DPO's standing policy; the review queue itself is tested in outgoing-review.
      await allowSharing(a, 'pk-fia');
      for (const [node, name] of [
        [a, 'Youssef Liaison'],
        [b, 'Ayesha Liaison'],
      ] as const) {
        await node.ctx.governance.createUser(null, {
          username: 'liaison',
          displayName: name,
          password: PASSWORD,
          roles: ['liaison'],
        });
      }
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await a?.destroy();
      await b?.destroy();
    });

    test('a liaison officer sends a request with a person to the partner, who finds it in the inbox; the sender sees it delivered', async () => {
      const pageA = await signIn(browser, a, 'liaison');
      await pageA.goto(`${a.url}/#/exchange/compose`);
      await pageA.getByTestId('compose-form').waitFor();
      // Only verified partners are offered.
      await pageA
        .locator('[data-testid="compose-recipient"] option[value="pk-fia"]')
        .waitFor({ state: 'attached' });
      await pageA.getByTestId('compose-recipient').selectOption('pk-fia');
      await pageA.getByTestId('compose-type').selectOption('rfi');
      const subject = `Synthetic suspect ${Date.now()}`;
      await pageA.getByTestId('compose-subject').fill(subject);
      await pageA.getByTestId('compose-body').fill('Is the synthetic person below known to your services?');
      await pageA.getByTestId('compose-crimeArea-migrant_smuggling').check();
      await pageA.getByTestId('compose-deadline').fill('2099-01-15T12:00');
      await pageA.getByTestId('compose-legalBasis').fill('Bilateral security cooperation agreement, art. 3');
      await pageA.getByTestId('compose-purpose').fill('Identify the organisers of the crossing');
      await pageA.getByTestId('compose-add-person').click();
      await pageA.getByTestId('compose-entities-0-names-0-given').fill('Imran');
      await pageA.getByTestId('compose-entities-0-names-0-family').fill('Synthetic');
      await pageA.getByTestId('compose-entities-0-add-name').click();
      await pageA.getByTestId('compose-entities-0-names-1-full').fill('عمران');
      await pageA.getByTestId('compose-entities-0-datesOfBirth').fill('1990');
      await pageA.getByTestId('compose-submit').click();
      await pageA.getByTestId('conversation').waitFor();

      // B's officer finds it in the inbox, unread, and reads the person in both scripts.
      const pageB = await signIn(browser, b, 'liaison');
      await pageB.goto(`${b.url}/#/exchange/inbox`);
      const rowB = pageB.locator('[data-testid^="inbox-row-"]', { hasText: subject });
      await rowB.waitFor({ timeout: 15_000 });
      assert.equal(await rowB.getAttribute('data-unread'), 'true');
      assert.match(await rowB.innerText(), /TLP:AMBER/);
      await rowB.locator('.inbox-subject').click();
      await pageB.getByTestId('conversation').waitFor();
      const conversation = await pageB.getByTestId('conversation').innerText();
      assert.match(conversation, /Imran/);
      assert.match(conversation, /عمران/);
      assert.equal((await pageB.locator('.person-name[dir="auto"]').count()) >= 2, true);

      // A's inbox shows the delivery confirmed by B's receipt.
      await pageA.goto(`${a.url}/#/exchange/inbox`);
      const rowA = pageA.locator('[data-testid^="inbox-row-"]', { hasText: subject });
      const delivered = rowA.locator('[data-delivery="delivered"]');
      const deadline = Date.now() + 15_000;
      while ((await delivered.count()) === 0) {
        assert.ok(Date.now() < deadline, `not shown as delivered: ${await rowA.innerText().catch(() => '')}`);
        await pageA.waitForTimeout(300);
        await pageA.reload();
        await pageA.getByTestId('inbox-list').waitFor();
      }
      assert.match(await delivered.innerText(), /^Delivered /);
    });
  },
);
