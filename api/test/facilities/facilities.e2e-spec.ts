import type pg from 'pg';
import request from 'supertest';
import type { FacilityAvailability, FacilityDetail } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { bearer, loginAs, signedInUser } from '../support/factories.js';
import { createOperatorWithFacility, type TestFacility } from '../support/facility-factories.js';
import { somewhere } from './places.js';

let pool: pg.Pool;
let driverToken: string;
beforeAll(async () => {
  pool = testPool();
  driverToken = bearer((await signedInUser(pool, apiUrl())).tokens);
});
afterAll(async () => {
  await pool.end();
});

async function bookSpace(facility: TestFacility, spaceId: string, start: string, end: string): Promise<void> {
  const driver = (await signedInUser(pool, apiUrl())).account;
  await pool.query(
    `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at)
     SELECT 'T' || substr(md5(random()::text), 1, 9), $1, $2, $3, s.space_type, tstzrange($4, $5), 'pending_payment', 'B-TEST-1', 600, 'EUR', now() + interval '10 minutes'
       FROM spaces s WHERE s.id = $3`,
    [driver.id, facility.id, spaceId, start, end],
  );
}

const OFFICE_HOURS = {
  mon: [['07:00', '22:00']],
  tue: [['07:00', '22:00']],
  wed: [['07:00', '22:00']],
  thu: [['07:00', '22:00']],
  fri: [['07:00', '22:00']],
  sat: [['09:00', '18:00']],
  sun: [['09:30', '18:00']],
} as const;

describe('GET /api/facilities/:id', () => {
  it('shows a listed facility with its rates and active spaces per type', async () => {
    const { facility } = await createOperatorWithFacility(pool, {
      ...somewhere(),
      spaces: { standard: 4, ev: 2 },
      hourlyCents: { standard: 300, ev: 500 },
      dailyMaxCents: 2400,
      multipliers: [{ days: ['mon'], from: '07:00', to: '10:00', multiplier: 1.5 }],
      openingHours: OFFICE_HOURS as never,
    });
    await pool.query(`UPDATE spaces SET active = false WHERE id = $1`, [facility.spaces.standard![0]]);
    const res = await request(apiUrl()).get(`/api/facilities/${facility.id}`).set('authorization', driverToken).expect(200);
    const body = res.body as FacilityDetail;
    expect(body).toMatchObject({ id: facility.id, slug: facility.slug, open24x7: false, openingHours: OFFICE_HOURS, minDurationMinutes: 30, fidelity: 'full' });
    expect(body.rates).toEqual([
      {
        spaceType: 'standard',
        hourlyCents: 300,
        dailyMaxCents: 2400,
        multipliers: [{ days: ['mon'], from: '07:00', to: '10:00', multiplier: 1.5 }],
        currency: 'EUR',
      },
      {
        spaceType: 'ev',
        hourlyCents: 500,
        dailyMaxCents: 2400,
        multipliers: [{ days: ['mon'], from: '07:00', to: '10:00', multiplier: 1.5 }],
        currency: 'EUR',
      },
    ]);
    expect(body.spaces).toEqual([
      { spaceType: 'standard', count: 3 },
      { spaceType: 'ev', count: 2 },
    ]);
  });

  it('hides exact space counts from anonymous callers', async () => {
    const { facility } = await createOperatorWithFacility(pool, somewhere());
    const res = await request(apiUrl()).get(`/api/facilities/${facility.id}`).expect(200);
    expect(res.body.fidelity).toBe('coarse');
    expect(res.body.spaces).toEqual([{ spaceType: 'standard', count: null }]);
  });

  it.each([
    ['unpublished', { published: false }],
    ['a canary', { isCanary: true }],
  ])('answers 404 for %s facility, as for an unknown or malformed id', async (_what, options) => {
    const { facility } = await createOperatorWithFacility(pool, { ...somewhere(), ...options });
    for (const id of [facility.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const res = await request(apiUrl()).get(`/api/facilities/${id}`).set('authorization', driverToken).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, details: { code: 'facility_not_found' } });
      await request(apiUrl()).get(`/api/facilities/${id}/availability`).query({ start: '2031-01-01T10:00:00Z', end: '2031-01-01T11:00:00Z' }).expect(404);
    }
  });

  it('shows an unpublished facility to its own operator', async () => {
    const { operator, facility } = await createOperatorWithFacility(pool, { ...somewhere(), published: false });
    const tokens = await loginAs(apiUrl(), operator.owner);
    await request(apiUrl()).get(`/api/facilities/${facility.id}`).set('authorization', bearer(tokens)).expect(200);
  });
});

