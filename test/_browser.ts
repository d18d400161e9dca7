import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { totpCode } from '../src/platform/index.js';
import { pairNodes, startTestNode, type TestNode } from './_util.js';

/** Debian's Chromium; tests never download a browser of their own. */
export const chromiumPath = process.env.PASSERELLE_CHROMIUM ?? '/usr/bin/chromium';

/** True when the browser tests can run here. In CI a missing browser is a failure, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${chromiumPath} (CI installs it)`);
  return false;
}

/** Headless Chromium with the flags this sandboxed, offline machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Password of the accounts the browser tests create. */
export const BROWSER_PASSWORD = 'correct horse battery';

/**
 * Opens a page on a node in `lang` and signs in through the login form, with a TOTP code
 * when the account has a second factor (admin, DPO); resolves on the dashboard.
 */
export async function signIn(
  browser: Browser,
  node: { url: string },
  username: string,
  options: { totp?: () => string; lang?: string } = {},
): Promise<Page> {
  const page = await browser.newPage({ locale: 'en-GB' });
  await page.goto(node.url);
  await page.evaluate(`window.localStorage.setItem('passerelle.lang', '${options.lang ?? 'en'}')`);
  await page.reload();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(BROWSER_PASSWORD);
  await page.getByTestId('login-submit').click();
  if (options.totp) {
    await page.getByTestId('login-totp').waitFor();
    await page.getByTestId('login-totp').fill(options.totp());
    await page.getByTestId('login-submit').click();
  }
  await page.getByTestId('dashboard-title').waitFor();
  return page;
}

/** The built web UI the browser tests serve. */
export const webDist = new URL('../web/dist', import.meta.url).pathname;

/** Two paired nodes serving the built web UI: Morocco's DGSN (first) and Pakistan's FIA. */
export async function startWebPair(): Promise<[TestNode, TestNode]> {
  assert.ok(existsSync(`${webDist}/index.html`), 'web UI built (npm test builds it first)');
  const [a, b] = await Promise.all([
    startTestNode({ id: 'ma-dgsn', agency: 'DGSN Rabat', country: 'MA', webDist }),
    startTestNode({ id: 'pk-fia', agency: 'FIA Islamabad', country: 'PK', webDist }),
  ]);
  await pairNodes(a, b);
  return [a, b];
}

/**
 * Creates an account whose roles require a second factor (admin, DPO) and returns what its
 * authenticator would show now, for {@link signIn}'s `totp`.
 */
export async function userWithTotp(
  node: TestNode,
  username: string,
  displayName: string,
  roles: string[],
): Promise<() => string> {
  const { totpSecret } = await node.ctx.governance.createUser(null, {
    username,
    displayName,
    password: BROWSER_PASSWORD,
    roles: roles as never,
  });
  return () => totpCode(totpSecret!, new Date());
}
