import type { Page } from 'puppeteer-core';
import { SANDBOX_TEST_CARDS } from '@aiparksit/shared';
import { apiUrl } from '../../api/test/support/api-url.js';
import { paidBooking, windowAhead } from '../../api/test/support/booking-helpers.js';
import { testPool, unique } from '../../api/test/support/db.js';
import { createFacility, createOperator } from '../../api/test/support/facility-factories.js';
import { signedInUser } from '../../api/test/support/factories.js';
import { createAccount } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, fillByLabel, headingOnceItReads, signInThroughLoginPage, visit, waitForText } from './support/spa.js';

const DAY = 24 * 3_600_000;

/** A car park of one standard space whose space another driver has paid for on the second week's day of the stay. */
async function carParkTakenInWeekTwo(stay: { start: string; end: string }) {
  const pool = testPool();
  try {
    const operator = await createOperator(pool);
    const name = `Weekly ${unique('Garage')}`;
    const facility = await createFacility(pool, operator, { name, lat: -41.2, lng: 174.7, spaces: { standard: 1 }, hourlyCents: { standard: 200 } });
    const holder = await signedInUser(pool, apiUrl());
    const weekTwo = { start: new Date(Date.parse(stay.start) + 7 * DAY).toISOString(), end: new Date(Date.parse(stay.end) + 7 * DAY).toISOString() };
    await paidBooking(apiUrl(), holder.tokens, { facilityId: facility.id, ...weekTwo, spaceType: 'standard', vehiclePlate: 'B-HO 2' });
    return { id: facility.id, name };
  } finally {
    await pool.end();
  }
}

const count = (page: Page, selector: string) => page.$$eval(selector, (elements) => elements.length);

describeInBrowser('Recurring bookings in the browser', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('repeats a checkout stay weekly, books only the free weeks, pays once, and cancels the rest', async () => {
    const stay = windowAhead(9, 3, 8);
    const park = await carParkTakenInWeekTwo(stay);
    const driver = await createAccount('driver');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'desktop');
      await signInThroughLoginPage(page, driver);
      await visit(page, `/driver/checkout?${new URLSearchParams({ facility: park.id, ...stay, type: 'standard' }).toString()}`);
      await fillByLabel(page, 'Vehicle plate', 'B-WK 4');
      await clickText(page, 'a', 'Repeat this stay weekly');
      expect(await headingOnceItReads(page, 'Book the same stay every week')).toBe('Book the same stay every week');

      // The pattern starts as the stay (its weekday, its times, four weeks) with the plate typed at checkout.
      expect(await page.$eval('input[name="vehiclePlate"]', (input) => (input as HTMLInputElement).value)).toBe('B-WK 4');
      await clickText(page, 'form.series-form button', 'Show the dates and prices');
      await page.waitForSelector('.series-mode');
      expect(await count(page, '.series-occurrences .series-occurrence')).toBe(4);
      expect(await count(page, '.series-occurrence--refused')).toBe(1);
      // With one week taken, "all" cannot be booked and "only the free ones" is chosen.
      expect(await page.$eval('input[name="mode"][value="all"]', (input) => (input as HTMLInputElement).disabled)).toBe(true);
      expect(await page.$eval('input[name="mode"][value="free"]', (input) => (input as HTMLInputElement).checked)).toBe(true);
      await screenshot(page, 'booking-series-preview');

      await clickText(page, 'button', 'Hold these stays and pay once');
      await waitForText(page, '[data-testid="amount-due"]', '18.00');
      await fillByLabel(page, 'Card number', SANDBOX_TEST_CARDS.succeeds);
      await fillByLabel(page, 'Expiry (MM/YY)', '12/39');
      await fillByLabel(page, 'CVC', '123');
      await clickText(page, 'form[aria-label="Card payment"] button[type="submit"]', 'Pay');
      await waitForText(page, 'p.notice[role="status"]', 'in one charge');
      expect(await count(page, '[aria-label="Booked stays"] .series-occurrence')).toBe(3);
      expect(await page.$$eval('[aria-label="Booked stays"] .badge', (badges) => badges.map((b) => b.textContent))).toEqual([
        'Confirmed',
        'Confirmed',
        'Confirmed',
      ]);
      expect(await count(page, '[aria-label="Not booked"] .series-occurrence')).toBe(1);
      await screenshot(page, 'booking-series-paid');

      // My bookings marks each stay of the series and leads back to it.
      await visit(page, '/driver/bookings?filter=upcoming');
      await page.waitForSelector('.badge--series');
      expect(await count(page, '.badge--series')).toBe(3);
      await clickText(page, 'a', 'The whole series (cancel the rest)');
      await clickText(page, 'button', 'Cancel the rest of the series');
      await clickText(page, 'button', 'Yes, cancel 3 stays');
      await waitForText(page, '[data-testid="series-cancelled"]', 'Cancelled 3 stays');
      expect(await page.$$eval('[aria-label="Booked stays"] .badge', (badges) => badges.map((b) => b.textContent))).toEqual([
        'Cancelled',
        'Cancelled',
        'Cancelled',
      ]);
    } finally {
      await context.close();
    }
  });
});
