import type pg from 'pg';
import request from 'supertest';
import type { MarketplacePage } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { bearer, createApiKey, signedInUser } from '../support/factories.js';
import { createFacility, createOperator, createOperatorWithFacility, type TestFacility } from '../support/facility-factories.js';
import { north, somewhere, uniqueCity } from './places.js';

let pool: pg.Pool;
let driverToken: string;
beforeAll(async () => {
  pool = testPool();
  driverToken = bearer((await signedInUser(pool, apiUrl())).tokens);
});
afterAll(async () => {
  await pool.end();
});

/** As the signed-in driver unless told otherwise; `null` searches anonymously. */
function search(query: Record<string, string | number>, authorization: string | null = driverToken) {
  const req = request(apiUrl()).get('/api/proxy/marketplace').query(query);
  return authorization ? req.set('authorization', authorization) : req;
}

async function bookSpace(facility: TestFacility, spaceId: string, start: string, end: string, status = 'confirmed'): Promise<void> {
  const driver = (await signedInUser(pool, apiUrl())).account;
  await pool.query(
    `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at)
     SELECT 'T' || substr(md5(random()::text), 1, 9), $1, $2, $3, s.space_type, tstzrange($4, $5), $6::booking_status, 'B-TEST-1', 600, 'EUR', now() + interval '10 minutes'
       FROM spaces s WHERE s.id = $3`,
    [driver.id, facility.id, spaceId, start, end, status],
  );
}

const WINDOW = { start: '2031-05-06T08:00:00Z', end: '2031-05-06T10:00:00Z' };

describe('GET /api/proxy/marketplace — locating', () => {
  it('finds facilities within the radius, nearest first, with their distance; farther ones are cut exactly', async () => {
    const here = somewhere();
    const operator = await createOperator(pool);
    const near = await createFacility(pool, operator, north(here, 300));
    const middle = await createFacility(pool, operator, north(here, 900));
    await createFacility(pool, operator, north(here, 1_300));

    const res = await search({ lat: here.lat, lng: here.lng, radius: 1000 }).expect(200);
    const body = res.body as MarketplacePage;
    expect(body.results.map((r) => r.facility.id)).toEqual([near.id, middle.id]);
    expect(body.results[0]!.distanceMeters).toBeGreaterThan(280);
    expect(body.results[0]!.distanceMeters).toBeLessThan(320);
    expect(body.results[1]!.distanceMeters).toBeGreaterThan(880);
    expect(body.nextCursor).toBeNull();
  });

  it('finds facilities inside a bounding box, and none outside it', async () => {
    const here = somewhere();
    const inside = await createOperatorWithFacility(pool, { lat: here.lat + 0.001, lng: here.lng + 0.001 });
    await createOperatorWithFacility(pool, { lat: here.lat + 0.001, lng: here.lng + 0.02 });
    const bbox = `${here.lng},${here.lat},${here.lng + 0.01},${here.lat + 0.01}`;
    const res = await search({ bbox }).expect(200);
    expect(res.body.results.map((r: { facility: { id: string } }) => r.facility.id)).toEqual([inside.facility.id]);
    expect(res.body.results[0].distanceMeters).toBeNull();
  });

  it('finds facilities by city, whatever the case', async () => {
    const city = uniqueCity();
    const { facility } = await createOperatorWithFacility(pool, { city, ...somewhere() });
    const res = await search({ city: city.toUpperCase() }).expect(200);
    expect(res.body.results.map((r: { facility: { id: string } }) => r.facility.id)).toEqual([facility.id]);
    expect(res.body.results[0].facility).toMatchObject({ city, spaceTypes: ['standard'], open24x7: true, currency: 'EUR', timeZone: 'Europe/Berlin' });
  });

  it('never lists unpublished facilities, facilities of operators not approved, or canaries', async () => {
    const city = uniqueCity();
    const where = { city, ...somewhere() };
    const listed = await createOperatorWithFacility(pool, where);
    await createOperatorWithFacility(pool, { ...where, published: false });
    await createOperatorWithFacility(pool, { ...where, isCanary: true });
    for (const status of ['draft', 'submitted', 'rejected'] as const) await createFacility(pool, await createOperator(pool, { status }), where);

    const byCity = await search({ city }).expect(200);
    expect(byCity.body.results.map((r: { facility: { id: string } }) => r.facility.id)).toEqual([listed.facility.id]);
    const byPoint = await search({ lat: where.lat, lng: where.lng, radius: 100 }).expect(200);
    expect(byPoint.body.results.map((r: { facility: { id: string } }) => r.facility.id)).toEqual([listed.facility.id]);
    const list = await request(apiUrl()).get('/api/proxy/facilities').query({ city }).expect(200);
    expect(list.body.results.map((r: { id: string }) => r.id)).toEqual([listed.facility.id]);
  });
});

