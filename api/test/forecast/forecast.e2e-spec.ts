import { DateTime } from 'luxon';
import type pg from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { AuthTokens, FacilityForecast, ForecastBadges, OperatorFacilityForecast } from '@aiparksit/shared';
import type { AppConfig } from '../../src/config/index.js';
import { createDataSource } from '../../src/database/data-source.js';
import { ForecastFitJob } from '../../src/forecast/forecast.job.js';
import { ForecastRepository, type FittedModelRow } from '../../src/forecast/forecast.repository.js';
import { ForecastFitService } from '../../src/forecast/forecast-fit.service.js';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { createFacility, createOperator, type TestFacility, type TestOperator } from '../support/facility-factories.js';
import { bearer, createUser, loginAs, signedInUser } from '../support/factories.js';

const ZONE = 'Europe/Berlin';
const HISTORY_WEEKS = 6;
const CAPACITY = 10;
const MIXED_STANDARD = 6;
const MIXED_EV = 4;

/** The repository of one "instance", noting every model it writes: `facility id/space type`, or `facility id/all` for the whole facility's. */
class RecordingRepository extends ForecastRepository {
  constructor(
    dataSource: DataSource,
    private readonly saved: string[],
  ) {
    super(dataSource);
  }

  override async saveModels(facilityIds: string[], models: FittedModelRow[]): Promise<void> {
    this.saved.push(...models.map((m) => `${m.facilityId}/${m.spaceType ?? 'all'}`));
    await super.saveModels(facilityIds, models);
  }
}

/** The nightly job as one API instance runs it, on its own connections. */
function jobOn(dataSource: DataSource, saved: string[] = []): ForecastFitJob {
  return new ForecastFitJob(new ForecastFitService(new RecordingRepository(dataSource, saved)), { values: { forecastFitOnStart: false } } as AppConfig);
}

