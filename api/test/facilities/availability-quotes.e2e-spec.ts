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
