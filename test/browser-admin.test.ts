import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn, startWebPair, userWithTotp } from './_browser.js';
import type { TestNode } from './_util.js';

describe(
  'administration in Chromium: audit checkpoints and key rotation across two nodes',
  { skip: !browserAvailable() && 'Chromium not installed' },
  () => {
    let a: TestNode;
    let b: TestNode;
    let browser: Browser;
    let adminTotp: () => string;

    before(async () => {
      [a, b] = await startWebPair();
      adminTotp = await userWithTotp(a, 'admin', 'Amina Admin', ['admin']);
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await a?.destroy();
      await b?.destroy();
    });

    const signInAdmin = () => signIn(browser, a, 'admin', { totp: adminTotp });

    test('an admin signs and sends a checkpoint, checks it against the partner, rotates the keys and sees the new fingerprint', async () => {
      const page = await signInAdmin();

      // Sign and send a checkpoint: it appears in our list, and the partner holds a copy.
      await page.goto(`${a.url}/#/admin/audit`);
      await page.getByTestId('checkpoint-publish').click();
      const published = page.getByTestId('checkpoint-published');
      await published.waitFor();
      const seq = await published.getAttribute('data-seq');
      assert.match(seq ?? '', /^\d+$/);
      await page.getByTestId(`checkpoint-row-${seq}`).waitFor();

      // Check against our checkpoints and the partner's copies.
      await page.getByTestId('checkpoint-verify').click();
      const result = page.getByTestId('checkpoint-verify-result');
      await result.waitFor();
      assert.equal(await result.getAttribute('data-ok'), 'true', await result.innerText());
      assert.match(
        await page.getByTestId('checkpoint-partner-pk-fia').innerText(),
        /pk-fia: [1-9]\d* checkpoints held/,
      );

      // The partner's copy of our checkpoints sits on B; the list of what B sent us is reachable too.
      await page.getByTestId('checkpoint-source').selectOption('pk-fia');
      await page
        .locator('[data-testid="checkpoint-list"], [data-testid="checkpoint-list-empty"]')
        .first()
        .waitFor();

      // Rotate the keys behind the confirmation step.
      await page.goto(`${a.url}/#/admin/partners`);
      const own = page.getByTestId('own-fingerprint-text');
      await own.waitFor();
      const before = await own.getAttribute('data-fingerprint');
      assert.ok(before);
      await page.getByTestId('rotate-keys').click();
      await page.getByTestId('rotate-keys-confirm').click();
      const rotated = page.getByTestId('rotate-keys-result');
      await rotated.waitFor();
      assert.equal(await page.getByTestId('rotate-keys-pushed-pk-fia').getAttribute('data-status'), '200');
      const shown = await page.getByTestId('rotate-keys-fingerprint').innerText();
      assert.notEqual(shown, before);
      // The own-fingerprint display is refreshed with the new fingerprint.
      await page.locator(`[data-testid="own-fingerprint-text"][data-fingerprint="${shown}"]`).waitFor();
      assert.equal(shown, a.ctx.fingerprint);

      // The partner still trusts us after the rotation: the check against its copies still passes.
      await page.goto(`${a.url}/#/admin/audit`);
      await page.getByTestId('checkpoint-verify').click();
      await result.waitFor();
      assert.equal(await result.getAttribute('data-ok'), 'true', await result.innerText());
      await page.close();
    });
  },
);
