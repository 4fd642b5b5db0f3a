import type pg from 'pg';
import request from 'supertest';
import type { AuthTokens, OperatorDashboard } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { paidBooking, windowAhead } from '../support/booking-helpers.js';
import { testPool } from '../support/db.js';
import { createFacility, createOperator } from '../support/facility-factories.js';
import { bearer, loginAs, signedInUser } from '../support/factories.js';
import { insertBooking } from '../analytics/analytics-helpers.js';

describe('GET /api/proxy/operator', () => {
  let pool: pg.Pool;
  let api: string;

  beforeAll(async () => {
    pool = testPool();
    api = apiUrl();
  });

  afterAll(async () => {
    await pool.end();
  });

  const dashboard = (tokens: AuthTokens) => request(api).get('/api/proxy/operator').set('authorization', bearer(tokens));

  it('sums the operator’s facilities: capacity, occupancy now, today’s revenue, arrivals and recent bookings', async () => {
    const operator = await createOperator(pool);
    const tokens = await loginAs(api, operator.owner);
    const garage = await createFacility(pool, operator, { name: 'A Garage', spaces: { standard: 3 }, hourlyCents: { standard: 500 } });
    await createFacility(pool, operator, { name: 'B Lot', timeZone: 'America/New_York', spaces: { standard: 5 } });
    const driver = (await signedInUser(pool, api, 'driver')).tokens;
    const { booking } = await paidBooking(api, driver, { facilityId: garage.id, ...windowAhead(2, 2), spaceType: 'standard', vehiclePlate: 'B-DSH 1' });
    // Parked right now on another space.
    await insertBooking(pool, {
      facilityId: garage.id,
      spaceId: garage.spaces.standard![2]!,
      start: new Date(Date.now() - 60_000).toISOString(),
      end: new Date(Date.now() + 3_600_000).toISOString(),
    });

    const res = await dashboard(tokens);
    expect(res.status).toBe(200);
    const body = res.body as OperatorDashboard;
    expect(body.operator).toEqual({ id: operator.id, displayName: expect.any(String), status: 'approved' });
    expect(body.facilities.map((f) => [f.name, f.capacity, f.occupiedNow])).toEqual([
      ['A Garage', 3, 1],
      ['B Lot', 5, 0],
    ]);
    expect(body.occupancyNow).toEqual({ occupied: 1, capacity: 8, percent: 12.5 });
    expect(body.revenue).toEqual([{ currency: 'EUR', todayGrossCents: 1000, todayNetCents: 850, monthGrossCents: 1000, monthNetCents: 850 }]);
    expect(body.today.arrivals).toBeGreaterThanOrEqual(1);
    expect(body.recentBookings.map((b) => b.code)).toContain(booking.code);
    expect(body.recentBookings.length).toBeLessThanOrEqual(10);
  });

  it('shows an operator nothing of another operator’s facilities, and answers 404 without a company', async () => {
    const mine = await createOperator(pool);
    const theirs = await createOperator(pool);
    await createFacility(pool, theirs, { name: 'Not mine' });
    const body = (await dashboard(await loginAs(api, mine.owner))).body as OperatorDashboard;
    expect(body.facilities).toEqual([]);
    expect(body.recentBookings).toEqual([]);
    const newcomer = (await signedInUser(pool, api, 'operator')).tokens;
    expect((await dashboard(newcomer)).status).toBe(404);
    const driver = (await signedInUser(pool, api, 'driver')).tokens;
    expect((await dashboard(driver)).status).toBe(403);
  });
});
