import type { Page } from 'puppeteer-core';
import { apiUrl } from '../../api/test/support/api-url.js';
import { testPool, unique } from '../../api/test/support/db.js';
import { createFacility, createOperator } from '../../api/test/support/facility-factories.js';
import { bearer, loginAs } from '../../api/test/support/factories.js';
import { createAccount } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, fillByLabel, signIn, signInThroughLoginPage, visit, waitForPath, waitForText } from './support/spa.js';

/** A car park of three standard spaces selling two passes a month at €89, set by its operator through the API. */
async function carParkSellingPasses() {
  const pool = testPool();
  try {
    const operator = await createOperator(pool);
    const name = `Pass ${unique('Garage')}`;
    const facility = await createFacility(pool, operator, { name, lat: -41.29, lng: 174.78, spaces: { standard: 3 } });
    const res = await fetch(`${apiUrl()}/api/operator/facilities/${facility.id}/pass-offers/standard`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: bearer(await loginAs(apiUrl(), operator.owner)) },
      body: JSON.stringify({ passLimit: 2, priceCents: 8900 }),
    });
    if (res.status !== 200) throw new Error(`offer failed: ${res.status}`);
    return { id: facility.id, name, operator: operator.owner };
  } finally {
    await pool.end();
  }
}

const leftFor = (page: Page, month: string) =>
  page.$eval(`[data-testid="monthly-pass"] tr[data-month="${month}"] [data-testid="passes-left"]`, (cell) => cell.textContent?.trim());

describeInBrowser('Monthly passes in the browser', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('buys next month’s pass on the car park page, pays it at checkout, finds it under My passes, and the operator sees it sold', async () => {
    const park = await carParkSellingPasses();
    const driver = await createAccount('driver');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'desktop');
      await signInThroughLoginPage(page, driver);
      await visit(page, `/facilities/${park.id}`);
      await waitForText(page, '[data-testid="monthly-pass"]', '€89.00 a month');
      const months = await page.$$eval('[data-testid="monthly-pass"] tbody tr', (rows) => rows.map((row) => row.getAttribute('data-month')!));
      expect(months).toHaveLength(3);
      const next = months[1]!;
      expect(await leftFor(page, next)).toBe('2 passes left');
      await screenshot(page, 'passes-facility-page-1280');

      await page.select('#pass-month', next);
      await fillByLabel(page, 'Vehicle plate', 'b-mp 42');
      await clickText(page, '[data-testid="monthly-pass"] button[type="submit"]', 'Buy pass');
      await page.waitForFunction(() => /^\/driver\/checkout\/[0-9a-f-]{36}$/.test(window.location.pathname));
      const bookingId = new URL(page.url()).pathname.split('/').at(-1)!;
      await waitForText(page, '[data-testid="amount-due"]', '€89.00');
      await fillByLabel(page, 'Card number', '4242 4242 4242 4242');
      await fillByLabel(page, 'Expiry (MM/YY)', '12/39');
      await fillByLabel(page, 'CVC', '123');
      await clickText(page, 'form[aria-label="Card payment"] button[type="submit"]', 'Pay');
      await waitForPath(page, `/driver/bookings/${bookingId}/confirmation`);

      await visit(page, '/driver/passes');
      await waitForText(page, '.pass-card', 'Paid');
      const card = await page.$eval('.pass-card', (element) => (element.textContent ?? '').replace(/\s+/g, ' '));
      expect(card).toContain(park.name);
      expect(card).toContain('Standard · B-MP 42');
      expect(card).toContain('€89.00');
      await screenshot(page, 'passes-my-passes-1280');

      await visit(page, `/facilities/${park.id}`);
      await waitForText(page, '[data-testid="monthly-pass"]', '1 pass left');
      expect(await leftFor(page, next)).toBe('1 pass left');

      const operatorContext = await chromium.newContext();
      try {
        const operatorPage = await openPage(operatorContext, 'phone');
        await visit(operatorPage, '/login');
        await signIn(operatorPage, park.operator.email, park.operator.password);
        await waitForPath(operatorPage, '/operator');
        await visit(operatorPage, `/operator/facilities/${park.id}`);
        await waitForText(operatorPage, '[data-testid="operator-passes"]', 'B-MP 42');
        const sold = await operatorPage.$eval(
          `[data-testid="operator-passes"] tr[data-month="${next}"] [data-testid="passes-sold"]`,
          (cell) => cell.textContent,
        );
        expect(sold).toBe('1');
        await screenshot(operatorPage, 'passes-operator-facility-375');
      } finally {
        await operatorContext.close();
      }
    } finally {
      await context.close();
    }
  });
});
