import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import request from 'supertest';
import type { AuthTokens, BookingView, OperatorPassOverview, PassOfferList, PassOfferView, PassView } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { postBooking, postPayment } from '../support/booking-helpers.js';
import { testPool } from '../support/db.js';
import { waitForEmail } from '../support/mailbox.js';
import { bearer, loginAs, signedInUser } from '../support/factories.js';
import { createOperatorWithFacility, type FacilityOptions, type TestFacility, type TestOperator } from '../support/facility-factories.js';
import { somewhere } from '../facilities/places.js';

let pool: pg.Pool;
beforeAll(() => {
  pool = testPool();
});
afterAll(() => pool.end());

/** `YYYY-MM` of the month `ahead` months after the current one in Berlin (the factories' zone). */
function monthAhead(ahead: number): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number);
  const index = year! * 12 + (month! - 1) + ahead;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

async function facilityWithOffer(
  options: FacilityOptions,
  offer: { spaceType?: 'standard'; passLimit: number; priceCents: number },
): Promise<{ operator: TestOperator; facility: TestFacility; operatorTokens: AuthTokens }> {
  const { operator, facility } = await createOperatorWithFacility(pool, { ...somewhere(), ...options });
  const operatorTokens = await loginAs(apiUrl(), operator.owner);
  await putOffer(operatorTokens, facility.id, offer.spaceType ?? 'standard', offer).expect(200);
  return { operator, facility, operatorTokens };
}

const putOffer = (tokens: AuthTokens, facilityId: string, spaceType: string, body: object) =>
  request(apiUrl()).put(`/api/operator/facilities/${facilityId}/pass-offers/${spaceType}`).set('authorization', bearer(tokens)).send(body);

const buy = (tokens: AuthTokens, body: object, key = randomUUID()) =>
  request(apiUrl()).post('/api/passes').set('authorization', bearer(tokens)).set('idempotency-key', key).send(body);

