import type { BrowserContext, Page } from 'puppeteer-core';
import type pg from 'pg';
import { holdBooking, paidBooking, windowAhead } from '../../api/test/support/booking-helpers.js';
import { createOperatorWithFacility } from '../../api/test/support/facility-factories.js';
import { createUser, loginAs, type TestAccount } from '../../api/test/support/factories.js';
import { startApiServer, type RunningApi } from '../../api/test/support/system.mjs';
import { createScratchDatabase, dropScratchDatabase } from '../../api/test/seed/seed-cli.js';
import { startSmtpTestServer, type ReceivedMessage, type SmtpTestServer } from '../../api/test/notifications/smtp-test-server.js';
import { scratchPool } from '../../api/test/notifications/scratch-pool.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, fillByLabel, headingOnceItReads, pathOf, signIn, waitForPath, waitForText } from './support/spa.js';

/**
 * What a driver meets after booking, through the real emails: an API of its own (its own
 * database, delivering to a real SMTP server started here) serving the built SPA. PUBLIC_URL is
 * left unset, as in development: the links must follow the address the API was reached at.
 */
describeInBrowser('Booking life cycle in the browser', () => {
  const database = `booking_life_cycle_${process.pid}`;
  let chromium: RunningBrowser;
  let smtp: SmtpTestServer;
  let api: RunningApi;
  let pool: pg.Pool;
  let context: BrowserContext;

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(database);
    smtp = await startSmtpTestServer();
    [api, chromium] = await Promise.all([
      startApiServer({ DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, OUTBOX_POLL_INTERVAL_MS: '100' }, 90_000),
      launchBrowser(),
    ]);
    pool = scratchPool(databaseUrl);
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await api?.stop();
    await smtp?.stop();
    await pool?.end();
    await dropScratchDatabase(database);
  });

  beforeEach(async () => {
    context = await chromium.newContext();
  });

  afterEach(async () => {
    await context?.close();
  });

  /** The first message to `to` whose subject starts with `subject`, waiting for it. */
  async function mailTo(to: string, subject: string): Promise<ReceivedMessage> {
    for (let count = 1; ; count++) {
      const found = (await smtp.waitForMessages(count, 30_000)).find((m) => m.rcptTo.includes(to) && m.mail.subject?.startsWith(subject));
      if (found) return found;
    }
  }

  function linkIn(message: ReceivedMessage, pattern: RegExp): string {
    const match = pattern.exec(message.mail.text ?? '');
    if (!match) throw new Error(`No link like ${pattern} in: ${message.mail.text}`);
    return match[0];
  }

  async function bookFor(driver: TestAccount, daysAhead: number, facilityId: string) {
    return paidBooking(api.url, await loginAs(api.url, driver), { facilityId, ...windowAhead(daysAhead), spaceType: 'standard', vehiclePlate: 'B-LC 42' });
  }

  it('opens the booking from the confirmation email’s link, signing in on the way', async () => {
    const driver = await createUser(pool, { role: 'driver', name: 'Lena Link' });
    const { facility } = await createOperatorWithFacility(pool, { name: 'Quayside Garage' });
    const { booking } = await bookFor(driver, 4, facility.id);

    const link = linkIn(await mailTo(driver.email, 'Booking confirmed'), /https?:\/\/\S+\/driver\/bookings\/[0-9a-f-]{36}/);
    expect(link).toBe(`${api.url}/driver/bookings/${booking.id}`);

    const page = await openPage(context);
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    await waitForPath(page, '/login');
    await signIn(page, driver.email, driver.password);
    await waitForPath(page, `/driver/bookings/${booking.id}`);
    expect(await headingOnceItReads(page, 'Quayside Garage')).toBe('Quayside Garage');
    await waitForText(page, '[data-testid="booking-code"]', booking.code);
    await waitForText(page, '.payment-lines', 'Visa ending 4242');
    await screenshot(page, 'booking-from-email-1280');
  });

  it('pages my bookings with the filter in the address, on a wide screen and a phone', async () => {
    const driver = await createUser(pool, { role: 'driver' });
    const { facility } = await createOperatorWithFacility(pool, { name: 'Long Stay Garage', spaces: { standard: 30 } });
    const tokens = await loginAs(api.url, driver);
    for (let day = 2; day < 15; day++)
      await holdBooking(api.url, tokens, { facilityId: facility.id, ...windowAhead(day), spaceType: 'standard', vehiclePlate: 'B-LC 1' });
    const past = await holdBooking(api.url, tokens, { facilityId: facility.id, ...windowAhead(20), spaceType: 'standard', vehiclePlate: 'B-LC 2' });
    await pool.query(`UPDATE bookings SET period = tstzrange(now() - interval '5 days', now() - interval '4 days'), status = 'completed' WHERE id = $1`, [
      past.id,
    ]);

    for (const viewport of ['desktop', 'phone'] as const) {
      // A profile of its own for each screen: the first one's session would skip the sign-in.
      const own = await chromium.newContext();
      const page = await openPage(own, viewport);
      await page.goto(`${api.url}/login`, { waitUntil: 'domcontentloaded' });
      await signIn(page, driver.email, driver.password);
      await page.waitForFunction(() => window.location.pathname !== '/login');
      await page.goto(`${api.url}/driver/bookings`, { waitUntil: 'domcontentloaded' });
      await waitForText(page, 'nav.pager', 'Page 1 of 2 · 14 bookings');
      expect(await cardCount(page)).toBe(10);
      await waitForText(page, '.booking-filters', 'Upcoming 13');

      await clickText(page, 'nav.pager button', 'Next');
      await page.waitForFunction(() => window.location.search === '?page=2');
      await waitForText(page, 'nav.pager', 'Page 2 of 2');
      expect(await cardCount(page)).toBe(4);
      await waitForText(page, '.booking-group:last-of-type', 'Past');
      await screenshot(page, `my-bookings-page-2-${viewport === 'desktop' ? 1280 : 375}`);

      await clickText(page, '.booking-filters a', 'Past');
      await page.waitForFunction(() => window.location.search === '?filter=past');
      await page.waitForFunction(() => document.querySelectorAll('.booking-card').length === 1);
      expect(await page.$eval('.booking-filters [aria-current="page"]', (el) => el.textContent)).toContain('Past');
      // Back returns to page 2 of all bookings.
      await page.goBack();
      await page.waitForFunction(() => window.location.search === '?page=2');
      expect(pathOf(page)).toBe('/driver/bookings?page=2');
      await own.close();
    }
  });

  it('resets a forgotten password with the emailed link and signs in with the new one', async () => {
    const driver = await createUser(pool, { role: 'driver', name: 'Fiona Forgetful' });
    const page = await openPage(context, 'phone');
    await page.goto(`${api.url}/login`, { waitUntil: 'domcontentloaded' });
    await clickText(page, 'a', 'Forgot password?');
    await waitForPath(page, '/forgot-password');
    await fillByLabel(page, 'Email', driver.email);
    await clickText(page, 'button[type="submit"]', 'Send me a link');
    expect(await headingOnceItReads(page, 'Check your email')).toBe('Check your email');

    const link = linkIn(await mailTo(driver.email, 'Reset your AIParksit password'), /https?:\/\/\S+\/reset-password#token=[A-Za-z0-9_%-]+/);
    expect(link.startsWith(`${api.url}/reset-password#token=`)).toBe(true);
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    expect(await headingOnceItReads(page, 'Choose a new password')).toBe('Choose a new password');
    // The secret leaves the address bar as soon as the page has it.
    await page.waitForFunction(() => window.location.hash === '');
    await fillByLabel(page, 'New password', 'short');
    await clickText(page, 'button[type="submit"]', 'Set new password');
    await page.waitForSelector('[aria-invalid="true"]');
    await screenshot(page, 'reset-password-refused-375');
    await fillByLabel(page, 'New password', 'lantern-harbour-copper-violet-9');
    await clickText(page, 'button[type="submit"]', 'Set new password');
    expect(await headingOnceItReads(page, 'Your password is changed')).toBe('Your password is changed');

    await clickText(page, 'a', 'Sign in');
    await waitForPath(page, '/login');
    await signIn(page, driver.email, 'lantern-harbour-copper-violet-9');
    await page.waitForFunction(() => window.location.pathname !== '/login');
    expect((await fetch(`${api.url}/api/auth/login`, jsonPost({ email: driver.email, password: driver.password }))).status).toBe(401);
  });
});

function jsonPost(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

async function cardCount(page: Page): Promise<number> {
  await page.waitForSelector('.booking-card');
  return page.$$eval('.booking-card', (cards) => cards.length);
}
