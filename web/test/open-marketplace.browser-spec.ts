import type { Page } from 'puppeteer-core';
import { testPool, unique } from '../../api/test/support/db.js';
import { createOperatorWithFacility } from '../../api/test/support/facility-factories.js';
import { createAccount, openVerificationLink } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, clickWhenReady, fillByLabel, headingOnceItReads, pathOf, signIn, visit, waitForPath } from './support/spa.js';

async function textOf(page: Page, selector: string): Promise<string> {
  const element = await page.waitForSelector(selector);
  return (await element!.evaluate((node) => node.textContent ?? '')).trim();
}

/** A car park in a city of its own (no other test's car parks there), with standard and EV spaces. */
async function carParkInOwnCity(options: { timeZone?: string; hourlyCents?: { standard: number; ev: number } } = {}) {
  const city = unique('Openville');
  const name = `Garage ${unique('Open')}`;
  const pool = testPool();
  try {
    const { facility } = await createOperatorWithFacility(pool, {
      name,
      city,
      spaces: { standard: 3, ev: 2 },
      hourlyCents: options.hourlyCents ?? { standard: 200, ev: 350 },
      amenities: ['covered', 'toilets', 'bicycle_parking'],
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    return { city, name, facilityId: facility.id };
  } finally {
    await pool.end();
  }
}

/** From the landing page, as a visitor: where, "Find parking", the results. */
async function searchFromLanding(page: Page, city: string): Promise<void> {
  await visit(page, '/');
  await fillByLabel(page, 'Where', city);
  await clickText(page, 'form[aria-label="Search parking"] button[type="submit"]', 'Find parking');
  await waitForPath(page, '/search');
  await page.waitForSelector('.result');
}

/** The checkout's query, as the address bar holds it. */
function checkoutQuery(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

describeInBrowser('Open marketplace in the browser', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('lets a visitor search, read prices and coarse availability, open a car park, and asks for sign-in only at Book, then returns to the same checkout', async () => {
    const { city, name, facilityId } = await carParkInOwnCity();
    const driver = await createAccount('driver');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await searchFromLanding(page, city);
      const result = await textOf(page, '.result');
      expect(result).toContain(name);
      expect(result).toContain('€4.00 total'); // the default two hours at €2.00
      // Anonymous visitors get a level, honestly worded, never a made-up number.
      expect(result).toMatch(/Few spaces left|Many spaces free/);
      expect(result).not.toMatch(/\d+ of \d+ free/);
      expect(await textOf(page, '[data-testid="coarse-notice"]')).toContain('Sign in to see exact numbers');
      expect(result).toContain('Toilets');
      expect(result).toContain('Bicycle parking');
      await screenshot(page, 'open-search-visitor');

      await clickText(page, '.result a', name);
      expect(await headingOnceItReads(page, name)).toBe(name);
      expect(pathOf(page)).toMatch(new RegExp(`^/facilities/${facilityId}\\?`));
      // The EV total stands next to its Book button before any space is held: 2 h at €3.50.
      await page.waitForSelector('.type-list__item[data-space-type="ev"] [data-testid="stay-price"]');
      expect(await textOf(page, '.type-list__item[data-space-type="ev"] [data-testid="stay-price"]')).toBe('€7.00 total');
      const window = await textOf(page, '[data-testid="facility-window"]');
      await screenshot(page, 'open-facility-visitor');

      await page.click('button[aria-label="Book an EV charging space"]');
      await waitForPath(page, '/login');
      const asked = new URL(page.url()).searchParams.get('next') ?? '';
      expect(asked).toMatch(/^\/driver\/checkout\?/);
      expect(await textOf(page, '.auth__card, main')).toMatch(/Sign in to book this space/);
      await signIn(page, driver.email, driver.password);

      // Back at the same checkout: same car park, window and space type.
      await waitForPath(page, '/driver/checkout');
      expect(checkoutQuery(page)).toEqual(Object.fromEntries(new URL(`http://x${asked}`).searchParams));
      expect(checkoutQuery(page)).toMatchObject({ facility: facilityId, type: 'ev' });
      expect(await headingOnceItReads(page, 'Your stay')).toBe('Your stay');
      const stay = await textOf(page, '.details');
      expect(stay).toContain(name);
      expect(stay).toContain('EV charging');
      expect(stay).toContain(window.split(' (')[0]!);
      await screenshot(page, 'open-checkout-after-sign-in');
    } finally {
      await context.close();
    }
  });

  it('brings a visitor who registers at Book back to the same checkout once the emailed link is opened', async () => {
    const { city, name, facilityId } = await carParkInOwnCity();
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'phone');
      await searchFromLanding(page, city);
      await clickText(page, '.result a', name);
      expect(await headingOnceItReads(page, name)).toBe(name);
      await clickWhenReady(page, 'button[aria-label="Book a standard space"]');
      await waitForPath(page, '/login');
      const asked = new URL(page.url()).searchParams.get('next') ?? '';

      await clickText(page, 'a', 'Create an account');
      await waitForPath(page, '/register');
      const email = `${unique('booker')}@example.test`;
      await fillByLabel(page, 'Full name', 'Rita Registers');
      await fillByLabel(page, 'Email', email);
      await fillByLabel(page, 'Password', 'a-long-enough-password-42');
      await page.click('button[type="submit"]');
      expect(await textOf(page, '[data-testid="check-email"]')).toContain('brings you back to your checkout');

      await openVerificationLink(page, email);
      await waitForPath(page, '/driver/checkout');
      expect(checkoutQuery(page)).toEqual(Object.fromEntries(new URL(`http://x${asked}`).searchParams));
      expect(checkoutQuery(page)).toMatchObject({ facility: facilityId, type: 'standard' });
      expect(await headingOnceItReads(page, 'Your stay')).toBe('Your stay');
      expect(await textOf(page, '.details')).toContain(name);
      await screenshot(page, 'open-checkout-after-register-375');
    } finally {
      await context.close();
    }
  });

  it('finds Zürich when "Zurich" is typed, through the suggestions box, by keyboard and by mouse', async () => {
    const name = `Parkhaus ${unique('Limmat')}`;
    const pool = testPool();
    try {
      // At the city's centre (the places table's point), so it leads a nearest-first search.
      await createOperatorWithFacility(pool, { name, city: 'Zürich', lat: 47.3717, lng: 8.5423, timeZone: 'Europe/Zurich', currency: 'CHF' });
    } finally {
      await pool.end();
    }
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await visit(page, '/');
      await page.waitForSelector('input[name="place"]');
      await page.click('input[name="place"]');
      await page.type('input[name="place"]', 'Zurich', { delay: 60 });
      const option = '[role="listbox"] [role="option"][data-suggestion-kind="city"]';
      await page.waitForSelector(option);
      expect(await textOf(page, option)).toMatch(/^Zürich/);
      const combobox = () =>
        page.$eval('input[name="place"]', (input) => ({
          role: input.getAttribute('role'),
          expanded: input.getAttribute('aria-expanded'),
          controls: Boolean(input.getAttribute('aria-controls') && document.getElementById(input.getAttribute('aria-controls')!)),
          active: input.getAttribute('aria-activedescendant'),
        }));
      expect(await combobox()).toEqual({ role: 'combobox', expanded: 'true', controls: true, active: null });
      await screenshot(page, 'open-suggestions-zurich');

      // Escape closes the list; the arrow opens it again on the first suggestion; Enter takes it.
      await page.keyboard.press('Escape');
      expect((await combobox()).expanded).toBe('false');
      await page.keyboard.press('ArrowDown');
      const active = await combobox();
      expect(active.expanded).toBe('true');
      expect(
        await page.$eval(`[id="${active.active}"]`, (element) => ({ selected: element.getAttribute('aria-selected'), text: element.textContent ?? '' })),
      ).toEqual({
        selected: 'true',
        text: expect.stringMatching(/^Zürich/),
      });
      await page.keyboard.press('Enter');
      await waitForPath(page, '/search');
      expect(new URL(page.url()).searchParams.get('city')).toBe('Zürich');
      await page.waitForFunction((wanted) => document.querySelector('.result-list')?.textContent?.includes(wanted) ?? false, {}, name);
      expect(await textOf(page, '#results-heading')).toContain('near the city centre of Zürich');
      // The results' times are Zürich's, labelled.
      expect(await textOf(page, '[data-testid="search-zone"]')).toMatch(/^Times are Zurich time \((CET|CEST)\)\.$/);

      // With the mouse: "zürich" in the form on the results page, a click on the suggestion.
      await fillByLabel(page, 'Where', 'zür');
      await page.waitForSelector(option);
      await page.click(option);
      await page.waitForFunction(
        () => new URLSearchParams(window.location.search).get('city') === 'Zürich' && !document.querySelector('[role="listbox"]:not([hidden])'),
      );
    } finally {
      await context.close();
    }
  });

  it('shows a phone the results first after a search: the form folds to a summary with Edit, and list and map are two tabs', async () => {
    const { city, name } = await carParkInOwnCity();
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'phone');
      await visit(page, '/');
      // The landing page's first screen holds where, when and the button.
      const button = await page.waitForSelector('form[aria-label="Search parking"] button[type="submit"]');
      expect(await button!.evaluate((element) => element.getBoundingClientRect().bottom)).toBeLessThanOrEqual(812);

      await searchFromLanding(page, city);
      const layout = await page.evaluate(() => {
        const form = document.querySelector('form[aria-label="Search parking"]') as HTMLElement;
        const first = document.querySelector('.result') as HTMLElement;
        return {
          formShown: form.getBoundingClientRect().height > 0,
          summary: document.querySelector('[data-testid="search-summary"]')?.textContent ?? '',
          resultTop: first.getBoundingClientRect().top,
          width: document.documentElement.scrollWidth,
          tabs: [...document.querySelectorAll('[role="tab"]')].map((tab) => `${tab.textContent}:${tab.getAttribute('aria-selected')}`),
          mapShown: (document.querySelector('.results-map') as HTMLElement | null)?.getBoundingClientRect().height ?? 0,
        };
      });
      await screenshot(page, 'open-search-results-first-375');
      expect(layout).toMatchObject({ formShown: false, width: 375, tabs: ['List:true', 'Map:false'], mapShown: 0 });
      expect(layout.summary).toContain(city);
      expect(layout.summary).toContain('Edit');
      expect(layout.resultTop).toBeLessThan(812 / 2);
      expect(await textOf(page, '.result')).toContain(name);

      // The map tab shows the map (its marker drawn without tiles) instead of the list.
      await clickText(page, '[role="tab"]', 'Map');
      await page.waitForSelector('.results-map .results-map__marker');
      expect(await page.$eval('.result-list', (list) => list.getBoundingClientRect().height)).toBe(0);
      await screenshot(page, 'open-search-map-tab-375');

      // Edit unfolds the form, filled with the search.
      await clickWhenReady(page, 'button[aria-label="Edit the search"]');
      await page.waitForFunction(() => (document.querySelector('form[aria-label="Search parking"]') as HTMLElement).getBoundingClientRect().height > 0);
      expect(await page.$eval('input[name="place"]', (input) => (input as HTMLInputElement).value)).toBe(city);
    } finally {
      await context.close();
    }
  });

  it('shows times in the car park’s zone, labelled, whatever the browser’s zone: the results header and the facility page agree', async () => {
    const { city, name } = await carParkInOwnCity({ timeZone: 'Asia/Tokyo' });
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await page.emulateTimezone('America/Los_Angeles');
      await searchFromLanding(page, city);
      const start = new URL(page.url()).searchParams.get('start')!;
      const tokyo = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(start));
      const header = await textOf(page, '[data-testid="results-window"]');
      expect(header).toContain(`${tokyo} –`);
      expect(header).toMatch(/GMT\+9$/);
      // The form now speaks the car park's clock too, and says so.
      expect(await textOf(page, '[data-testid="search-zone"]')).toBe('Times are Tokyo time (GMT+9).');
      expect(await page.$eval('input[name="start"]', (input) => (input as HTMLInputElement).value)).toContain(`T${tokyo}`);

      await clickText(page, '.result a', name);
      expect(await headingOnceItReads(page, name)).toBe(name);
      const facilityWindow = await textOf(page, '[data-testid="facility-window"]');
      expect(header).toContain(facilityWindow.split(' (')[0]!);
      expect(await textOf(page, '[data-testid="facility-zone"]')).toContain('Tokyo time (GMT+9)');
      await screenshot(page, 'open-times-in-car-park-zone');

      // A window in the past cannot be picked: the picker's minimum is now, and a typed one is refused in words.
      const min = await page.$eval('input[name="start"]', (input) => (input as HTMLInputElement).min);
      const nowInTokyo = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'short' })
        .format(new Date())
        .replace(' ', 'T');
      // The minimum is the minute the page opened, on Tokyo's clock (not Los Angeles'): at most a few minutes ago.
      const minutesBehind = (Date.parse(`${nowInTokyo}Z`) - Date.parse(`${min}Z`)) / 60_000;
      expect(minutesBehind).toBeGreaterThanOrEqual(0);
      expect(minutesBehind).toBeLessThan(10);
      await page.$eval('input[name="start"]', (input) => ((input as HTMLInputElement).value = '2020-01-01T10:00'));
      await clickText(page, 'button[type="submit"]', 'Check availability');
      await page.waitForFunction(() => /already passed/.test(document.querySelector('.form-alert')?.textContent ?? ''));

      // The API's refusal of a past window reads as a sentence too (an old shared link, say).
      await visit(page, `/search?city=${encodeURIComponent(city)}&start=2020-01-01T10:00:00.000Z&end=2020-01-01T12:00:00.000Z`);
      const problem = await textOf(page, '.state--error');
      expect(problem).toMatch(/has not passed yet|in the past/i);
      expect(problem).not.toMatch(/must be|ISO|start_in_past|in_the_past/);
    } finally {
      await context.close();
    }
  });

  it('opens each new page at its top, and back returns to where the person was', async () => {
    const pool = testPool();
    const city = unique('Scrollville');
    try {
      for (let i = 0; i < 12; i += 1)
        await createOperatorWithFacility(pool, { city, name: `Garage ${String(i).padStart(2, '0')} ${unique('S')}`, lng: 13.405 + i * 0.001 });
    } finally {
      await pool.end();
    }
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await searchFromLanding(page, city);
      await page.waitForFunction(() => document.querySelectorAll('.result').length >= 12);
      const last = await page.$$eval('.result a', (links) => (links.at(-1) as HTMLAnchorElement).textContent ?? '');
      await page.$$eval('.result', (results) => results.at(-1)!.scrollIntoView());
      const before = await page.evaluate(() => window.scrollY);
      expect(before).toBeGreaterThan(300);

      await clickText(page, '.result a', last);
      expect(await headingOnceItReads(page, last)).toBe(last);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);

      await page.goBack();
      await waitForPath(page, '/search');
      await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, {}, before);
    } finally {
      await context.close();
    }
  });
});