describe('GET /api/facilities/:id/availability', () => {
  it('counts free spaces per type for the window, and drops when a booking is inserted', async () => {
    const { facility } = await createOperatorWithFacility(pool, { ...somewhere(), spaces: { standard: 3, accessible: 1 } });
    const window = { start: '2031-06-03T08:00:00Z', end: '2031-06-03T12:00:00Z' };
    const before = await request(apiUrl()).get(`/api/facilities/${facility.id}/availability`).query(window).set('authorization', driverToken).expect(200);
    expect(before.body.perType).toEqual([
      { spaceType: 'standard', level: 'few', available: 3, capacity: 3 },
      { spaceType: 'accessible', level: 'few', available: 1, capacity: 1 },
    ]);

    await bookSpace(facility, facility.spaces.standard![0]!, '2031-06-03T11:00:00Z', '2031-06-03T13:00:00Z');
    const after = await request(apiUrl()).get(`/api/facilities/${facility.id}/availability`).query(window).set('authorization', driverToken).expect(200);
    const body = after.body as FacilityAvailability;
    expect(body.perType[0]).toMatchObject({ spaceType: 'standard', available: 2 });
    // Berlin is UTC+2 in June: the 11:00Z hour is local 13:00.
    const hour = (local: string) => body.timeline.find((h) => h.localStart === local)!;
    expect(hour('12:00').perType[0]).toMatchObject({ available: 3 });
    expect(hour('13:00').perType[0]).toMatchObject({ available: 2 });
    expect(hour('14:00').perType[0]).toMatchObject({ available: 2 });
    expect(hour('15:00').perType[0]).toMatchObject({ available: 3 });
    expect(hour('13:00').start).toBe('2031-06-03T11:00:00.000Z');
  });

  it('has 23 hours on the day Berlin springs forward, local 02:00 skipped, open by the opening hours', async () => {
    const { facility } = await createOperatorWithFacility(pool, { ...somewhere(), openingHours: OFFICE_HOURS as never });
    const res = await request(apiUrl())
      .get(`/api/facilities/${facility.id}/availability`)
      .query({ start: '2031-03-30T08:00:00Z', end: '2031-03-30T09:00:00Z' })
      .set('authorization', driverToken)
      .expect(200);
    const body = res.body as FacilityAvailability;
    expect(body.timeZone).toBe('Europe/Berlin');
    expect(body.timeline).toHaveLength(23);
    expect(body.timeline.slice(0, 4).map((h) => h.localStart)).toEqual(['00:00', '01:00', '03:00', '04:00']);
    expect(body.timeline[0]!.start).toBe('2031-03-29T23:00:00.000Z');
    // Sunday: open 09:30–18:00, so the 09:00 hour is partly open and 18:00 is closed.
    expect(body.timeline.filter((h) => h.open).map((h) => h.localStart)).toEqual([
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
      '17:00',
    ]);
  });

  it('has 25 hours on the day Berlin falls back', async () => {
    const { facility } = await createOperatorWithFacility(pool, somewhere());
    const res = await request(apiUrl())
      .get(`/api/facilities/${facility.id}/availability`)
      .query({ start: '2031-10-26T10:00:00Z', end: '2031-10-26T11:00:00Z' })
      .expect(200);
    expect(res.body.timeline).toHaveLength(25);
    expect(res.body.timeline.every((h: { open: boolean }) => h.open)).toBe(true);
    expect(res.body.fidelity).toBe('coarse');
    expect(res.body.perType).toEqual([{ spaceType: 'standard', level: 'few', available: null, capacity: null }]);
  });

  it('answers a missing or reversed window with 400 naming the field', async () => {
    const { facility } = await createOperatorWithFacility(pool, somewhere());
    const missing = await request(apiUrl()).get(`/api/facilities/${facility.id}/availability`).query({ start: '2031-01-01T10:00:00Z' }).expect(400);
    expect(missing.body.details.fields.map((d: { field: string }) => d.field)).toEqual(['end']);
    const reversed = await request(apiUrl())
      .get(`/api/facilities/${facility.id}/availability`)
      .query({ start: '2031-01-01T10:00:00Z', end: '2031-01-01T09:00:00Z' })
      .expect(400);
    expect(reversed.body.details).toMatchObject({ code: 'invalid_window', fields: [{ field: 'end' }] });
  });
});
