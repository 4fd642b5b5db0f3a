import type pg from 'pg';
import request from 'supertest';
import type { AuthTokens, OccupancyReport, RevenueReport } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { createFacility, createOperator, type TestFacility, type TestOperator } from '../support/facility-factories.js';
import { bearer, loginAs, signedInUser } from '../support/factories.js';
import { insertBooking, insertLedger } from './analytics-helpers.js';

describe('analytics', () => {
  let pool: pg.Pool;
  let api: string;
  let operator: TestOperator;
  let operatorTokens: AuthTokens;
  let newYork: TestFacility;
  let berlin: TestFacility;

  beforeAll(async () => {
    pool = testPool();
    api = apiUrl();
    operator = await createOperator(pool);
    operatorTokens = await loginAs(api, operator.owner);
    newYork = await createFacility(pool, operator, { timeZone: 'America/New_York', currency: 'EUR', spaces: { standard: 2 } });
    berlin = await createFacility(pool, operator, {
      timeZone: 'Europe/Berlin',
      spaces: { standard: 4 },
      openingHours: { mon: [['08:00', '20:00']], tue: [['08:00', '20:00']] },
    });

    // Monday 2 March 2026, 10:00–12:30 in New York (EST, UTC−5).
    const booked = await insertBooking(pool, {
      facilityId: newYork.id,
      spaceId: newYork.spaces.standard![0]!,
      start: '2026-03-02T15:00:00Z',
      end: '2026-03-02T17:30:00Z',
    });
    await insertBooking(pool, {
      facilityId: newYork.id,
      spaceId: newYork.spaces.standard![1]!,
      start: '2026-03-02T15:00:00Z',
      end: '2026-03-02T16:00:00Z',
      status: 'cancelled',
    });
    // Paid at 22:30 on Sunday 1 March in New York; half refunded on Tuesday 3 March.
    await insertLedger(pool, {
      bookingId: booked,
      operatorId: operator.id,
      facilityId: newYork.id,
      at: '2026-03-02T03:30:00Z',
      grossCents: 1000,
      feeCents: 150,
    });
    await insertLedger(pool, {
      bookingId: booked,
      operatorId: operator.id,
      facilityId: newYork.id,
      at: '2026-03-03T12:00:00Z',
      grossCents: 500,
      feeCents: 75,
      kind: 'refund',
    });

    // Berlin: Monday 2 March 2026 09:00–11:00 local (UTC+1) on one of 4 spaces, paid that morning.
    const berlinBooking = await insertBooking(pool, {
      facilityId: berlin.id,
      spaceId: berlin.spaces.standard![0]!,
      start: '2026-03-02T08:00:00Z',
      end: '2026-03-02T10:00:00Z',
    });
    await insertLedger(pool, {
      bookingId: berlinBooking,
      operatorId: operator.id,
      facilityId: berlin.id,
      at: '2026-03-02T07:59:00Z',
      grossCents: 700,
      feeCents: 105,
    });
  });

  afterAll(async () => {
    await pool.end();
  });

  const get = (tokens: AuthTokens, path: string, query: Record<string, string>) => request(api).get(path).set('authorization', bearer(tokens)).query(query);

  describe('GET /api/analytics/revenue', () => {
    it('answers gross, refunds, fees, net and bookings per day in the facility’s zone, empty days included', async () => {
      const res = await get(operatorTokens, '/api/analytics/revenue', { facilityId: newYork.id, from: '2026-03-01', to: '2026-03-04', granularity: 'day' });
      expect(res.status).toBe(200);
      const report = res.body as RevenueReport;
      expect(report).toMatchObject({ facilityId: newYork.id, facilityCount: 1, granularity: 'day', timeZone: 'America/New_York' });
      expect(report.series).toEqual([
        {
          currency: 'EUR',
          totals: { grossCents: 1000, refundCents: -500, feeCents: 75, netCents: 425, bookings: 1 },
          buckets: [
            { bucket: '2026-03-01T00:00', grossCents: 1000, refundCents: 0, feeCents: 150, netCents: 850, bookings: 1 },
            { bucket: '2026-03-02T00:00', grossCents: 0, refundCents: 0, feeCents: 0, netCents: 0, bookings: 0 },
            { bucket: '2026-03-03T00:00', grossCents: 0, refundCents: -500, feeCents: -75, netCents: -425, bookings: 0 },
          ],
        },
      ]);
    });

    it('maps UTC hour buckets to local hours, and sums the whole portfolio without a facilityId', async () => {
      const hourly = (
        await get(operatorTokens, '/api/analytics/revenue', { facilityId: newYork.id, from: '2026-03-01T22:00', to: '2026-03-02T00:00', granularity: 'hour' })
      ).body as RevenueReport;
      expect(hourly.series[0]!.buckets.map((b) => [b.bucket, b.grossCents])).toEqual([
        ['2026-03-01T22:00', 1000],
        ['2026-03-01T23:00', 0],
      ]);

      const portfolio = (await get(operatorTokens, '/api/analytics/revenue', { from: '2026-03-01', to: '2026-04-01', granularity: 'month' }))
        .body as RevenueReport;
      expect(portfolio).toMatchObject({ facilityId: null, facilityCount: 2, timeZone: null });
      expect(portfolio.series[0]!.buckets).toEqual([
        { bucket: '2026-03-01T00:00', grossCents: 1700, refundCents: -500, feeCents: 180, netCents: 1020, bookings: 2 },
      ]);
    });

    it('takes instants with an offset as they are', async () => {
      const res = await get(operatorTokens, '/api/analytics/revenue', {
        facilityId: newYork.id,
        from: '2026-03-02T03:00:00Z',
        to: '2026-03-02T04:00:00Z',
        granularity: 'hour',
      });
      expect(res.body.series[0].buckets).toEqual([{ bucket: '2026-03-01T22:00', grossCents: 1000, refundCents: 0, feeCents: 150, netCents: 850, bookings: 1 }]);
    });
  });

  describe('GET /api/analytics/occupancy', () => {
    it('divides booked by available space-minutes per local hour; cancelled bookings do not count', async () => {
      const res = await get(operatorTokens, '/api/analytics/occupancy', { facilityId: newYork.id, from: '2026-03-02', to: '2026-03-03', granularity: 'hour' });
      expect(res.status).toBe(200);
      const report = res.body as OccupancyReport;
      expect(report.buckets).toHaveLength(24);
      const at = (hour: string) => report.buckets.find((b) => b.bucket === `2026-03-02T${hour}`);
      expect(at('09:00')).toEqual({ bucket: '2026-03-02T09:00', bookedSpaceMinutes: 0, availableSpaceMinutes: 120, percent: 0 });
      expect(at('10:00')).toEqual({ bucket: '2026-03-02T10:00', bookedSpaceMinutes: 60, availableSpaceMinutes: 120, percent: 50 });
      expect(at('12:00')).toEqual({ bucket: '2026-03-02T12:00', bookedSpaceMinutes: 30, availableSpaceMinutes: 120, percent: 25 });
      expect(report.totals).toEqual({ bookedSpaceMinutes: 150, availableSpaceMinutes: 2880, percent: 5.2 });
      // 2 March 2026 is a Monday.
      expect(report.heatmap).toHaveLength(168);
      expect(report.heatmap.find((c) => c.weekday === 1 && c.hour === 10)).toEqual({
        weekday: 1,
        hour: 10,
        bookedSpaceMinutes: 60,
        availableSpaceMinutes: 120,
        percent: 50,
      });
      expect(report.heatmap.find((c) => c.weekday === 2 && c.hour === 10)!.percent).toBeNull();
    });

    it('counts only opening hours as available', async () => {
      const report = (
        await get(operatorTokens, '/api/analytics/occupancy', { facilityId: berlin.id, from: '2026-03-02', to: '2026-03-03', granularity: 'day' })
      ).body as OccupancyReport;
      // Open 08:00–20:00 with 4 spaces: 12 × 60 × 4 = 2880; booked 2 hours on one space.
      expect(report.buckets).toEqual([{ bucket: '2026-03-02T00:00', bookedSpaceMinutes: 120, availableSpaceMinutes: 2880, percent: 4.2 }]);
      expect(report.heatmap.find((c) => c.weekday === 1 && c.hour === 7)!.percent).toBeNull();
    });

    it('follows a booking that is cancelled or moved: the rollup subtracts and adds in the same transaction', async () => {
      const facility = await createFacility(pool, operator, { timeZone: 'UTC', spaces: { standard: 1 } });
      const id = await insertBooking(pool, {
        facilityId: facility.id,
        spaceId: facility.spaces.standard![0]!,
        start: '2026-05-04T10:00:00Z',
        end: '2026-05-04T11:00:00Z',
      });
      const booked = async () =>
        ((await get(operatorTokens, '/api/analytics/occupancy', { facilityId: facility.id, from: '2026-05-04', to: '2026-05-05' })).body as OccupancyReport)
          .totals.bookedSpaceMinutes;
      expect(await booked()).toBe(60);
      await pool.query(`UPDATE bookings SET period = tstzrange('2026-05-04T10:00:00Z', '2026-05-04T13:15:00Z') WHERE id = $1`, [id]);
      expect(await booked()).toBe(195);
      await pool.query(`UPDATE bookings SET status = 'cancelled' WHERE id = $1`, [id]);
      expect(await booked()).toBe(0);
    });
  });

  describe('ranges that start or end inside a day, across a DST change', () => {
    // Berlin, open around the clock, 2 spaces. Clocks go forward at 02:00 on Sunday 29 March 2026.
    let dst: TestFacility;
    const range = { from: '2026-03-28T12:00', to: '2026-03-30T06:00' };

    beforeAll(async () => {
      dst = await createFacility(pool, operator, { timeZone: 'Europe/Berlin', spaces: { standard: 2 } });
      // Saturday 22:00 CET to Sunday 07:00 CEST: 2 hours on the 28th, 6 (not 7) on the 29th.
      const id = await insertBooking(pool, {
        facilityId: dst.id,
        spaceId: dst.spaces.standard![0]!,
        start: '2026-03-28T21:00:00Z',
        end: '2026-03-29T05:00:00Z',
      });
      const paid = (at: string, grossCents: number) =>
        insertLedger(pool, { bookingId: id, operatorId: operator.id, facilityId: dst.id, at, grossCents, feeCents: grossCents / 10 });
      await paid('2026-03-28T10:30:00Z', 4000); // 11:30 local: before the range
      await paid('2026-03-28T11:30:00Z', 1000); // 12:30 local
      await paid('2026-03-30T03:30:00Z', 500); // 05:30 local
      await paid('2026-03-30T04:30:00Z', 3000); // 06:30 local: after the range
    });

    it('counts only the hours of the partial first and last days, and the 23-hour day as it is', async () => {
      const revenue = (await get(operatorTokens, '/api/analytics/revenue', { facilityId: dst.id, ...range, granularity: 'day' })).body as RevenueReport;
      expect(revenue.series[0]!.buckets.map((b) => [b.bucket, b.grossCents, b.bookings])).toEqual([
        ['2026-03-28T00:00', 1000, 1],
        ['2026-03-29T00:00', 0, 0],
        ['2026-03-30T00:00', 500, 1],
      ]);
      const occupancy = (await get(operatorTokens, '/api/analytics/occupancy', { facilityId: dst.id, ...range, granularity: 'day' })).body as OccupancyReport;
      expect(occupancy.buckets.map((b) => [b.bucket, b.bookedSpaceMinutes, b.availableSpaceMinutes])).toEqual([
        ['2026-03-28T00:00', 120, 12 * 60 * 2],
        ['2026-03-29T00:00', 360, 23 * 60 * 2],
        ['2026-03-30T00:00', 0, 6 * 60 * 2],
      ]);
      // The skipped hour (Sunday 02:00) is empty on both sides.
      expect(occupancy.heatmap.find((c) => c.weekday === 7 && c.hour === 2)).toEqual({
        weekday: 7,
        hour: 2,
        bookedSpaceMinutes: 0,
        availableSpaceMinutes: 0,
        percent: null,
      });
    });

    it('gives the same heatmap and per-day sums by day as by hour', async () => {
      const byDay = (await get(operatorTokens, '/api/analytics/occupancy', { facilityId: dst.id, ...range, granularity: 'day' })).body as OccupancyReport;
      const byHour = (await get(operatorTokens, '/api/analytics/occupancy', { facilityId: dst.id, ...range, granularity: 'hour' })).body as OccupancyReport;
      expect(byDay.heatmap).toEqual(byHour.heatmap);
      expect(byDay.totals).toEqual(byHour.totals);
      for (const day of byDay.buckets) {
        const hours = byHour.buckets.filter((h) => h.bucket.slice(0, 10) === day.bucket.slice(0, 10));
        expect(hours.reduce((sum, h) => sum + h.availableSpaceMinutes, 0)).toBe(day.availableSpaceMinutes);
        expect(hours.reduce((sum, h) => sum + h.bookedSpaceMinutes, 0)).toBe(day.bookedSpaceMinutes);
      }
    });
    it('gives the same heatmap by day as by hour over a whole month and the days around it', async () => {
      await insertBooking(pool, { facilityId: dst.id, spaceId: dst.spaces.standard![1]!, start: '2026-02-26T09:10:00Z', end: '2026-02-27T13:20:00Z' });
      await insertBooking(pool, { facilityId: dst.id, spaceId: dst.spaces.standard![1]!, start: '2026-03-11T06:00:00Z', end: '2026-03-11T09:45:00Z' });
      const month = { facilityId: dst.id, from: '2026-02-25', to: '2026-04-03' };
      const byDay = (await get(operatorTokens, '/api/analytics/occupancy', { ...month, granularity: 'day' })).body as OccupancyReport;
      const byHour = (await get(operatorTokens, '/api/analytics/occupancy', { ...month, granularity: 'hour' })).body as OccupancyReport;
      expect(byDay.totals.bookedSpaceMinutes).toBe(120 + 360 + 28 * 60 + 10 + 225);
      expect(byDay.heatmap).toEqual(byHour.heatmap);
      expect(byDay.totals).toEqual(byHour.totals);
    });
  });

  describe('who may see what', () => {
    it('answers 404 on every route to another operator asking for this facility', async () => {
      const other = await signedInUser(pool, api, 'operator');
      await createOperator(pool).then(() => undefined);
      for (const path of ['/api/analytics/revenue', '/api/analytics/occupancy']) {
        const res = await get(other.tokens, path, { facilityId: newYork.id, from: '2026-03-01', to: '2026-03-04' });
        expect(res.status).toBe(404);
        expect(res.body.details.code).toBe('facility_not_found');
        expect((await get(other.tokens, path, { operatorId: operator.id, from: '2026-03-01', to: '2026-03-04' })).status).toBe(404);
      }
      const unknown = await get(operatorTokens, '/api/analytics/revenue', {
        facilityId: '00000000-0000-4000-8000-000000000000',
        from: '2026-03-01',
        to: '2026-03-04',
      });
      expect(unknown.status).toBe(404);
    });

    it('gives an operator without facilities an empty portfolio', async () => {
      const other = await signedInUser(pool, api, 'operator');
      const res = await get(other.tokens, '/api/analytics/revenue', { from: '2026-03-01', to: '2026-03-04' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ facilityCount: 0, series: [] });
    });

    it('lets admins and investors read any facility or operator, but wants a scope; drivers get 403', async () => {
      for (const role of ['admin', 'investor'] as const) {
        const { tokens } = await signedInUser(pool, api, role);
        const one = await get(tokens, '/api/analytics/revenue', { facilityId: newYork.id, from: '2026-03-01', to: '2026-03-04' });
        expect(one.body.series[0].totals.grossCents).toBe(1000);
        const portfolio = await get(tokens, '/api/analytics/occupancy', { operatorId: operator.id, from: '2026-03-02', to: '2026-03-03' });
        expect(portfolio.status).toBe(200);
        expect(portfolio.body.facilityCount).toBeGreaterThanOrEqual(2);
        const unscoped = await get(tokens, '/api/analytics/revenue', { from: '2026-03-01', to: '2026-03-04' });
        expect(unscoped.status).toBe(400);
        expect(unscoped.body.details.code).toBe('scope_required');
      }
      const driver = await signedInUser(pool, api, 'driver');
      expect((await get(driver.tokens, '/api/analytics/revenue', { facilityId: newYork.id, from: '2026-03-01', to: '2026-03-04' })).status).toBe(403);
    });
  });

  describe('presets', () => {
    it('end on each car park’s own today, so what was paid a moment ago counts whatever day the caller’s clock shows', async () => {
      const dateIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
      const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      // A booking for next week, paid a minute ago, in each car park.
      const paidNow = new Date(Date.now() - 60_000).toISOString();
      const nextWeek = Date.now() + 7 * 86_400_000;
      for (const [facility, cents] of [
        [berlin, 2300],
        [newYork, 4100],
      ] as const) {
        const bookingId = await insertBooking(pool, {
          facilityId: facility.id,
          spaceId: facility.spaces.standard![1]!,
          start: new Date(nextWeek).toISOString(),
          end: new Date(nextWeek + 3_600_000).toISOString(),
        });
        await insertLedger(pool, { bookingId, operatorId: operator.id, facilityId: facility.id, at: paidNow, grossCents: cents, feeCents: cents / 10 });
      }

      const before = { berlin: dateIn('Europe/Berlin'), newYork: dateIn('America/New_York') };
      const inBerlin = (await get(operatorTokens, '/api/analytics/revenue', { facilityId: berlin.id, preset: '30d', granularity: 'day' }))
        .body as RevenueReport;
      const portfolio = (await get(operatorTokens, '/api/analytics/revenue', { preset: '30d', granularity: 'day' })).body as RevenueReport;
      const after = { berlin: dateIn('Europe/Berlin'), newYork: dateIn('America/New_York') };
      // The car park's own 30 days: its today and the 29 before (`to` exclusive).
      const berlinToday = inBerlin.to === shift(before.berlin, 1) ? before.berlin : after.berlin;
      expect(inBerlin).toMatchObject({ from: shift(berlinToday, -29), to: shift(berlinToday, 1), timeZone: 'Europe/Berlin' });
      expect(inBerlin.series[0]!.totals.grossCents).toBe(2300);
      expect(inBerlin.series[0]!.buckets).toHaveLength(30);
      // A portfolio across zones: each car park its own days, the answer spanning them all.
      const newYorkToday = portfolio.from === shift(before.newYork, -29) ? before.newYork : after.newYork;
      expect(portfolio).toMatchObject({ facilityId: null, from: shift(newYorkToday, -29), to: shift(berlinToday, 1) });
      expect(portfolio.series[0]!.totals.grossCents).toBe(2300 + 4100);

      const occupancy = await get(operatorTokens, '/api/analytics/occupancy', { facilityId: newYork.id, preset: '12m', granularity: 'month' });
      expect(occupancy.status).toBe(200);
      const [year, month] = newYorkToday.split('-').map(Number) as [number, number];
      expect((occupancy.body as OccupancyReport).from).toBe(new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10));
      expect((occupancy.body as OccupancyReport).buckets).toHaveLength(12);
    });
  });

  describe('validation', () => {
    it.each([
      [{ from: 'yesterday', to: '2026-03-04' }, 'from'],
      [{ from: '2026-03-01', to: '2026-03-04', granularity: 'minute' }, 'granularity'],
      [{ from: '2026-03-01', to: '2026-03-04', facilityId: 'not-a-uuid' }, 'facilityId'],
      [{ to: '2026-03-04' }, 'from'],
      [{}, 'from'],
      [{ preset: 'forever' }, 'preset'],
      [{ preset: '30d', from: '2026-03-01', to: '2026-03-04' }, 'preset'],
    ])('names the bad field of %j with 400', async (query, field) => {
      const res = await get(operatorTokens, '/api/analytics/occupancy', query as Record<string, string>);
      expect(res.status).toBe(400);
      expect(res.body.details.fields.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('refuses an empty, reversed, unreal or too long range', async () => {
      const ask = (query: Record<string, string>) => get(operatorTokens, '/api/analytics/revenue', { facilityId: newYork.id, ...query });
      expect((await ask({ from: '2026-03-04', to: '2026-03-01' })).body.details.code).toBe('invalid_range');
      expect((await ask({ from: '2026-02-30', to: '2026-03-04' })).body.details.code).toBe('invalid_range');
      const long = await ask({ from: '2026-01-01', to: '2026-06-01', granularity: 'hour' });
      expect(long.status).toBe(400);
      expect(long.body.details).toEqual({ code: 'range_too_long', maxDays: 93 });
    });
  });
});
