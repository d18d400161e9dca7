import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

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
