import type { Page } from 'puppeteer-core';
import { apiUrl } from '../../api/test/support/api-url.js';
import { paidBooking, windowAhead } from '../../api/test/support/booking-helpers.js';
import { testPool, unique } from '../../api/test/support/db.js';
import { createFacility, createOperator } from '../../api/test/support/facility-factories.js';
import { signedInUser } from '../../api/test/support/factories.js';
import { createAccount } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickWhenReady, headingOnceItReads, holdAtCheckout, signInThroughLoginPage, visit, waitForPath, waitForText } from './support/spa.js';

/** A degree of latitude is about 111 km: 0.006° puts a car park some 670 m north of another. */
const KM_PER_DEGREE = 111.2;

/**
 * Car parks around a full one, far from every other test's (each cluster has its own spot):
 * - wanted: one standard space at €3/h, booked and paid for the window, so it is full;
 * - cheaper: 670 m north, €2/h, free;
 * - dearer: 2 km north, €4/h, free;
 * - also full: 330 m south and cheapest, but its one space is booked too (never offered);
 * - tooFar: 6.7 km north, free, but outside the 5 km looked in (never offered).
 */
async function fullCarParkWithNeighbours(latitude: number, window: { start: string; end: string }) {
  const pool = testPool();
  try {
    const operator = await createOperator(pool);
    const at = (kmNorth: number, name: string, hourlyCents: number) =>
      createFacility(pool, operator, {
        name: `${name} ${unique('Garage')}`,
        lat: latitude + kmNorth / KM_PER_DEGREE,
        lng: 174.78,
        spaces: { standard: 1 },
        hourlyCents: { standard: hourlyCents },
      });
    const [wanted, cheaper, dearer, alsoFull] = await Promise.all([
      at(0, 'Wanted', 300),
      at(0.667, 'Cheaper', 200),
      at(2, 'Dearer', 400),
      at(-0.333, 'Also full', 100),
      at(6.7, 'Too far', 100),
    ]);
    const { tokens } = await signedInUser(pool, apiUrl());
    for (const facility of [wanted, alsoFull])
      await paidBooking(apiUrl(), tokens, { facilityId: facility.id, ...window, spaceType: 'standard', vehiclePlate: 'B-FU 11' });
    const names = new Map<string, string>();
    const { rows } = await pool.query<{ id: string; name: string }>('SELECT id, name FROM facilities WHERE id = ANY($1::uuid[])', [
      [wanted.id, cheaper.id, dearer.id],
    ]);
    for (const row of rows) names.set(row.id, row.name);
    return { wanted: wanted.id, cheaper: cheaper.id, dearer: dearer.id, nameOf: (id: string) => names.get(id)! };
  } finally {
    await pool.end();
  }
}

interface ShownAlternative {
  id: string;
  name: string;
  distance: string;
  total: string;
  difference: string;
  availability: string;
}

/** The alternatives the panel lists, once it lists `count` of them. */
async function shownAlternatives(page: Page, count: number): Promise<ShownAlternative[]> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="alternatives"] .alternative').length === n, {}, count);
  return page.$$eval('[data-testid="alternatives"] .alternative', (items) =>
    items.map((item) => {
      const text = (selector: string) => (item.querySelector(selector)?.textContent ?? '').trim();
      return {
        id: item.getAttribute('data-facility-id') ?? '',
        name: text('.alternative__name'),
        distance: text('[data-testid="alternative-distance"]'),
        total: text('[data-testid="alternative-total"]'),
        difference: text('[data-testid="alternative-difference"]'),
        availability: text('.availability'),
      };
    }),
  );
}

function searchOf(page: Page): { start: number; end: number; type: string | null } {
  const params = new URL(page.url()).searchParams;
  return { start: Date.parse(params.get('start') ?? ''), end: Date.parse(params.get('end') ?? ''), type: params.get('type') };
}

