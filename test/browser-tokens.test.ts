import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { totpCode } from '../src/platform/index.js';
import { browserAvailable, launchBrowser, signIn as signInAs } from './_browser.js';
import { startTestNode, type TestNode } from './_util.js';

const webDist = new URL('../web/dist', import.meta.url).pathname;
const PASSWORD = 'correct horse battery';

describe('API tokens page in Chromium', { skip: !browserAvailable() && 'Chromium not installed' }, () => {
  let node: TestNode;
  let browser: Browser;
  let adminTotp: string;

  before(async () => {
    assert.ok(existsSync(`${webDist}/index.html`), 'web UI built (npm test builds it first)');
    node = await startTestNode({ webDist });
    await node.ctx.governance.createUser(null, {
      username: 'officer',
      displayName: 'Omar Officer',
      password: PASSWORD,
      roles: ['liaison'],
    });
    adminTotp = (
      await node.ctx.governance.createUser(null, {
        username: 'admin',
        displayName: 'Amina Admin',
        password: PASSWORD,
        roles: ['admin'],
      })
    ).totpSecret!;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await node?.destroy();
  });

  const signIn = (username: string, totp?: string) =>
    signInAs(browser, node, username, totp ? { totp: () => totp } : {});

  test('an officer creates a scoped token, sees it once, uses it, and revokes it', async () => {
    const page = await signIn('officer');
    await page.getByTestId('nav-tokens').click();
    await page.getByTestId('token-name').fill('laptop CLI');
    await page.getByTestId('token-scope-liaison').check();
    await page.getByTestId('token-submit').click();
    const created = page.getByTestId('token-created');
    await created.waitFor();
    const token = /psl_\S+/.exec(await created.innerText())?.[0];
    assert.ok(token, 'the token is shown once');
    const me = await fetch(`${node.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    const list = page.getByTestId('token-list');
    await list.getByText('laptop CLI').waitFor();
    await list.getByRole('button', { name: 'Revoke' }).click();
    await list.getByText('Revoked').waitFor();
    const after = await fetch(`${node.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(after.status, 401);
  });

  test('an admin token asks for an authenticator code, and a wrong one is refused', async () => {
    const page = await signIn('admin', totpCode(adminTotp, new Date()));
    await page.getByTestId('nav-tokens').click();
    await page.getByTestId('token-name').fill('admin CLI');
    await page.getByTestId('token-scope-admin').check();
    await page.getByTestId('token-totp').waitFor();
    const wrong = String((Number(totpCode(adminTotp, new Date())) + 1) % 1_000_000).padStart(6, '0');
    await page.getByTestId('token-totp').fill(wrong);
    await page.getByTestId('token-submit').click();
    await page.getByTestId('token-error').waitFor();
    assert.match(await page.getByTestId('token-error').innerText(), /wrong or was already used/);
    assert.equal(await page.getByTestId('token-created').count(), 0);
  });
});