describe('GET /api/proxy/marketplace — filters and quotes', () => {
  it('prices the window with the requested space type and counts its free spaces for the whole window', async () => {
    const here = somewhere();
    const { facility } = await createOperatorWithFacility(pool, { ...here, spaces: { standard: 3, ev: 2 }, hourlyCents: { standard: 300, ev: 450 } });
    const res = await search({ lat: here.lat, lng: here.lng, ...WINDOW, spaceType: 'ev' }).expect(200);
    expect(res.body.results).toHaveLength(1);
    expect(res.body.results[0].quote).toMatchObject({ totalCents: 900, currency: 'EUR', billedMinutes: 120, timeZone: 'Europe/Berlin' });
    expect(res.body.results[0].availability).toEqual({ spaceType: 'ev', level: 'few', available: 2, capacity: 2 });

    // A booking overlapping only the window's last minutes still takes the space for the whole window.
    await bookSpace(facility, facility.spaces.ev![0]!, '2031-05-06T09:59:00Z', '2031-05-06T11:00:00Z');
    const after = await search({ lat: here.lat, lng: here.lng, ...WINDOW, spaceType: 'ev' }).expect(200);
    expect(after.body.results[0].availability).toMatchObject({ available: 1, capacity: 2 });
    // Cancelled bookings and back-to-back ones free nothing up.
    await bookSpace(facility, facility.spaces.ev![1]!, '2031-05-06T08:00:00Z', '2031-05-06T09:00:00Z', 'cancelled');
    await bookSpace(facility, facility.spaces.ev![1]!, '2031-05-06T10:00:00Z', '2031-05-06T12:00:00Z');
    const same = await search({ lat: here.lat, lng: here.lng, ...WINDOW, spaceType: 'ev' }).expect(200);
    expect(same.body.results[0].availability).toMatchObject({ available: 1 });
  });

  it('counts a held extension as occupied (occupied_period, not period)', async () => {
    const here = somewhere();
    const { facility } = await createOperatorWithFacility(pool, { ...here, spaces: { standard: 1 } });
    await bookSpace(facility, facility.spaces.standard![0]!, '2031-05-06T06:00:00Z', '2031-05-06T07:00:00Z');
    await pool.query(`UPDATE bookings SET extension_hold_end = '2031-05-06T09:00:00Z' WHERE space_id = $1`, [facility.spaces.standard![0]]);
    const res = await search({ lat: here.lat, lng: here.lng, ...WINDOW }).expect(200);
    expect(res.body.results[0].availability).toEqual({ spaceType: 'standard', level: 'none', available: 0, capacity: 1 });
  });

  it('lists only facilities with a space of the type, and all the amenities asked for', async () => {
    const city = uniqueCity();
    const operator = await createOperator(pool);
    const both = await createFacility(pool, operator, { city, amenities: ['covered', 'ev_charging', 'cctv'], spaces: { standard: 1, ev: 1 } });
    await createFacility(pool, operator, { city, amenities: ['covered'], spaces: { standard: 1, ev: 1 } });
    await createFacility(pool, operator, { city, amenities: ['covered', 'ev_charging'], spaces: { standard: 1 } });

    const res = await search({ city, spaceType: 'ev', amenities: 'ev_charging,covered' }).expect(200);
    expect(res.body.results.map((r: { facility: { id: string } }) => r.facility.id)).toEqual([both.id]);
  });

  it('filters and sorts by the quote of the window, daily caps and multipliers included', async () => {
    const city = uniqueCity();
    const operator = await createOperator(pool);
    // 2 h at 300/h = 600; 2 h at 200/h but ×2 in the morning = 800; 2 h at 500/h capped at 700 a day = 700.
    const cheap = await createFacility(pool, operator, { city, hourlyCents: { standard: 300 } });
    const peak = await createFacility(pool, operator, {
      city,
      hourlyCents: { standard: 200 },
      multipliers: [{ days: ['tue'], from: '09:00', to: '13:00', multiplier: 2 }],
    });
    const capped = await createFacility(pool, operator, { city, hourlyCents: { standard: 500 }, dailyMaxCents: 700 });

    const byPrice = await search({ city, ...WINDOW, sort: 'price' }).expect(200);
    expect(byPrice.body.results.map((r: { facility: { id: string }; quote: { totalCents: number } }) => [r.facility.id, r.quote.totalCents])).toEqual([
      [cheap.id, 600],
      [capped.id, 700],
      [peak.id, 800],
    ]);
    const underBudget = await search({ city, ...WINDOW, sort: 'price', maxPriceCents: 700 }).expect(200);
    expect(underBudget.body.results.map((r: { facility: { id: string } }) => r.facility.id)).toEqual([cheap.id, capped.id]);
    // Without a window the hourly rate is the price.
    const hourly = await search({ city, sort: 'price', maxPriceCents: 300 }).expect(200);
    expect(hourly.body.results.map((r: { facility: { id: string }; quote: unknown }) => [r.facility.id, r.quote])).toEqual([
      [peak.id, null],
      [cheap.id, null],
    ]);
  });

  it('sorts by availability, most free spaces first', async () => {
    const city = uniqueCity();
    const operator = await createOperator(pool);
    const few = await createFacility(pool, operator, { city, spaces: { standard: 2 } });
    const many = await createFacility(pool, operator, { city, spaces: { standard: 9 } });
    const some = await createFacility(pool, operator, { city, spaces: { standard: 4 } });
    const res = await search({ city, ...WINDOW, sort: 'availability', limit: 2 }).expect(200);
    expect(res.body.results.map((r: { facility: { id: string } }) => r.facility.id)).toEqual([many.id, some.id]);
    const next = await search({ city, ...WINDOW, sort: 'availability', limit: 2, cursor: res.body.nextCursor }).expect(200);
    expect(next.body.results.map((r: { facility: { id: string } }) => r.facility.id)).toEqual([few.id]);
    expect(next.body.nextCursor).toBeNull();
  });
});

