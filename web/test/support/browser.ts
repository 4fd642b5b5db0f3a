import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { REPO_ROOT } from '../../../api/test/support/system.mjs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** `CHROMIUM_PATH` if set, else Debian's chromium, else null (the suite is then skipped). */
export function chromiumPath(): string | null {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) return configured;
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : null;
}

/**
 * `describe` when a Chromium is available; otherwise the suite is skipped and says why, so a
 * machine without a browser reports it instead of silently passing.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumPath()) {
    describe(name, body);
    return;
  }
  process.stdout.write(`[browser tests] Skipping "${name}": no Chromium at CHROMIUM_PATH or ${DEBIAN_CHROMIUM}.\n`);
  describe.skip(name, body);
}

export interface RunningBrowser {
  browser: Browser;
  /** A fresh, isolated profile (own cookies and localStorage) for one test. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a throw-away profile; we run as root in CI, hence --no-sandbox.
 * `BROWSER_TZ` (e.g. Pacific/Pago_Pago) runs the browser's clock in another zone than the test
 * process and the car parks: every page must still show the car parks' and the platform's days.
 */
export async function launchBrowser(): Promise<RunningBrowser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH.');
  const userDataDir = mkdtempSync(join(tmpdir(), 'aiparksit-chromium-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
    env: { ...process.env, ...(process.env['BROWSER_TZ'] ? { TZ: process.env['BROWSER_TZ'] } : {}) },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    newContext: () => browser.createBrowserContext(),
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 812, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

/** A page in the context; uncaught errors in the SPA are printed, to explain a failing wait. */
export async function openPage(context: BrowserContext, viewport: keyof typeof VIEWPORTS = 'desktop'): Promise<Page> {
  const page = await context.newPage();
  await page.setViewport(VIEWPORTS[viewport]);
  page.on('pageerror', (error) => {
    process.stderr.write(`[browser] uncaught error in the page: ${error instanceof Error ? error.message : String(error)}\n`);
  });
  page.on('console', (message) => {
    // Failed requests are printed by the browser too; the tests assert on those themselves.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      process.stderr.write(`[browser] console error: ${message.text()}\n`);
  });
  return page;
}

export const SCREENSHOT_DIR = resolve(REPO_ROOT, '.test-results/screenshots');

/** Full-page screenshot into .test-results/screenshots/<name>.png, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`) as `${string}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
