import type { Page } from 'puppeteer-core';
import type { BookingView } from '@aiparksit/shared';
import { apiUrl } from '../../api/test/support/api-url.js';
import { paidBooking, windowAhead } from '../../api/test/support/booking-helpers.js';
import { testPool, unique } from '../../api/test/support/db.js';
import { createFacility, createOperator } from '../../api/test/support/facility-factories.js';
import { bearer, createUser, loginAs, signedInUser } from '../../api/test/support/factories.js';
import { createAccount } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, fillByLabel, headingOnceItReads, holdAtCheckout, signInThroughLoginPage, visit, waitForPath, waitForText } from './support/spa.js';

/**
 * How long an offer may take to reach the page: the shared test API offers freed spaces every
 * WAITLIST_OFFER_INTERVAL_MS (5 s) and the waitlist page reads again every 5 s; the rest is room
 * for a machine whose cores are all busy.
 */
const OFFER_TIMEOUT_MS = 60_000;

/**
 * A car park of one standard space, far from every other test's (each test has its own spot, so
 * none is offered as another's alternative), whose space another driver has booked and paid for
 * the window: full for it.
 */
async function fullCarPark(latitude: number, window: { start: string; end: string }) {
  const pool = testPool();
  try {
    const operator = await createOperator(pool);
    const name = `Waitlist ${unique('Garage')}`;
    const facility = await createFacility(pool, operator, { name, lat: latitude, lng: 176.91, spaces: { standard: 1 }, hourlyCents: { standard: 300 } });
    const holder = await signedInUser(pool, apiUrl());
    const { booking } = await paidBooking(apiUrl(), holder.tokens, { facilityId: facility.id, ...window, spaceType: 'standard', vehiclePlate: 'B-HO 1' });
    return { id: facility.id, name, holder: holder.tokens, held: booking };
  } finally {
    await pool.end();
  }
}

function facilityPath(facilityId: string, window: { start: string; end: string }): string {
  return `/facilities/${facilityId}?${new URLSearchParams({ ...window, type: 'standard' }).toString()}`;
}

/** The waitlist page's card for an entry once it reads `state` (a data attribute: waiting, offered, booked, left…). */
async function entryOnceIt(page: Page, entryId: string, state: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (id, wanted) => document.querySelector(`.waitlist-entry[data-entry-id="${id}"]`)?.getAttribute('data-state') === wanted,
    { timeout },
    entryId,
    state,
  );
}

function textIn(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
}

