import type pg from 'pg';
import request from 'supertest';
import type {
  AuthTokens,
  BlackoutCreated,
  CreateFacilityRequest,
  ManagedFacility,
  BulkSpaceChangeResult,
  ManagedSpaceList,
  OperatorBookingDetail,
  OperatorBookingPage,
  OperatorFacilityList,
} from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { holdBooking, paidBooking, postBooking, windowAhead } from '../support/booking-helpers.js';
import { testPool, unique } from '../support/db.js';
import { bearer, loginAs, signedInUser } from '../support/factories.js';
import { createFacility, createOperator, type TestOperator } from '../support/facility-factories.js';
import { uniqueCity } from '../facilities/places.js';

let pool: pg.Pool;
beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  await pool.end();
});

async function signedInOperator(status: 'draft' | 'approved' = 'approved'): Promise<{ operator: TestOperator; tokens: AuthTokens; auth: string }> {
  const operator = await createOperator(pool, { status });
  const tokens = await loginAs(apiUrl(), operator.owner);
  return { operator, tokens, auth: bearer(tokens) };
}

function newFacility(overrides: Partial<CreateFacilityRequest> = {}): CreateFacilityRequest {
  return {
    name: 'Central Garage',
    description: 'Two levels under the square.',
    addressLine: 'Alexanderplatz 1',
    city: unique('Berlin'),
    postalCode: '10178',
    countryCode: 'DE',
    location: { lat: 52.5219, lng: 13.4132 },
    timeZone: 'Europe/Berlin',
    currency: 'EUR',
    openingHours: null,
    amenities: ['covered', 'ev_charging'],
    heightLimitCm: 210,
    photos: ['https://images.example.test/garage.jpg'],
    minDurationMinutes: 30,
    maxDurationMinutes: 10_080,
    rates: [
      { spaceType: 'standard', hourlyCents: 300, dailyMaxCents: 2400, multipliers: [{ days: ['mon', 'tue'], from: '07:00', to: '10:00', multiplier: 1.5 }] },
      { spaceType: 'ev', hourlyCents: 450, dailyMaxCents: null, multipliers: [] },
    ],
    spaces: { standard: 40, ev: 6 },
    ...overrides,
  };
}

async function createViaApi(auth: string, overrides: Partial<CreateFacilityRequest> = {}): Promise<ManagedFacility> {
  const res = await request(apiUrl()).post('/api/facilities').set('authorization', auth).send(newFacility(overrides));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ManagedFacility;
}

describe('POST /api/facilities', () => {
  it('creates an unpublished facility with rates, spaces in bulk and a slug from name and city', async () => {
    const { auth, operator } = await signedInOperator();
    const body = newFacility();
    const res = await request(apiUrl()).post('/api/facilities').set('authorization', auth).send(body).expect(201);
    const facility = res.body as ManagedFacility;
    expect(facility).toMatchObject({
      operatorId: operator.id,
      name: 'Central Garage',
      slug: `central-garage-${body.city.toLowerCase()}`,
      published: false,
      listed: false,
      open24x7: true,
      timeZone: 'Europe/Berlin',
      heightLimitCm: 210,
      spaces: [
        { spaceType: 'standard', count: 40 },
        { spaceType: 'ev', count: 6 },
      ],
      inactiveSpaces: [],
    });
    expect(facility.rates).toEqual([
      { spaceType: 'standard', hourlyCents: 300, dailyMaxCents: 2400, multipliers: body.rates[0]!.multipliers, currency: 'EUR' },
      { spaceType: 'ev', hourlyCents: 450, dailyMaxCents: null, multipliers: [], currency: 'EUR' },
    ]);
    const labels = await pool.query<{ label: string }>(`SELECT label FROM spaces WHERE facility_id = $1 AND space_type = 'ev' ORDER BY label`, [facility.id]);
    expect(labels.rows.map((r) => r.label)).toEqual(['EV-001', 'EV-002', 'EV-003', 'EV-004', 'EV-005', 'EV-006']);
  });

  it('numbers the slug when name and city are taken', async () => {
    const { auth } = await signedInOperator();
    const city = unique('Hamburg');
    const first = await createViaApi(auth, { city });
    const second = await createViaApi(auth, { city });
    expect(second.slug).toBe(`${first.slug}-2`);
  });

  it('refuses invalid fields with 400 naming each field', async () => {
    const { auth } = await signedInOperator();
    const res = await request(apiUrl())
      .post('/api/facilities')
      .set('authorization', auth)
      .send(newFacility({ countryCode: 'germany', location: { lat: 91, lng: 13 }, photos: ['http://insecure.example.test/a.jpg'] }))
      .expect(400);
    const fields = (res.body.details.fields as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['countryCode', 'location.lat', 'photos']));
  });

  it('refuses an unknown time zone, bad opening hours and bad multipliers with 400', async () => {
    const { auth } = await signedInOperator();
    const res = await request(apiUrl())
      .post('/api/facilities')
      .set('authorization', auth)
      .send(
        newFacility({
          timeZone: 'Mars/Olympus',
          openingHours: { mon: [['25:00', '10:00']] } as never,
          rates: [
            {
              spaceType: 'standard',
              hourlyCents: 300,
              dailyMaxCents: null,
              multipliers: [{ days: ['mon'], from: '7:00', to: '10:00', multiplier: 1.5 }],
            },
          ],
          spaces: { standard: 5 },
        }),
      )
      .expect(400);
    expect(res.body.details.code).toBe('invalid_facility');
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['timeZone', 'openingHours', 'rates.0.multipliers']);
  });

  it('refuses spaces of a type without a rate', async () => {
    const { auth } = await signedInOperator();
    const res = await request(apiUrl())
      .post('/api/facilities')
      .set('authorization', auth)
      .send(newFacility({ spaces: { standard: 4, motorcycle: 2 } }))
      .expect(400);
    expect(res.body.details.fields).toEqual([
      { field: 'rates', code: 'too_few', message: 'motorcycle spaces need a rate', params: { missing: ['motorcycle'] } },
    ]);
  });

  it('needs an operators row (any status) and the operator role', async () => {
    const draft = await signedInOperator('draft');
    await request(apiUrl()).post('/api/facilities').set('authorization', draft.auth).send(newFacility()).expect(201);
    const bare = await signedInUser(pool, apiUrl(), 'operator');
    const res = await request(apiUrl()).post('/api/facilities').set('authorization', bearer(bare.tokens)).send(newFacility()).expect(403);
    expect(res.body.details.code).toBe('operator_not_found');
    const driver = await signedInUser(pool, apiUrl(), 'driver');
    await request(apiUrl()).post('/api/facilities').set('authorization', bearer(driver.tokens)).send(newFacility()).expect(403);
  });
});

