import { DateTime } from 'luxon';
import type { Page } from 'puppeteer-core';
import type { DataSource } from 'typeorm';
import { fitFacility, fitSeries, historyStartMs } from '../../api/src/forecast/facility-fit.js';
import { hourlyOccupancyFromHourSums } from '../../api/src/forecast/hourly-occupancy.js';
import { ForecastRepository } from '../../api/src/forecast/forecast.repository.js';
import { apiUrl } from '../../api/test/support/api-url.js';
import { paidBooking } from '../../api/test/support/booking-helpers.js';
import { testPool, unique } from '../../api/test/support/db.js';
import { createFacility, createOperator } from '../../api/test/support/facility-factories.js';
import { createUser, signedInUser, type TestAccount } from '../../api/test/support/factories.js';
import { createAccount } from './support/accounts.js';
import { describeInBrowser, launchBrowser, openPage, screenshot, type RunningBrowser } from './support/browser.js';
import { headingOnceItReads, signIn, visit, waitForPath, waitForText } from './support/spa.js';

const ZONE = 'Europe/Berlin';
const CAPACITY = 10;
const HISTORY_WEEKS = 6;
const DAY_MS = 86_400_000;

/**
 * A commuter car park: every space booked from 07:00 local to 16:00, 17:00 or 18:00 (in turn) on
 * each weekday of the last six weeks (completed, so the rollups hold them; the varying evenings
 * give the forecast a band), nothing at weekends, and one paid booking next Monday
 * 09:00–12:00. Its forecast is fitted here as the nightly job fits it, from today's local
 * midnight: the job itself fits every due facility of the database under one lock, which other
 * test files may hold at the same moment.
 */
async function commuterCarPark(nextMonday: DateTime) {
  const pool = testPool();
  try {
    const operator = await createOperator(pool);
    const name = `Commuter ${unique('Garage')}`;
    const facility = await createFacility(pool, operator, { name, timeZone: ZONE, lat: 48.137, lng: 11.575, spaces: { standard: CAPACITY } });
    const midnight = DateTime.now().setZone(ZONE).startOf('day');
    const driver = await createUser(pool, { role: 'driver' });
    await pool.query(
      `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency)
       SELECT 'FW' || substr(md5(random()::text || s.id::text || g.day::text), 1, 10), $1, s.facility_id, s.id, s.space_type,
              tstzrange((g.day::date + time '07:00') AT TIME ZONE $3,
                       (g.day::date + time '16:00' + abs(g.day::date - $4::date) % 3 * interval '1 hour') AT TIME ZONE $3), 'completed', 'B-FW 1', 3000, 'EUR'
         FROM spaces s
        CROSS JOIN generate_series($4::date - $5::int * 7, $4::date - 1, interval '1 day') AS g(day)
        WHERE s.facility_id = $2 AND extract(isodow FROM g.day) <= 5`,
      [driver.id, facility.id, ZONE, midnight.toISODate(), HISTORY_WEEKS],
    );
    const { tokens } = await signedInUser(pool, apiUrl());
    const window = { start: nextMonday.set({ hour: 9 }).toUTC().toISO()!, end: nextMonday.set({ hour: 12 }).toUTC().toISO()! };
    await paidBooking(apiUrl(), tokens, { facilityId: facility.id, ...window, spaceType: 'standard', vehiclePlate: 'B-FW 2' });

    // The repository's own SQL (it asks its DataSource for plain rows only), on the test's pool.
    const query = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows;
    const forecasts = new ForecastRepository({ query, transaction: (work: (manager: unknown) => Promise<void>) => work({ query }) } as unknown as DataSource);
    const originMs = midnight.toMillis();
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const rollups = await forecasts.dailyRollups([facility.id], day(historyStartMs(originMs) - DAY_MS), day(originMs + DAY_MS));
    const { model, errorSpread } = fitFacility(
      { timeZone: ZONE, openingHours: null, capacity: CAPACITY, rollups: rollups.get(facility.id) ?? [], closures: [] },
      originMs,
    );
    const startMs = historyStartMs(originMs);
    const booked = (await forecasts.bookedHoursByType([facility.id], new Date(startMs), new Date(originMs))).get(facility.id)?.get('standard');
    const standard = fitSeries(
      {
        timeZone: ZONE,
        openingHours: null,
        capacity: CAPACITY,
        occupancy: hourlyOccupancyFromHourSums(booked ?? { hours: [], bookedUs: [] }, startMs, originMs),
        closures: [],
      },
      originMs,
    );
    await forecasts.saveModels(
      [facility.id],
      [
        { facilityId: facility.id, spaceType: null, model, errorSpread },
        { facilityId: facility.id, spaceType: 'standard', ...standard },
      ],
    );
    return { id: facility.id, name, owner: operator.owner, window };
  } finally {
    await pool.end();
  }
}

