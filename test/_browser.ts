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

/** Opens the node's web UI in `lang` and signs in with the password test accounts share. */
export async function signInPage(
  browser: Browser,
  url: string,
  username: string,
  password: string,
  lang = 'en',
): Promise<Page> {
  const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.evaluate(`window.localStorage.setItem('passerelle.lang', '${lang}')`);
  await page.reload();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-title').waitFor();
  return page;
}