describe('PATCH /api/facilities/:id, publishing and rates', () => {
  it('changes any subset of fields and keeps the rest', async () => {
    const { auth } = await signedInOperator();
    const created = await createViaApi(auth);
    const res = await request(apiUrl())
      .patch(`/api/facilities/${created.id}`)
      .set('authorization', auth)
      .send({ name: 'Central Garage North', openingHours: { mon: [['07:00', '22:00']] }, heightLimitCm: null })
      .expect(200);
    expect(res.body).toMatchObject({
      name: 'Central Garage North',
      open24x7: false,
      openingHours: { mon: [['07:00', '22:00']] },
      heightLimitCm: null,
      slug: created.slug,
      city: created.city,
    });
  });

  it('refuses a null for a required field, a minimum above the maximum and unknown fields', async () => {
    const { auth } = await signedInOperator();
    const created = await createViaApi(auth);
    const nulled = await request(apiUrl()).patch(`/api/facilities/${created.id}`).set('authorization', auth).send({ name: null }).expect(400);
    expect(nulled.body.details.fields).toEqual([{ field: 'name', code: 'required', message: 'name may not be null' }]);
    const order = await request(apiUrl())
      .patch(`/api/facilities/${created.id}`)
      .set('authorization', auth)
      .send({ minDurationMinutes: 1440, maxDurationMinutes: 60 })
      .expect(400);
    expect(order.body.details.fields[0].field).toBe('maxDurationMinutes');
    await request(apiUrl())
      .patch(`/api/facilities/${created.id}`)
      .set('authorization', auth)
      .send({ spaces: { standard: 3 } })
      .expect(400);
  });

  it('publishes into the marketplace once the operator is approved, and unpublishes', async () => {
    const { auth } = await signedInOperator();
    const created = await createViaApi(auth);
    const driver = bearer((await signedInUser(pool, apiUrl())).tokens);
    await request(apiUrl()).get(`/api/facilities/${created.id}`).set('authorization', driver).expect(404);
    const published = await request(apiUrl()).post(`/api/facilities/${created.id}/publish`).set('authorization', auth).expect(200);
    expect(published.body).toMatchObject({ published: true, listed: true });
    await request(apiUrl()).get(`/api/facilities/${created.id}`).set('authorization', driver).expect(200);
    const inCity = await request(apiUrl()).get('/api/proxy/marketplace').query({ city: created.city }).set('authorization', driver).expect(200);
    expect(inCity.body.results.map((r: { facility: { id: string } }) => r.facility.id)).toEqual([created.id]);
    await request(apiUrl()).post(`/api/facilities/${created.id}/unpublish`).set('authorization', auth).expect(200);
    await request(apiUrl()).get(`/api/facilities/${created.id}`).set('authorization', driver).expect(404);
  });

  it('a draft operator’s published facility is not listed', async () => {
    const { auth } = await signedInOperator('draft');
    const created = await createViaApi(auth, { published: true });
    expect(created).toMatchObject({ published: true, listed: false });
  });

  it('PUT /rates replaces the rate cards but keeps one for every type with spaces', async () => {
    const { auth } = await signedInOperator();
    const created = await createViaApi(auth);
    const res = await request(apiUrl())
      .put(`/api/facilities/${created.id}/rates`)
      .set('authorization', auth)
      .send({
        rates: [
          { spaceType: 'standard', hourlyCents: 350, dailyMaxCents: 2000, multipliers: [] },
          { spaceType: 'ev', hourlyCents: 500, dailyMaxCents: null, multipliers: [] },
        ],
      })
      .expect(200);
    expect(res.body.rates.map((r: { hourlyCents: number }) => r.hourlyCents)).toEqual([350, 500]);
    const dropped = await request(apiUrl())
      .put(`/api/facilities/${created.id}/rates`)
      .set('authorization', auth)
      .send({ rates: [{ spaceType: 'standard', hourlyCents: 350, dailyMaxCents: null, multipliers: [] }] })
      .expect(400);
    expect(dropped.body.details.fields).toEqual([{ field: 'rates', code: 'too_few', message: 'ev spaces need a rate', params: { missing: ['ev'] } }]);
  });
});

