import type pg from 'pg';
import request from 'supertest';
import type { FacilityAvailability } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { createOperatorWithFacility } from '../support/facility-factories.js';
import { somewhere } from './places.js';

let pool: pg.Pool;
beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  await pool.end();
});

describe('GET /api/facilities/:id/availability: the price of the stay', () => {
  it('quotes the window per space type, to anonymous visitors too, as the booking would price it', async () => {
    const { facility } = await createOperatorWithFacility(pool, {
      ...somewhere(),
      spaces: { standard: 2, ev: 1 },
      hourlyCents: { standard: 250, ev: 400 },
      // Mornings cost half as much again, by the car park's clock (Berlin, UTC+2 in June).
      multipliers: [{ days: ['tue'], from: '08:00', to: '10:00', multiplier: 1.5 }],
    });
    const res = await request(apiUrl())
      .get(`/api/facilities/${facility.id}/availability`)
      .query({ start: '2031-06-03T06:00:00Z', end: '2031-06-03T09:00:00Z' })
      .expect(200);
    const body = res.body as FacilityAvailability;
    expect(body.fidelity).toBe('coarse');
    const total = (type: string) => body.quotes.find((q) => q.spaceType === type)?.quote;
    // 08:00–10:00 local at 1.5×, 10:00–11:00 at 1×: 2 × 375 + 250 and 2 × 600 + 400.
    expect(total('standard')).toMatchObject({ totalCents: 1000, currency: 'EUR', timeZone: 'Europe/Berlin', billedMinutes: 180 });
    expect(total('ev')).toMatchObject({ totalCents: 1600, currency: 'EUR' });
  });
});

describe('GET /api/facilities/:id/availability: whether the car park takes the stay at all', () => {
  it('names what a booking would be refused for (closed for part of it, outside its stay limits), before any attempt', async () => {
    const { facility } = await createOperatorWithFacility(pool, {
      ...somewhere(),
      spaces: { standard: 2 },
      // Tuesdays 08:00–18:00 at the car park's clock (Berlin, UTC+2 in June); stays of 1 to 4 hours.
      openingHours: { tue: [['08:00', '18:00']] },
      minDurationMinutes: 60,
      maxDurationMinutes: 240,
    });
    const ask = async (start: string, end: string) =>
      ((await request(apiUrl()).get(`/api/facilities/${facility.id}/availability`).query({ start, end }).expect(200)).body as FacilityAvailability)
        .windowProblems;
    // Tuesday 10:00–12:00: taken as it is, and spaces are free.
    expect(await ask('2031-06-03T08:00:00Z', '2031-06-03T10:00:00Z')).toEqual([]);
    // Tuesday 17:00–19:00: closed from 18:00.
    expect(await ask('2031-06-03T15:00:00Z', '2031-06-03T17:00:00Z')).toEqual([{ code: 'outside_opening_hours', message: expect.any(String) }]);
    // Wednesday: closed all day.
    expect((await ask('2031-06-04T08:00:00Z', '2031-06-04T09:00:00Z')).map((p) => p.code)).toEqual(['outside_opening_hours']);
    // Tuesday 09:00–09:30, shorter than an hour; 08:00–17:00, longer than four.
    expect(await ask('2031-06-03T07:00:00Z', '2031-06-03T07:30:00Z')).toEqual([
      { code: 'shorter_than_minimum', message: 'This facility takes bookings of at least 1 hour.' },
    ]);
    expect((await ask('2031-06-03T06:00:00Z', '2031-06-03T15:00:00Z')).map((p) => p.code)).toEqual(['longer_than_maximum']);
  });
});