/** The rows of the availability chart's table (hour → cells), once it has the forecast's column. */
async function availabilityTable(page: Page): Promise<Map<string, string[]>> {
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="availability-table"] thead th')].some((th) => th.textContent === 'Expected'));
  const rows = await page.$$eval('[data-testid="availability-table"] tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
  );
  return new Map(rows.map(([hour, ...cells]) => [hour!, cells]));
}

/** A chart under `selector` has been drawn (chart.js sized its canvas). */
async function chartDrawn(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => [...document.querySelectorAll(`${sel} canvas`)].some((canvas) => (canvas as HTMLCanvasElement).width > 0), {}, selector);
}

describeInBrowser('Occupancy forecasts in the browser', () => {
  let chromium: RunningBrowser;
  let park: Awaited<ReturnType<typeof commuterCarPark>>;
  let nextMonday: DateTime;
  let nextSaturday: DateTime;

  beforeAll(async () => {
    const midnight = DateTime.now().setZone(ZONE).startOf('day');
    nextMonday = midnight.plus({ days: 1 });
    while (nextMonday.weekday !== 1) nextMonday = nextMonday.plus({ days: 1 });
    nextSaturday = midnight.plus({ days: 1 });
    while (nextSaturday.weekday !== 6) nextSaturday = nextSaturday.plus({ days: 1 });
    [chromium, park] = await Promise.all([launchBrowser(), commuterCarPark(nextMonday)]);
  });

  afterAll(async () => {
    await chromium?.close();
  });

  const facilityPath = (window: { start: string; end: string }) =>
    `/facilities/${park.id}?start=${encodeURIComponent(window.start)}&end=${encodeURIComponent(window.end)}&type=standard`;

  it('tells a visitor a weekday morning is likely to fill up, when the car park is usually full, and charts the expected level beside what is free', async () => {
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'desktop');
      await visit(page, facilityPath(park.window));
      expect(await headingOnceItReads(page, park.name)).toBe(park.name);
      await waitForText(page, '[data-testid="likely-to-fill-up"]', 'Likely to fill up');
      await waitForText(page, '[data-testid="usually-full-by"]', 'Usually full by 07:30 on weekdays.');

      // Not signed in: levels, on an axis of their own beside the free level of standard spaces.
      await chartDrawn(page, '[data-testid="availability-chart"]');
      expect(await page.$eval('[data-testid="availability-chart"]', (figure) => figure.getAttribute('data-forecast'))).toBe('levels');
      const table = await availabilityTable(page);
      expect(table.get('10:00')).toEqual(['many free', 'Full']);
      expect(table.get('03:00')).toEqual(['many free', 'Quiet']);
      await screenshot(page, 'forecast-facility-visitor-1280');

      // A Saturday stay: nothing to warn of; the car park's habit is still said.
      const saturday = { start: nextSaturday.set({ hour: 10 }).toUTC().toISO()!, end: nextSaturday.set({ hour: 12 }).toUTC().toISO()! };
      await visit(page, facilityPath(saturday));
      await waitForText(page, '[data-testid="usually-full-by"]', 'Usually full by 07:30 on weekdays.');
      expect((await availabilityTable(page)).get('10:00')).toEqual(['many free', 'Quiet']);
      expect(await page.$('[data-testid="likely-to-fill-up"]')).toBeNull();

      // The same hint on the car park's search result, for the searched window.
      const search = new URLSearchParams({ lat: '48.137', lng: '11.575', radius: '100', start: park.window.start, end: park.window.end, type: 'standard' });
      await visit(page, `/search?${search.toString()}`);
      const result = `[data-facility-id="${park.id}"]`;
      await waitForText(page, `${result} [data-testid="likely-to-fill-up"]`, 'Likely to fill up');
      await waitForText(page, `${result} .result__forecast`, 'Usually full by 07:30 on weekdays');
      await screenshot(page, 'forecast-results-1280');
    } finally {
      await context.close();
    }
  });

  it('shows a signed-in driver the spaces booked now beside the spaces expected, hour by hour', async () => {
    const driver = await createAccount('driver');
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'phone');
      await visit(page, '/login');
      await signIn(page, driver.email, driver.password);
      await waitForPath(page, '/');
      await visit(page, facilityPath(park.window));
      await waitForText(page, '[data-testid="likely-to-fill-up"]', 'Likely to fill up');
      await chartDrawn(page, '[data-testid="availability-chart"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="availability-chart"]')?.getAttribute('data-forecast') === 'spaces');
      const table = await availabilityTable(page);
      // Standard spaces free, booked or held, expected: the one booking of 09:00–12:00 against a full weekday.
      const [free, booked, expected] = table.get('10:00')!;
      expect({ free, booked }).toEqual({ free: '9 free', booked: '1' });
      expect(expected).toMatch(/^(9\.[5-9]|10\.0) \(full\)$/);
      expect(table.get('13:00')!.slice(0, 2)).toEqual(['10 free', '0']);
      expect(table.get('03:00')![2]).toMatch(/^0\.[0-4] \(quiet\)$/);
      await screenshot(page, 'forecast-facility-driver-375');
    } finally {
      await context.close();
    }
  });

  it('shows the operator a band for the next 14 days on the occupancy page, and the outlook per day on the dashboard', async () => {
    const owner: TestAccount = park.owner;
    const context = await chromium.newContext();
    try {
      const page = await openPage(context, 'desktop');
      await visit(page, '/login');
      await signIn(page, owner.email, owner.password);
      await waitForPath(page, '/operator');

      // The dashboard: 14 days of the car park, the weekdays expected to fill up, the weekend not.
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="occupancy-outlook"] .outlook__day').length === 14);
      const days = await page.$$eval('[data-testid="occupancy-outlook"] .outlook__day', (items) =>
        items.map((item) => ({ date: item.getAttribute('data-date'), full: item.getAttribute('data-fills-up') === 'true', text: item.textContent ?? '' })),
      );
      expect(days[0]!.date).toBe(DateTime.now().setZone(ZONE).toISODate());
      const monday = days.find((day) => day.date === nextMonday.toISODate())!;
      const saturday = days.find((day) => day.date === nextSaturday.toISODate())!;
      expect(monday).toMatchObject({ full: true, text: expect.stringContaining('Likely full') });
      expect(monday.text).toMatch(/peak (9\.\d|10)\/10 at 07:00/);
      expect(saturday).toMatchObject({ full: false, text: expect.stringMatching(/^Sat \d+0 %quiet all day$/) });
      await waitForText(page, '[data-testid="occupancy-outlook"] .outlook__lead', 'usually full by 07:30 on weekdays');
      await screenshot(page, 'forecast-operator-dashboard-1280');

      // "Hour by hour" opens the occupancy page on this car park: the expected line in its band.
      await page.$eval('[data-testid="occupancy-outlook"] .outlook__lead a', (link) => (link as HTMLAnchorElement).click());
      expect(await headingOnceItReads(page, 'Occupancy')).toBe('Occupancy');
      await waitForText(page, '#occupancy-forecast', park.name);
      await chartDrawn(page, '[data-testid="forecast-band-chart"]');
      await waitForText(page, '[data-testid="forecast-band-chart"] figcaption', 'the shaded band is where about 8 hours in 10 should land');
      const outlook = await page.$$eval('[data-testid="forecast-days-table"] tbody tr', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
      );
      expect(outlook).toHaveLength(14);
      const mondayRow = outlook.find(
        (row) =>
          row[0] ===
          new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
            Date.UTC(nextMonday.year, nextMonday.month - 1, nextMonday.day),
          ),
      )!;
      expect(mondayRow[1]).toMatch(/^07:00: (9\.\d|10) of 10$/);
      expect(mondayRow[4]).toBe('Yes');
      // The evenings varied: their hours have a likely range around the expected figure.
      const ranges = await page.$$eval('[data-testid="forecast-hours-table"] tbody tr td:last-child', (cells) => cells.map((cell) => cell.textContent ?? ''));
      expect(ranges.filter((range) => /^\d+(\.\d)?–\d+(\.\d)?$/.test(range) && range.split('–')[0] !== range.split('–')[1]).length).toBeGreaterThan(0);
      await screenshot(page, 'forecast-operator-occupancy-1280');

      // One space type at a time: standard is all this car park has; it has no EV spaces to forecast.
      await page.select('#occupancy-forecast ~ .forecast-type-picker select', 'standard');
      await waitForText(page, '[data-testid="occupancy-forecast"]', 'Standard spaces: forecast from');
      await page.select('#occupancy-forecast ~ .forecast-type-picker select', 'ev');
      await waitForText(page, '[data-testid="occupancy-forecast"]', 'no EV charging spaces, or none of them booked yet');

      const phone = await openPage(context, 'phone');
      await visit(phone, '/operator');
      await phone.waitForFunction(() => document.querySelectorAll('[data-testid="occupancy-outlook"] .outlook__day').length === 14);
      await screenshot(phone, 'forecast-operator-dashboard-375');
      await visit(phone, `/operator/occupancy?facilityId=${park.id}`);
      await chartDrawn(phone, '[data-testid="forecast-band-chart"]');
      await screenshot(phone, 'forecast-operator-occupancy-375');
    } finally {
      await context.close();
    }
  });
});
