import { SANDBOX_TEST_CARDS } from '@aiparksit/shared';
import { unique } from '../../api/test/support/db.js';
import { createAccount, openVerificationLink, type TestAccount } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, clickWhenReady, fillByLabel, waitForText, headingOnceItReads, signIn, visit, waitForPath } from './support/spa.js';

/**
 * A driver, in a browser of their own, searches the city, opens the car park, holds a standard
 * space for the default window (the next full hour, two hours) and pays with the sandbox card
 * that succeeds. Returns the booking code the confirmation shows.
 */
async function bookThroughTheDriverUi(chromium: RunningBrowser, driver: TestAccount, city: string, facilityName: string, plate: string): Promise<string> {
  const context = await chromium.newContext();
  try {
    const page = await openPage(context);
    await visit(page, '/login');
    await signIn(page, driver.email, driver.password);
    await waitForPath(page, '/');
    await fillByLabel(page, 'Where', city);
    await clickText(page, 'form[aria-label="Search parking"] button[type="submit"]', 'Find parking');
    await page.waitForSelector('.result');
    expect(await page.$eval('.result', (element) => element.textContent ?? '')).toContain(facilityName);
    await clickText(page, '.result a', facilityName);
    expect(await headingOnceItReads(page, facilityName)).toBe(facilityName);
    await clickWhenReady(page, 'button[aria-label="Book a standard space"]');
    await waitForPath(page, '/driver/checkout');
    await fillByLabel(page, 'Vehicle plate', plate);
    await clickText(page, 'button[type="submit"]', 'Hold this space');
    await page.waitForFunction(() => /^\/driver\/checkout\/[0-9a-f-]{36}$/.test(window.location.pathname));
    await fillByLabel(page, 'Card number', SANDBOX_TEST_CARDS.succeeds);
    await fillByLabel(page, 'Expiry (MM/YY)', '12/39');
    await fillByLabel(page, 'CVC', '123');
    await clickText(page, 'form[aria-label="Card payment"] button[type="submit"]', 'Pay');
    await page.waitForFunction(() => /^\/driver\/bookings\/[0-9a-f-]{36}\/confirmation$/.test(window.location.pathname));
    const codeElement = await page.waitForSelector('[data-testid="booking-code"]');
    return (await codeElement!.evaluate((element) => element.textContent ?? '')).trim();
  } finally {
    await context.close();
  }
}

describeInBrowser('Operator portal in the browser', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('registers an operator, onboards, is approved, lists a car park that a driver finds and books in the driver pages, and the open dashboard shows the booking and its revenue without a reload', async () => {
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
      const operatorEmail = `operator-${unique('o')}@example.test`.toLowerCase();
      await fillByLabel(page, 'Full name', 'Olga Operator');
      await fillByLabel(page, 'Email', operatorEmail);
      await fillByLabel(page, 'Password', 'a long enough passphrase 42');
      await page.click('input[name="role"][value="operator"]');
      await page.click('button[type="submit"]');
      await page.waitForSelector('[data-testid="check-email"]');
      await openVerificationLink(page, operatorEmail);
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
        await adminPage.waitForFunction(
          (name) => ![...document.querySelectorAll('button')].some((b) => b.textContent?.includes(`Approve ${name}`)),
          {},
          displayName,
        );
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
      expect(await headingOnceItReads(page, facilityName)).toBe(facilityName);
      await waitForText(page, 'main', 'In the marketplace');
      await waitForText(page, '[data-testid="occupied-now"]', '0 of 10 occupied');

      // The dashboard is open while a driver finds the car park in the marketplace and books it.
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator"]');
      await page.waitForSelector('[data-kpi="revenue-today"]');
      await page.waitForFunction(() => document.querySelector('.live-state')?.textContent === 'Live', { timeout: 15_000 });
      expect(await page.$eval('[data-kpi="revenue-today"] .kpi__value', (el) => el.textContent)).toBe('€0.00');
      const code = await bookThroughTheDriverUi(chromium, driver, city, facilityName, 'OP-RT 77');

      // Within the socket's latency, not the 30 s refetch: the timeout is below it.
      await page.waitForSelector(`[data-booking-code="${code}"]`, { timeout: 20_000 });
      await waitForText(page, '[data-kpi="revenue-today"] .kpi__value', '€5.00', 20_000);
      await waitForText(page, '[data-testid="live-feed"]', code);
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
