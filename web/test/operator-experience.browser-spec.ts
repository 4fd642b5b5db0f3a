import type { Page } from 'puppeteer-core';
import { SANDBOX_TEST_CARDS, type BookingView } from '@aiparksit/shared';
import { apiUrl } from '../../api/test/support/api-url.js';
import { testPool, unique } from '../../api/test/support/db.js';
import { bearer, loginAs } from '../../api/test/support/factories.js';
import { createOperatorWithFacility, type TestFacility, type TestOperator } from '../../api/test/support/facility-factories.js';
import { createAccount, type TestAccount } from './support/accounts.js';
import { confirmedBookingThroughApi } from './support/bookings.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, clickWhenReady, fillByLabel, headingOnceItReads, signIn, visit, waitForPath, waitForText } from './support/spa.js';

/** A driver's call to the API, with a fresh Idempotency-Key for POSTs. */
async function driverCall<T>(driver: TestAccount, method: 'POST', path: string, body: unknown, expected: number): Promise<T> {
  const tokens = await loginAs(apiUrl(), driver);
  const response = await fetch(`${apiUrl()}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: bearer(tokens), 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** A two-hour hold `daysAhead` days ahead, not yet paid. */
function holdThroughApi(driver: TestAccount, facilityId: string, vehiclePlate: string, daysAhead: number): Promise<BookingView> {
  const start = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + daysAhead * 86_400_000);
  return driverCall<BookingView>(
    driver,
    'POST',
    '/api/bookings',
    { facilityId, start: start.toISOString(), end: new Date(start.getTime() + 2 * 3_600_000).toISOString(), spaceType: 'standard', vehiclePlate },
    201,
  );
}

/** The feed line of a booking: what it says happened, and how many lines the booking has. */
async function feedLine(page: Page, code: string): Promise<{ happened: string | null; text: string; lines: number }> {
  return page.$$eval(`[data-testid="live-feed"] [data-feed-booking="${code}"]`, (lines) => ({
    happened: lines[0]?.getAttribute('data-feed-happened') ?? null,
    text: lines[0]?.textContent ?? '',
    lines: lines.length,
  }));
}

async function waitForFeed(page: Page, code: string, happened: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (c, h) => document.querySelector(`[data-testid="live-feed"] [data-feed-booking="${c}"]`)?.getAttribute('data-feed-happened') === h,
    { timeout },
    code,
    happened,
  );
}

describeInBrowser('Operator experience in the browser', () => {
  let chromium: RunningBrowser;
  let operator: TestOperator;
  let facility: TestFacility;
  let driver: TestAccount;

  beforeAll(async () => {
    chromium = await launchBrowser();
    const pool = testPool();
    try {
      // An approved operator with no payout account on file yet, and a Berlin car park with long names in it.
      ({ operator, facility } = await createOperatorWithFacility(pool, {
        name: `Parkhaus Alexanderplatz ${unique('Ost')}`.slice(0, 40),
        city: unique('Berlin'),
        timeZone: 'Europe/Berlin',
        spaces: { standard: 6, ev: 2 },
      }));
    } finally {
      await pool.end();
    }
    driver = await createAccount('driver');
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('shows the dashboard at 1280 px on one header row, recent bookings without inner scrolling, and the live feed saying what happened', async () => {
    const first = await confirmedBookingThroughApi(driver, facility.id, 'B-RT 1001');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await visit(page, '/login');
      await signIn(page, operator.owner.email, operator.owner.password);
      await waitForPath(page, '/operator');
      await page.waitForSelector(`[data-testid="recent-bookings"] [data-booking-code="${first.code}"]`);

      // The top bar is one row, and every navigation item is visible without scrolling it.
      const header = await page.evaluate(() => {
        const inner = document.querySelector('.topbar__inner')!;
        const tops = [...inner.children].map((child) => Math.round(child.getBoundingClientRect().top + child.getBoundingClientRect().height / 2));
        const nav = document.querySelector<HTMLElement>('nav[aria-label="Main"]')!;
        return { rows: new Set(tops.map((top) => Math.round(top / 8))).size, navScrolls: nav.scrollWidth > nav.clientWidth };
      });
      expect(header).toEqual({ rows: 1, navScrolls: false });
      // Recent bookings: code, car park and window each on one line; status and amount inside the box.
      const table = await page.$eval('[data-testid="recent-bookings"]', (element) => {
        const box = element.parentElement!;
        const row = element.querySelector('tbody tr')!;
        const lineHeight = parseFloat(getComputedStyle(row.querySelector('td')!).lineHeight) || 24;
        return {
          scrolls: box.scrollWidth > box.clientWidth,
          wrapped: [...row.children].filter((cell) => cell.getBoundingClientRect().height - 20 > lineHeight * 1.5).length,
          headers: [...element.querySelectorAll('thead th')].map((th) => th.textContent),
        };
      });
      expect(table).toEqual({ scrolls: false, wrapped: 0, headers: ['Code', 'Car park', 'When', 'Status', 'Amount'] });
      await page.waitForFunction(() => document.querySelector('#live-feed .live-state')?.textContent === 'Live', { timeout: 15_000 });
      await screenshot(page, 'operator-dashboard-1280');

      // A hold appears as "Hold"; paid, the same line says "Paid".
      const paid = await holdThroughApi(driver, facility.id, 'B-RT 2002', 4);
      await waitForFeed(page, paid.code, 'hold');
      expect((await feedLine(page, paid.code)).text).toContain('Hold');
      await driverCall(
        driver,
        'POST',
        '/api/payments',
        { bookingId: paid.id, card: { number: SANDBOX_TEST_CARDS.succeeds, expMonth: 12, expYear: 2039, cvc: '123' } },
        201,
      );
      await waitForFeed(page, paid.code, 'paid');
      expect(await feedLine(page, paid.code)).toMatchObject({ lines: 1, text: expect.stringContaining('Paid') });

      // A hold the driver drops says "Cancelled"; one left unpaid says "Expired" when the hold lapses (the lifecycle job releases it).
      const dropped = await holdThroughApi(driver, facility.id, 'B-RT 3003', 5);
      const lapsing = await holdThroughApi(driver, facility.id, 'B-RT 4004', 6);
      await waitForFeed(page, lapsing.code, 'hold');
      await driverCall(driver, 'POST', `/api/bookings/${dropped.id}/cancel`, {}, 200);
      await waitForFeed(page, dropped.code, 'cancelled');
      expect(await feedLine(page, dropped.code)).toMatchObject({ lines: 1, text: expect.stringContaining('Cancelled') });
      const pool = testPool();
      try {
        await pool.query(`UPDATE bookings SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [lapsing.id]);
      } finally {
        await pool.end();
      }
      await waitForFeed(page, lapsing.code, 'expired', 60_000);
      expect(await feedLine(page, lapsing.code)).toMatchObject({ lines: 1, text: expect.stringContaining('Expired') });
      await screenshot(page, 'operator-live-feed');

      // Bookings: newest first, so the last hold is on page 1; a row opens the read-only booking with its payment.
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/bookings"]');
      expect(await headingOnceItReads(page, 'Bookings')).toBe('Bookings');
      await page.waitForSelector(`[data-testid="operator-bookings"] [data-booking-code="${lapsing.code}"]`);
      const codes = await page.$$eval('[data-testid="operator-bookings"] tbody tr', (rows) => rows.map((row) => row.getAttribute('data-booking-code')));
      expect(codes.slice(0, 4)).toEqual([lapsing.code, dropped.code, paid.code, first.code]);
      await page.select('[data-testid="booking-sort"]', 'start_asc');
      await page.waitForFunction(
        (code) => document.querySelector('[data-testid="operator-bookings"] tbody tr')?.getAttribute('data-booking-code') === code,
        {},
        first.code,
      );
      expect(new URL(page.url()).searchParams.get('sort')).toBe('start_asc');
      await clickText(page, `[data-testid="operator-bookings"] [data-booking-code="${paid.code}"] a`, paid.code);
      await waitForPath(page, `/operator/bookings/${paid.id}`);
      expect(await headingOnceItReads(page, paid.code)).toBe(paid.code);
      // The section's item stays current on the booking's own page.
      expect(await page.$eval('nav[aria-label="Main"] [aria-current="page"]', (link) => link.textContent)).toBe('Bookings');
      await waitForText(page, '[data-testid="booking-payments"]', 'Visa ending 4242');
      await waitForText(page, '[data-testid="operator-booking"]', 'B-RT 2002');
      await waitForText(page, '[data-testid="operator-booking"]', 'No refunds.');
      expect(await page.$$('button')).toHaveLength(1); // Sign out only: the page changes nothing.
      await screenshot(page, 'operator-booking-detail');
    } finally {
      await context.close();
    }
  });

  it('shows occupancy with a legend, every hour, and a scale fitted to the data', async () => {
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await visit(page, '/login');
      await signIn(page, operator.owner.email, operator.owner.password);
      await waitForPath(page, '/operator');
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/occupancy"]');
      expect(await headingOnceItReads(page, 'Occupancy')).toBe('Occupancy');
      await page.waitForSelector('[data-testid="occupancy-heatmap"] [data-testid="heatmap-legend"]');
      const heatmap = await page.$eval('[data-testid="occupancy-heatmap"]', (element) => {
        const box = element.querySelector('.table-scroll')!;
        return {
          layout: element.getAttribute('data-layout'),
          hours: element.querySelectorAll('thead th').length,
          fits: box.scrollWidth <= box.clientWidth,
          legend: element.querySelector('[data-testid="heatmap-legend"]')!.textContent,
        };
      });
      expect(heatmap).toMatchObject({ layout: 'hours-across', hours: 24, fits: true });
      expect(heatmap.legend).toContain('0 %');
      expect(heatmap.legend).toContain('closed');
      // A few bookings over six spaces make a small occupancy: the axis stops well below 100 %.
      const scaleMax = await page.$eval('[data-testid="occupancy-scale"]', (element) => Number(element.getAttribute('data-scale-max')));
      expect(scaleMax).toBeLessThan(100);
      await screenshot(page, 'operator-occupancy-legend');

      // On a phone the hours are the rows: all 24 still there without sideways scrolling.
      const phone = await openPage(context, 'phone');
      await visit(phone, '/operator/occupancy');
      await phone.waitForSelector('[data-testid="occupancy-heatmap"][data-layout="hours-down"]');
      expect(await phone.$$eval('[data-testid="occupancy-heatmap"] tbody tr', (rows) => rows.length)).toBe(24);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
      await phone.close();
    } finally {
      await context.close();
    }
  });

  it('reaches the payout account from Settings and adds it there once approved', async () => {
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await visit(page, '/login');
      await signIn(page, operator.owner.email, operator.owner.password);
      await waitForPath(page, '/operator');
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/settings"]');
      expect(await headingOnceItReads(page, 'Settings')).toBe('Settings');
      await page.waitForSelector('[data-testid="payout-missing"]');
      await fillByLabel(page, 'Account holder', 'Test Parking GmbH');
      await fillByLabel(page, 'IBAN', 'DE89 3704 0044 0532 0130 00');
      await fillByLabel(page, 'Current password', operator.owner.password);
      await clickText(page, 'form[aria-label="Add payout account"] button[type="submit"]', 'Save payout account');
      await waitForText(page, '[data-testid="payout-account"]', '3000');
      await page.waitForSelector('[data-testid="payout-changed"]');
      // Onboarding, now done, points back to where the account lives.
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/onboarding"]');
      await clickText(page, '[data-testid="application-status"] a', 'Settings');
      await waitForPath(page, '/operator/settings');
      await waitForText(page, '[data-testid="payout-account"]', '3000');
    } finally {
      await context.close();
    }
  });

  it('adds ten EV spaces at once and deactivates and reactivates spaces in bulk', async () => {
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await visit(page, '/login');
      await signIn(page, operator.owner.email, operator.owner.password);
      await waitForPath(page, '/operator');
      await visit(page, `/operator/facilities/${facility.id}/edit`);
      await page.waitForSelector('[data-testid="space-counts-ev"]');
      await fillByLabel(page, 'Spaces to add', '10');
      await page.select('form[aria-label="Add spaces"] select', 'ev');
      await waitForText(page, '[data-testid="new-space-labels"]', 'EV-003 to EV-012');
      await clickText(page, 'form[aria-label="Add spaces"] button[type="submit"]', 'Add spaces');
      await waitForText(page, '[data-testid="space-counts-ev"]', '12 active · 0 inactive');
      await page.waitForSelector('[data-space-label="EV-012"]');

      // Tick two EV spaces and take them out of service; bring one back.
      await page.click('input[aria-label="Select EV-011"]');
      await page.click('input[aria-label="Select EV-012"]');
      await clickText(page, '[data-space-type="ev"] button', 'Deactivate selected (2)');
      await waitForText(page, '[data-testid="space-counts-ev"]', '10 active · 2 inactive');
      await waitForText(page, '[data-testid="spaces-changed"]', '2 spaces out of service');
      await page.click('input[aria-label="Select EV-012"]');
      await clickText(page, '[data-space-type="ev"] button', 'Reactivate selected (1)');
      await waitForText(page, '[data-testid="space-counts-ev"]', '11 active · 1 inactive');

      // "Deactivate 3 of Standard": the free ones, highest numbers first.
      await fillByLabel(page, 'Spaces to deactivate', '3');
      await page.select('form[aria-label="Deactivate spaces of a type"] select', 'standard');
      await clickText(page, 'form[aria-label="Deactivate spaces of a type"] button', 'Deactivate');
      await waitForText(page, '[data-testid="space-counts-standard"]', 'inactive');
      await page.waitForFunction(() => /[0-9]+ active · 3 inactive/.test(document.querySelector('[data-testid="space-counts-standard"]')?.textContent ?? ''));
      await screenshot(page, 'operator-spaces-bulk');
    } finally {
      await context.close();
    }
  });

  it('turns the operator tables into cards at 375 px and keeps the current nav item in view', async () => {
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'phone');
      await visit(page, '/login');
      await signIn(page, operator.owner.email, operator.owner.password);
      await waitForPath(page, '/operator');
      const checks: [string, string][] = [
        ['/operator', '[data-testid="recent-bookings"]'],
        ['/operator/bookings', '[data-testid="operator-bookings"]'],
        ['/operator/settings', '[data-testid="payout-account"]'],
      ];
      for (const [path, selector] of checks) {
        await visit(page, path);
        await page.waitForSelector(`${selector}`);
        expect({ path, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ path, width: 375 });
      }
      await visit(page, '/operator/bookings');
      await page.waitForSelector('[data-testid="operator-bookings"] tbody tr');
      const card = await page.$eval('[data-testid="operator-bookings"] tbody tr', (row) => ({
        display: getComputedStyle(row).display,
        label: getComputedStyle(row.querySelector('td[data-label="Amount"]')!, '::before').content,
        headerHidden: (row.closest('table')!.querySelector('thead') as HTMLElement).getBoundingClientRect().height <= 1,
      }));
      expect(card).toEqual({ display: 'block', label: '"Amount"', headerHidden: true });
      await screenshot(page, 'operator-bookings-375');

      // The nav scrolls sideways on a phone; the current page's item is scrolled into view.
      await clickWhenReady(page, 'nav[aria-label="Main"] a[href="/operator/settings"]');
      expect(await headingOnceItReads(page, 'Settings')).toBe('Settings');
      await page.waitForFunction(() => {
        const nav = document.querySelector('nav[aria-label="Main"]')!.getBoundingClientRect();
        const active = document.querySelector('nav[aria-label="Main"] [aria-current="page"]')?.getBoundingClientRect();
        return Boolean(active) && active!.left >= nav.left - 1 && active!.right <= nav.right + 1;
      });
      await screenshot(page, 'operator-nav-375');
    } finally {
      await context.close();
    }
  });
});
