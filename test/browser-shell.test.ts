import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { totpCode } from '../src/platform/index.js';
import { browserAvailable, launchBrowser } from './_browser.js';
import { startTestNode, type TestNode } from './_util.js';

const webDist = new URL('../web/dist', import.meta.url).pathname;
const PASSWORD = 'correct horse battery';

describe('web UI shell in Chromium', { skip: !browserAvailable() && 'Chromium not installed' }, () => {
  let node: TestNode;
  let browser: Browser;
  let adminTotp: string;

  before(async () => {
    assert.ok(existsSync(`${webDist}/index.html`), 'web UI built (npm test builds it first)');
    node = await startTestNode({ webDist });
    adminTotp = (
      await node.ctx.governance.createUser(null, {
        username: 'admin',
        displayName: 'Amina Admin',
        password: PASSWORD,
        roles: ['admin'],
      })
    ).totpSecret!;
    await node.ctx.governance.createUser(null, {
      username: 'liaison',
      displayName: 'Youssef Liaison',
      password: PASSWORD,
      roles: ['liaison'],
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await node?.destroy();
  });

  test('an admin signs in with password and TOTP, switches to Arabic and the layout turns right-to-left', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(node.url);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-totp').waitFor();
    await page.getByTestId('login-totp').fill(totpCode(adminTotp, new Date()));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('dashboard-title').waitFor();
    assert.match(await page.getByTestId('current-user').innerText(), /Amina Admin/);
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    const frTitle = await page.getByTestId('dashboard-title').innerText();

    await page.getByTestId('lang-select').selectOption('ar');
    await page.locator('html[dir="rtl"]').waitFor({ state: 'attached' });
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    const arTitle = await page.getByTestId('dashboard-title').innerText();
    assert.notEqual(arTitle, frTitle);
    assert.match(arTitle, /[\u0600-\u06FF]/, 'the dashboard title is in Arabic script');
    // The navigation really is mirrored: it starts at the right edge of the page.
    const nav = await page.getByTestId('nav-dashboard').boundingBox();
    const width = page.viewportSize()!.width;
    assert.ok(nav && nav.x + nav.width > width / 2, 'navigation sits on the right in RTL');

    await page.getByTestId('lang-select').selectOption('ur');
    await page.locator('html[lang="ur"]').waitFor({ state: 'attached' });
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');

    await page.reload();
    await page.getByTestId('dashboard-title').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'ur', 'the language choice survives a reload');
    await page.close();
  });

  test('a wrong password shows a translated error and no session', async () => {
    const page = await browser.newPage();
    await page.goto(node.url);
    await page.getByTestId('lang-select').selectOption('en');
    await page.getByTestId('login-username').fill('liaison');
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.match(await error.innerText(), /password/i);
    const cookies = await page.context().cookies();
    assert.equal(
      cookies.find((c) => c.name === 'passerelle_session'),
      undefined,
    );
    await page.close();
  });

  test('a liaison officer does not see administration, and sign-out ends the session', async () => {
    const page = await browser.newPage();
    await page.goto(node.url);
    await page.getByTestId('login-username').fill('liaison');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('dashboard-title').waitFor();
    assert.equal(await page.getByTestId('nav-admin').count(), 0);
    assert.equal(await page.getByTestId('nav-exchange').count(), 1);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-username').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    assert.equal(me, 401);
    await page.close();
  });
});