describeInBrowser('Waitlist in the browser', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('joins the line from a full car park’s page, is offered the freed space on the waitlist page, and pays for it', async () => {
    const stay = windowAhead(6, 2, 9);
    const park = await fullCarPark(-39.49, stay);
    const driver = await createAccount('driver');

    // A visitor is offered to sign in, and to come back to this very page.
    const visitorContext = await chromium.newContext();
    try {
      const visitor = await openPage(visitorContext, 'desktop');
      await visit(visitor, facilityPath(park.id, stay));
      await waitForText(visitor, '[data-testid="waitlist-offer"]', 'to join the waitlist');
      const signInLink = new URL(await visitor.$eval('[data-testid="waitlist-offer"] a', (link) => (link as HTMLAnchorElement).href));
      expect(signInLink.pathname).toBe('/login');
      expect(signInLink.searchParams.get('next')).toBe(facilityPath(park.id, stay));
      expect(await visitor.$('[data-testid="waitlist-offer"] form')).toBeNull();
      await screenshot(visitor, 'waitlist-visitor-facility-page-1280');
    } finally {
      await visitorContext.close();
    }

    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'desktop');
      await signInThroughLoginPage(page, driver);
      await visit(page, facilityPath(park.id, stay));
      expect(await headingOnceItReads(page, park.name)).toBe(park.name);
      await waitForText(page, '[data-testid="alternatives"] h3', 'Full for this window');

      // A bad plate is refused beside its field; a good one (typed in lower case) joins.
      await fillByLabel(page, 'Vehicle plate', '-');
      await clickText(page, '[data-testid="waitlist-offer"] button', 'Tell me when a space frees');
      await page.waitForSelector('[data-testid="waitlist-offer"] [data-field-error="vehiclePlate"]');
      await screenshot(page, 'waitlist-plate-refused-facility-page-1280');
      await fillByLabel(page, 'Vehicle plate', 'b-wl 77');
      const joined = page.waitForResponse((response) => response.url().endsWith('/api/waitlist') && response.request().method() === 'POST');
      await clickText(page, '[data-testid="waitlist-offer"] button', 'Tell me when a space frees');
      const joinedResponse = await joined;
      expect(joinedResponse.status()).toBe(201);
      const entryId = ((await joinedResponse.json()) as { id: string }).id;
      await waitForText(page, '[data-testid="waitlist-position"]', '1st');
      expect(await textIn(page, '[data-testid="waitlist-offer"]')).toContain('You are 1st in line for a standard space at €6.00.');
      await screenshot(page, 'waitlist-joined-facility-page-1280');

      // Back on the page later, the driver's place is shown without joining again.
      await page.reload({ waitUntil: 'domcontentloaded' });
      await waitForText(page, '[data-testid="waitlist-position"]', '1st');

      await clickText(page, '[data-testid="waitlist-offer"] a', 'See your waitlist');
      await waitForPath(page, '/driver/waitlist');
      await entryOnceIt(page, entryId, 'waiting');
      const card = `.waitlist-entry[data-entry-id="${entryId}"]`;
      expect(await textIn(page, `${card} [data-testid="waitlist-position"]`)).toBe('1st');
      expect(await textIn(page, `${card} [data-testid="waitlist-status"]`)).toBe('Waiting for a space');
      expect(await textIn(page, card)).toContain('Standard · B-WL 77');
      expect(await textIn(page, card)).toContain('€6.00');
      await screenshot(page, 'waitlist-page-waiting-1280');

      // The holder cancels: the server's job holds the space for the first in line, and the page shows it.
      const cancelled = await fetch(`${apiUrl()}/api/bookings/${park.held.id}/cancel`, { method: 'POST', headers: { authorization: bearer(park.holder) } });
      expect(cancelled.status).toBe(200);
      await entryOnceIt(page, entryId, 'offered', OFFER_TIMEOUT_MS);
      expect(await textIn(page, `${card} [data-testid="waitlist-status"]`)).toBe('Space held for you');
      expect(await textIn(page, `${card} .waitlist-entry__offer`)).toMatch(/held for you until \d\d:\d\d \((\d+ min|under a minute) left\)/);
      const payHref = await page.$eval(`${card} .waitlist-entry__offer a`, (link) => new URL((link as HTMLAnchorElement).href).pathname);
      expect(payHref).toMatch(/^\/driver\/checkout\/[0-9a-f-]{36}$/);
      await screenshot(page, 'waitlist-page-offered-1280');
      const phone = await openPage(context, 'phone');
      await visit(phone, '/driver/waitlist');
      await entryOnceIt(phone, entryId, 'offered');
      await screenshot(phone, 'waitlist-page-offered-375');
      await phone.close();

      // "Pay now" opens the existing payment page for the held booking; paying confirms it.
      await clickText(page, `${card} .waitlist-entry__offer a`, 'Pay now to keep it');
      await waitForPath(page, payHref);
      await waitForText(page, '[data-testid="amount-due"]', '€6.00');
      await fillByLabel(page, 'Card number', '4242 4242 4242 4242');
      await fillByLabel(page, 'Expiry (MM/YY)', '12/39');
      await fillByLabel(page, 'CVC', '123');
      await clickText(page, 'form[aria-label="Card payment"] button[type="submit"]', 'Pay');
      const bookingId = payHref.split('/').at(-1)!;
      await waitForPath(page, `/driver/bookings/${bookingId}/confirmation`);
      const booking = (await (
        await fetch(`${apiUrl()}/api/bookings/${bookingId}`, { headers: { authorization: bearer(await loginAs(apiUrl(), driver)) } })
      ).json()) as BookingView;
      expect(booking).toMatchObject({ status: 'confirmed', vehiclePlate: 'B-WL 77', amountCents: 600 });

      await visit(page, '/driver/waitlist');
      await entryOnceIt(page, entryId, 'booked');
      expect(await page.$eval(`${card} a[href="/driver/bookings/${bookingId}"]`, (link) => link.textContent)).toBe('See the booking');
      // The car park is full again, with the driver's own booking: its page says so instead of offering the line again.
      await visit(page, facilityPath(park.id, stay));
      await waitForText(page, '[data-testid="waitlist-offer"]', 'You got a space here: it is booked.');
      expect(await page.$('[data-testid="waitlist-offer"] form')).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('joins in one click after a refused hold at checkout, and leaves the line after confirming', async () => {
    const stay = windowAhead(7, 3, 10);
    const park = await fullCarPark(-37.69, stay);
    const driver = await createAccount('driver');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'phone');
      await signInThroughLoginPage(page, driver);
      expect(await holdAtCheckout(page, park.id, stay, 'B-WL 88')).toBe(409);
      await waitForText(page, '[data-testid="alternatives"] h2', 'Full for this window');
      // The plate given for the hold is the one the line keeps: no field to fill again.
      await waitForText(page, '[data-testid="waitlist-offer"]', 'For B-WL 88');
      expect(await page.$('[data-testid="waitlist-offer"] input')).toBeNull();
      await screenshot(page, 'waitlist-checkout-refused-375');
      const joined = page.waitForResponse((response) => response.url().endsWith('/api/waitlist') && response.request().method() === 'POST');
      await clickText(page, '[data-testid="waitlist-offer"] button', 'Tell me when a space frees');
      const joinedResponse = await joined;
      expect(joinedResponse.status()).toBe(201);
      const entryId = ((await joinedResponse.json()) as { id: string }).id;
      await waitForText(page, '[data-testid="waitlist-position"]', '1st');
      await screenshot(page, 'waitlist-checkout-joined-375');

      await clickText(page, '[data-testid="waitlist-offer"] a', 'See your waitlist');
      await waitForPath(page, '/driver/waitlist');
      await entryOnceIt(page, entryId, 'waiting');
      const card = `.waitlist-entry[data-entry-id="${entryId}"]`;
      await clickText(page, `${card} button`, 'Leave');
      await waitForText(page, `${card} [role="group"]`, 'You give up your place (1st in line).');
      const left = page.waitForResponse((response) => response.url().endsWith(`/api/waitlist/${entryId}`) && response.request().method() === 'DELETE');
      await clickText(page, `${card} button`, 'Yes, leave the waitlist');
      expect((await left).status()).toBe(200);
      await entryOnceIt(page, entryId, 'left');
      expect(await textIn(page, `${card} [data-testid="waitlist-status"]`)).toBe('Left the line');
      expect(await page.$(`${card} button`)).toBeNull();
      await screenshot(page, 'waitlist-page-left-375');
    } finally {
      await context.close();
    }
  });

  it('offers to book at once when a space freed before joining, and asks an unconfirmed driver to confirm the address first', async () => {
    const stay = windowAhead(8, 2, 14);
    const park = await fullCarPark(-36.85, stay);
    const driver = await createAccount('driver');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'desktop');
      await signInThroughLoginPage(page, driver);
      expect(await holdAtCheckout(page, park.id, stay, 'B-WL 99')).toBe(409);
      await waitForText(page, '[data-testid="waitlist-offer"]', 'For B-WL 99');

      // The space frees before the driver decides: nothing to wait for, and one click holds it.
      const cancelled = await fetch(`${apiUrl()}/api/bookings/${park.held.id}/cancel`, { method: 'POST', headers: { authorization: bearer(park.holder) } });
      expect(cancelled.status).toBe(200);
      await clickText(page, '[data-testid="waitlist-offer"] button', 'Tell me when a space frees');
      await waitForText(page, '[data-testid="waitlist-offer"]', 'A space has just freed up for this stay: no need to wait.');
      await screenshot(page, 'waitlist-space-freed-checkout-1280');
      await clickText(page, '[data-testid="waitlist-offer"] button', 'Book it now');
      await page.waitForFunction(() => /^\/driver\/checkout\/[0-9a-f-]{36}$/.test(window.location.pathname));
      await waitForText(page, '[data-testid="amount-due"]', '€6.00');
    } finally {
      await context.close();
    }

    const pool = testPool();
    let unconfirmed: { email: string; password: string };
    try {
      unconfirmed = await createUser(pool, { role: 'driver', emailVerified: false });
    } finally {
      await pool.end();
    }
    const otherContext = await chromium.newContext();
    try {
      const page = await openPage(otherContext, 'phone');
      await signInThroughLoginPage(page, unconfirmed);
      // Full again: the driver who just held the space has it.
      await visit(page, facilityPath(park.id, stay));
      await fillByLabel(page, 'Vehicle plate', 'B-WL 55');
      await clickText(page, '[data-testid="waitlist-offer"] button', 'Tell me when a space frees');
      await waitForText(page, '[data-testid="waitlist-offer"] .form-alert', 'Confirm your email address before joining the waitlist');
      await waitForText(page, '[data-testid="waitlist-offer"] .resend-verification button', 'Send me a new confirmation link');
      await screenshot(page, 'waitlist-email-not-verified-375');
    } finally {
      await otherContext.close();
    }
  });
});
