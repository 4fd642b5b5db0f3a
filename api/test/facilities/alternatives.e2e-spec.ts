import type pg from 'pg';
import request from 'supertest';
import type { AuthTokens, CreateBookingRequest, FacilityAlternative, FacilityAlternatives } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { holdBooking, postBooking, windowAhead } from '../support/booking-helpers.js';
import { testPool } from '../support/db.js';
import { bearer, signedInUser } from '../support/factories.js';
import { createFacility, createOperator, type FacilityOptions, type TestFacility } from '../support/facility-factories.js';
import { north, somewhere } from './places.js';

let pool: pg.Pool;
let api: string;
let driver: AuthTokens;
let otherDriver: AuthTokens;

beforeAll(async () => {
  pool = testPool();
  api = apiUrl();
  driver = (await signedInUser(pool, api, 'driver')).tokens;
  otherDriver = (await signedInUser(pool, api, 'driver')).tokens;
});
afterAll(async () => {
  await pool.end();
});

const bookingAt = (facility: Pick<TestFacility, 'id'>, window: { start: string; end: string }): CreateBookingRequest => ({
  facilityId: facility.id,
  spaceType: 'standard',
  vehiclePlate: 'B-AP 2026',
  ...window,
});

/**
 * Around a spot of its own: the wanted car park (one space, €3/h) and, going north, one with space
 * and a cheaper rate, one as full as the wanted one, one closed for the window, one unpublished,
 * one in another currency, and one beyond the 5 km radius.
 */
async function neighbourhood(window: { start: string; end: string }) {
  const spot = somewhere();
  const operator = await createOperator(pool);
  const at = (metres: number, options: FacilityOptions) => createFacility(pool, operator, { ...north(spot, metres), ...options });
  const wanted = await at(0, { name: 'Wanted Garage', spaces: { standard: 1 }, hourlyCents: { standard: 300 } });
  const cheaper = await at(400, { name: 'Cheaper Garage', spaces: { standard: 2 }, hourlyCents: { standard: 250 } });
  const alsoFull = await at(900, { name: 'Also Full Garage', spaces: { standard: 1 }, hourlyCents: { standard: 200 } });
  // Open only in the evening (local time): the window is in the morning.
  const closed = await at(1200, { name: 'Evening Garage', openingHours: everyDay([['18:00', '23:00']]) });
  await at(1500, { name: 'Unpublished Garage', published: false });
  const swiss = await at(2000, { name: 'Franc Garage', currency: 'CHF', spaces: { standard: 8 }, hourlyCents: { standard: 300 } });
  await at(7000, { name: 'Faraway Garage' });
  await holdBooking(api, otherDriver, bookingAt(wanted, window));
  await holdBooking(api, otherDriver, bookingAt(alsoFull, window));
  return { wanted, cheaper, alsoFull, closed, swiss };
}

function everyDay(intervals: [string, string][]): FacilityOptions['openingHours'] {
  return Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, intervals])) as FacilityOptions['openingHours'];
}

const names = (alternatives: FacilityAlternative[]) => alternatives.map((a) => a.facility.name);

