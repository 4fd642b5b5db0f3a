import type { Page } from 'puppeteer-core';
import { SANDBOX_TEST_CARDS } from '@aiparksit/shared';
import { testPool, unique } from '../../api/test/support/db.js';
import { createOperatorWithFacility } from '../../api/test/support/facility-factories.js';
import { createAccount, type TestAccount } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { apiUrl } from '../../api/test/support/api-url.js';
import { startApiServer } from '../../api/test/support/system.mjs';
import { clickText, fillByLabel, signIn, waitForPath } from './support/spa.js';

const STANDARD_FREE = '.type-list__item:has(button[aria-label="Book a standard space"]) .availability';

/** A driver signed in on a fresh browser profile, looking at the facility page, with the live badge on. */
async function driverOnFacilityPage(chromium: RunningBrowser, driver: TestAccount, facilityId: string, origin = apiUrl()): Promise<Page> {
  const context = await chromium.newContext();
  const page = await openPage(context);
  await page.goto(`${origin}/login`, { waitUntil: 'domcontentloaded' });
  await signIn(page, driver.email, driver.password);
  await waitForPath(page, '/');
  await page.goto(`${origin}/facilities/${facilityId}`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector(STANDARD_FREE);
  await page.waitForSelector('[data-connection-state="live"]');
  return page;
}

async function freeStandard(page: Page): Promise<string> {
  return page.$eval(STANDARD_FREE, (element) => (element.textContent ?? '').trim());
}

/** Counts top-level navigations from now on, and marks the document so a reload would show. */
async function watchNavigations(page: Page): Promise<() => Promise<{ navigations: number; sameDocument: boolean }>> {
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  await page.evaluate(() => {
    (window as unknown as { liveTestMarker: boolean }).liveTestMarker = true;
  });
  return async () => ({
    navigations,
    sameDocument: await page.evaluate(() => (window as unknown as { liveTestMarker?: boolean }).liveTestMarker === true),
  });
}

describeInBrowser('Live availability in the browser', () => {
  let chromium: RunningBrowser;
  let facilityId: string;

  beforeAll(async () => {
    chromium = await launchBrowser();
    const pool = testPool();
    try {
      ({
        facility: { id: facilityId },
      } = await createOperatorWithFacility(pool, {
        name: `Garage ${unique('Live')}`,
        city: unique('Liveville'),
        spaces: { standard: 3 },
        hourlyCents: { standard: 200 },
      }));
    } finally {
      await pool.end();
    }
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it("updates one driver's free count when another driver books and pays, without reloading the page", async () => {
    const [watcher, booker] = await Promise.all([createAccount('driver'), createAccount('driver')]);
    const watching = await driverOnFacilityPage(chromium, watcher, facilityId);
    const booking = await driverOnFacilityPage(chromium, booker, facilityId);
    try {
      expect(await freeStandard(watching)).toBe('3 of 3 free');
      const navigationsOf = await watchNavigations(watching);

      // The other driver books the same default window and pays with the test card.
      await booking.click('button[aria-label="Book a standard space"]');
      await waitForPath(booking, '/driver/checkout');
      await fillByLabel(booking, 'Vehicle plate', 'B-LV 42');
      await clickText(booking, 'button[type="submit"]', 'Hold this space');
      await booking.waitForFunction(() => /^\/driver\/checkout\/[0-9a-f-]{36}$/.test(window.location.pathname));
      await fillByLabel(booking, 'Card number', SANDBOX_TEST_CARDS.succeeds);
      await fillByLabel(booking, 'Expiry (MM/YY)', '12/39');
      await fillByLabel(booking, 'CVC', '123');
      await clickText(booking, 'form[aria-label="Card payment"] button[type="submit"]', 'Pay');
      await booking.waitForFunction(() => /^\/driver\/bookings\/[0-9a-f-]{36}\/confirmation$/.test(window.location.pathname));

      // The first driver's page shows one space fewer, pushed over the socket.
      await watching.waitForFunction((selector) => document.querySelector(selector)?.textContent?.trim() === '2 of 3 free', { timeout: 10_000 }, STANDARD_FREE);
      expect(await navigationsOf()).toEqual({ navigations: 0, sameDocument: true });
      await screenshot(watching, 'live-availability-after-booking');
    } finally {
      await watching.browserContext().close();
      await booking.browserContext().close();
    }
  });

  it('shows the badge reconnecting while the server is gone and live again once it is back, without a reload', async () => {
    // An API process of this test's own, so it can be stopped and started again on its port.
    let api = await startApiServer({ DATABASE_URL: process.env['DATABASE_URL'] });
    const driver = await createAccount('driver');
    const page = await driverOnFacilityPage(chromium, driver, facilityId, api.url);
    try {
      const navigationsOf = await watchNavigations(page);
      await api.stop();
      await page.waitForSelector('[data-connection-state="reconnecting"]', { timeout: 10_000 });
      expect(await page.$eval('[data-connection-state]', (badge) => badge.textContent)).toContain('Reconnecting');

      api = await startApiServer({ DATABASE_URL: process.env['DATABASE_URL'], PORT: String(api.port) });
      // Attempts come every WS_RECONNECT_DELAY_MS (3 s); the token from before still holds. The
      // generous wait is for a loaded machine, not for the SPA.
      await page.waitForSelector('[data-connection-state="live"]', { timeout: 30_000 });
      expect(await navigationsOf()).toEqual({ navigations: 0, sameDocument: true });
      expect(await freeStandard(page)).toMatch(/of 3 free$/);
    } finally {
      await page.browserContext().close();
      await api.stop();
    }
    // Two API start-ups on a busy machine.
  }, 120_000);
});
