import type { Page } from 'puppeteer-core';
import { SANDBOX_TEST_CARDS } from '@aiparksit/shared';
import { testPool, unique } from '../../api/test/support/db.js';
import { createOperatorWithFacility } from '../../api/test/support/facility-factories.js';
import { createAccount, type TestAccount } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { confirmedBookingThroughApi } from './support/bookings.js';
import { clickText, clickWhenReady, fillByLabel, headingOnceItReads, pathOf, signIn, visit, waitForPath } from './support/spa.js';

async function textOf(page: Page, selector: string): Promise<string> {
  const element = await page.waitForSelector(selector);
  return (await element!.evaluate((node) => node.textContent ?? '')).trim();
}

async function payWith(page: Page, number: string): Promise<void> {
  await fillByLabel(page, 'Card number', number);
  await fillByLabel(page, 'Expiry (MM/YY)', '12/39');
  await fillByLabel(page, 'CVC', '123');
  await clickText(page, 'form[aria-label="Card payment"] button[type="submit"]', 'Pay');
}

async function signOut(page: Page): Promise<void> {
  await clickText(page, '.topbar button', 'Sign out');
  await waitForPath(page, '/login');
}

describeInBrowser('Driver journey in the browser', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('searches, books and pays with the test card, sees the code and QR, finds the booking, and the admin reads the email', async () => {
    const city = unique('Journeyville');
    const pool = testPool();
    let facilityName: string;
    try {
      facilityName = `Garage ${unique('Central')}`;
      await createOperatorWithFacility(pool, {
        name: facilityName,
        city,
        spaces: { standard: 3 },
        hourlyCents: { standard: 250 },
        amenities: ['covered', 'cctv'],
      });
    } finally {
      await pool.end();
    }
    const driver: TestAccount = await createAccount('driver');
    const admin: TestAccount = await createAccount('admin');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await visit(page, '/login');
      await signIn(page, driver.email, driver.password);
      await waitForPath(page, '/');

      // Search: a city, and the default window (the next full hour, for two hours).
      await fillByLabel(page, 'Where', city);
      await clickText(page, 'form[aria-label="Search parking"] button[type="submit"]', 'Find parking');
      await waitForPath(page, '/search');
      await page.waitForSelector('.result');
      const result = await page.$eval('.result', (element) => element.textContent ?? '');
      expect(result).toContain(facilityName);
      expect(result).toContain('€5.00 total'); // two hours at €2.50
      expect(result).toContain('3 of 3 free');
      // The marker is drawn although no map tiles can load here.
      await page.waitForSelector('.results-map .results-map__marker');
      await screenshot(page, 'journey-search');

      // Facility page: rates, availability per type, the day's chart; then book a standard space.
      await clickText(page, '.result a', facilityName);
      expect(await headingOnceItReads(page, facilityName)).toBe(facilityName);
      const facilityPath = pathOf(page);
      await page.waitForSelector('.type-list__item');
      expect(await page.$eval('.rate-table', (table) => table.textContent ?? '')).toContain('€2.50');
      await page.waitForSelector('.chart canvas');
      // The total for the stay stands next to "Book", before any space is held.
      expect(await textOf(page, '.type-list__item[data-space-type="standard"] [data-testid="stay-price"]')).toBe('€5.00 total');
      await screenshot(page, 'journey-facility');
      await page.click('button[aria-label="Book a standard space"]');
      await waitForPath(page, '/driver/checkout');

      // Checkout: the plate, then the hold with its price and countdown.
      await fillByLabel(page, 'Vehicle plate', 'b-ab 123');
      await clickText(page, 'button[type="submit"]', 'Hold this space');
      await page.waitForFunction(() => /^\/driver\/checkout\/[0-9a-f-]{36}$/.test(window.location.pathname));
      expect(await textOf(page, '[data-testid="amount-due"]')).toBe('€5.00');
      expect(await textOf(page, '.test-mode')).toContain('TEST MODE');
      expect(await textOf(page, '.hold')).toMatch(/\d+:\d{2}/);

      // A declined card says why and keeps the driver on the page.
      await payWith(page, SANDBOX_TEST_CARDS.declined);
      await page.waitForFunction(() => /declined/i.test(document.querySelector('.form-alert')?.textContent ?? ''));
      expect(pathOf(page)).toMatch(/^\/driver\/checkout\//);
      await screenshot(page, 'journey-declined');

      // The test card that succeeds confirms the booking; the confirmation opens at its top,
      // however far down the payment form was.
      await page.setViewport({ width: 1280, height: 480 });
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      await payWith(page, SANDBOX_TEST_CARDS.succeeds);
      await page.waitForFunction(() => /^\/driver\/bookings\/[0-9a-f-]{36}\/confirmation$/.test(window.location.pathname));
      expect(await headingOnceItReads(page, 'Booking confirmed')).toBe('Booking confirmed');
      expect(await page.evaluate(() => ({ scrollY: window.scrollY, headingInView: document.querySelector('h1')!.getBoundingClientRect().top >= 0 }))).toEqual({
        scrollY: 0,
        headingInView: true,
      });
      await page.setViewport({ width: 1280, height: 800 });
      const code = await textOf(page, '[data-testid="booking-code"]');
      expect(code.length).toBeGreaterThanOrEqual(6);
      const qr = await page.waitForSelector('img.qr');
      expect(await qr!.evaluate((img) => ({ value: img.getAttribute('data-qr-value'), png: img.getAttribute('src')?.startsWith('data:image/png') }))).toEqual({
        value: code,
        png: true,
      });
      expect(await page.$eval('main', (main) => main.textContent ?? '')).toContain('B-AB 123');
      await screenshot(page, 'journey-confirmation');

      // My bookings lists it among the upcoming ones.
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/driver/bookings"]');
      const card = await page.waitForSelector(`[data-booking-code="${code}"]`);
      expect(await card!.evaluate((element) => element.closest('section')?.querySelector('h2')?.textContent)).toBe('Upcoming');
      expect(await card!.evaluate((element) => element.textContent ?? '')).toContain('Confirmed');
      const searchPath = `/search?city=${encodeURIComponent(city)}`;
      const bookingPath = await card!.evaluate((element) => new URL(element.querySelector('a')!.href).pathname);

      // On a phone (375 px) the same screens fit without sideways scrolling.
      const phone = await openPage(context, 'phone');
      const readyWhen: Record<string, string> = { [searchPath]: '.result', [facilityPath]: '.chart canvas', [bookingPath]: '[data-testid="booking-code"]' };
      for (const [path, selector] of Object.entries(readyWhen)) {
        await visit(phone, path);
        await phone.waitForSelector(selector);
        expect({ path, width: await phone.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ path, width: 375 });
      }
      await screenshot(phone, 'journey-booking-375');
      await visit(phone, searchPath);
      await phone.waitForSelector('.result');
      await screenshot(phone, 'journey-search-375');
      await phone.close();
      await signOut(page);

      // The admin finds the confirmation email in the local mailbox.
      await signIn(page, admin.email, admin.password);
      await waitForPath(page, '/admin');
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/admin/mailbox"]');
      await fillByLabel(page, 'Recipient', driver.email);
      await clickText(page, 'button[type="submit"]', 'Filter');
      // The outbox worker delivers within seconds; reload until the message is listed.
      const deadline = Date.now() + 30_000;
      while (!(await page.$('table.mailbox a'))) {
        if (Date.now() > deadline) throw new Error('The confirmation email did not reach the mailbox within 30 s.');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.waitForSelector('.state, table.mailbox');
      }
      await page.click('table.mailbox a');
      const frame = await page.waitForSelector('iframe.mail-frame');
      expect(await frame!.evaluate((iframe) => iframe.getAttribute('sandbox'))).toBe('');
      const html = await frame!.evaluate((iframe) => (iframe as HTMLIFrameElement).srcdoc);
      expect(html).toContain(code);
      expect(html).toContain(facilityName);
      await screenshot(page, 'journey-mailbox');
    } finally {
      await context.close();
    }
  });

  it('manages a booking: changes the plate, pays an extension by card, cancels with the stated full refund', async () => {
    const pool = testPool();
    let facilityId: string;
    try {
      ({
        facility: { id: facilityId },
      } = await createOperatorWithFacility(pool, { city: unique('Manageville'), spaces: { standard: 2 }, hourlyCents: { standard: 300 } }));
    } finally {
      await pool.end();
    }
    const driver = await createAccount('driver');
    const booking = await confirmedBookingThroughApi(driver, facilityId, 'M-XY 42');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await visit(page, '/login');
      await signIn(page, driver.email, driver.password);
      await waitForPath(page, '/');
      await visit(page, `/driver/bookings/${booking.id}`);
      expect(await textOf(page, '[data-testid="booking-code"]')).toBe(booking.code);

      // The plate, before the start.
      await fillByLabel(page, 'Vehicle plate', 'hh-ab 77');
      await clickText(page, 'button[type="submit"]', 'Change plate');
      await page.waitForFunction(() => /Plate changed to HH-AB 77/.test(document.body.textContent ?? ''));

      // One more hour (the default suggestion), held and priced by the API, paid with the test card.
      await clickText(page, 'button[type="submit"]', 'Extend');
      await waitForPath(page, `/driver/checkout/${booking.id}/extension`);
      expect(await textOf(page, '[data-testid="amount-due"]')).toBe('€3.00');
      await payWith(page, SANDBOX_TEST_CARDS.succeeds);
      await waitForPath(page, `/driver/bookings/${booking.id}`);
      await page.waitForFunction(() => /3 h/.test(document.querySelector('.details')?.textContent ?? ''));

      // Cancelling states the refund before and after: the whole price, three days ahead.
      await clickText(page, 'button', 'Cancel booking');
      await clickText(page, '.cancel__confirm button', 'Yes, cancel and refund €9.00');
      await page.waitForFunction(() => /€9\.00 refunded to your card/.test(document.querySelector('.notice')?.textContent ?? ''));
      expect(await textOf(page, '.page-header .badge')).toBe('Cancelled');
      await screenshot(page, 'booking-cancelled');
    } finally {
      await context.close();
    }
  });
});
