import type { Page } from 'puppeteer-core';
import type { ManagedFacility } from '@aiparksit/shared';
import { apiUrl } from '../../api/test/support/api-url.js';
import { testPool, unique } from '../../api/test/support/db.js';
import { bearer, loginAs } from '../../api/test/support/factories.js';
import { createOperator, createOperatorWithFacility } from '../../api/test/support/facility-factories.js';
import { createAccount } from './support/accounts.js';
import { confirmedBookingThroughApi } from './support/bookings.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, clickWhenReady, fillByLabel, headingOnceItReads, signIn, visit, waitForPath, waitForText } from './support/spa.js';

/** Picks `value` in the <select> labelled `label`. */
async function selectByLabel(page: Page, label: string, value: string): Promise<void> {
  const id = await page.waitForFunction(
    (text) => [...document.querySelectorAll('label')].find((element) => element.textContent?.trim() === text)?.htmlFor || null,
    {},
    label,
  );
  await page.select(`[id="${await id.jsonValue()}"]`, value);
}

/** Sets a date/time input (typing into one depends on the browser's locale). */
async function setInputValue(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (input, text) => ((input as HTMLInputElement).value = text), value);
}

async function rowTexts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (rows) => rows.map((row) => row.textContent ?? ''));
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

describeInBrowser('Operator pages in the browser', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('lists and searches bookings with a CSV export, shows revenue and occupancy, creates and revokes an API key, changes the masked payout account with the password, and edits a car park', async () => {
    const facilityName = `Garage ${unique('Pages')}`;
    const pool = testPool();
    let facilityId: string;
    let owner: { email: string; password: string };
    try {
      // A UTC car park, so that wall-clock inputs and the API's instants read the same.
      const created = await createOperatorWithFacility(pool, {
        name: facilityName,
        city: unique('Pageville'),
        timeZone: 'UTC',
        spaces: { standard: 3 },
        hourlyCents: { standard: 250 },
      });
      facilityId = created.facility.id;
      owner = created.operator.owner;
      await pool.query(
        `UPDATE operators SET payout_kind = 'iban', payout_holder_name = 'Pages GmbH', payout_country = 'DE', payout_bank_hint = '37040044', payout_last4 = '3000' WHERE id = $1`,
        [created.operator.id],
      );
    } finally {
      await pool.end();
    }
    const driver = await createAccount('driver');
    // Two confirmed two-hour bookings three days ahead, at €2.50 an hour.
    const wanted = await confirmedBookingThroughApi(driver, facilityId, 'PG-AB 12');
    const other = await confirmedBookingThroughApi(driver, facilityId, 'XY-ZZ 9');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await visit(page, '/login');
      await signIn(page, owner.email, owner.password);
      await waitForPath(page, '/operator');

      // Bookings: both listed; a search by the plate's beginning keeps one; the CSV has the same filter.
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/bookings"]');
      expect(await headingOnceItReads(page, 'Bookings')).toBe('Bookings');
      await page.waitForSelector(`[data-testid="operator-bookings"] [data-booking-code="${other.code}"]`);
      expect(await rowTexts(page, '[data-testid="operator-bookings"] tbody tr')).toHaveLength(2);
      await fillByLabel(page, 'Plate or booking code', 'pg-ab');
      await clickText(page, 'form[aria-label="Filter bookings"] button[type="submit"]', 'Apply');
      await page.waitForFunction((code) => !document.querySelector(`[data-booking-code="${code}"]`), {}, other.code);
      const listed = await rowTexts(page, '[data-testid="operator-bookings"] tbody tr');
      expect(listed).toHaveLength(1);
      expect(listed[0]).toContain(wanted.code);
      expect(listed[0]).toContain('PG-AB 12');
      expect(new URL(page.url()).searchParams.get('q')).toBe('pg-ab');
      // A new matching booking appears while the list is open, within the socket's latency (the timeout is below the 30 s refetch).
      await page.waitForFunction(() => document.querySelector('.page-header .live-state')?.textContent === 'Live', { timeout: 15_000 });
      const third = await confirmedBookingThroughApi(driver, facilityId, 'PG-AB 77');
      await page.waitForSelector(`[data-testid="operator-bookings"] [data-booking-code="${third.code}"]`, { timeout: 20_000 });
      // The file handed to the browser's save flow is kept for reading (CDP does not keep streamed bodies).
      await page.evaluate(() => {
        const original = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          (window as unknown as { savedFile: Promise<string> }).savedFile = (blob as Blob).text();
          return original(blob);
        };
      });
      const csvResponse = page.waitForResponse((response) => response.url().includes('/api/operator/bookings.csv'));
      await clickText(page, 'button', 'Export CSV');
      const csv = await csvResponse;
      expect(csv.status()).toBe(200);
      expect(new URL(csv.url()).searchParams.get('q')).toBe('pg-ab');
      await page.waitForFunction(() => 'savedFile' in window);
      const csvText = await page.evaluate(() => (window as unknown as { savedFile: Promise<string> }).savedFile);
      expect(csvText.split('\r\n')[0]).toContain('code,facility,space,space_type,start (UTC),end (UTC)');
      expect(csvText).toContain(wanted.code);
      expect(csvText).not.toContain(other.code);
      await screenshot(page, 'operator-bookings-search');

      // Revenue: the three payments of today, with fees and net, and twelve months by month.
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/revenue"]');
      expect(await headingOnceItReads(page, 'Revenue')).toBe('Revenue');
      // The dashboard's copy of these figures predates the third booking: the feed marked it stale, so the page refetches.
      await waitForText(page, '[data-testid="revenue-totals"]', '€15.00');
      const totals = await page.$$eval('[data-testid="revenue-totals"] td', (cells) => cells.map((cell) => cell.textContent));
      expect(totals[0]).toBe('€15.00');
      expect(totals[4]).toBe('3');
      await page.waitForSelector('[data-testid="revenue-chart"] canvas');
      await selectByLabel(page, 'Period', '12m');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="revenue-table-EUR"] tbody tr').length === 12);
      expect(new URL(page.url()).searchParams.get('granularity')).toBe('month');
      await waitForText(page, '[data-testid="revenue-totals"]', '€15.00');
      await screenshot(page, 'operator-revenue');
      // Hourly figures for ten months are more than the API serves: the page says why and offers a retry.
      await visit(page, '/operator/revenue?range=custom&from=2026-01-01&to=2026-10-31&granularity=hour');
      await waitForText(page, '.state--error', 'At hour granularity a range covers at most 93 days.');
      expect(await page.$eval('.state--error button', (button) => button.textContent)).toBe('Try again');

      // Occupancy: the days of the bookings, with the heatmap showing the booked hours.
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/occupancy"]');
      expect(await headingOnceItReads(page, 'Occupancy')).toBe('Occupancy');
      await page.waitForSelector('[data-testid="occupancy-heatmap"]');
      const today = new Date();
      await visit(
        page,
        `/operator/occupancy?range=custom&granularity=day&facilityId=${facilityId}&from=${dayOf(today)}&to=${dayOf(new Date(today.getTime() + 5 * 86_400_000))}`,
      );
      await page.waitForSelector('[data-testid="occupancy-chart"] canvas');
      expect(await rowTexts(page, '[data-testid="occupancy-heatmap"] tbody tr')).toHaveLength(7);
      // Two of the three spaces are booked for the same two hours.
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="occupancy-heatmap"] td')].some((cell) => Number(cell.textContent) > 50));
      await screenshot(page, 'operator-occupancy');

      // Settings: a new key is shown once and works; revoked, it no longer does. The payout account is masked.
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/settings"]');
      expect(await headingOnceItReads(page, 'Settings')).toBe('Settings');
      await waitForText(page, '[data-testid="payout-account"]', '3000');
      expect(await page.$eval('[data-testid="payout-account"]', (element) => element.textContent ?? '')).not.toContain('37040044 0532');
      await fillByLabel(page, 'Key name', 'Fleet app');
      await clickText(page, 'button[type="submit"]', 'Create key');
      const keyElement = await page.waitForSelector('[data-testid="new-api-key-value"]');
      const key = (await keyElement!.evaluate((element) => element.textContent ?? '')).trim();
      expect((await fetch(`${apiUrl()}/api/auth/me`, { headers: { 'x-api-key': key } })).status).toBe(200);
      await waitForText(page, '[data-api-key="Fleet app"]', 'Active');
      await clickText(page, 'button', 'I have saved it');
      await page.waitForFunction(() => !document.querySelector('[data-testid="new-api-key"]'));
      await clickWhenReady(page, 'button[aria-label="Revoke Fleet app"]');
      await clickText(page, 'button', 'Yes, revoke Fleet app');
      await waitForText(page, '[data-api-key="Fleet app"]', 'Revoked');
      expect((await fetch(`${apiUrl()}/api/auth/me`, { headers: { 'x-api-key': key } })).status).toBe(401);

      // After approval the payout account changes only with the current password.
      await clickText(page, 'button', 'Change payout account');
      await fillByLabel(page, 'IBAN', 'GB82 WEST 1234 5698 7654 32');
      await fillByLabel(page, 'Current password', 'not my password');
      await clickText(page, 'form[aria-label="Change payout account"] button[type="submit"]', 'Save new payout account');
      await page.waitForSelector('[data-field-error="currentPassword"]');
      await fillByLabel(page, 'Current password', owner.password);
      await clickText(page, 'form[aria-label="Change payout account"] button[type="submit"]', 'Save new payout account');
      await page.waitForSelector('[data-testid="payout-changed"]');
      await waitForText(page, '[data-testid="payout-account"]', '5432');
      await page.waitForSelector('[data-testid="payout-changed-at"]');
      await screenshot(page, 'operator-settings');

      // Editing the car park: name, hours (a wrong range is named under its day), amenities, height, rate.
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/facilities"]');
      await clickText(page, '[data-testid="facility-table"] a', facilityName);
      expect(await headingOnceItReads(page, facilityName)).toBe(facilityName);
      await clickText(page, 'a', 'Edit car park');
      await waitForPath(page, `/operator/facilities/${facilityId}/edit`);
      const renamed = `${facilityName} Ost`;
      await fillByLabel(page, 'Name', renamed);
      await page.click('input[name="open24x7"]');
      await fillByLabel(page, 'Monday', '07:00-22:00');
      await fillByLabel(page, 'Tuesday', '9-5');
      await page.click('input[name="amenity.cctv"]');
      await fillByLabel(page, 'Height limit (cm)', '210');
      await fillByLabel(page, 'Standard price per hour', '3.00');
      await clickText(page, 'form[aria-labelledby="facility-details"] button[type="submit"]', 'Save changes');
      await page.waitForSelector('[data-field-error="hours.tue"]');
      await fillByLabel(page, 'Tuesday', '07:00-12:00, 13:00-22:00');
      await clickText(page, 'form[aria-labelledby="facility-details"] button[type="submit"]', 'Save changes');
      await waitForText(page, '[data-testid="details-saved"]', 'Changes saved.');
      const tokens = await loginAs(apiUrl(), owner);
      const saved = (await (
        await fetch(`${apiUrl()}/api/facilities/${facilityId}/manage`, { headers: { authorization: bearer(tokens) } })
      ).json()) as ManagedFacility;
      expect(saved.name).toBe(renamed);
      expect(saved.openingHours?.mon).toEqual([['07:00', '22:00']]);
      expect(saved.openingHours?.tue).toEqual([
        ['07:00', '12:00'],
        ['13:00', '22:00'],
      ]);
      expect(saved.openingHours?.wed).toEqual([['00:00', '24:00']]);
      expect(saved.amenities).toEqual(['cctv']);
      expect(saved.heightLimitCm).toBe(210);
      expect(saved.rates.map((rate) => [rate.spaceType, rate.hourlyCents])).toEqual([['standard', 300]]);

      // Spaces: two more in bulk; ticking the booked space with a free one changes neither and names the booking; the free one alone goes.
      await fillByLabel(page, 'Spaces to add', '2');
      await waitForText(page, '[data-testid="new-space-labels"]', 'STANDARD-004 to STANDARD-005');
      await clickText(page, 'form[aria-label="Add spaces"] button[type="submit"]', 'Add spaces');
      await page.waitForSelector('[data-space-label="STANDARD-005"]');
      const bookedLabel = await page.$$eval(
        '[data-testid="space-table-standard"] tbody tr',
        (rows, code) => rows.find((row) => row.textContent?.includes(code))?.getAttribute('data-space-label'),
        wanted.code,
      );
      expect(bookedLabel).toMatch(/^STANDARD-00[1-3]$/);
      await page.click(`input[aria-label="Select ${bookedLabel}"]`);
      await page.click('input[aria-label="Select STANDARD-005"]');
      await clickText(page, '[data-space-type="standard"] button', 'Deactivate selected (2)');
      await waitForText(page, '[data-testid="blocking-bookings"]', wanted.code);
      expect(await page.$eval('[data-space-label="STANDARD-005"]', (row) => row.getAttribute('data-active'))).toBe('true');
      await page.click(`input[aria-label="Select ${bookedLabel}"]`);
      await clickText(page, '[data-space-type="standard"] button', 'Deactivate selected (1)');
      await page.waitForSelector('[data-space-label="STANDARD-005"][data-active="false"]');
      await waitForText(page, '[data-space-label="STANDARD-005"]', 'Inactive');
      await page.waitForFunction(() => !document.querySelector('[data-testid="deactivate-refused"]'));

      // Blackouts: one over the bookings keeps them and lists them; removing it empties the list.
      const start = new Date(new Date(wanted.start).getTime() - 3_600_000).toISOString().slice(0, 16);
      const end = new Date(new Date(wanted.end).getTime() + 3_600_000).toISOString().slice(0, 16);
      await setInputValue(page, 'form[aria-label="Add a blackout"] input[name="start"]', start);
      await setInputValue(page, 'form[aria-label="Add a blackout"] input[name="end"]', end);
      await fillByLabel(page, 'Reason', 'Resurfacing');
      await clickText(page, 'form[aria-label="Add a blackout"] button[type="submit"]', 'Add blackout');
      await waitForText(page, '[data-testid="blackout-created"]', wanted.code);
      await waitForText(page, '[data-testid="blackout-created"]', other.code);
      await waitForText(page, '[data-testid="blackout-table"]', 'Resurfacing');
      await screenshot(page, 'operator-facility-edit');
      await clickWhenReady(page, 'button[aria-label="Remove the blackout Resurfacing"]');
      await waitForText(page, 'section[aria-labelledby="facility-blackouts"]', 'No blackouts');

      // On a phone (375 px) every new page fits without sideways scrolling (wide tables scroll inside their box).
      const phone = await openPage(context, 'phone');
      const readyWhen: Record<string, string> = {
        '/operator/bookings': '[data-testid="operator-bookings"]',
        '/operator/revenue': '[data-testid="revenue-totals"]',
        '/operator/occupancy': '[data-testid="occupancy-heatmap"]',
        '/operator/settings': '[data-testid="api-key-table"]',
        [`/operator/facilities/${facilityId}/edit`]: '[data-testid="space-table-standard"]',
      };
      for (const [path, selector] of Object.entries(readyWhen)) {
        await visit(phone, path);
        await phone.waitForSelector(selector);
        expect({ path, width: await phone.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ path, width: 375 });
      }
      await screenshot(phone, 'operator-facility-edit-375');
      await phone.close();
    } finally {
      await context.close();
    }
  });
  it('shows a new operator without car parks the empty states', async () => {
    const pool = testPool();
    let owner: { email: string; password: string };
    try {
      owner = (await createOperator(pool)).owner;
    } finally {
      await pool.end();
    }
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await visit(page, '/login');
      await signIn(page, owner.email, owner.password);
      await waitForPath(page, '/operator');
      const emptyTitle = (selector: string) => page.$eval(`${selector} .state--empty .state__title`, (element) => element.textContent);
      // Each page once its own heading is there (the dashboard before it has empty states too).
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/bookings"]');
      expect(await headingOnceItReads(page, 'Bookings')).toBe('Bookings');
      await waitForText(page, 'main .state--empty', 'No bookings yet');
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/revenue"]');
      expect(await headingOnceItReads(page, 'Revenue')).toBe('Revenue');
      await waitForText(page, 'main .state--empty', 'No car parks yet');
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/occupancy"]');
      expect(await headingOnceItReads(page, 'Occupancy')).toBe('Occupancy');
      await waitForText(page, 'main .state--empty', 'No car parks yet');
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/settings"]');
      expect(await headingOnceItReads(page, 'Settings')).toBe('Settings');
      await page.waitForSelector('section[aria-labelledby="api-keys"] .state--empty');
      expect(await emptyTitle('section[aria-labelledby="api-keys"]')).toBe('No API keys yet');
      // Approved without a payout account on file: Settings offers to add it right there (onboarding is over).
      await page.waitForSelector('section[aria-labelledby="payout-account"] [data-testid="payout-missing"]');
      await page.waitForSelector('section[aria-labelledby="payout-account"] form[aria-label="Add payout account"]');
    } finally {
      await context.close();
    }
  });
});