async function boughtPass(tokens: AuthTokens, body: object): Promise<PassView> {
  const res = await buy(tokens, body);
  if (res.status !== 201) throw new Error(`pass failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as PassView;
}

const offersOf = async (facilityId: string) =>
  ((await request(apiUrl()).get(`/api/facilities/${facilityId}/pass-offers`).expect(200)).body as PassOfferList).items;

async function freeStandard(tokens: AuthTokens, facilityId: string, window: { start: string; end: string }): Promise<number> {
  const res = await request(apiUrl()).get(`/api/facilities/${facilityId}/availability`).query(window).set('authorization', bearer(tokens)).expect(200);
  return (res.body.perType as { spaceType: string; available: number }[]).find((t) => t.spaceType === 'standard')!.available;
}

/** A two-hour window starting `days` days and 10 hours after `from`. */
function windowAfter(from: string, days: number): { start: string; end: string } {
  const start = new Date(from).getTime() + days * 86_400_000 + 10 * 3_600_000;
  return { start: new Date(start).toISOString(), end: new Date(start + 2 * 3_600_000).toISOString() };
}

describe('PUT /api/operator/facilities/:id/pass-offers/:spaceType', () => {
  it('sets the offer of an own facility, validates it, and tells other operators and drivers nothing', async () => {
    const { facility, operatorTokens } = await facilityWithOffer({ spaces: { standard: 4 } }, { passLimit: 2, priceCents: 9000 });
    const set = await putOffer(operatorTokens, facility.id, 'standard', { passLimit: 3, priceCents: 12_000 }).expect(200);
    expect(set.body as PassOfferView).toMatchObject({ spaceType: 'standard', passLimit: 3, priceCents: 12_000, currency: 'EUR', timeZone: 'Europe/Berlin' });
    expect((set.body as PassOfferView).months.map((m) => m.month)).toEqual([monthAhead(0), monthAhead(1), monthAhead(2)]);
    expect((set.body as PassOfferView).months[1]).toMatchObject({ priceCents: 12_000, sold: 0, left: 3 });

    const tooMany = await putOffer(operatorTokens, facility.id, 'standard', { passLimit: 5, priceCents: 100 }).expect(400);
    expect(tooMany.body.details).toMatchObject({ code: 'invalid_pass_offer', fields: [expect.objectContaining({ field: 'passLimit', code: 'too_large' })] });
    await putOffer(operatorTokens, facility.id, 'standard', { passLimit: -1, priceCents: 100 }).expect(400);
    await putOffer(operatorTokens, facility.id, 'standard', { passLimit: 1, priceCents: 0 }).expect(400);
    await putOffer(operatorTokens, facility.id, 'standard', { passLimit: 1.5, priceCents: 100 }).expect(400);
    const otherType = await putOffer(operatorTokens, facility.id, 'ev', { passLimit: 1, priceCents: 100 }).expect(400);
    expect(otherType.body.details.code).toBe('space_type_not_offered');
    await putOffer(operatorTokens, facility.id, 'rocket', { passLimit: 1, priceCents: 100 }).expect(400);

    const other = await signedInUser(pool, apiUrl(), 'operator');
    const notTheirs = await putOffer(other.tokens, facility.id, 'standard', { passLimit: 1, priceCents: 100 }).expect(404);
    expect(notTheirs.body).toMatchObject({ statusCode: 404, error: 'Not Found', requestId: expect.any(String) });
    await request(apiUrl()).get(`/api/operator/facilities/${facility.id}/passes`).set('authorization', bearer(other.tokens)).expect(404);
    const driver = await signedInUser(pool, apiUrl(), 'driver');
    await putOffer(driver.tokens, facility.id, 'standard', { passLimit: 1, priceCents: 100 }).expect(403);

    const admin = await signedInUser(pool, apiUrl(), 'admin');
    await putOffer(admin.tokens, facility.id, 'standard', { passLimit: 4, priceCents: 12_000 }).expect(200);
    expect((await offersOf(facility.id))[0]).toMatchObject({ passLimit: 4 });
  });
});

describe('monthly passes', () => {
  it('a paid pass takes one space for every window of its month and none outside it, in the facility page and the marketplace', async () => {
    const here = somewhere();
    const { facility, operatorTokens } = await facilityWithOffer({ ...here, name: 'Pass Garage', spaces: { standard: 3 } }, { passLimit: 2, priceCents: 9000 });
    const driver = await signedInUser(pool, apiUrl(), 'driver');
    const month = monthAhead(1);

    const pass = await boughtPass(driver.tokens, { facilityId: facility.id, spaceType: 'standard', month, vehiclePlate: 'b-ps 1' });
    expect(pass).toMatchObject({
      month,
      status: 'pending_payment',
      amountCents: 9000,
      currency: 'EUR',
      vehiclePlate: 'B-PS 1',
      facility: { name: 'Pass Garage' },
    });
    expect(pass.booking.holdExpiresAt).toEqual(expect.any(String));
    await postPayment(apiUrl(), driver.tokens, { bookingId: pass.booking.id }).expect(201);
    const paid = (await request(apiUrl()).get(`/api/passes/${pass.id}`).set('authorization', bearer(driver.tokens)).expect(200)).body as PassView;
    expect(paid).toMatchObject({ status: 'confirmed', cancellableNow: true, refundableNowCents: 9000 });
    // Local midnight on the 1st to local midnight on the next 1st.
    const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    expect([berlin.format(new Date(paid.start)), berlin.format(new Date(paid.end))]).toEqual(['1, 00:00', '1, 00:00']);
    const email = await waitForEmail(pool, driver.account.email, /^Monthly pass confirmed/);
    expect(email.subject).toBe(
      `Monthly pass confirmed: ${pass.booking.code} at Pass Garage, ${new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(new Date(paid.start))}`,
    );
    expect(email.text).toContain('Entries: unlimited within opening hours (open around the clock)');

    const offer = (await offersOf(facility.id))[0]!;
    expect(offer.months.find((m) => m.month === month)).toMatchObject({ sold: 1, left: 1 });
    expect(offer.months.find((m) => m.month === monthAhead(2))).toMatchObject({ sold: 0, left: 2 });

    for (const window of [
      windowAfter(paid.start, 0),
      windowAfter(paid.start, 17),
      { start: new Date(new Date(paid.end).getTime() - 3_600_000).toISOString(), end: paid.end },
    ]) {
      expect(await freeStandard(driver.tokens, facility.id, window)).toBe(2);
    }
    const after = { start: paid.end, end: new Date(new Date(paid.end).getTime() + 2 * 3_600_000).toISOString() };
    expect(await freeStandard(driver.tokens, facility.id, after)).toBe(3);

    const search = (window: { start: string; end: string }) =>
      request(apiUrl())
        .get('/api/proxy/marketplace')
        .query({ lat: here.lat, lng: here.lng, spaceType: 'standard', ...window })
        .set('authorization', bearer(driver.tokens))
        .expect(200);
    expect((await search(windowAfter(paid.start, 9))).body.results[0].availability).toMatchObject({ available: 2, capacity: 3 });
    expect((await search(after)).body.results[0].availability).toMatchObject({ available: 3, capacity: 3 });

    // In the driver's bookings the pass's booking says it is one, and is cancelled only as a pass.
    const bookings = (await request(apiUrl()).get('/api/bookings').set('authorization', bearer(driver.tokens)).expect(200)).body.items as BookingView[];
    expect(bookings.find((b) => b.id === pass.booking.id)).toMatchObject({ passId: pass.id, status: 'confirmed' });
    const asBooking = await request(apiUrl()).post(`/api/bookings/${pass.booking.id}/cancel`).set('authorization', bearer(driver.tokens)).expect(409);
    expect(asBooking.body.details).toMatchObject({ code: 'booking_is_pass', passId: pass.id });

    // The operator sees it sold, and who holds it; another driver sees nothing.
    const overview = (await request(apiUrl()).get(`/api/operator/facilities/${facility.id}/passes`).set('authorization', bearer(operatorTokens)).expect(200))
      .body as OperatorPassOverview;
    expect(overview.offers[0]!.months.find((m) => m.month === month)).toMatchObject({ sold: 1, left: 1 });
    expect(overview.holders).toEqual([
      expect.objectContaining({ id: pass.id, month, status: 'confirmed', vehiclePlate: 'B-PS 1', bookingCode: pass.booking.code }),
    ]);
    await request(apiUrl()).get(`/api/passes/${pass.id}`).set('authorization', bearer(operatorTokens)).expect(200);
    const stranger = await signedInUser(pool, apiUrl(), 'driver');
    await request(apiUrl()).get(`/api/passes/${pass.id}`).set('authorization', bearer(stranger.tokens)).expect(404);
    await request(apiUrl()).post(`/api/passes/${pass.id}/cancel`).set('authorization', bearer(stranger.tokens)).expect(404);
    expect((await request(apiUrl()).get('/api/passes').set('authorization', bearer(stranger.tokens)).expect(200)).body.items).toEqual([]);

    // Cancelled before its month: all of it back, and the space with it.
    const cancelled = await request(apiUrl()).post(`/api/passes/${pass.id}/cancel`).set('authorization', bearer(driver.tokens)).expect(200);
    expect(cancelled.body).toMatchObject({ refundedCents: 9000, pass: { status: 'cancelled', cancellableNow: false } });
    expect(await freeStandard(driver.tokens, facility.id, windowAfter(paid.start, 3))).toBe(3);
    await request(apiUrl()).post(`/api/passes/${pass.id}/cancel`).set('authorization', bearer(driver.tokens)).expect(409);
  });

  it('pass capacity: with a limit of N, N+1 drivers buying at once get N passes and one 409 passes_sold_out; a lapsed hold frees its place', async () => {
    const { facility, operatorTokens } = await facilityWithOffer({ spaces: { standard: 6 } }, { passLimit: 3, priceCents: 5000 });
    const month = monthAhead(2);
    const drivers = await Promise.all(Array.from({ length: 4 }, () => signedInUser(pool, apiUrl(), 'driver')));
    const answers = await Promise.all(
      drivers.map((d, i) => buy(d.tokens, { facilityId: facility.id, spaceType: 'standard', month, vehiclePlate: `B-CAP ${i}` })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body).toMatchObject({ statusCode: 409, details: { code: 'passes_sold_out', month, passLimit: 3, sold: 3 } });
    const held = await pool.query(
      `SELECT count(DISTINCT b.space_id)::int AS n FROM monthly_passes mp JOIN bookings b ON b.id = mp.booking_id WHERE mp.facility_id = $1`,
      [facility.id],
    );
    expect(held.rows[0].n).toBe(3);

    // The same key again answers the same pass instead of selling another.
    const first = answers.findIndex((a) => a.status === 201);
    const retryKey = randomUUID();
    const retried = await buy(
      drivers[first]!.tokens,
      { facilityId: facility.id, spaceType: 'standard', month: monthAhead(1), vehiclePlate: 'B-CAP 9' },
      retryKey,
    ).expect(201);
    const replay = await buy(
      drivers[first]!.tokens,
      { facilityId: facility.id, spaceType: 'standard', month: monthAhead(1), vehiclePlate: 'B-CAP 9' },
      retryKey,
    ).expect(201);
    expect(replay.body.id).toBe(retried.body.id);

    // Lowering the limit below what is sold keeps the sold passes and sells no more.
    await putOffer(operatorTokens, facility.id, 'standard', { passLimit: 2, priceCents: 5000 }).expect(200);
    const lowered = (await offersOf(facility.id))[0]!.months.find((m) => m.month === month)!;
    expect(lowered).toMatchObject({ sold: 3, left: 0 });

    // Two holds lapse unpaid: their places come back, one per lapsed hold, under the lowered limit.
    const holds = answers.filter((a) => a.status === 201).map((a) => a.body as PassView);
    await pool.query(`UPDATE bookings SET hold_expires_at = now() - interval '1 minute' WHERE id = ANY ($1::uuid[])`, [
      holds.slice(0, 2).map((p) => p.booking.id),
    ]);
    const late = drivers[answers.indexOf(refused)]!;
    const bought = await buy(late.tokens, { facilityId: facility.id, spaceType: 'standard', month, vehiclePlate: 'B-LATE 1' }).expect(201);
    expect(bought.body).toMatchObject({ month, status: 'pending_payment' });
    const lapsed = await request(apiUrl())
      .get(`/api/passes/${holds[0]!.id}`)
      .set('authorization', bearer(drivers[answers.findIndex((a) => a.body.id === holds[0]!.id)]!.tokens));
    expect(lapsed.body).toMatchObject({ status: 'expired' });
    const again = await buy(late.tokens, { facilityId: facility.id, spaceType: 'standard', month, vehiclePlate: 'B-LATE 2' }).expect(409);
    expect(again.body.details).toMatchObject({ code: 'passes_sold_out', passLimit: 2, sold: 2 });
  });

  it('bookings can no longer take the last space a pass holds, and a pass needs a space free for the whole month', async () => {
    const { facility } = await facilityWithOffer({ spaces: { standard: 1 } }, { passLimit: 1, priceCents: 7000 });
    const driver = await signedInUser(pool, apiUrl(), 'driver');
    const pass = await boughtPass(driver.tokens, { facilityId: facility.id, spaceType: 'standard', month: monthAhead(1), vehiclePlate: 'B-ONE 1' });
    const inMonth = windowAfter(pass.start, 12);
    const refused = await postBooking(apiUrl(), driver.tokens, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-ONE 2', ...inMonth }).expect(
      409,
    );
    expect(refused.body.details.code).toBe('no_space_available');

    // A booking in next month's only space leaves no space for that month's pass.
    const { facility: busy } = await facilityWithOffer({ spaces: { standard: 1 } }, { passLimit: 1, priceCents: 7000 });
    const booked = await postBooking(apiUrl(), driver.tokens, { facilityId: busy.id, spaceType: 'standard', vehiclePlate: 'B-ONE 3', ...inMonth }).expect(201);
    expect(booked.body.status).toBe('pending_payment');
    const noSpace = await buy(driver.tokens, { facilityId: busy.id, spaceType: 'standard', month: monthAhead(1), vehiclePlate: 'B-ONE 4' }).expect(409);
    expect(noSpace.body.details).toMatchObject({ code: 'no_space_available', month: monthAhead(1) });
  });

  it('refuses bad requests with 4xx', async () => {
    const { facility } = await facilityWithOffer({ spaces: { standard: 2 } }, { passLimit: 1, priceCents: 7000 });
    const driver = await signedInUser(pool, apiUrl(), 'driver');
    const body = { facilityId: facility.id, spaceType: 'standard', month: monthAhead(0), vehiclePlate: 'B-BAD 1' };
    expect((await buy(driver.tokens, { ...body, month: monthAhead(3) }).expect(400)).body.details).toMatchObject({ code: 'month_not_on_sale' });
    expect((await buy(driver.tokens, { ...body, month: monthAhead(-1) }).expect(400)).body.details.code).toBe('month_not_on_sale');
    await buy(driver.tokens, { ...body, month: 'May' }).expect(400);
    expect((await buy(driver.tokens, { ...body, vehiclePlate: '!' }).expect(400)).body.details.code).toBe('invalid_vehicle_plate');
    expect((await buy(driver.tokens, { ...body, spaceType: 'ev' }).expect(409)).body.details.code).toBe('passes_not_offered');
    await buy(driver.tokens, { ...body, facilityId: randomUUID() }).expect(404);
    await request(apiUrl()).get(`/api/facilities/${randomUUID()}/pass-offers`).expect(404);
    await request(apiUrl()).get('/api/passes/not-a-uuid').set('authorization', bearer(driver.tokens)).expect(400);

    // The current month costs what is left of it.
    const current = await boughtPass(driver.tokens, body);
    expect(current.amountCents).toBeLessThanOrEqual(7000);
    expect(new Date(current.start).getTime()).toBeLessThanOrEqual(Date.now());
  });
});
