import type { Page } from 'puppeteer-core';
import type pg from 'pg';
import { testPool, unique } from '../../api/test/support/db.js';
import { createUser } from '../../api/test/support/factories.js';
import { waitForEmail } from '../../api/test/support/mailbox.js';
import { createOperatorWithFacility, type TestFacility } from '../../api/test/support/facility-factories.js';
import { createAccount } from './support/accounts.js';
import { confirmedBookingThroughApi } from './support/bookings.js';
import { pdfText } from '../../test/support/pdf-text.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { clickText, clickWhenReady, headingOnceItReads, pathOf, signIn, visit, waitForPath, waitForText } from './support/spa.js';

/**
 * A booking paid `daysAgo` days ago and since completed, written as the payments module writes
 * one (booking, payment, gross/fee/net ledger lines): the metrics rollups' triggers take it in.
 */
async function bookingPaidDaysAgo(pool: pg.Pool, driverId: string, facility: TestFacility, daysAgo: number, cents: number): Promise<void> {
  const paidAt = new Date(Date.now() - daysAgo * 86_400_000);
  const start = new Date(paidAt.getTime() + 3_600_000);
  const end = new Date(start.getTime() + 2 * 3_600_000);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at, created_at)
     VALUES ($1, $2, $3, $4, 'standard', tstzrange($5, $6), 'pending_payment', 'INV-OLD 1', $7, 'EUR', now() + interval '10 minutes', $8) RETURNING id`,
    [unique('IV').slice(-24), driverId, facility.id, facility.spaces.standard![3], start, end, cents, paidAt],
  );
  const bookingId = rows[0]!.id;
  const payment = await pool.query<{ id: string }>(
    `INSERT INTO payments (booking_id, provider, status, amount_cents, currency, created_at) VALUES ($1, 'sandbox', 'succeeded', $2, 'EUR', $3) RETURNING id`,
    [bookingId, cents, paidAt],
  );
  const fee = Math.round(cents * 0.15);
  await pool.query(
    `INSERT INTO ledger_entries (booking_id, payment_id, operator_id, facility_id, account, amount_cents, currency, occurred_at)
     SELECT $1, $2, $3, $4, a.account::ledger_account, a.amount, 'EUR', $5 FROM unnest($6::text[], $7::bigint[]) AS a(account, amount)`,
    [bookingId, payment.rows[0]!.id, facility.operatorId, facility.id, paidAt, ['gross', 'platform_fee', 'operator_net'], [cents, fee, cents - fee]],
  );
  await pool.query(`UPDATE bookings SET status = 'confirmed', hold_expires_at = NULL, confirmed_at = $2 WHERE id = $1`, [bookingId, paidAt]);
  await pool.query(`UPDATE bookings SET status = 'completed' WHERE id = $1`, [bookingId]);
}

/** The test API's reporting time zone (REPORTING_TIME_ZONE's default): the platform's calendar. */
const PLATFORM_ZONE = 'Europe/Berlin';

const dateIn = (timeZone: string, at = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/**
 * A time zone whose calendar shows another day than the platform's right now (one is behind it
 * half the day, the other ahead of it the other half): the browser reads the portal from there,
 * so "the last 30 days" must still end on the platform's today.
 */
function zoneOnAnotherDay(): string {
  return ['Pacific/Pago_Pago', 'Pacific/Kiritimati'].find((zone) => dateIn(zone) !== dateIn(PLATFORM_ZONE)) ?? 'Pacific/Pago_Pago';
}

/** A KPI card's exact value (its data-value), once the card is rendered. */
async function kpiValue(page: Page, metric: string): Promise<number> {
  await page.waitForSelector(`[data-testid="kpi-${metric}"]`);
  return Number(await page.$eval(`[data-testid="kpi-${metric}"]`, (card) => card.getAttribute('data-value')));
}

/** The shown value of one KPI card once it is rendered. */
async function kpiText(page: Page, metric: string): Promise<string> {
  const card = await page.waitForSelector(`[data-testid="kpi-${metric}"] [data-testid="kpi-value"]`);
  return (await card!.evaluate((element) => element.textContent ?? '')).trim();
}

/** Whether the page itself scrolls sideways (wide tables must scroll inside their own box). */
async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Picks `value` in the <select name=...> of the period form. */
async function pick(page: Page, name: string, value: string): Promise<void> {
  await page.waitForSelector(`form[aria-label="Period"] select[name="${name}"]`);
  await page.select(`form[aria-label="Period"] select[name="${name}"]`, value);
}

/** Every chart canvas under `selector` has been drawn (chart.js sized it). */
async function chartsDrawn(page: Page, selector: string): Promise<number> {
  await page.waitForFunction((sel) => [...document.querySelectorAll(`${sel} canvas`)].some((canvas) => (canvas as HTMLCanvasElement).width > 0), {}, selector);
  return page.$$eval(`${selector} canvas`, (canvases) => canvases.length);
}

/** Keeps what the SPA hands to the browser's save flow (CDP does not keep streamed bodies). */
async function captureSavedFiles(page: Page): Promise<void> {
  await page.evaluate(() => {
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      (window as unknown as { savedFile: Promise<string> }).savedFile = (blob as Blob).arrayBuffer().then((buffer) => {
        let binary = '';
        for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
        return btoa(binary);
      });
      return original(blob);
    };
  });
}

async function savedFile(page: Page): Promise<Buffer> {
  await page.waitForFunction(() => 'savedFile' in window, { timeout: 60_000 });
  const base64 = await page.evaluate(() => (window as unknown as { savedFile: Promise<string> }).savedFile);
  await page.evaluate(() => delete (window as unknown as { savedFile?: unknown }).savedFile);
  return Buffer.from(base64, 'base64');
}

describeInBrowser('Investor portal in the browser', () => {
  let chromium: RunningBrowser;

  beforeAll(async () => {
    chromium = await launchBrowser();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('shows the overview, follows the period in the URL, draws every page, downloads the PDF with the shown figures, emails it and subscribes monthly', async () => {
    // Something to measure: a car park with two paid bookings today, and one paid 45 days ago.
    const pool = testPool();
    let facilityId: string;
    try {
      const created = await createOperatorWithFacility(pool, { name: `Garage ${unique('Inv')}`, city: unique('Investville'), spaces: { standard: 4 } });
      facilityId = created.facility.id;
      await bookingPaidDaysAgo(pool, (await createUser(pool)).id, created.facility, 45, 98_765);
    } finally {
      await pool.end();
    }
    const driver = await createAccount('driver');
    await confirmedBookingThroughApi(driver, facilityId, 'INV-AB 1');
    await confirmedBookingThroughApi(driver, facilityId, 'INV-AB 2');
    const investor = await createAccount('investor');

    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      // The investor's clock is on another day than the platform's: the figures must not care.
      await page.emulateTimezone(zoneOnAnotherDay());
      await visit(page, '/login');
      await signIn(page, investor.email, investor.password);
      await waitForPath(page, '/investor');
      expect(await headingOnceItReads(page, 'Platform overview')).toBe('Platform overview');
      // "Last 30 days" ends on the platform's today, which the page states.
      const platformToday = dateIn(PLATFORM_ZONE);
      const shownDays = (today: string) => {
        const [y, m, d] = today.split('-').map(Number) as [number, number, number];
        const format = (date: Date) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
        return `${format(new Date(Date.UTC(y, m - 1, d - 29)))} – ${format(new Date(Date.UTC(y, m - 1, d)))}`;
      };
      await waitForText(page, '[data-testid="period-summary"]', shownDays(platformToday));

      // The overview: every figure as a card, the chart drawn, live on the platform feed.
      await page.waitForSelector('[data-testid="investor-overview"]');
      expect(await page.$$eval('[data-testid^="kpi-"][data-value]', (cards) => cards.length)).toBe(15);
      const paidLast30 = Number(await page.$eval('[data-testid="kpi-paidBookings"]', (card) => card.getAttribute('data-value')));
      expect(paidLast30).toBeGreaterThanOrEqual(2);
      expect(await chartsDrawn(page, '[data-testid="overview-chart"]')).toBe(1);
      await page.waitForFunction(() => document.querySelector('[data-testid="overview-updated"]')?.textContent?.startsWith('Live'), { timeout: 15_000 });
      expect(await page.$eval('[data-testid="kpi-gmv"] details p', (p) => p.textContent)).toContain('Everything drivers were charged');
      await screenshot(page, 'investor-overview-desktop');

      // A payment elsewhere reaches the open overview through revenue_updated, well before the 30 s poll.
      await confirmedBookingThroughApi(driver, facilityId, 'INV-AB 3');
      await page.waitForFunction(
        (before) => Number(document.querySelector('[data-testid="kpi-paidBookings"]')?.getAttribute('data-value')) > before,
        { timeout: 20_000 },
        paidLast30,
      );

      // Another period: the URL says so, a reload keeps it, and the figures are the new period's
      // (the booking paid 45 days ago counts in the last 12 months, not in the last 30 days).
      const gmvLast30 = await kpiValue(page, 'gmv');
      await pick(page, 'period', '12m');
      await page.waitForFunction(
        (before) => Number(document.querySelector('[data-testid="kpi-gmv"]')?.getAttribute('data-value')) >= before + 98_765,
        { timeout: 15_000 },
        gmvLast30,
      );
      expect(new URL(page.url()).searchParams.get('period')).toBe('12m');
      // Compared with the same months a year earlier: the answer states the days it compared.
      const [platformYear, platformMonth] = dateIn(PLATFORM_ZONE).split('-').map(Number) as [number, number];
      const lastYearFrom = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(platformYear - 1, platformMonth - 1 - 11, 1)),
      );
      await pick(page, 'comparison', 'same_period_last_year');
      await waitForText(page, '[data-testid="period-summary"]', `compared with ${lastYearFrom}`);
      expect(pathOf(page)).toBe('/investor?period=12m&comparison=same_period_last_year');
      const gmvLast12 = await kpiValue(page, 'gmv');
      await page.reload({ waitUntil: 'domcontentloaded' });
      await waitForText(page, '[data-testid="period-summary"]', `compared with ${lastYearFrom}`);
      expect(pathOf(page)).toBe('/investor?period=12m&comparison=same_period_last_year');
      expect(await page.$eval('form[aria-label="Period"] select[name="period"]', (select) => (select as HTMLSelectElement).value)).toBe('12m');
      expect(await kpiValue(page, 'gmv')).toBeGreaterThanOrEqual(gmvLast12);

      // A link to a custom period: three days around the booking paid 45 days ago, which no other
      // test writes into, so the figures are exactly that booking's.
      const day = (offset: number) => {
        const date = new Date(Date.now() + offset * 86_400_000);
        return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
      };
      await visit(page, `/investor?period=custom&from=${day(-46)}&to=${day(-44)}`);
      await page.waitForFunction(() => document.querySelector('[data-testid="kpi-gmv"]')?.getAttribute('data-value') === '98765', { timeout: 15_000 });
      expect(await page.$eval('form[aria-label="Period"] select[name="period"]', (select) => (select as HTMLSelectElement).value)).toBe('custom');
      const shownGmv = await kpiText(page, 'gmv');
      expect(shownGmv).toBe('€987.65');
      expect(await kpiText(page, 'paidBookings')).toBe('1');

      // The PDF of what is shown: a real PDF whose text holds the figure on the card.
      await captureSavedFiles(page);
      await clickText(page, 'button', 'Download PDF');
      await waitForText(page, '[data-testid="report-status"]', 'Saved', 60_000);
      const pdf = await savedFile(page);
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
      const text = await pdfText(pdf);
      expect(text).toContain(shownGmv);
      expect(text).toMatch(new RegExp(`Gross booking value[^\\n]*${shownGmv.replace(/[.$]/g, '\\$&')}`));
      expect(await page.$eval('[data-testid="report-status"]', (element) => element.textContent)).toMatch(
        new RegExp(`Saved aiparksit-platform-overview-${day(-46)}-to-${day(-44)}\\.pdf`),
      );

      // The CSV too.
      await clickText(page, 'button', 'Download CSV');
      await page.waitForFunction(() => /Saved .+\.csv/.test(document.querySelector('[data-testid="report-status"]')?.textContent ?? ''), { timeout: 60_000 });
      const csv = (await savedFile(page)).toString('utf8');
      expect(csv.length).toBeGreaterThan(0);

      // Emailed: the outbox renders the PDF and the local mailbox receives it, attached.
      await clickText(page, 'button', 'Email me this report');
      await waitForText(page, '[data-testid="report-status"]', 'on its way');
      const mailbox = testPool();
      try {
        const email = await waitForEmail(mailbox, investor.email, /report/i, { timeoutMs: 60_000 });
        const { rows } = await mailbox.query<{ filename: string; content_type: string }>(
          `SELECT a.filename, a.content_type FROM mailbox_attachments AS a JOIN mailbox_messages AS m ON m.id = a.message_id
            WHERE lower(m.to_address) = lower($1) AND m.subject = $2`,
          [investor.email, email.subject],
        );
        expect(rows).toEqual([expect.objectContaining({ content_type: 'application/pdf' })]);
      } finally {
        await mailbox.end();
      }

      // The monthly subscription: on, and still on after a reload (it is the server's).
      await clickWhenReady(page, 'input[name="monthly"]:not([disabled])');
      await page.waitForFunction(() => (document.querySelector('input[name="monthly"]') as HTMLInputElement | null)?.checked === true);
      await page.waitForFunction(() => !(document.querySelector('input[name="monthly"]') as HTMLInputElement).disabled);
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => (document.querySelector('input[name="monthly"]') as HTMLInputElement | null)?.checked === true, { timeout: 15_000 });
      await waitForText(page, '[data-testid="report-actions"]', 'next:');

      // Each page draws its charts, keeping the period.
      await clickWhenReady(page, 'nav[aria-label="Investor pages"] a[href^="/investor/revenue"]');
      await page.waitForSelector('[data-testid="revenue-metrics"]');
      expect(pathOf(page)).toBe(`/investor/revenue?period=custom&from=${day(-46)}&to=${day(-44)}`);
      expect(await chartsDrawn(page, '[data-testid="revenue-chart"]')).toBe(1);
      await clickText(page, '.segmented button', 'By currency');
      expect(await chartsDrawn(page, '[data-testid="revenue-chart-by-currency"]')).toBe(1);
      await page.waitForSelector('[data-testid="revenue-top-facilities"] tbody tr');

      await clickWhenReady(page, 'nav[aria-label="Investor pages"] a[href^="/investor/growth"]');
      await page.waitForSelector('[data-testid="growth-metrics"]');
      expect(await chartsDrawn(page, '[data-testid="signups-chart"]')).toBe(1);
      expect(await chartsDrawn(page, '[data-testid="active-drivers-chart"]')).toBe(1);
      expect(await chartsDrawn(page, '[data-testid="supply-chart"]')).toBe(1);

      await clickWhenReady(page, 'nav[aria-label="Investor pages"] a[href^="/investor/market"]');
      await page.waitForSelector('[data-testid="city-table"] tbody tr');
      expect(await page.$$eval('[data-testid="city-map-circle"]', (circles) => circles.length)).toBeGreaterThan(0);
      await page.waitForSelector('[data-testid="demand-heatmap"] tbody tr');
      // Sorting by city name, then reversed.
      await clickText(page, '[data-testid="city-table"] thead button', 'City');
      const ascending = await page.$$eval('[data-testid="city-table"] tbody th', (cells) => cells.map((cell) => cell.textContent ?? ''));
      expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
      expect(await page.$eval('[data-testid="city-table"] thead th', (th) => th.getAttribute('aria-sort'))).toBe('ascending');

      await screenshot(page, 'investor-market-desktop');
    } finally {
      await context.close();
    }

    // A phone (its own profile: a viewport change reloads the page, racing the session's renewal): no page scrolls sideways.
    const phone = await chromium.newContext();
    try {
      const page = await openPage(phone, 'phone');
      await visit(page, '/login');
      await signIn(page, investor.email, investor.password);
      await waitForPath(page, '/investor');
      for (const [path, content] of [
        ['/investor', 'investor-overview'],
        ['/investor/revenue', 'revenue-metrics'],
        ['/investor/growth', 'growth-metrics'],
        ['/investor/market', 'market-metrics'],
      ] as const) {
        await clickWhenReady(page, `nav[aria-label="Investor pages"] a[href^="${path}?"]`);
        await page.waitForSelector(`[data-testid="${content}"]`);
        expect({ path, scrolls: await pageScrollsSideways(page) }).toEqual({ path, scrolls: false });
      }
      await screenshot(page, 'investor-market-phone');
    } finally {
      await phone.close();
    }
  });

  it('lets an admin reach the same pages and keeps a driver out', async () => {
    const admin = await createAccount('admin');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context);
      await visit(page, '/login?next=%2Finvestor%2Fmarket');
      await signIn(page, admin.email, admin.password);
      await waitForPath(page, '/investor/market');
      expect(await headingOnceItReads(page, 'Market')).toBe('Market');
      await page.waitForSelector('[data-testid="market-metrics"], [data-testid="city-table"]');
    } finally {
      await context.close();
    }
    const driver = await createAccount('driver');
    const other = await chromium.newContext();
    try {
      const page = await openPage(other);
      await visit(page, '/login');
      await signIn(page, driver.email, driver.password);
      await waitForPath(page, '/');
      await visit(page, '/investor');
      expect(await headingOnceItReads(page, 'This area is not part of your account')).toBe('This area is not part of your account');
    } finally {
      await other.close();
    }
  });
});
