import { apiUrl } from '../../api/test/support/api-url.js';
import { bearer, loginAs } from '../../api/test/support/factories.js';
import { unique } from '../../api/test/support/db.js';
import { createAccount } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { confirmedBookingThroughApi } from './support/bookings.js';
import { clickText, clickWhenReady, fillByLabel, waitForText, headingOnceItReads, signIn, visit, waitForPath } from './support/spa.js';

describeInBrowser('Operator portal in the browser', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('registers an operator, onboards, is approved, lists a car park that drivers find, and the open dashboard shows a new booking and its revenue without a reload', async () => {
    const admin = await createAccount('admin');
    const driver = await createAccount('driver');
    const displayName = unique('Parkhaus');
    const city = unique('Operatorville');
    const facilityName = `Garage ${unique('Nord')}`;
    const context = await chromium.newContext();
    try {
      // Registration as an operator lands on a dashboard that asks for onboarding.
      const page = await openPage(context);
      await visit(page, '/register');
      await fillByLabel(page, 'Full name', 'Olga Operator');
      await fillByLabel(page, 'Email', `operator-${unique('o')}@example.test`.toLowerCase());
      await fillByLabel(page, 'Password', 'a long enough passphrase 42');
      await page.click('input[name="role"][value="operator"]');
      await page.click('button[type="submit"]');
      await waitForPath(page, '/operator');
      await clickText(page, 'a', 'Start onboarding');
      await waitForPath(page, '/operator/onboarding');

      // The wizard: company, contact, payout account (a wrong IBAN is named under its field), terms.
      await fillByLabel(page, 'Legal name', `${displayName} GmbH`);
      await fillByLabel(page, 'Display name', displayName);
      await fillByLabel(page, 'Tax ID', 'DE123456789');
      await clickText(page, 'button[type="submit"]', 'Save and continue');
      await page.waitForSelector('h2#onboarding-step');
      await waitForText(page, 'h2#onboarding-step', 'Contact');
      await fillByLabel(page, 'Contact email', 'ops@example.test');
      await fillByLabel(page, 'Phone', '+49 30 1234567');
      await clickText(page, 'button[type="submit"]', 'Save and continue');
      await waitForText(page, 'h2#onboarding-step', 'Payout account');
      await fillByLabel(page, 'Account holder', `${displayName} GmbH`);
      await fillByLabel(page, 'IBAN', 'DE89370400440532013001');
      await clickText(page, 'button[type="submit"]', 'Save and continue');
      await page.waitForSelector('[data-field-error="iban"]');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('iban');
      // What was typed stays; only the IBAN is corrected.
      expect(await page.$eval('input[name="holderName"]', (input) => (input as HTMLInputElement).value)).toBe(`${displayName} GmbH`);
      await screenshot(page, 'operator-onboarding-iban-error');
      await fillByLabel(page, 'IBAN', 'DE89 3704 0044 0532 0130 00');
      await clickText(page, 'button[type="submit"]', 'Save and continue');
      await waitForText(page, 'h2#onboarding-step', 'Terms');
      await page.click('input[name="accepted"]');
      await clickText(page, 'button[type="submit"]', 'Save and continue');
      await waitForText(page, 'h2#onboarding-step', 'Review and submit');
      expect(await page.$eval('main', (main) => main.textContent ?? '')).toContain('3000');
      await clickText(page, 'button', 'Submit application');
      await waitForText(page, '[data-testid="application-status"]', 'Application submitted');

      // The admin approves it from the queue.
      const adminContext = await chromium.newContext();
      try {
        const adminPage = await openPage(adminContext);
        await visit(adminPage, '/login');
        await signIn(adminPage, admin.email, admin.password);
        await waitForPath(adminPage, '/admin');
        await clickWhenReady(adminPage, 'nav[aria-label="Main"] a[href="/admin/operators"]');
        await clickText(adminPage, 'button', `Approve ${displayName}`);
        await adminPage.waitForFunction((name) => ![...document.querySelectorAll('button')].some((b) => b.textContent?.includes(`Approve ${name}`)), {}, displayName);
      } finally {
        await adminContext.close();
      }

      // The operator adds a car park (10 standard spaces at €2.50 an hour) and publishes it.
      await visit(page, '/operator/facilities/new');
      await fillByLabel(page, 'Name', facilityName);
      await fillByLabel(page, 'Street address', 'Nordstraße 1');
      await fillByLabel(page, 'City', city);
      await fillByLabel(page, 'Postal code', '10115');
      await fillByLabel(page, 'Time zone', 'Europe/Berlin');
      await page.click('input[name="published"]');
      await clickText(page, 'button[type="submit"]', 'Create car park');
      await page.waitForFunction(() => /^\/operator\/facilities\/[0-9a-f-]{36}$/.test(window.location.pathname));
      const facilityId = page.url().split('/').pop()!;
      expect(await headingOnceItReads(page, facilityName)).toBe(facilityName);
      await waitForText(page, 'main', 'In the marketplace');
      await waitForText(page, '[data-testid="occupied-now"]', '0 of 10 occupied');

      // It appears in the marketplace for drivers.
      const search = await fetch(`${apiUrl()}/api/proxy/marketplace?city=${encodeURIComponent(city)}`, { headers: { authorization: bearer(await loginAs(apiUrl(), driver)) } });
      expect(search.status).toBe(200);
      expect(JSON.stringify(await search.json())).toContain(facilityId);

      // The dashboard is open when the driver books and pays.
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator"]');
      await page.waitForSelector('[data-kpi="revenue-today"]');
      await page.waitForFunction(() => document.querySelector('.live-state')?.textContent === 'Live', { timeout: 15_000 });
      expect(await page.$eval('[data-kpi="revenue-today"] .kpi__value', (el) => el.textContent)).toBe('€0.00');
      const booking = await confirmedBookingThroughApi(driver, facilityId, 'OP-RT 77');
      // Within the socket's latency, not the 30 s refetch: the timeout is below it.
      await page.waitForSelector(`[data-booking-code="${booking.code}"]`, { timeout: 20_000 });
      await waitForText(page, '[data-kpi="revenue-today"] .kpi__value', '€5.00', 20_000);
      await waitForText(page, '[data-testid="live-feed"]', booking.code);
      await screenshot(page, 'operator-dashboard-live');

      // On a phone (375 px) the dashboard fits without sideways scrolling.
      const phone = await openPage(context, 'phone');
      await visit(phone, '/operator');
      await phone.waitForSelector('[data-testid="recent-bookings"]');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
      await screenshot(phone, 'operator-dashboard-375');
      await phone.close();
    } finally {
      await context.close();
    }
  });
});