describe('Alternatives when a car park is full', () => {
  it('offers the nearest car parks that would take the same window, with distance, price and the difference', async () => {
    const window = windowAhead(6, 2, 8);
    const { wanted, cheaper, swiss } = await neighbourhood(window);

    const res = await request(api).get(`/api/facilities/${wanted.id}/alternatives`).query(window).expect(200);
    const body = res.body as FacilityAlternatives;
    expect(body).toMatchObject({ facilityId: wanted.id, spaceType: 'standard', fidelity: 'coarse', quote: { totalCents: 600, currency: 'EUR' } });
    // Full, closed for the window, unpublished and too far are not offered; nearest first.
    expect(names(body.alternatives)).toEqual(['Cheaper Garage', 'Franc Garage']);
    const [first, second] = body.alternatives as [FacilityAlternative, FacilityAlternative];
    expect(first.facility.id).toBe(cheaper.id);
    expect(first.distanceMeters).toBeGreaterThanOrEqual(395);
    expect(first.distanceMeters).toBeLessThanOrEqual(405);
    expect(first.quote).toMatchObject({ totalCents: 500, currency: 'EUR' });
    expect(first.priceDifferenceCents).toBe(-100);
    // Anonymous visitors get the level only, as in the marketplace.
    expect(first.availability).toEqual({ spaceType: 'standard', level: 'few', available: null, capacity: null });
    // Francs and euros are not compared.
    expect(second.facility.id).toBe(swiss.id);
    expect(second.quote).toMatchObject({ currency: 'CHF' });
    expect(second.priceDifferenceCents).toBeNull();

    const signedIn = (await request(api).get(`/api/facilities/${wanted.id}/alternatives`).set('authorization', bearer(driver)).query(window).expect(200))
      .body as FacilityAlternatives;
    expect(signedIn.fidelity).toBe('full');
    expect(signedIn.alternatives[0]!.availability).toEqual({ spaceType: 'standard', level: 'few', available: 2, capacity: 2 });

    const one = (
      await request(api)
        .get(`/api/facilities/${wanted.id}/alternatives`)
        .query({ ...window, limit: 1 })
        .expect(200)
    ).body as FacilityAlternatives;
    expect(names(one.alternatives)).toEqual(['Cheaper Garage']);
    const near = (
      await request(api)
        .get(`/api/facilities/${wanted.id}/alternatives`)
        .query({ ...window, radius: 1000 })
        .expect(200)
    ).body as FacilityAlternatives;
    expect(names(near.alternatives)).toEqual(['Cheaper Garage']);
  });

  it('puts the same alternatives in the 409 of a booking that finds no space, and they can be booked', async () => {
    const window = windowAhead(7, 3, 9);
    const { wanted, cheaper } = await neighbourhood(window);

    const refused = await postBooking(api, driver, bookingAt(wanted, window));
    expect(refused.status).toBe(409);
    expect(refused.body.details.code).toBe('no_space_available');
    const offered = refused.body.details.alternatives as FacilityAlternative[];
    expect(names(offered)).toEqual(['Cheaper Garage', 'Franc Garage']);
    expect(offered[0]).toMatchObject({ priceDifferenceCents: -150, availability: { available: 2, capacity: 2 } });

    // One click: the same window at the first alternative is held.
    const held = await postBooking(api, driver, bookingAt({ id: offered[0]!.facility.id }, window));
    expect(held.status).toBe(201);
    expect(held.body.facility.id).toBe(cheaper.id);
  });

  it('answers clear errors for a facility it cannot show and for a bad window', async () => {
    const window = windowAhead(6);
    const operator = await createOperator(pool);
    const hidden = await createFacility(pool, operator, { ...somewhere(), published: false });
    const shown = await createFacility(pool, operator, somewhere());

    const unknown = await request(api).get('/api/facilities/5a0c1c2e-7d4b-4f0e-9a53-2b1f0c9e8d7a/alternatives').query(window).expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, details: { code: 'facility_not_found' } });
    expect(unknown.body.requestId).toEqual(expect.any(String));
    await request(api).get(`/api/facilities/${hidden.id}/alternatives`).query(window).expect(404);

    const past = await request(api)
      .get(`/api/facilities/${shown.id}/alternatives`)
      .query({ start: '2020-01-01T08:00:00Z', end: '2020-01-01T10:00:00Z' })
      .expect(400);
    expect(past.body.details.fields).toEqual([expect.objectContaining({ field: 'start', code: 'in_the_past' })]);
    const noEnd = await request(api).get(`/api/facilities/${shown.id}/alternatives`).query({ start: window.start }).expect(400);
    expect(noEnd.body.message).toEqual(expect.any(String));
    for (const bad of [{ limit: 0 }, { limit: 11 }, { radius: 50_001 }, { spaceType: 'boat' }]) {
      const res = await request(api)
        .get(`/api/facilities/${shown.id}/alternatives`)
        .query({ ...window, ...bad })
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: expect.any(String), details: expect.any(Object) });
    }
    // A car park with nobody around offers nothing, without an error.
    const alone = (await request(api).get(`/api/facilities/${shown.id}/alternatives`).query(window).expect(200)).body as FacilityAlternatives;
    expect(alone.alternatives).toEqual([]);
  });
});
