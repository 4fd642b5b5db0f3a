import { DateTime } from 'luxon';
import type pg from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { AuthTokens, ManagedFacility, PriceSuggestions, RateChangeList, SpaceTypePriceSuggestion } from '@aiparksit/shared';
import type { AppConfig } from '../../src/config/index.js';
import { createDataSource } from '../../src/database/data-source.js';
import { ForecastFitJob } from '../../src/forecast/forecast.job.js';
import { ForecastRepository } from '../../src/forecast/forecast.repository.js';
import { ForecastFitService } from '../../src/forecast/forecast-fit.service.js';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { createFacility, createOperator, type TestFacility } from '../support/facility-factories.js';
import { bearer, createUser, loginAs, signedInUser } from '../support/factories.js';

const ZONE = 'Europe/Berlin';
const HOURLY = 300;

describe('price suggestions', () => {
  let pool: pg.Pool;
  let api: string;
  let fitter: DataSource;
  let owner: AuthTokens;
  let ownerId: string;
  let otherOperator: AuthTokens;
  let driver: AuthTokens;
  /**
   * Four standard spaces: two taken around the clock Monday to Saturday, the other two on Monday
   * mornings 08:00–10:00 (full then) in three of the last four weeks, one in the fourth; nobody on Sundays.
   */
  let commuter: TestFacility;
  /** A suggestion already accepted; accepting it again after a manual change is still refused. */
  let beforeManualChange: string;

  const url = (path: string) => `/api/operator/facilities/${commuter.id}${path}`;
  const read = async (tokens = owner): Promise<SpaceTypePriceSuggestion> => {
    const res = await request(api).get(url('/price-suggestions')).set('Authorization', bearer(tokens)).expect(200);
    return (res.body as PriceSuggestions).types.find((t) => t.spaceType === 'standard')!;
  };
  const setFloor = (floorCents: number | null) =>
    request(api).put(url('/price-floor')).set('Authorization', bearer(owner)).send({ spaceType: 'standard', floorCents }).expect(200);
  const standardRate = async () => {
    const res = await request(api).get(`/api/facilities/${commuter.id}/manage`).set('Authorization', bearer(owner)).expect(200);
    return (res.body as ManagedFacility).rates.find((r) => r.spaceType === 'standard')!;
  };

  beforeAll(async () => {
    pool = testPool();
    api = apiUrl();
    const operator = await createOperator(pool);
    ownerId = operator.owner.id;
    owner = await loginAs(api, operator.owner);
    otherOperator = await loginAs(api, (await createOperator(pool)).owner);
    driver = (await signedInUser(pool, api)).tokens;
    commuter = await createFacility(pool, operator, { timeZone: ZONE, spaces: { standard: 4 }, hourlyCents: { standard: HOURLY } });

    const midnight = DateTime.now().setZone(ZONE).startOf('day');
    const booker = await createUser(pool, { role: 'driver' });
    const [s1, s2, s3, s4] = commuter.spaces.standard!;
    const book = (spaces: string[], from: string, to: string, days: string) =>
      pool.query(
        `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency)
         SELECT 'PS' || substr(md5(random()::text || s.id::text || g.day::text), 1, 10), $1, $2, s.id, 'standard',
                tstzrange((g.day::date + $5::time) AT TIME ZONE $3, (g.day::date + $6::time + CASE WHEN $6 = '00:00' THEN interval '1 day' ELSE interval '0' END) AT TIME ZONE $3),
                'completed', 'B-PS 1', 3000, 'EUR'
           FROM unnest($7::uuid[]) AS s(id)
          CROSS JOIN generate_series($4::date - 28, $4::date - 1, interval '1 day') AS g(day)
          WHERE ${days}`,
        [booker.id, commuter.id, ZONE, midnight.toISODate(), from, to, spaces],
      );
    await book([s1!, s2!], '00:00', '00:00', 'extract(isodow FROM g.day) <= 6');
    // The third week back (days 15–21 before today) is at three of four on Monday morning.
    await book([s3!], '08:00', '10:00', `extract(isodow FROM g.day) = 1`);
    await book([s4!], '08:00', '10:00', `extract(isodow FROM g.day) = 1 AND NOT (g.day >= $4::date - 21 AND g.day < $4::date - 14)`);

    // The facility's forecast, fitted as the nightly job does (polling while another run holds the lock).
    fitter = createDataSource({ url: process.env['DATABASE_URL']!, poolSize: 2, applicationName: 'aiparksit-price-suggestions-test' });
    await fitter.initialize();
    const job = new ForecastFitJob(new ForecastFitService(new ForecastRepository(fitter)), { values: { forecastFitOnStart: false } } as AppConfig);
    for (;;) {
      await job.run(midnight.toJSDate());
      const { rows } = await pool.query(`SELECT 1 FROM occupancy_forecasts WHERE facility_id = $1`, [commuter.id]);
      if (rows.length) break;
    }
  });

  afterAll(async () => {
    await fitter?.destroy();
    await pool.end();
  });

  describe('GET /api/operator/facilities/:id/price-suggestions', () => {
    it('suggests raising the hours that are full in most weeks, with reasons, effect and assumption, and changes nothing', async () => {
      const res = await request(api).get(url('/price-suggestions')).set('Authorization', bearer(owner)).expect(200);
      const body = res.body as PriceSuggestions;
      expect(body).toMatchObject({ facilityId: commuter.id, currency: 'EUR', elasticity: -0.4, maxStepPercent: 20, historyWeeks: 4 });
      expect(body.assumption).toMatch(/constant price elasticity of −0\.4/);
      expect(body.forecastFittedAt).not.toBeNull();

      const standard = body.types.find((t) => t.spaceType === 'standard')!;
      expect(standard.capacity).toBe(4);
      const monday = standard.bands.find((b) => b.day === 'mon' && b.verdict === 'full')!;
      expect(monday).toMatchObject({ from: '08:00', to: '10:00', fullWeeks: 3, weeks: 4, currentMultiplier: 1, suggestedMultiplier: 1.2 });
      expect(monday.reason).toMatch(
        /^Mondays 08:00–10:00 are full 3 weeks out of 4, .* expected next week; \+20 % \(€3\.00 → €3\.60 an hour\) is expected to keep .* free and add €/,
      );
      expect(monday.weeklyRevenueChangeCents).toBeGreaterThan(0);
      expect(standard.suggested!.multipliers[0]).toEqual({ days: ['mon'], from: '08:00', to: '10:00', multiplier: 1.2 });
      expect(standard.suggestionId).toMatch(/^[0-9a-f-]{36}$/);

      // Sundays are empty, but with no floor set the current hourly rate bounds cuts.
      const sunday = standard.bands.find((b) => b.day === 'sun')!;
      expect(sunday).toMatchObject({ from: '00:00', to: '24:00', verdict: 'empty', suggestedMultiplier: 1 });
      expect(sunday.reason).toMatch(/no cut: €3\.00 an hour is the current hourly rate/);

      expect(await standardRate()).toMatchObject({ hourlyCents: HOURLY, multipliers: [] });
    });

    it('cuts mostly empty hours by the step, never below the floor the operator sets', async () => {
      await setFloor(200);
      expect((await read()).bands.find((b) => b.day === 'sun')).toMatchObject({ suggestedMultiplier: 0.8, suggestedHourlyCents: 240 });
      await setFloor(270);
      const floored = await read();
      expect(floored.floorCents).toBe(270);
      expect(floored.bands.find((b) => b.day === 'sun')).toMatchObject({ suggestedMultiplier: 0.9, suggestedHourlyCents: 270 });
    });
  });

  describe('POST /api/operator/facilities/:id/price-suggestions/accept', () => {
    it('refuses a suggestion made on a floor that has changed since, then applies the current one as an audited rate change', async () => {
      await setFloor(200);
      const before = await read();
      await setFloor(250);
      const stale = await request(api).post(url('/price-suggestions/accept')).set('Authorization', bearer(owner)).send({ suggestionId: before.suggestionId });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ statusCode: 409, details: { code: 'suggestion_stale' } });
      expect(await standardRate()).toMatchObject({ hourlyCents: HOURLY, multipliers: [] });

      const now = await read();
      const accepted = await request(api)
        .post(url('/price-suggestions/accept'))
        .set('Authorization', bearer(owner))
        .send({ suggestionId: now.suggestionId })
        .expect(200);
      expect(accepted.body).toMatchObject({ suggestionId: now.suggestionId, spaceType: 'standard', rate: now.suggested });
      const rate = await standardRate();
      expect(rate.multipliers).toEqual(now.suggested!.multipliers);
      expect(rate.multipliers).toContainEqual({ days: ['mon'], from: '08:00', to: '10:00', multiplier: 1.2 });
      expect(rate.multipliers).toContainEqual({ days: ['sun'], from: '00:00', to: '24:00', multiplier: 0.84 });

      const { rows } = await pool.query(
        `SELECT source, suggestion_id AS "suggestionId", changed_by AS "changedBy", before, after FROM rate_changes WHERE facility_id = $1`,
        [commuter.id],
      );
      expect(rows).toEqual([
        {
          source: 'suggestion',
          suggestionId: now.suggestionId,
          changedBy: ownerId,
          before: { spaceType: 'standard', hourlyCents: HOURLY, dailyMaxCents: null, multipliers: [] },
          after: now.suggested,
        },
      ]);
      // Accepting the same suggestion again: the rate it was made on is gone.
      await request(api).post(url('/price-suggestions/accept')).set('Authorization', bearer(owner)).send({ suggestionId: now.suggestionId }).expect(409);
      // The weeks read were at the old rate: nothing more is suggested until two weeks at the new one.
      const after = await read();
      expect(after).toMatchObject({ suggested: null, suggestionId: null, bands: [] });
      expect(after.summary).toMatch(/^The rate changed on .*: suggestions resume once 2 whole weeks at the new price have been seen\.$/);
      beforeManualChange = now.suggestionId!;
    });

    it('audits a manual rate change too (before, after, by whom), and an old suggestion stays refused', async () => {
      const pending = await read();
      const manual = { spaceType: 'standard', hourlyCents: 350, dailyMaxCents: 2500, multipliers: [] };
      await request(api)
        .put(`/api/facilities/${commuter.id}/rates`)
        .set('Authorization', bearer(owner))
        .send({ rates: [manual] })
        .expect(200);
      await request(api).post(url('/price-suggestions/accept')).set('Authorization', bearer(owner)).send({ suggestionId: beforeManualChange }).expect(409);

      const history = await request(api).get(url('/rate-changes')).set('Authorization', bearer(owner)).expect(200);
      const [latest, earlier] = (history.body as RateChangeList).results;
      expect(latest).toMatchObject({ spaceType: 'standard', source: 'manual', suggestionId: null, changedBy: ownerId, after: manual });
      expect(latest!.before).toEqual(pending.current);
      expect(earlier).toMatchObject({ source: 'suggestion' });
    });
  });

  describe('access and bad input', () => {
    it("answers 404 for another operator's facility, 403 for a driver", async () => {
      const suggestionId = (await read()).suggestionId ?? '00000000-0000-4000-8000-000000000000';
      for (const [method, path, body] of [
        ['get', '/price-suggestions', undefined],
        ['post', '/price-suggestions/accept', { suggestionId }],
        ['put', '/price-floor', { spaceType: 'standard', floorCents: 100 }],
        ['get', '/rate-changes', undefined],
      ] as const) {
        const res = await request(api)[method](url(path)).set('Authorization', bearer(otherOperator)).send(body);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ details: { code: 'facility_not_found' } });
        await request(api)[method](url(path)).set('Authorization', bearer(driver)).send(body).expect(403);
      }
      await request(api).get('/api/operator/facilities/not-a-uuid/price-suggestions').set('Authorization', bearer(owner)).expect(404);
    });

    it('answers 400 with the fields for a bad floor or suggestion id, 404 for an unknown suggestion', async () => {
      const negative = await request(api).put(url('/price-floor')).set('Authorization', bearer(owner)).send({ spaceType: 'standard', floorCents: -5 });
      expect(negative.status).toBe(400);
      expect(negative.body).toMatchObject({ statusCode: 400, requestId: expect.any(String) });
      const noRate = await request(api).put(url('/price-floor')).set('Authorization', bearer(owner)).send({ spaceType: 'ev', floorCents: 100 });
      expect(noRate.status).toBe(400);
      expect(noRate.body).toMatchObject({ details: { code: 'invalid_price_floor', fields: [expect.objectContaining({ field: 'spaceType' })] } });
      await request(api).post(url('/price-suggestions/accept')).set('Authorization', bearer(owner)).send({ suggestionId: 'nope' }).expect(400);
      const unknown = await request(api)
        .post(url('/price-suggestions/accept'))
        .set('Authorization', bearer(owner))
        .send({ suggestionId: '00000000-0000-4000-8000-000000000000' });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ details: { code: 'suggestion_not_found' } });
      await setFloor(null);
      expect((await read()).floorCents).toBeNull();
    });
  });
});