describe('rate limits', () => {
  const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  function rateWith(multiplier: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
    return {
      spaceType: 'standard',
      hourlyCents: 300,
      dailyMaxCents: null,
      multipliers: [{ days: ['mon'], from: '07:00', to: '10:00', multiplier: 1.5, ...multiplier }],
      ...overrides,
    };
  }
  const fieldsOf = (res: request.Response): string[] => (res.body.details.fields as { field: string }[]).map((d) => d.field);

  it.each([1e308, 1e6, 10.5, -1, 1.005])('refuses a multiplier of %p with 400 naming rates.0.multipliers.0.multiplier', async (multiplier) => {
    const { auth } = await signedInOperator();
    const created = await createViaApi(auth, {
      rates: [{ spaceType: 'standard', hourlyCents: 300, dailyMaxCents: null, multipliers: [] }],
      spaces: { standard: 2 },
    });
    const res = await request(apiUrl())
      .put(`/api/facilities/${created.id}/rates`)
      .set('authorization', auth)
      .send({ rates: [rateWith({ multiplier })] })
      .expect(400);
    expect(fieldsOf(res)).toEqual(['rates.0.multipliers.0.multiplier']);
    const stored = await pool.query(`SELECT multipliers FROM rates WHERE facility_id = $1`, [created.id]);
    expect(stored.rows).toEqual([{ multipliers: [] }]);
  });

  it('refuses extra fields inside a multiplier, on creation and on update, naming each', async () => {
    const { auth } = await signedInOperator();
    const payload = { note: '<img src=x onerror=alert(1)>', padding: 'x'.repeat(200_000) };
    const refused = await request(apiUrl())
      .post('/api/facilities')
      .set('authorization', auth)
      .send(newFacility({ rates: [rateWith(payload)] as never, spaces: { standard: 2 } }))
      .expect(400);
    expect(fieldsOf(refused)).toEqual(['rates.0.multipliers.0.note', 'rates.0.multipliers.0.padding']);

    const created = await createViaApi(auth);
    const patched = await request(apiUrl())
      .patch(`/api/facilities/${created.id}`)
      .set('authorization', auth)
      .send({ rates: [rateWith({ note: '<img src=x onerror=alert(1)>' }), { spaceType: 'ev', hourlyCents: 450, dailyMaxCents: null, multipliers: [] }] })
      .expect(400);
    expect(fieldsOf(patched)).toEqual(['rates.0.multipliers.0.note']);
    const stored = await pool.query(`SELECT count(*)::int AS n FROM rates WHERE facility_id = $1 AND multipliers::text LIKE '%onerror%'`, [created.id]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('refuses hourly and daily amounts above the limits, repeated weekdays and too many rules', async () => {
    const { auth } = await signedInOperator();
    const tooMany = Array.from({ length: 51 }, () => ({ days: ['mon'], from: '07:00', to: '10:00', multiplier: 1.5 }));
    const res = await request(apiUrl())
      .post('/api/facilities')
      .set('authorization', auth)
      .send(
        newFacility({
          rates: [
            {
              spaceType: 'standard',
              hourlyCents: 1_000_001,
              dailyMaxCents: 10_000_001,
              multipliers: [{ days: ['mon', 'mon'], from: '07:00', to: '10:00', multiplier: 1 }],
            },
            { spaceType: 'ev', hourlyCents: 300, dailyMaxCents: null, multipliers: tooMany },
          ] as never,
        }),
      )
      .expect(400);
    expect(fieldsOf(res)).toEqual(['rates.0.hourlyCents', 'rates.0.dailyMaxCents', 'rates.0.multipliers.0.days', 'rates.1.multipliers']);
  });

  it('refuses a rate whose price for a 30-day stay would not fit a booking, and accepts it with a daily maximum', async () => {
    const { auth } = await signedInOperator();
    const created = await createViaApi(auth, {
      rates: [{ spaceType: 'standard', hourlyCents: 300, dailyMaxCents: null, multipliers: [] }],
      spaces: { standard: 2 },
    });
    const steep = {
      spaceType: 'standard' as const,
      hourlyCents: 1_000_000,
      dailyMaxCents: null,
      multipliers: [{ days: [...everyDay], from: '00:00', to: '24:00', multiplier: 10 }],
    };
    const refused = await request(apiUrl())
      .put(`/api/facilities/${created.id}/rates`)
      .set('authorization', auth)
      .send({ rates: [steep] })
      .expect(400);
    expect(refused.body.details.code).toBe('invalid_facility');
    expect(refused.body.details.fields).toEqual([
      {
        field: 'rates.0.hourlyCents',
        code: 'too_large',
        params: { reason: 'stay_overflow', days: 30 },
        message: expect.stringMatching(/^at this rate a 30-day stay could cost up to 7,200,\d{3},\d{3} cents, more than a booking can hold/),
      },
    ]);

    const capped = await request(apiUrl())
      .put(`/api/facilities/${created.id}/rates`)
      .set('authorization', auth)
      .send({ rates: [{ ...steep, dailyMaxCents: 10_000_000 }] })
      .expect(200);
    expect(capped.body.rates[0]).toMatchObject({ hourlyCents: 1_000_000, dailyMaxCents: 10_000_000 });
  });
});

describe('a stored rate that cannot price a window (saved before the rate limits)', () => {
  const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  const window = windowAhead(6, 24);

  async function legacyFacilities(city: string) {
    const operator = await createOperator(pool);
    const fine = await createFacility(pool, operator, { city, hourlyCents: { standard: 300 } });
    const infinite = await createFacility(pool, operator, {
      city,
      multipliers: [{ days: [...everyDay], from: '00:00', to: '24:00', multiplier: 1e308 }],
    });
    const overflowing = await createFacility(pool, operator, {
      city,
      hourlyCents: { standard: 1_000_000 },
      multipliers: [{ days: [...everyDay], from: '00:00', to: '24:00', multiplier: 1e6 }],
    });
    return { fine, infinite, overflowing };
  }

  it.each(['price', 'availability'])('leaves those facilities out of a search with a window sorted by %s, and answers 200 for the others', async (sort) => {
    const city = uniqueCity();
    const { fine } = await legacyFacilities(city);
    const driver = await signedInUser(pool, apiUrl());
    const res = await request(apiUrl())
      .get('/api/proxy/marketplace')
      .query({ city, sort, ...window })
      .set('authorization', bearer(driver.tokens))
      .expect(200);
    expect(res.body.results.map((r: { facility: { id: string } }) => r.facility.id)).toEqual([fine.id]);
    expect(res.body.results[0].quote.totalCents).toBe(24 * 300);
  });

  it('answers a booking there with 409 rate_unavailable, and books the others', async () => {
    const { fine, infinite, overflowing } = await legacyFacilities(uniqueCity());
    const driver = await signedInUser(pool, apiUrl());
    for (const facility of [infinite, overflowing]) {
      const res = await postBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-RT 1', ...window }).expect(409);
      expect(res.body.details).toMatchObject({ code: 'rate_unavailable', spaceType: 'standard' });
    }
    await postBooking(apiUrl(), driver.tokens, { facilityId: fine.id, spaceType: 'standard', vehiclePlate: 'B-RT 1', ...window }).expect(201);
  });

  it('refuses with 409 an extension that would take a booking priced under an older rate past the largest price', async () => {
    const { fine } = await legacyFacilities(uniqueCity());
    const driver = await signedInUser(pool, apiUrl());
    const { booking } = await paidBooking(apiUrl(), driver.tokens, { facilityId: fine.id, spaceType: 'standard', vehiclePlate: 'B-RT 2', ...window });
    await pool.query(`UPDATE bookings SET amount_cents = 2147483000 WHERE id = $1`, [booking.id]);
    const res = await request(apiUrl())
      .post(`/api/bookings/${booking.id}/extend`)
      .set('authorization', bearer(driver.tokens))
      .send({ end: new Date(Date.parse(window.end) + 3 * 3_600_000).toISOString() })
      .expect(409);
    expect(res.body.details).toMatchObject({ code: 'rate_unavailable' });
    expect((await pool.query(`SELECT count(*)::int AS n FROM booking_extensions WHERE booking_id = $1`, [booking.id])).rows[0].n).toBe(0);
  });

  it('serves only a rule’s own fields on the public facility page', async () => {
    const operator = await createOperator(pool);
    const rule = { days: ['mon'], from: '07:00', to: '10:00', multiplier: 1.5 } as const;
    const facility = await createFacility(pool, operator, { multipliers: [{ ...rule, days: [...rule.days], note: '<img src=x onerror=alert(1)>' } as never] });
    const res = await request(apiUrl()).get(`/api/facilities/${facility.id}`).expect(200);
    expect(res.body.rates[0].multipliers).toEqual([rule]);
  });
});

describe('spaces', () => {
  it('adds spaces in bulk, continuing each type’s numbering', async () => {
    const { auth } = await signedInOperator();
    const created = await createViaApi(auth, { spaces: { standard: 2, ev: 1 } });
    const res = await request(apiUrl()).post(`/api/facilities/${created.id}/spaces`).set('authorization', auth).send({ standard: 2, ev: 1 }).expect(201);
    const labels = (res.body as ManagedSpaceList).results.map((s) => s.label);
    expect(labels).toEqual(['STANDARD-001', 'STANDARD-002', 'STANDARD-003', 'STANDARD-004', 'EV-001', 'EV-002']);
  });

  it('refuses spaces of a type without a rate, and an empty request', async () => {
    const { auth } = await signedInOperator();
    const created = await createViaApi(auth);
    await request(apiUrl()).post(`/api/facilities/${created.id}/spaces`).set('authorization', auth).send({ oversize: 2 }).expect(400);
    await request(apiUrl()).post(`/api/facilities/${created.id}/spaces`).set('authorization', auth).send({}).expect(400);
    await request(apiUrl()).post(`/api/facilities/${created.id}/spaces`).set('authorization', auth).send({ standard: -1 }).expect(400);
  });

  it('refuses to deactivate a space with a future booking and lists the booking; deactivates it once cancelled', async () => {
    const { operator, auth } = await signedInOperator();
    const facility = await createFacility(pool, operator, { spaces: { standard: 1 } });
    const driver = await signedInUser(pool, apiUrl());
    const booking = await holdBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-AB 123', ...windowAhead(3) });
    const spaceId = facility.spaces.standard![0]!;

    const spaces = await request(apiUrl()).get(`/api/facilities/${facility.id}/spaces`).set('authorization', auth).expect(200);
    expect(spaces.body.results[0]).toMatchObject({
      id: spaceId,
      active: true,
      nextBooking: { id: booking.id, code: booking.code, start: booking.start, end: booking.end },
    });

    const refused = await request(apiUrl()).post(`/api/facilities/${facility.id}/spaces/${spaceId}/deactivate`).set('authorization', auth).expect(409);
    expect(refused.body.details.code).toBe('space_has_future_bookings');
    expect(refused.body.details.bookings).toEqual([
      expect.objectContaining({ code: booking.code, start: booking.start, end: booking.end, status: 'pending_payment' }),
    ]);

    await pool.query(`UPDATE bookings SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [booking.id]);
    const done = await request(apiUrl()).post(`/api/facilities/${facility.id}/spaces/${spaceId}/deactivate`).set('authorization', auth).expect(200);
    expect(done.body.results[0]).toMatchObject({ id: spaceId, active: false, nextBooking: null });
    const again = await request(apiUrl()).post(`/api/facilities/${facility.id}/spaces/${spaceId}/activate`).set('authorization', auth).expect(200);
    expect(again.body.results[0].active).toBe(true);
  });

  it('deactivates and reactivates spaces in bulk, idempotently', async () => {
    const { operator, auth } = await signedInOperator();
    const facility = await createFacility(pool, operator, { spaces: { standard: 4, ev: 2 } });
    const ids = [facility.spaces.standard![0]!, facility.spaces.standard![1]!, facility.spaces.ev![0]!];
    const url = `/api/facilities/${facility.id}/spaces`;

    const first = await request(apiUrl()).post(`${url}/deactivate`).set('authorization', auth).send({ spaceIds: ids }).expect(200);
    const result = first.body as BulkSpaceChangeResult;
    expect(result).toMatchObject({ changed: 3, unchanged: 0 });
    expect(
      result.spaces.results
        .filter((space) => !space.active)
        .map((space) => space.id)
        .sort(),
    ).toEqual([...ids].sort());

    const again = await request(apiUrl()).post(`${url}/deactivate`).set('authorization', auth).send({ spaceIds: ids }).expect(200);
    expect(again.body).toMatchObject({ changed: 0, unchanged: 3 });

    const manage = await request(apiUrl()).get(`/api/facilities/${facility.id}/manage`).set('authorization', auth).expect(200);
    expect((manage.body as ManagedFacility).inactiveSpaces).toEqual(
      expect.arrayContaining([
        { spaceType: 'standard', count: 2 },
        { spaceType: 'ev', count: 1 },
      ]),
    );

    const back = await request(apiUrl())
      .post(`${url}/activate`)
      .set('authorization', auth)
      .send({ spaceIds: [ids[0], ids[0]!.toUpperCase(), facility.spaces.standard![2]] })
      .expect(200);
    expect(back.body).toMatchObject({ changed: 1, unchanged: 1 });
  });

  it('refuses a bulk deactivation with a booking that has not ended, names it, and changes nothing', async () => {
    const { operator, auth } = await signedInOperator();
    const facility = await createFacility(pool, operator, { spaces: { standard: 3 } });
    const driver = await signedInUser(pool, apiUrl());
    const booking = await holdBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-AB 123', ...windowAhead(2) });
    const refused = await request(apiUrl())
      .post(`/api/facilities/${facility.id}/spaces/deactivate`)
      .set('authorization', auth)
      .send({ spaceIds: facility.spaces.standard })
      .expect(409);
    expect(refused.body.details.code).toBe('space_has_future_bookings');
    expect(refused.body.details.bookings).toEqual([expect.objectContaining({ code: booking.code, spaceLabel: booking.spaceLabel })]);
    expect(refused.body.message).toContain(booking.spaceLabel);
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM spaces WHERE facility_id = $1 AND active`, [facility.id]);
    expect(rows[0]!.n).toBe(3);
  });

  it('refuses spaces of another facility with 404, and malformed or empty lists with 400', async () => {
    const { operator, auth } = await signedInOperator();
    const mine = await createFacility(pool, operator);
    const other = await createFacility(pool, operator);
    const url = `/api/facilities/${mine.id}/spaces/deactivate`;
    const foreign = other.spaces.standard![0]!;
    const res = await request(apiUrl())
      .post(url)
      .set('authorization', auth)
      .send({ spaceIds: [mine.spaces.standard![0], foreign] })
      .expect(404);
    expect(res.body.details.spaceIds).toEqual([foreign]);
    await request(apiUrl()).post(url).set('authorization', auth).send({ spaceIds: [] }).expect(400);
    await request(apiUrl())
      .post(url)
      .set('authorization', auth)
      .send({ spaceIds: ['nope'] })
      .expect(400);
    await request(apiUrl()).post(url).set('authorization', auth).send({}).expect(400);
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM spaces WHERE facility_id = $1 AND NOT active`, [mine.id]);
    expect(rows[0]!.n).toBe(0);
  });

  it('answers 404 for a space of another facility', async () => {
    const { operator, auth } = await signedInOperator();
    const mine = await createFacility(pool, operator);
    const other = await createFacility(pool, operator);
    await request(apiUrl()).post(`/api/facilities/${mine.id}/spaces/${other.spaces.standard![0]}/deactivate`).set('authorization', auth).expect(404);
  });
});

describe('blackouts', () => {
  it('lists the live bookings inside a new blackout, refuses new bookings in it and lowers availability', async () => {
    const { operator, auth } = await signedInOperator();
    const facility = await createFacility(pool, operator, { spaces: { standard: 3 } });
    const driver = await signedInUser(pool, apiUrl());
    const window = windowAhead(4, 2);
    const kept = await holdBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-AB 1', ...window });

    const created = await request(apiUrl())
      .post(`/api/facilities/${facility.id}/blackouts`)
      .set('authorization', auth)
      .send({ start: window.start, end: window.end, reason: 'Resurfacing' })
      .expect(201);
    const body = created.body as BlackoutCreated;
    expect(body.blackout).toMatchObject({
      facilityId: facility.id,
      start: window.start,
      end: window.end,
      spaceType: null,
      spaceIds: null,
      reason: 'Resurfacing',
    });
    expect(body.bookingsInside.map((b) => b.code)).toEqual([kept.code]);
    const stillThere = await pool.query(`SELECT status FROM bookings WHERE id = $1`, [kept.id]);
    expect(stillThere.rows[0].status).toBe('pending_payment');

    const refused = await postBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-AB 2', ...window }).expect(
      409,
    );
    expect(refused.body.details).toMatchObject({ code: 'blacked_out', blackout: { reason: 'Resurfacing' } });

    const availability = await request(apiUrl())
      .get(`/api/facilities/${facility.id}/availability`)
      .query(window)
      .set('authorization', bearer(driver.tokens))
      .expect(200);
    expect(availability.body.perType).toEqual([expect.objectContaining({ spaceType: 'standard', available: 0, capacity: 3 })]);

    const list = await request(apiUrl()).get(`/api/facilities/${facility.id}/blackouts`).set('authorization', auth).expect(200);
    expect(list.body.results.map((b: { id: string }) => b.id)).toEqual([body.blackout.id]);
    await request(apiUrl()).delete(`/api/facilities/${facility.id}/blackouts/${body.blackout.id}`).set('authorization', auth).expect(204);
    await postBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-AB 2', ...window }).expect(201);
  });

  it('a blackout of some spaces leaves the others bookable and counts the rest', async () => {
    const { operator, auth } = await signedInOperator();
    const facility = await createFacility(pool, operator, { spaces: { standard: 2 } });
    const driver = await signedInUser(pool, apiUrl());
    const window = windowAhead(5, 2);
    const [closed, open] = facility.spaces.standard!;
    await request(apiUrl())
      .post(`/api/facilities/${facility.id}/blackouts`)
      .set('authorization', auth)
      .send({ ...window, spaceIds: [closed] })
      .expect(201);

    const availability = await request(apiUrl())
      .get(`/api/facilities/${facility.id}/availability`)
      .query(window)
      .set('authorization', bearer(driver.tokens))
      .expect(200);
    expect(availability.body.perType[0]).toMatchObject({ available: 1, capacity: 2 });
    const booked = await holdBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-AB 3', ...window });
    const space = await pool.query(`SELECT space_id FROM bookings WHERE id = $1`, [booked.id]);
    expect(space.rows[0].space_id).toBe(open);
    await postBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-AB 4', ...window }).expect(409);
  });

  it('lowers the marketplace count for a window overlapping a blackout', async () => {
    const { operator, auth } = await signedInOperator();
    const city = unique('Blackoutville');
    const facility = await createFacility(pool, operator, { city, spaces: { standard: 4 } });
    const driver = bearer((await signedInUser(pool, apiUrl())).tokens);
    const window = windowAhead(6, 2);
    await request(apiUrl())
      .post(`/api/facilities/${facility.id}/blackouts`)
      .set('authorization', auth)
      .send({ ...window, spaceType: 'standard' })
      .expect(201);
    const during = await request(apiUrl())
      .get('/api/proxy/marketplace')
      .query({ city, ...window })
      .set('authorization', driver)
      .expect(200);
    expect(during.body.results[0].availability).toMatchObject({ available: 0, capacity: 4 });
    const after = await request(apiUrl())
      .get('/api/proxy/marketplace')
      .query({ city, ...windowAhead(7, 2) })
      .set('authorization', driver)
      .expect(200);
    expect(after.body.results[0].availability).toMatchObject({ available: 4, capacity: 4 });
  });

  it('refuses an end before the start, both scopes at once and spaces of another facility', async () => {
    const { operator, auth } = await signedInOperator();
    const facility = await createFacility(pool, operator);
    const other = await createFacility(pool, operator);
    const window = windowAhead(2);
    await request(apiUrl())
      .post(`/api/facilities/${facility.id}/blackouts`)
      .set('authorization', auth)
      .send({ start: window.end, end: window.start })
      .expect(400);
    await request(apiUrl())
      .post(`/api/facilities/${facility.id}/blackouts`)
      .set('authorization', auth)
      .send({ ...window, spaceType: 'standard', spaceIds: facility.spaces.standard })
      .expect(400);
    const foreign = await request(apiUrl())
      .post(`/api/facilities/${facility.id}/blackouts`)
      .set('authorization', auth)
      .send({ ...window, spaceIds: other.spaces.standard })
      .expect(400);
    expect(foreign.body.details.code).toBe('invalid_blackout');
  });
});

describe('DELETE /api/facilities/:id/blackouts/:blackoutId', () => {
  async function blackoutOf(auth: string, facilityId: string): Promise<string> {
    const res = await request(apiUrl()).post(`/api/facilities/${facilityId}/blackouts`).set('authorization', auth).send(windowAhead(12)).expect(201);
    return (res.body as BlackoutCreated).blackout.id;
  }
  const stored = async (id: string): Promise<number> => (await pool.query(`SELECT 1 FROM facility_blackouts WHERE id = $1`, [id])).rowCount ?? 0;

  it('removes the blackout with 204, then answers 404 for it', async () => {
    const { operator, auth } = await signedInOperator();
    const facility = await createFacility(pool, operator);
    const id = await blackoutOf(auth, facility.id);
    await request(apiUrl()).delete(`/api/facilities/${facility.id}/blackouts/${id}`).set('authorization', auth).expect(204);
    expect(await stored(id)).toBe(0);
    const again = await request(apiUrl()).delete(`/api/facilities/${facility.id}/blackouts/${id}`).set('authorization', auth).expect(404);
    expect(again.body.details).toMatchObject({ code: 'blackout_not_found' });
  });

  it('answers 404 for an unknown id, a blackout of another facility and one of another operator, and every blackout stays', async () => {
    const a = await signedInOperator();
    const b = await signedInOperator();
    const facility = await createFacility(pool, a.operator);
    const sibling = await createFacility(pool, a.operator);
    const foreign = await createFacility(pool, b.operator);
    const own = await blackoutOf(a.auth, facility.id);
    const siblings = await blackoutOf(a.auth, sibling.id);
    const others = await blackoutOf(b.auth, foreign.id);
    for (const id of ['6f1c7f1e-0000-4000-8000-000000000000', siblings, others]) {
      const res = await request(apiUrl()).delete(`/api/facilities/${facility.id}/blackouts/${id}`).set('authorization', a.auth).expect(404);
      expect(res.body.details).toMatchObject({ code: 'blackout_not_found' });
    }
    expect([await stored(own), await stored(siblings), await stored(others)]).toEqual([1, 1, 1]);
  });
});

describe('GET /api/operator/facilities', () => {
  it('lists the operator’s own facilities, unpublished included, with counts', async () => {
    const { operator, auth } = await signedInOperator();
    const published = await createFacility(pool, operator, { name: 'A garage', spaces: { standard: 3 } });
    const draft = await createFacility(pool, operator, { name: 'B garage', published: false, spaces: { standard: 2, ev: 1 } });
    await createFacility(pool, await createOperator(pool));
    const driver = await signedInUser(pool, apiUrl());
    await holdBooking(apiUrl(), driver.tokens, { facilityId: published.id, spaceType: 'standard', vehiclePlate: 'B-AB 5', ...windowAhead(2) });
    const res = await request(apiUrl()).get('/api/operator/facilities').set('authorization', auth).expect(200);
    expect((res.body as OperatorFacilityList).results).toEqual([
      expect.objectContaining({
        id: published.id,
        published: true,
        listed: true,
        activeSpaces: 3,
        inactiveSpaces: 0,
        upcomingBookings: 1,
        currentBlackouts: 0,
      }),
      expect.objectContaining({ id: draft.id, published: false, listed: false, activeSpaces: 3, upcomingBookings: 0 }),
    ]);
  });
});

describe('GET /api/operator/bookings and bookings.csv', () => {
  async function operatorWithBookings() {
    const { operator, auth } = await signedInOperator();
    const facility = await createFacility(pool, operator, { name: 'Garage, "Central"', spaces: { standard: 5 } });
    const driver = await signedInUser(pool, apiUrl());
    const early = await holdBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-XY 100', ...windowAhead(2) });
    const late = await holdBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'M-QQ 7', ...windowAhead(3) });
    const elsewhere = await createOperator(pool).then((o) => createFacility(pool, o));
    const foreign = await holdBooking(apiUrl(), driver.tokens, {
      facilityId: elsewhere.id,
      spaceType: 'standard',
      vehiclePlate: 'B-XY 100',
      ...windowAhead(2),
    });
    return { auth, facility, early, late, foreign };
  }

  it('lists bookings of the operator’s facilities only, newest first by default, paged by cursor', async () => {
    const { auth, early, late } = await operatorWithBookings();
    const first = await request(apiUrl()).get('/api/operator/bookings').query({ limit: 1 }).set('authorization', auth).expect(200);
    const page1 = first.body as OperatorBookingPage;
    expect(page1.results.map((b) => b.code)).toEqual([late.code]);
    const second = await request(apiUrl()).get('/api/operator/bookings').query({ limit: 1, cursor: page1.nextCursor }).set('authorization', auth).expect(200);
    expect(second.body.results.map((b: { code: string }) => b.code)).toEqual([early.code]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('puts a booking made last on page 1 whatever its start, and sorts by start on request', async () => {
    const { auth, facility, early, late } = await operatorWithBookings();
    const driver = await signedInUser(pool, apiUrl());
    const newest = await holdBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'K-NW 1', ...windowAhead(1) });
    const list = async (query: Record<string, string | number>) =>
      (await request(apiUrl()).get('/api/operator/bookings').query(query).set('authorization', auth).expect(200)).body as OperatorBookingPage;
    const codes = async (query: Record<string, string | number>) => (await list(query)).results.map((b) => b.code);
    expect(await codes({ limit: 1 })).toEqual([newest.code]);
    expect(await codes({})).toEqual([newest.code, late.code, early.code]);
    expect(await codes({ sort: 'created_asc' })).toEqual([early.code, late.code, newest.code]);
    expect(await codes({ sort: 'start_desc' })).toEqual([late.code, early.code, newest.code]);
    expect(await codes({ sort: 'start_asc' })).toEqual([newest.code, early.code, late.code]);

    const page1 = await list({ sort: 'start_asc', limit: 2 });
    expect(await codes({ sort: 'start_asc', limit: 2, cursor: page1.nextCursor! })).toEqual([late.code]);
    // A cursor continues only the order it was made for.
    await request(apiUrl()).get('/api/operator/bookings').query({ sort: 'created_desc', cursor: page1.nextCursor }).set('authorization', auth).expect(400);
    await request(apiUrl()).get('/api/operator/bookings').query({ sort: 'cheapest' }).set('authorization', auth).expect(400);
  });

  it('filters by plate or code, status, facility and period', async () => {
    const { auth, facility, early, late } = await operatorWithBookings();
    const codes = async (query: Record<string, string>) =>
      ((await request(apiUrl()).get('/api/operator/bookings').query(query).set('authorization', auth).expect(200)).body as OperatorBookingPage).results.map(
        (b) => b.code,
      );
    expect(await codes({ q: 'bxy1' })).toEqual([early.code]);
    expect(await codes({ q: late.code })).toEqual([late.code]);
    expect(await codes({ status: 'confirmed' })).toEqual([]);
    expect(await codes({ facilityId: facility.id, from: windowAhead(3).start, to: windowAhead(4).start })).toEqual([late.code]);
    await request(apiUrl()).get('/api/operator/bookings').query({ status: 'nonsense' }).set('authorization', auth).expect(400);
    await request(apiUrl()).get('/api/operator/bookings').query({ cursor: 'forged' }).set('authorization', auth).expect(400);
  });

  const csvOf = (auth: string, query: Record<string, string> = {}) =>
    request(apiUrl())
      .get('/api/operator/bookings.csv')
      .query(query)
      .set('authorization', auth)
      .buffer(true)
      .parse((r, cb) => {
        let data = '';
        r.on('data', (c: Buffer) => (data += c.toString()));
        r.on('end', () => cb(null, data));
      })
      .expect(200);

  /** What a Berlin wall clock shows, as the export writes it (`YYYY-MM-DD HH:mm`). */
  const berlinTime = (iso: string) =>
    new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));

  it('exports the same bookings as RFC 4180 CSV in local time and currency units, with formula cells guarded', async () => {
    const { auth, early, late } = await operatorWithBookings();
    await pool.query(`UPDATE bookings SET vehicle_plate = '=HYPERLINK("x")', amount_cents = 1250 WHERE id = $1`, [late.id]);
    const res = await csvOf(auth);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('bookings.csv');
    const lines = (res.body as string).split('\r\n');
    expect(lines[0]).toBe('code,facility,space,space_type,start (Europe/Berlin),end (Europe/Berlin),status,vehicle_plate,amount (EUR),created (Europe/Berlin)');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`${late.code},"Garage, ""Central""",STANDARD-`);
    expect(lines[1]).toContain(`,${berlinTime(late.start)},${berlinTime(late.end)},pending_payment,"'=HYPERLINK(""x"")",12.50,`);
    expect(lines[2]).toContain(`${early.code},`);
    expect(lines[2]).toContain(`,B-XY 100,${(early.amountCents / 100).toFixed(2)},`);
    expect(lines[3]).toBe('');
  });

  it('keeps a zone and a currency column when the car parks differ, and names the one zone of a filtered export', async () => {
    const { operator, auth } = await signedInOperator();
    const berlin = await createFacility(pool, operator, { spaces: { standard: 1 } });
    const london = await createFacility(pool, operator, { spaces: { standard: 1 } });
    await pool.query(`UPDATE facilities SET time_zone = 'Europe/London', currency = 'GBP' WHERE id = $1`, [london.id]);
    const driver = await signedInUser(pool, apiUrl());
    const there = await holdBooking(apiUrl(), driver.tokens, { facilityId: london.id, spaceType: 'standard', vehiclePlate: 'LD-1', ...windowAhead(2) });
    await holdBooking(apiUrl(), driver.tokens, { facilityId: berlin.id, spaceType: 'standard', vehiclePlate: 'B-1', ...windowAhead(2) });
    const lines = ((await csvOf(auth)).body as string).split('\r\n');
    const header = lines[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['start (local time)', 'time_zone', 'amount', 'currency']));
    const row = lines.find((line) => line.startsWith(there.code))!.split(',');
    expect(row[header.indexOf('time_zone')]).toBe('Europe/London');
    expect(row[header.indexOf('currency')]).toBe('GBP');
    const only = ((await csvOf(auth, { facilityId: london.id })).body as string).split('\r\n')[0];
    expect(only).toContain('start (Europe/London)');
    expect(only).toContain('amount (GBP)');
  });
});

describe('GET /api/operator/bookings/:id', () => {
  it('shows its operator a booking with payments (brand and last four) and refunds, read-only', async () => {
    const { operator, auth } = await signedInOperator();
    const facility = await createFacility(pool, operator, { spaces: { standard: 2 } });
    const driver = await signedInUser(pool, apiUrl());
    const { booking, payment } = await paidBooking(apiUrl(), driver.tokens, {
      facilityId: facility.id,
      spaceType: 'standard',
      vehiclePlate: 'B-DT 42',
      ...windowAhead(5),
    });
    await request(apiUrl()).post(`/api/bookings/${booking.id}/cancel`).set('authorization', bearer(driver.tokens)).expect(200);

    const res = await request(apiUrl()).get(`/api/operator/bookings/${booking.id}`).set('authorization', auth).expect(200);
    const detail = res.body as OperatorBookingDetail;
    expect(detail).toMatchObject({
      id: booking.id,
      code: booking.code,
      facilityId: facility.id,
      facilityTimeZone: 'Europe/Berlin',
      status: 'cancelled',
      vehiclePlate: 'B-DT 42',
      start: booking.start,
      end: booking.end,
      holdExpiresAt: null,
    });
    expect(detail.cancelledAt).not.toBeNull();
    expect(detail.payments).toEqual([
      expect.objectContaining({ id: payment.id, purpose: 'booking', status: 'refunded', cardBrand: 'visa', cardLast4: '4242', testMode: true }),
    ]);
    expect(detail.refunds).toEqual([expect.objectContaining({ paymentId: payment.id, amountCents: booking.amountCents, currency: 'EUR' })]);
    expect(detail.extensions).toEqual([]);
  });

  it('answers 404 to another operator and for a malformed id; a driver may not use the route', async () => {
    const { operator } = await signedInOperator();
    const facility = await createFacility(pool, operator, { spaces: { standard: 1 } });
    const driver = await signedInUser(pool, apiUrl());
    const booking = await holdBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-X 1', ...windowAhead(2) });
    const stranger = await signedInOperator();
    const res = await request(apiUrl()).get(`/api/operator/bookings/${booking.id}`).set('authorization', stranger.auth).expect(404);
    expect(res.body.details.code).toBe('booking_not_found');
    await request(apiUrl()).get(`/api/operator/bookings/not-a-uuid`).set('authorization', stranger.auth).expect(404);
    await request(apiUrl()).get(`/api/operator/bookings/${booking.id}`).set('authorization', bearer(driver.tokens)).expect(403);
  });
});

describe('ownership: another operator gets 404 on every route', () => {
  it('answers 404 to operator B for each of operator A’s facility routes, and nothing changes', async () => {
    const a = await signedInOperator();
    const b = await signedInOperator();
    const facility = await createFacility(pool, a.operator, { published: false });
    const spaceId = facility.spaces.standard![0]!;
    const blackout = await request(apiUrl()).post(`/api/facilities/${facility.id}/blackouts`).set('authorization', a.auth).send(windowAhead(9)).expect(201);
    const blackoutId = (blackout.body as BlackoutCreated).blackout.id;
    const routes: [method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string, body?: object][] = [
      ['get', `/api/facilities/${facility.id}`],
      ['get', `/api/facilities/${facility.id}/manage`],
      ['patch', `/api/facilities/${facility.id}`, { name: 'Taken over' }],
      ['post', `/api/facilities/${facility.id}/publish`],
      ['post', `/api/facilities/${facility.id}/unpublish`],
      ['put', `/api/facilities/${facility.id}/rates`, { rates: [{ spaceType: 'standard', hourlyCents: 1, dailyMaxCents: null, multipliers: [] }] }],
      ['post', `/api/facilities/${facility.id}/spaces`, { standard: 1 }],
      ['get', `/api/facilities/${facility.id}/spaces`],
      ['post', `/api/facilities/${facility.id}/spaces/${spaceId}/deactivate`],
      ['post', `/api/facilities/${facility.id}/spaces/${spaceId}/activate`],
      ['post', `/api/facilities/${facility.id}/blackouts`, windowAhead(10)],
      ['get', `/api/facilities/${facility.id}/blackouts`],
      ['delete', `/api/facilities/${facility.id}/blackouts/${blackoutId}`],
    ];
    for (const [method, path, body] of routes) {
      const res = await request(apiUrl())[method](path).set('authorization', b.auth).send(body);
      expect({ route: `${method.toUpperCase()} ${path}`, status: res.status }).toEqual({ route: `${method.toUpperCase()} ${path}`, status: 404 });
      expect(res.body.details?.code).toMatch(/not_found$/);
    }
    const listed = await request(apiUrl()).get('/api/operator/facilities').set('authorization', b.auth).expect(200);
    expect(listed.body.results).toEqual([]);
    const bookings = await request(apiUrl()).get('/api/operator/bookings').query({ facilityId: facility.id }).set('authorization', b.auth).expect(200);
    expect(bookings.body.results).toEqual([]);

    const after = await request(apiUrl()).get(`/api/facilities/${facility.id}/manage`).set('authorization', a.auth).expect(200);
    expect(after.body).toMatchObject({
      published: false,
      rates: [expect.objectContaining({ hourlyCents: 300 })],
      spaces: [{ spaceType: 'standard', count: 3 }],
    });
    const stillThere = await request(apiUrl()).get(`/api/facilities/${facility.id}/blackouts`).set('authorization', a.auth).expect(200);
    expect(stillThere.body.results).toHaveLength(1);
  });

  it('lets an admin manage any facility', async () => {
    const a = await signedInOperator();
    const facility = await createFacility(pool, a.operator);
    const admin = bearer((await signedInUser(pool, apiUrl(), 'admin')).tokens);
    await request(apiUrl()).get(`/api/facilities/${facility.id}/spaces`).set('authorization', admin).expect(200);
    const created = await request(apiUrl())
      .post('/api/facilities')
      .set('authorization', admin)
      .send(newFacility({ operatorId: a.operator.id }))
      .expect(201);
    expect(created.body.operatorId).toBe(a.operator.id);
  });

  it('answers 404 for a malformed facility id', async () => {
    const a = await signedInOperator();
    await request(apiUrl()).get('/api/facilities/not-a-uuid/spaces').set('authorization', a.auth).expect(404);
  });
});