describeInBrowser('Alternatives when a car park is full', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it("lists the nearest car parks with space on a full car park's page, and one click opens one with the same window and type", async () => {
    const times = windowAhead(3, 2, 9);
    const parks = await fullCarParkWithNeighbours(-41.2, times);
    const wantedStay = { start: Date.parse(times.start), end: Date.parse(times.end), type: 'standard' };
    const context = await chromium.newContext();
    try {
      // A visitor, not signed in: the page and its alternatives are public (levels, not counts).
      const page = await openPage(context, 'desktop');
      await visit(page, `/facilities/${parks.wanted}?start=${encodeURIComponent(times.start)}&end=${encodeURIComponent(times.end)}&type=standard`);
      expect(await headingOnceItReads(page, parks.nameOf(parks.wanted))).toBe(parks.nameOf(parks.wanted));
      await waitForText(page, '[data-testid="alternatives"] h3', 'Full for this window');

      const shown = await shownAlternatives(page, 2);
      expect(shown).toEqual([
        {
          id: parks.cheaper,
          name: parks.nameOf(parks.cheaper),
          distance: expect.stringMatching(/^6[5-8]0 m away$/),
          total: '€4.00 total',
          difference: '€2.00 cheaper',
          availability: 'Few spaces left',
        },
        {
          id: parks.dearer,
          name: parks.nameOf(parks.dearer),
          distance: expect.stringMatching(/^2\.0 km away$/),
          total: '€8.00 total',
          difference: '€2.00 more',
          availability: 'Few spaces left',
        },
      ]);
      expect(await page.$eval('button[aria-label="Book a standard space"]', (button) => (button as HTMLButtonElement).disabled)).toBe(true);
      await screenshot(page, 'alternatives-facility-page-1280');

      await clickWhenReady(page, `.alternative[data-facility-id="${parks.cheaper}"] a`);
      await waitForPath(page, `/facilities/${parks.cheaper}`);
      expect(searchOf(page)).toEqual(wantedStay);
      expect(await headingOnceItReads(page, parks.nameOf(parks.cheaper))).toBe(parks.nameOf(parks.cheaper));
      // Ready to book: the same stay is shown and "Book" is there to press; nothing is full here.
      await page.waitForFunction(() => {
        const book = document.querySelector<HTMLButtonElement>('button[aria-label="Book a standard space"]');
        return book !== null && !book.disabled;
      });
      expect(await page.$('[data-testid="alternatives"]')).toBeNull();

      const phone = await openPage(context, 'phone');
      await visit(phone, `/facilities/${parks.wanted}?start=${encodeURIComponent(times.start)}&end=${encodeURIComponent(times.end)}&type=standard`);
      await shownAlternatives(phone, 2);
      await screenshot(phone, 'alternatives-facility-page-375');
    } finally {
      await context.close();
    }
  });

  it('says so when no other car park nearby has space then', async () => {
    const times = windowAhead(5, 3, 8);
    const pool = testPool();
    let alone: string;
    try {
      const operator = await createOperator(pool);
      ({ id: alone } = await createFacility(pool, operator, { name: `Alone ${unique('Garage')}`, lat: -45.9, lng: 170.5, spaces: { standard: 1 } }));
      const { tokens } = await signedInUser(pool, apiUrl());
      await paidBooking(apiUrl(), tokens, { facilityId: alone, ...times, spaceType: 'standard', vehiclePlate: 'B-FU 12' });
    } finally {
      await pool.end();
    }
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'desktop');
      await visit(page, `/facilities/${alone}?start=${encodeURIComponent(times.start)}&end=${encodeURIComponent(times.end)}&type=standard`);
      await waitForText(page, '[data-testid="alternatives"] .state--empty', 'No other car park within 5 km has space then');
      expect(await page.$$('[data-testid="alternatives"] .alternative')).toHaveLength(0);
      await screenshot(page, 'alternatives-none-nearby-1280');
    } finally {
      await context.close();
    }
  });

  it('says before any attempt that a car park closed for part of the stay cannot take it, and offers one nearby that can', async () => {
    // 20:00–22:00 UTC, 21:00–23:00 at the car parks' clock (Berlin, winter): after closing time.
    const times = windowAhead(4, 2, 20);
    const pool = testPool();
    let closed: string;
    let open: string;
    try {
      const operator = await createOperator(pool);
      const daytime = [['06:00', '20:00']] as [string, string][];
      ({ id: closed } = await createFacility(pool, operator, {
        name: `Closed ${unique('Garage')}`,
        lat: -43.53,
        lng: 172.63,
        spaces: { standard: 3 },
        openingHours: { mon: daytime, tue: daytime, wed: daytime, thu: daytime, fri: daytime, sat: daytime, sun: daytime },
      }));
      ({ id: open } = await createFacility(pool, operator, {
        name: `Open ${unique('Garage')}`,
        lat: -43.53 + 1 / KM_PER_DEGREE,
        lng: 172.63,
        spaces: { standard: 1 },
      }));
    } finally {
      await pool.end();
    }
    const context = await chromium.newContext();
    try {
      for (const viewport of ['desktop', 'phone'] as const) {
        const page = await openPage(context, viewport);
        await visit(page, `/facilities/${closed}?start=${encodeURIComponent(times.start)}&end=${encodeURIComponent(times.end)}&type=standard`);
        await waitForText(page, '[data-testid="alternatives"] h3', 'Not bookable for this stay');
        await waitForText(page, '[data-testid="window-problems"]', 'not open for the whole of this booking');
        // Spaces are free, but "Book" would only lead to a refusal at checkout.
        expect(await page.$eval('button[aria-label="Book a standard space"]', (button) => (button as HTMLButtonElement).disabled)).toBe(true);
        const shown = await shownAlternatives(page, 1);
        expect(shown.map((alternative) => alternative.id)).toEqual([open]);
        await screenshot(page, `alternatives-closed-${viewport === 'desktop' ? 1280 : 375}`);
      }
    } finally {
      await context.close();
    }
  });

  it('offers the alternatives when holding a space is refused (409), and one click books the nearest with the same plate', async () => {
    const times = windowAhead(4, 2, 10);
    const parks = await fullCarParkWithNeighbours(-43.5, times);
    const driver = await createAccount('driver');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'phone');
      await signInThroughLoginPage(page, driver);
      // The checkout "Book" opened before the last space went: holding it now gets a 409.
      expect(await holdAtCheckout(page, parks.wanted, times, 'B-AL 42')).toBe(409);

      await waitForText(page, '.form-alert', 'No standard space is free here for the whole stay any more.');
      await waitForText(page, '[data-testid="alternatives"] h2', 'Full for this window');
      const shown = await shownAlternatives(page, 2);
      // Signed in: exact counts.
      expect(shown.map(({ id, difference, availability }) => ({ id, difference, availability }))).toEqual([
        { id: parks.cheaper, difference: '€2.00 cheaper', availability: '1 of 1 free' },
        { id: parks.dearer, difference: '€2.00 more', availability: '1 of 1 free' },
      ]);
      await screenshot(page, 'alternatives-checkout-refused-375');

      await clickWhenReady(page, `.alternative[data-facility-id="${parks.cheaper}"] a`);
      await page.waitForFunction((id) => new URL(window.location.href).searchParams.get('facility') === id, {}, parks.cheaper);
      expect(searchOf(page)).toEqual({ start: Date.parse(times.start), end: Date.parse(times.end), type: 'standard' });
      await waitForText(page, '.details', parks.nameOf(parks.cheaper));
      expect(await page.$('[data-testid="alternatives"]')).toBeNull();
      const plate = await page.waitForSelector('input[name="vehiclePlate"]');
      expect(await plate!.evaluate((input) => (input as HTMLInputElement).value)).toBe('B-AL 42');

      await clickWhenReady(page, 'form button[type="submit"]');
      await page.waitForFunction(() => /^\/driver\/checkout\/[0-9a-f-]{36}$/.test(window.location.pathname));
    } finally {
      await context.close();
    }
  });
});