describe('GET /api/proxy/marketplace — paging', () => {
  it.each([
    ['distance', {}],
    ['price', {}],
    ['price', WINDOW],
    ['availability', WINDOW],
  ] as const)('walks every page sorted by %s without duplicates or gaps', async (sort, window) => {
    const here = somewhere();
    const operator = await createOperator(pool);
    const created: string[] = [];
    // Equal prices and distances on purpose: the id breaks ties.
    for (let i = 0; i < 7; i++)
      created.push((await createFacility(pool, operator, { ...north(here, (i % 3) * 100), hourlyCents: { standard: 200 + (i % 2) * 100 } })).id);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await search({ lat: here.lat, lng: here.lng, radius: 1000, sort, limit: 3, ...window, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...res.body.results.map((r: { facility: { id: string } }) => r.facility.id));
      cursor = res.body.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created));
  });

  it('finds the nearest listed facility behind many nearer ones that are not listed', async () => {
    const here = somewhere();
    const hidden = await createOperator(pool, { status: 'submitted' });
    for (let i = 0; i < 14; i++) await createFacility(pool, hidden, north(here, 100 + i * 10));
    const { facility } = await createOperatorWithFacility(pool, north(here, 800));
    const res = await search({ lat: here.lat, lng: here.lng, radius: 1000, limit: 1 }).expect(200);
    expect(res.body.results.map((r: { facility: { id: string } }) => r.facility.id)).toEqual([facility.id]);
    expect(res.body.nextCursor).toBeNull();
  });

  it('pages at most 50 results; 51 is a 400 naming limit', async () => {
    const res = await search({ city: uniqueCity(), limit: 51 }).expect(400);
    expect(res.body.details.fields).toEqual([{ field: 'limit', code: 'too_large', message: expect.stringContaining('50'), params: { max: 50 } }]);
    await search({ city: uniqueCity(), limit: 50 }).expect(200);
  });

  it('refuses a cursor that was altered or belongs to another search', async () => {
    const city = uniqueCity();
    const operator = await createOperator(pool);
    for (let i = 0; i < 3; i++) await createFacility(pool, operator, { city });
    const first = await search({ city, limit: 1 }).expect(200);
    const cursor: string = first.body.nextCursor;
    const [body, signature] = cursor.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), page: 2 })).toString('base64url')}x.${signature}`;
    const altered = await search({ city, limit: 1, cursor: forged }).expect(400);
    expect(altered.body.details).toMatchObject({ code: 'invalid_cursor', fields: [{ field: 'cursor' }] });
    const other = await search({ city, limit: 1, cursor, spaceType: 'ev' }).expect(400);
    expect(other.body.details.code).toBe('invalid_cursor');
    await search({ city, limit: 1, cursor: 'not-a-cursor' }).expect(400);
  });
});

describe('GET /api/proxy/marketplace — bad input', () => {
  it.each([
    [{ lat: 91, lng: 0 }, 'lat'],
    [{ lat: 'north', lng: 0 }, 'lat'],
    [{ lat: 1, lng: 2, radius: 50_001 }, 'radius'],
    [{ city: 'X', sort: 'rating' }, 'sort'],
    [{ city: 'X', spaceType: 'truck' }, 'spaceType'],
    [{ city: 'X', amenities: 'covered,sauna' }, 'amenities'],
    [{ city: 'X', start: 'tomorrow', end: '2031-01-01T00:00:00Z' }, 'start'],
    [{ city: 'X', maxPriceCents: -1 }, 'maxPriceCents'],
    [{ bbox: '1,2,3' }, 'bbox'],
    [{ city: 'X', page: 2 }, 'page'],
  ])('answers %j with 400 naming %s', async (query, field) => {
    const res = await search(query as Record<string, string | number>).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', requestId: expect.any(String) });
    expect(res.body.details.fields.map((d: { field: string }) => d.field)).toContain(field);
  });

  it.each([
    [{}, 'lat'],
    [{ lat: 1 }, 'lng'],
    [{ lat: 1, lng: 2, city: 'X' }, 'bbox'],
    [{ bbox: '9,50,10,51', radius: 100 }, 'radius'],
    [{ bbox: '10,50,9,51' }, 'bbox'],
    [{ bbox: '9,50,10,51', sort: 'distance' }, 'sort'],
    [{ city: 'X', start: '2031-01-01T10:00:00Z' }, 'end'],
    [{ city: 'X', start: '2031-01-01T10:00:00Z', end: '2031-01-01T09:00:00Z' }, 'end'],
    [{ city: 'X', start: '2031-01-01T10:00:00Z', end: '2031-03-01T10:00:00Z' }, 'end'],
  ])('answers the inconsistent %j with 400 naming %s', async (query, field) => {
    const res = await search(query as Record<string, string | number>).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, details: { fields: [{ field }] } });
  });
});

describe('GET /api/proxy/marketplace — fidelity', () => {
  it('tells anonymous callers a level only; drivers and API keys get exact counts', async () => {
    const here = somewhere();
    await createOperatorWithFacility(pool, { ...here, spaces: { standard: 4 } });
    const anonymous = await search({ lat: here.lat, lng: here.lng, ...WINDOW }, null).expect(200);
    expect(anonymous.body.fidelity).toBe('coarse');
    expect(anonymous.body.results[0].availability).toEqual({ spaceType: 'standard', level: 'few', available: null, capacity: null });

    const driver = await search({ lat: here.lat, lng: here.lng, ...WINDOW }).expect(200);
    expect(driver.body.fidelity).toBe('full');
    expect(driver.body.results[0].availability).toEqual({ spaceType: 'standard', level: 'few', available: 4, capacity: 4 });

    const key = await createApiKey(apiUrl(), (await signedInUser(pool, apiUrl(), 'operator')).tokens);
    const integrator = await request(apiUrl())
      .get('/api/proxy/marketplace')
      .query({ lat: here.lat, lng: here.lng, ...WINDOW })
      .set('x-api-key', key.key)
      .expect(200);
    expect(integrator.body.fidelity).toBe('full');
    expect(integrator.body.results[0].availability.available).toBe(4);
  });

  it('says "many" above five free spaces', async () => {
    const here = somewhere();
    await createOperatorWithFacility(pool, { ...here, spaces: { standard: 6 } });
    const res = await search({ lat: here.lat, lng: here.lng }, null).expect(200);
    expect(res.body.results[0].availability.level).toBe('many');
  });

  it('stops anonymous callers after five pages with 403 anonymous_page_limit; signed-in callers go on', async () => {
    const city = uniqueCity();
    const operator = await createOperator(pool);
    for (let i = 0; i < 7; i++) await createFacility(pool, operator, { city });

    let cursor: string | undefined;
    for (let page = 1; page <= 5; page++) {
      const res = await search({ city, limit: 1, ...(cursor ? { cursor } : {}) }, null).expect(200);
      cursor = res.body.nextCursor;
    }
    const refused = await search({ city, limit: 1, cursor: cursor! }, null).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, details: { code: 'anonymous_page_limit', maxPages: 5 } });
    expect(refused.body.message).toMatch(/sign in/i);

    const signedIn = await search({ city, limit: 1, cursor: cursor! }).expect(200);
    expect(signedIn.body.results).toHaveLength(1);
  });

  it('treats a bad Bearer token on this public route as anonymous', async () => {
    const here = somewhere();
    await createOperatorWithFacility(pool, here);
    const res = await search({ lat: here.lat, lng: here.lng }, 'Bearer not-a-token').expect(200);
    expect(res.body.fidelity).toBe('coarse');
  });
});

describe('GET /api/proxy/facilities', () => {
  it('lists the catalogue by name with filters and cursor pages', async () => {
    const city = uniqueCity();
    const operator = await createOperator(pool);
    const c = await createFacility(pool, operator, { city, name: 'Garage C', amenities: ['covered'] });
    const a = await createFacility(pool, operator, { city, name: 'Garage A', amenities: ['covered'], spaces: { standard: 1, motorcycle: 2 } });
    const b = await createFacility(pool, operator, { city, name: 'Garage B', amenities: ['covered', 'valet'] });
    await createFacility(pool, operator, { city, name: 'Garage D' });

    const first = await request(apiUrl()).get('/api/proxy/facilities').query({ city, amenities: 'covered', limit: 2 }).expect(200);
    expect(first.body.results.map((f: { id: string }) => f.id)).toEqual([a.id, b.id]);
    expect(first.body.results[0].spaceTypes).toEqual(['standard', 'motorcycle']);
    const second = await request(apiUrl())
      .get('/api/proxy/facilities')
      .query({ city, amenities: 'covered', limit: 2, cursor: first.body.nextCursor })
      .expect(200);
    expect(second.body.results.map((f: { id: string }) => f.id)).toEqual([c.id]);
    expect(second.body.nextCursor).toBeNull();

    const motorcycles = await request(apiUrl()).get('/api/proxy/facilities').query({ city, spaceType: 'motorcycle' }).expect(200);
    expect(motorcycles.body.results.map((f: { id: string }) => f.id)).toEqual([a.id]);
  });

  it('lists the space types of active spaces as spaces are deactivated, retyped, moved and deleted', async () => {
    const city = uniqueCity();
    const operator = await createOperator(pool, { status: 'approved' });
    const a = await createFacility(pool, operator, { city, name: 'Garage A', spaces: { standard: 1, motorcycle: 2 } });
    const b = await createFacility(pool, operator, { city, name: 'Garage B', spaces: { ev: 1 } });
    const types = async () => {
      const res = await request(apiUrl()).get('/api/proxy/facilities').query({ city }).expect(200);
      return Object.fromEntries(res.body.results.map((f: { id: string; spaceTypes: string[] }) => [f.id, f.spaceTypes]));
    };
    expect(await types()).toEqual({ [a.id]: ['standard', 'motorcycle'], [b.id]: ['ev'] });

    await pool.query(`UPDATE spaces SET active = false WHERE facility_id = $1 AND space_type = 'motorcycle'`, [a.id]);
    expect(await types()).toEqual({ [a.id]: ['standard'], [b.id]: ['ev'] });
    // One statement over two facilities: a's standard space becomes accessible, b's ev space moves to a.
    await pool.query(
      `UPDATE spaces SET space_type = CASE WHEN facility_id = $1 THEN 'accessible'::space_type ELSE space_type END, facility_id = $1 WHERE facility_id IN ($1, $2) AND active`,
      [a.id, b.id],
    );
    expect(await types()).toEqual({ [a.id]: ['ev', 'accessible'], [b.id]: [] });
    await pool.query(`UPDATE spaces SET active = true WHERE facility_id = $1 AND space_type = 'motorcycle'`, [a.id]);
    await pool.query(`DELETE FROM spaces WHERE facility_id = $1 AND space_type = 'accessible'`, [a.id]);
    expect(await types()).toEqual({ [a.id]: ['ev', 'motorcycle'], [b.id]: [] });
  });

  it('answers a bad filter with 400 naming it', async () => {
    const res = await request(apiUrl()).get('/api/proxy/facilities').query({ spaceType: 'bus' }).expect(400);
    expect(res.body.details.fields[0].field).toBe('spaceType');
  });
});
