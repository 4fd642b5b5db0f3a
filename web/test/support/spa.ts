import type { ElementHandle, Page } from 'puppeteer-core';
import { apiUrl } from '../../../api/test/support/api-url.js';

/** Opens a path of the SPA served by the test API. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${apiUrl()}${path}`, { waitUntil: 'domcontentloaded' });
}

export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/** Waits until the SPA's address bar shows `pathname` (client-side navigation included). */
export async function waitForPath(page: Page, pathname: string): Promise<void> {
  await page.waitForFunction((expected) => window.location.pathname === expected, {}, pathname);
}

/** The text of the page's h1 once one is rendered. */
export async function headingText(page: Page): Promise<string> {
  const heading = await page.waitForSelector('h1');
  return (await heading!.evaluate((element) => element.textContent ?? '')).trim();
}

/**
 * Clicks the element once it is there. The click is dispatched inside the page, in the same task
 * that finds the element, so a re-render between "found" and "clicked" cannot detach it.
 */
export async function clickWhenReady(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector);
  await page.$eval(selector, (element) => (element as HTMLElement).click());
}

/**
 * The page's h1 once it reads `wanted` (a route change renders the new page a moment after the
 * click); after `timeoutMs` whatever heading is there, so the assertion shows what was seen.
 */
export async function headingOnceItReads(page: Page, wanted: string, timeoutMs = 15_000): Promise<string> {
  await page.waitForFunction((text) => document.querySelector('h1')?.textContent?.trim() === text, { timeout: timeoutMs }, wanted).catch(() => undefined);
  return headingText(page);
}

/** Types into the input labelled `label` (found through its <label for>, as a person would). */
export async function fillByLabel(page: Page, label: string, value: string): Promise<void> {
  const id = await page.waitForFunction(
    (text) => [...document.querySelectorAll('label')].find((element) => element.textContent?.trim() === text)?.htmlFor || null,
    {},
    label,
  );
  const selector = `[id="${await id.jsonValue()}"]`;
  await page.click(selector, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, value);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.waitForSelector('form');
  await fillByLabel(page, 'Email', email);
  await fillByLabel(page, 'Password', password);
  await page.click('button[type="submit"]');
}

/** Signs the account in through the login page and waits for the home page it lands on. */
export async function signInThroughLoginPage(page: Page, account: { email: string; password: string }): Promise<void> {
  await visit(page, '/login');
  await signIn(page, account.email, account.password);
  await waitForPath(page, '/');
}

/**
 * Opens checkout for a standard space of the stay at the car park and asks to hold it with the
 * plate, as the car park page's "Book" leads there; resolves with the status the hold got.
 */
export async function holdAtCheckout(page: Page, facilityId: string, stay: { start: string; end: string }, plate: string): Promise<number> {
  await visit(page, `/driver/checkout?${new URLSearchParams({ facility: facilityId, ...stay, type: 'standard' }).toString()}`);
  await fillByLabel(page, 'Vehicle plate', plate);
  const hold = page.waitForResponse((response) => response.url().endsWith('/api/bookings') && response.request().method() === 'POST');
  await clickWhenReady(page, 'form button[type="submit"]');
  return (await hold).status();
}

/** The hrefs of the main navigation, in order. */
export async function mainNavigation(page: Page): Promise<string[]> {
  await page.waitForSelector('nav[aria-label="Main"] a');
  return page.$$eval('nav[aria-label="Main"] a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

/** The name shown in the signed-in frame's account chip. */
export async function signedInName(page: Page): Promise<string> {
  const chip = await page.waitForSelector('.user-chip__name');
  return (await chip!.evaluate((element) => element.textContent ?? '')).trim();
}

/** Clicks the first element matching `selector` whose text contains `text`, once there is one. */
export async function clickText(page: Page, selector: string, text: string): Promise<void> {
  const handle = await page.waitForFunction(
    (sel, wanted) => [...document.querySelectorAll<HTMLElement>(sel)].find((element) => element.textContent?.includes(wanted)) ?? null,
    {},
    selector,
    text,
  );
  await (handle.asElement() as ElementHandle<HTMLElement>).click();
}

/** Waits until the element matching `selector` contains `text`. */
export async function waitForText(page: Page, selector: string, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((sel, wanted) => document.querySelector(sel)?.textContent?.includes(wanted) ?? false, { timeout }, selector, text);
}