describe('occupancy forecasts', () => {
  let pool: pg.Pool;
  let api: string;
  let instances: DataSource[];
  let operator: TestOperator;
  let ownerTokens: AuthTokens;
  let otherOperatorTokens: AuthTokens;
  let driverTokens: AuthTokens;
  /** Full on weekdays 07:00–17:00 local for the last six weeks, empty otherwise; around the clock. */
  let commuter: TestFacility;
  /** No booking ever. */
  let quiet: TestFacility;
  /**
   * Standard and EV spaces with histories of their own: every EV space taken 07:00–11:00 local on
   * weekdays, one standard space of six 12:00–14:00 on weekdays.
   */
  let mixed: TestFacility;
  let unlisted: TestFacility;
  /** The fit's "now": today's local midnight, so the history holds whole days only. */
  let fitAt: Date;
  let nextMonday: DateTime;
  let nextSaturday: DateTime;

  beforeAll(async () => {
    pool = testPool();
    api = apiUrl();
    instances = [0, 1].map((i) => createDataSource({ url: process.env['DATABASE_URL']!, poolSize: 3, applicationName: `aiparksit-forecast-test-${i}` }));
    await Promise.all(instances.map((d) => d.initialize()));
    operator = await createOperator(pool);
    ownerTokens = await loginAs(api, operator.owner);
    otherOperatorTokens = await loginAs(api, (await createOperator(pool)).owner);
    driverTokens = (await signedInUser(pool, api)).tokens;
    commuter = await createFacility(pool, operator, { timeZone: ZONE, spaces: { standard: CAPACITY } });
    quiet = await createFacility(pool, operator, { timeZone: ZONE, spaces: { standard: 4 } });
    unlisted = await createFacility(pool, operator, { timeZone: ZONE, spaces: { standard: 2 }, published: false });
    mixed = await createFacility(pool, operator, { timeZone: ZONE, spaces: { standard: MIXED_STANDARD, ev: MIXED_EV } });

    const midnight = DateTime.now().setZone(ZONE).startOf('day');
    fitAt = midnight.toJSDate();
    nextMonday = midnight.plus({ days: 1 });
    while (nextMonday.weekday !== 1) nextMonday = nextMonday.plus({ days: 1 });
    nextSaturday = midnight.plus({ days: 1 });
    while (nextSaturday.weekday !== 6) nextSaturday = nextSaturday.plus({ days: 1 });

    // Every space booked 07:00–17:00 local on each weekday of the last six weeks (completed: the rollups count it).
    const driver = await createUser(pool, { role: 'driver' });
    await pool.query(
      `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency)
       SELECT 'FC' || substr(md5(random()::text || s.id::text || g.day::text), 1, 10), $1, s.facility_id, s.id, s.space_type,
              tstzrange((g.day::date + time '07:00') AT TIME ZONE $3, (g.day::date + time '17:00') AT TIME ZONE $3), 'completed', 'B-FC 1', 3000, 'EUR'
         FROM spaces s
        CROSS JOIN generate_series($4::date - $5::int * 7, $4::date - 1, interval '1 day') AS g(day)
        WHERE s.facility_id = $2 AND extract(isodow FROM g.day) <= 5`,
      [driver.id, commuter.id, ZONE, midnight.toISODate(), HISTORY_WEEKS],
    );
    await pool.query(
      `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency)
       SELECT 'FT' || substr(md5(random()::text || s.id::text || g.day::text), 1, 10), $1, s.facility_id, s.id, s.space_type,
              CASE WHEN s.space_type = 'ev' THEN tstzrange((g.day::date + time '07:00') AT TIME ZONE $3, (g.day::date + time '11:00') AT TIME ZONE $3)
                   ELSE tstzrange((g.day::date + time '12:00') AT TIME ZONE $3, (g.day::date + time '14:00') AT TIME ZONE $3) END,
              'completed', 'B-FT 1', 3000, 'EUR'
         FROM spaces s
        CROSS JOIN generate_series($4::date - $5::int * 7, $4::date - 1, interval '1 day') AS g(day)
        WHERE s.facility_id = $2 AND extract(isodow FROM g.day) <= 5 AND (s.space_type = 'ev' OR s.id = $6)`,
      [driver.id, mixed.id, ZONE, midnight.toISODate(), HISTORY_WEEKS, mixed.spaces.standard![0]],
    );
  });

  afterAll(async () => {
    await Promise.all(instances.map((d) => d.destroy()));
    await pool.end();
  });

  const ours = () => [commuter.id, quiet.id, unlisted.id, mixed.id];
  /** The models the fit writes for our facilities: the whole facility's and each type's. */
  const ourModels = () =>
    [...[commuter, quiet, unlisted].flatMap((f) => [`${f.id}/all`, `${f.id}/standard`]), `${mixed.id}/all`, `${mixed.id}/standard`, `${mixed.id}/ev`].sort();
  const isOurs = (saved: string) => ours().includes(saved.split('/')[0]!);

  describe('the nightly fit', () => {
    it('fits each facility and each of its space types once when two instances start it at the same moment', async () => {
      await pool.query(`DELETE FROM occupancy_forecasts WHERE facility_id = ANY($1)`, [ours()]);
      await pool.query(`DELETE FROM occupancy_type_forecasts WHERE facility_id = ANY($1)`, [ours()]);
      const saved: string[][] = [[], []];
      const runs = await Promise.all(instances.map((d, i) => jobOn(d, saved[i]).run(fitAt)));

      expect(runs.map((r) => r?.outcome)).toContain('fitted');
      expect(saved.flat().filter(isOurs).sort()).toEqual(ourModels());

      // Started again (by either instance) the same night, it finds them fitted.
      const again: string[] = [];
      await jobOn(instances[1]!, again).run(fitAt);
      expect(again.filter(isOurs)).toEqual([]);
    });

    it('fits each space type on its own bookings and spaces, and drops the model of a type that is gone', async () => {
      await jobOn(instances[0]!).run(fitAt);
      const typeModels = async (facilityId: string) =>
        (
          await pool.query<{ type: string; capacity: number; mondayNine: number; mondayOne: number }>(
            `SELECT space_type AS type, capacity, level * profile[1 + 9] AS "mondayNine", level * profile[1 + 13] AS "mondayOne"
               FROM occupancy_type_forecasts WHERE facility_id = $1 ORDER BY space_type`,
            [facilityId],
          )
        ).rows;
      const [standard, ev] = await typeModels(mixed.id);
      expect(standard).toMatchObject({ type: 'standard', capacity: MIXED_STANDARD });
      expect(ev).toMatchObject({ type: 'ev', capacity: MIXED_EV });
      expect(ev!.mondayNine).toBeCloseTo(MIXED_EV, 1);
      expect(ev!.mondayOne).toBeCloseTo(0, 3);
      expect(standard!.mondayNine).toBeCloseTo(0, 3);
      expect(standard!.mondayOne).toBeCloseTo(1, 1);

      // A facility whose last space of a type is retired loses that type's model at its next fit.
      const retiring = await createFacility(pool, operator, { timeZone: ZONE, spaces: { standard: 1, motorcycle: 1 } });
      await jobOn(instances[0]!).run(fitAt);
      expect((await typeModels(retiring.id)).map((m) => m.type)).toEqual(['standard', 'motorcycle']);
      await pool.query(`UPDATE spaces SET active = false WHERE id = $1`, [retiring.spaces.motorcycle![0]]);
      await pool.query(`UPDATE occupancy_forecasts SET fitted_at = fitted_at - interval '3 days' WHERE facility_id = $1`, [retiring.id]);
      await jobOn(instances[0]!).run(fitAt);
      expect((await typeModels(retiring.id)).map((m) => m.type)).toEqual(['standard']);
    });

    it('stores the weekly pattern of the history: full weekday working hours, empty weekends', async () => {
      await jobOn(instances[0]!).run(fitAt);
      const { rows } = await pool.query<{ capacity: number; weeks: number; origin: Date; mondayTen: number; saturdayTen: number; mondayThree: number }>(
        `SELECT capacity, weeks_fitted AS weeks, origin, level * profile[1 + 10] AS "mondayTen", level * profile[1 + 5 * 24 + 10] AS "saturdayTen",
                level * profile[1 + 3] AS "mondayThree"
           FROM occupancy_forecasts WHERE facility_id = $1`,
        [commuter.id],
      );
      expect(rows).toHaveLength(1);
      const model = rows[0]!;
      expect(model.capacity).toBe(CAPACITY);
      expect(model.weeks).toBeGreaterThanOrEqual(HISTORY_WEEKS - 1);
      expect(model.origin.toISOString()).toBe(fitAt.toISOString());
      expect(model.mondayTen).toBeCloseTo(CAPACITY, 1);
      expect(model.saturdayTen).toBeCloseTo(0, 3);
      expect(model.mondayThree).toBeCloseTo(0, 3);
    });
  });

  describe('GET /api/facilities/:id/forecast', () => {
    beforeAll(async () => {
      await jobOn(instances[0]!).run(fitAt);
    });

    const window = (day: DateTime, from: number, to: number) => ({
      start: day.set({ hour: from }).toUTC().toISO()!,
      end: day.set({ hour: to }).toUTC().toISO()!,
    });

    it('forecasts a working-day morning as full, hour by hour over the local day, with exact spaces for a signed-in driver', async () => {
      const res = await request(api)
        .get(`/api/facilities/${commuter.id}/forecast`)
        .set('authorization', bearer(driverTokens))
        .query(window(nextMonday, 9, 12));
      expect(res.status).toBe(200);
      const body = res.body as FacilityForecast;
      expect(body).toMatchObject({ facilityId: commuter.id, timeZone: ZONE, fidelity: 'full' });
      expect(body.forecast).toMatchObject({ capacity: CAPACITY, likelyToFillUp: true, usuallyFullBy: '07:30 on weekdays' });
      const hours = body.forecast!.hours;
      expect(hours).toHaveLength(24);
      expect(hours[0]!.start).toBe(nextMonday.toUTC().toISO());
      const at = (clock: string) => hours.find((h) => h.localStart === clock)!;
      expect(at('10:00')).toMatchObject({ open: true, level: 'full' });
      expect(at('10:00').expectedOccupied).toBeGreaterThan(9.5);
      expect(at('03:00')).toMatchObject({ level: 'low' });
      expect(at('03:00').expectedOccupied).toBeLessThan(0.5);
      expect(Date.parse(body.forecast!.fittedAt)).toBeGreaterThan(Date.now() - 3_600_000);
    });

    it("forecasts the space type asked from that type's own history and spaces, standard by default", async () => {
      const morning = window(nextMonday, 8, 10);
      const ask = (query: Record<string, string>) =>
        request(api).get(`/api/facilities/${mixed.id}/forecast`).set('authorization', bearer(driverTokens)).query(query).expect(200);
      const ev = (await ask({ ...morning, spaceType: 'ev' })).body as FacilityForecast;
      expect(ev).toMatchObject({ spaceType: 'ev', forecast: { capacity: MIXED_EV, likelyToFillUp: true, usuallyFullBy: '07:30 on weekdays' } });
      const evAt = (clock: string) => ev.forecast!.hours.find((h) => h.localStart === clock)!;
      expect(evAt('09:00')).toMatchObject({ level: 'full' });
      expect(evAt('09:00').expectedOccupied).toBeGreaterThan(MIXED_EV - 0.2);
      expect(evAt('13:00').expectedOccupied).toBeLessThan(0.2);

      const standard = (await ask(morning)).body as FacilityForecast;
      expect(standard).toMatchObject({ spaceType: 'standard', forecast: { capacity: MIXED_STANDARD, likelyToFillUp: false, usuallyFullBy: null } });
      const standardAt = (clock: string) => standard.forecast!.hours.find((h) => h.localStart === clock)!;
      expect(standardAt('09:00')).toMatchObject({ level: 'low' });
      expect(standardAt('09:00').expectedOccupied).toBeLessThan(0.2);
      expect(standardAt('13:00').expectedOccupied).toBeCloseTo(1, 0);

      // A type the facility has no space of has no forecast.
      const oversize = (await ask({ ...morning, spaceType: 'oversize' })).body as FacilityForecast;
      expect(oversize).toMatchObject({ spaceType: 'oversize', forecast: null });
    });

    it('says a Saturday window is not likely to fill up', async () => {
      const res = await request(api)
        .get(`/api/facilities/${commuter.id}/forecast`)
        .set('authorization', bearer(driverTokens))
        .query(window(nextSaturday, 10, 12));
      expect(res.status).toBe(200);
      const forecast = (res.body as FacilityForecast).forecast!;
      expect(forecast.likelyToFillUp).toBe(false);
      expect(forecast.hours.every((h) => h.level === 'low')).toBe(true);
    });

    it('shows anonymous callers levels only', async () => {
      const res = await request(api)
        .get(`/api/facilities/${commuter.id}/forecast`)
        .query(window(nextMonday, 9, 12));
      expect(res.status).toBe(200);
      const body = res.body as FacilityForecast;
      expect(body.fidelity).toBe('coarse');
      expect(body.forecast).toMatchObject({ capacity: null, likelyToFillUp: true });
      expect(body.forecast!.hours.every((h) => h.expectedOccupied === null && h.level !== null)).toBe(true);
    });

    it('answers forecast null for a facility with no booked hour, or not fitted yet', async () => {
      const fresh = await createFacility(pool, operator, { timeZone: ZONE });
      for (const facility of [quiet, fresh]) {
        const res = await request(api)
          .get(`/api/facilities/${facility.id}/forecast`)
          .query(window(nextMonday, 9, 12));
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ facilityId: facility.id, timeZone: ZONE, forecast: null, fidelity: 'coarse' });
      }
    });

    it('hides an unlisted facility from others as GET /api/facilities/:id does, and shows it to its operator', async () => {
      const query = window(nextMonday, 9, 12);
      const anonymous = await request(api).get(`/api/facilities/${unlisted.id}/forecast`).query(query);
      expect(anonymous.status).toBe(404);
      expect(anonymous.body).toMatchObject({ statusCode: 404, details: { code: 'facility_not_found' }, requestId: expect.any(String) });
      const owner = await request(api).get(`/api/facilities/${unlisted.id}/forecast`).set('authorization', bearer(ownerTokens)).query(query);
      expect(owner.status).toBe(200);
    });

    it('answers bad input with the error envelope: 400 for a bad window, 404 for an unknown or malformed id', async () => {
      const path = `/api/facilities/${commuter.id}/forecast`;
      const good = window(nextMonday, 9, 12);
      const cases: [string, Record<string, string>, number][] = [
        [path, { start: good.start }, 400],
        [path, { start: 'tomorrow', end: good.end }, 400],
        [path, { start: good.end, end: good.start }, 400],
        [path, { start: '2020-01-01T08:00:00Z', end: '2020-01-01T09:00:00Z' }, 400],
        [path, { start: good.start, end: nextMonday.plus({ days: 40 }).toUTC().toISO()! }, 400],
        [path, { ...good, spaceType: 'truck' }, 400],
        [`/api/facilities/00000000-0000-4000-8000-000000000000/forecast`, good, 404],
        [`/api/facilities/not-a-uuid/forecast`, good, 404],
      ];
      for (const [url, query, status] of cases) {
        const res = await request(api).get(url).query(query);
        expect({ url, query, status: res.status }).toEqual({ url, query, status });
        expect(res.body).toMatchObject({ statusCode: status, message: expect.any(String), requestId: expect.any(String) });
      }
    });
  });

  describe('GET /api/proxy/forecast-badges', () => {
    const window = (day: DateTime, from: number, to: number) => ({
      start: day.set({ hour: from }).toUTC().toISO()!,
      end: day.set({ hour: to }).toUTC().toISO()!,
    });

    it("gives a result page's car parks their badges for the window, leaving out the unlisted and the unforecast", async () => {
      await jobOn(instances[0]!).run(fitAt);
      const fresh = await createFacility(pool, operator, { timeZone: ZONE });
      // The unlisted one gets the commuter's model: it has a forecast, and still is not shown.
      await pool.query(
        `UPDATE occupancy_forecasts u SET capacity = c.capacity, origin = c.origin, level = c.level, trend_per_week = c.trend_per_week,
                trend_damping = c.trend_damping, profile = c.profile, weeks_fitted = c.weeks_fitted
           FROM occupancy_forecasts c WHERE c.facility_id = $1 AND u.facility_id = $2`,
        [commuter.id, unlisted.id],
      );
      const ids = [quiet.id, commuter.id, unlisted.id, fresh.id, '00000000-0000-4000-8000-000000000000'];
      const monday = await request(api)
        .get('/api/proxy/forecast-badges')
        .query({ ids: ids.join(','), ...window(nextMonday, 9, 12) })
        .expect(200);
      const badges = (monday.body as ForecastBadges).results;
      // quiet has no booked hour, fresh no fit, the last id no facility.
      expect(badges.map((b) => b.id)).toEqual([commuter.id]);
      expect(badges.find((b) => b.id === commuter.id)).toEqual({ id: commuter.id, likelyToFillUp: true, usuallyFullBy: '07:30 on weekdays' });
      // The same answer as the facility's own forecast, for another window.
      const saturday = window(nextSaturday, 10, 12);
      const weekend = (
        await request(api)
          .get('/api/proxy/forecast-badges')
          .query({ ids: commuter.id, ...saturday })
          .expect(200)
      ).body as ForecastBadges;
      const own = (await request(api).get(`/api/facilities/${commuter.id}/forecast`).query(saturday).expect(200)).body as FacilityForecast;
      expect(weekend.results).toEqual([{ id: commuter.id, likelyToFillUp: own.forecast!.likelyToFillUp, usuallyFullBy: own.forecast!.usuallyFullBy }]);
      expect(weekend.results[0]!.likelyToFillUp).toBe(false);
    });

    it('answers for the searched space type', async () => {
      await jobOn(instances[0]!).run(fitAt);
      const morning = window(nextMonday, 8, 10);
      const badges = async (query: Record<string, string>) =>
        ((await request(api).get('/api/proxy/forecast-badges').query(query).expect(200)).body as ForecastBadges).results;
      expect(await badges({ ids: `${mixed.id},${commuter.id}`, ...morning, spaceType: 'ev' })).toEqual([
        { id: mixed.id, likelyToFillUp: true, usuallyFullBy: '07:30 on weekdays' },
      ]);
      expect(await badges({ ids: `${mixed.id},${commuter.id}`, ...morning })).toEqual([
        { id: mixed.id, likelyToFillUp: false, usuallyFullBy: null },
        { id: commuter.id, likelyToFillUp: true, usuallyFullBy: '07:30 on weekdays' },
      ]);
    });

    it('answers bad input with the error envelope', async () => {
      const good = window(nextMonday, 9, 12);
      const tooMany = Array.from({ length: 51 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(',');
      for (const query of [
        { ...good, ids: 'not-a-uuid' },
        { ...good, ids: tooMany },
        { ...good, ids: '' },
        { ids: commuter.id, start: good.start },
        { ids: commuter.id, ...good, spaceType: 'truck' },
      ]) {
        const res = await request(api).get('/api/proxy/forecast-badges').query(query);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String), requestId: expect.any(String) });
      }
    });
  });

  describe('GET /api/operator/facilities/:id/forecast', () => {
    beforeAll(async () => {
      await jobOn(instances[0]!).run(fitAt);
    });

    it('gives the operator 14 local days hour by hour with a band, and a day-by-day outlook', async () => {
      const res = await request(api).get(`/api/operator/facilities/${commuter.id}/forecast`).set('authorization', bearer(ownerTokens));
      expect(res.status).toBe(200);
      const body = res.body as OperatorFacilityForecast;
      expect(body).toMatchObject({ facilityId: commuter.id, timeZone: ZONE });
      const forecast = body.forecast!;
      expect(forecast).toMatchObject({ capacity: CAPACITY, origin: fitAt.toISOString(), usuallyFullBy: '07:30 on weekdays' });
      expect(forecast.weeksFitted).toBeGreaterThanOrEqual(HISTORY_WEEKS - 1);
      expect(forecast.errorSpread).not.toBeNull();
      expect(forecast.days).toHaveLength(14);
      expect(forecast.days[0]!.date).toBe(DateTime.now().setZone(ZONE).toISODate());
      expect(forecast.hours.length).toBeGreaterThanOrEqual(14 * 24 - 1);
      expect(forecast.hours.length).toBeLessThanOrEqual(14 * 24 + 1);
      for (const hour of forecast.hours) {
        expect(hour.low).not.toBeNull();
        expect(hour.low!).toBeLessThanOrEqual(hour.expectedOccupied);
        expect(hour.high!).toBeGreaterThanOrEqual(hour.expectedOccupied);
        expect(hour.high!).toBeLessThanOrEqual(CAPACITY);
      }
      const monday = forecast.days.find((d) => d.date === nextMonday.toISODate())!;
      expect(monday).toMatchObject({ openHours: 24, likelyToFillUp: true, peakLocalStart: '07:00' });
      expect(monday.peakExpectedOccupied).toBeGreaterThan(9.5);
      expect(monday.expectedSpaceHours).toBeGreaterThan(95);
      expect(monday.expectedSpaceHours).toBeLessThan(105);
      const saturday = forecast.days.find((d) => d.date === nextSaturday.toISODate())!;
      expect(saturday).toMatchObject({ likelyToFillUp: false });
      expect(saturday.expectedSpaceHours).toBeLessThan(1);
    });

    it('answers forecast null before a facility has a fitted model', async () => {
      const res = await request(api).get(`/api/operator/facilities/${quiet.id}/forecast`).set('authorization', bearer(ownerTokens));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ facilityId: quiet.id, timeZone: ZONE, spaceType: null, forecast: null });
    });

    it('gives one space type, or the whole facility when none is asked', async () => {
      const ask = (query: Record<string, string>) =>
        request(api).get(`/api/operator/facilities/${mixed.id}/forecast`).set('authorization', bearer(ownerTokens)).query(query).expect(200);
      const monday = (body: OperatorFacilityForecast) => body.forecast!.days.find((d) => d.date === nextMonday.toISODate())!;

      const ev = (await ask({ spaceType: 'ev' })).body as OperatorFacilityForecast;
      expect(ev).toMatchObject({ spaceType: 'ev', forecast: { capacity: MIXED_EV, usuallyFullBy: '07:30 on weekdays' } });
      expect(monday(ev)).toMatchObject({ likelyToFillUp: true, peakLocalStart: '07:00' });
      expect(monday(ev).expectedSpaceHours).toBeCloseTo(4 * MIXED_EV, 0);

      const standard = (await ask({ spaceType: 'standard' })).body as OperatorFacilityForecast;
      expect(standard).toMatchObject({ spaceType: 'standard', forecast: { capacity: MIXED_STANDARD, usuallyFullBy: null } });
      expect(monday(standard)).toMatchObject({ likelyToFillUp: false, peakLocalStart: '12:00' });
      expect(monday(standard).expectedSpaceHours).toBeCloseTo(2, 0);

      // The whole facility: both types' hours on all its spaces.
      const all = (await ask({})).body as OperatorFacilityForecast;
      expect(all).toMatchObject({ spaceType: null, forecast: { capacity: MIXED_STANDARD + MIXED_EV } });
      expect(monday(all).expectedSpaceHours).toBeCloseTo(4 * MIXED_EV + 2, 0);

      const bad = await request(api)
        .get(`/api/operator/facilities/${mixed.id}/forecast`)
        .set('authorization', bearer(ownerTokens))
        .query({ spaceType: 'truck' });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ statusCode: 400, message: expect.any(String), requestId: expect.any(String) });
    });

    it('answers another operator 404, as if the facility did not exist, and a driver 403', async () => {
      const other = await request(api).get(`/api/operator/facilities/${commuter.id}/forecast`).set('authorization', bearer(otherOperatorTokens));
      expect(other.status).toBe(404);
      expect(other.body).toMatchObject({ statusCode: 404, details: { code: 'facility_not_found' } });
      const unknown = await request(api).get(`/api/operator/facilities/not-a-uuid/forecast`).set('authorization', bearer(ownerTokens));
      expect(unknown.status).toBe(404);
      const driver = await request(api).get(`/api/operator/facilities/${commuter.id}/forecast`).set('authorization', bearer(driverTokens));
      expect(driver.status).toBe(403);
      const anonymous = await request(api).get(`/api/operator/facilities/${commuter.id}/forecast`);
      expect(anonymous.status).toBe(401);
    });
  });
});
