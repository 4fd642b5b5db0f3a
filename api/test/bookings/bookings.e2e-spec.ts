import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import request from 'supertest';
import type { AuthTokens, BookingView } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { holdBooking, paidBooking, postBooking, postPayment, windowAhead } from '../support/booking-helpers.js';
import { testPool } from '../support/db.js';
import { createOperatorWithFacility, type TestFacility, type FacilityOptions } from '../support/facility-factories.js';
import { bearer, loginAs, signedInUser } from '../support/factories.js';

const HOUR = 3_600_000;

describe('bookings', () => {
  let pool: pg.Pool;
  let api: string;
  let driver: AuthTokens;

  beforeAll(async () => {
    pool = testPool();
    api = apiUrl();
    driver = (await signedInUser(pool, api, 'driver')).tokens;
  });

  afterAll(async () => {
    await pool.end();
  });

  /** A documented "try again" (429 rate limited, 503 unavailable) is retried with the same key, as a client would. */
  async function postBookingUntilAnswered(tokens: AuthTokens, body: ReturnType<typeof bookingOf>) {
    const key = randomUUID();
    for (let attempt = 1; ; attempt++) {
      const res = await postBooking(api, tokens, body, key);
      if ((res.status !== 429 && res.status !== 503) || attempt === 20) return res;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }

  async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 30_000) {
    for (const deadline = Date.now() + timeoutMs; !(await condition());) {
      if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  const bookingOf = (facility: TestFacility, window = windowAhead(3), more: Record<string, unknown> = {}) => ({
    facilityId: facility.id,
    ...window,
    spaceType: 'standard' as const,
    vehiclePlate: 'b-ab 123',
    ...more,
  });

  describe('POST /api/bookings', () => {
    it('holds a space as pending_payment, priced by the quote, with a short code and a hold expiry', async () => {
      const { facility } = await createOperatorWithFacility(pool, { hourlyCents: { standard: 250 } });
      const res = await postBooking(api, driver, bookingOf(facility, windowAhead(3, 2)));
      expect(res.status).toBe(201);
      const booking = res.body as BookingView;
      expect(booking).toMatchObject({
        status: 'pending_payment',
        amountCents: 500,
        currency: 'EUR',
        vehiclePlate: 'B-AB 123',
        spaceType: 'standard',
        payment: null,
      });
      expect(booking.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const holdMinutes = (Date.parse(booking.holdExpiresAt!) - Date.now()) / 60_000;
      expect(holdMinutes).toBeGreaterThan(9);
      expect(holdMinutes).toBeLessThanOrEqual(10);
      expect(facility.spaces.standard).toContain((await pool.query(`SELECT space_id FROM bookings WHERE id = $1`, [booking.id])).rows[0].space_id);
    });

    it('refuses a request without an Idempotency-Key with 400', async () => {
      const { facility } = await createOperatorWithFacility(pool);
      const res = await postBooking(api, driver, bookingOf(facility), null);
      expect(res.status).toBe(400);
      expect(res.body.details.code).toBe('idempotency_key_missing');
    });

    it.each([
      ['end_not_after_start', (w: { start: string; end: string }) => ({ start: w.end, end: w.start }), {}],
      ['start_in_past', () => ({ start: new Date(Date.now() - 2 * HOUR).toISOString(), end: new Date(Date.now() + HOUR).toISOString() }), {}],
      ['shorter_than_minimum', (w: { start: string }) => ({ start: w.start, end: new Date(Date.parse(w.start) + 15 * 60_000).toISOString() }), {}],
      [
        'longer_than_maximum',
        (w: { start: string }) => ({ start: w.start, end: new Date(Date.parse(w.start) + 5 * HOUR).toISOString() }),
        { maxDurationMinutes: 240 },
      ],
      ['longer_than_30_days', (w: { start: string }) => ({ start: w.start, end: new Date(Date.parse(w.start) + 31 * 24 * HOUR).toISOString() }), {}],
      ['outside_opening_hours', (w: { start: string; end: string }) => w, { openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } }],
    ] as const)('answers 400 %s', async (code, windowFor, facilityOptions) => {
      const { facility } = await createOperatorWithFacility(pool, facilityOptions as FacilityOptions);
      const res = await postBooking(api, driver, bookingOf(facility, windowFor(windowAhead(4, 2)) as { start: string; end: string }));
      expect(res.status).toBe(400);
      expect(res.body.details.code).toBe(code);
      expect(res.body.details.violations).toEqual(expect.arrayContaining([expect.objectContaining({ code })]));
    });

    it.each(['A', 'AB_12', 'WAY-TOO-LONG-PLATE'])('answers 400 invalid_vehicle_plate for %p', async (plate) => {
      const { facility } = await createOperatorWithFacility(pool);
      const res = await postBooking(api, driver, bookingOf(facility, windowAhead(3), { vehiclePlate: plate }));
      expect(res.status).toBe(400);
      expect(res.body.details.code).toBe('invalid_vehicle_plate');
    });

    it('answers 400 for a space type the facility does not have, and for malformed fields', async () => {
      const { facility } = await createOperatorWithFacility(pool);
      const noEv = await postBooking(api, driver, bookingOf(facility, windowAhead(3), { spaceType: 'ev' }));
      expect(noEv.status).toBe(400);
      expect(noEv.body.details.code).toBe('space_type_not_offered');
      const malformed = await postBooking(api, driver, { ...bookingOf(facility), start: 'tomorrow', spaceType: 'boat' as never });
      expect(malformed.status).toBe(400);
      expect(malformed.body.details.fields.map((d: { field: string }) => d.field).sort()).toEqual(['spaceType', 'start']);
    });

    it('answers 404 for an unknown or unpublished facility', async () => {
      const { facility } = await createOperatorWithFacility(pool, { published: false });
      expect((await postBooking(api, driver, bookingOf(facility))).status).toBe(404);
    });

    it('answers 409 no_space_available when every space of the type is taken', async () => {
      const { facility } = await createOperatorWithFacility(pool, { spaces: { standard: 1 } });
      await holdBooking(api, driver, bookingOf(facility, windowAhead(5, 3)));
      const res = await postBooking(api, driver, bookingOf(facility, windowAhead(5, 2, 10)));
      expect(res.status).toBe(409);
      expect(res.body.details.code).toBe('no_space_available');
      // Back to back does not overlap.
      const after = await postBooking(api, driver, bookingOf(facility, windowAhead(5, 2, 12)));
      expect(after.status).toBe(201);
    });

    it('under N parallel requests holds exactly as many spaces as exist, none overlapping', async () => {
      const { facility } = await createOperatorWithFacility(pool, { spaces: { standard: 4 } });
      const drivers = await Promise.all(Array.from({ length: 4 }, () => signedInUser(pool, api, 'driver')));
      const window = windowAhead(6, 4);
      const results = await Promise.all(Array.from({ length: 16 }, (_, i) => postBookingUntilAnswered(drivers[i % 4]!.tokens, bookingOf(facility, window))));
      // Anything but a hold or "no space" is shown whole, so a failure on a loaded machine says what the server answered.
      expect(results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => ({ status: r.status, body: r.body }))).toEqual([]);
      expect(results.filter((r) => r.status === 201)).toHaveLength(4);
      expect(results.filter((r) => r.status === 409).map((r) => r.body.details.code)).toEqual(Array(12).fill('no_space_available'));
      const { rows } = await pool.query(
        `SELECT count(*)::int AS overlaps FROM bookings a JOIN bookings b ON a.space_id = b.space_id AND a.id < b.id AND a.occupied_period && b.occupied_period
          WHERE a.facility_id = $1 AND a.status IN ('pending_payment','confirmed') AND b.status IN ('pending_payment','confirmed')`,
        [facility.id],
      );
      expect(rows[0].overlaps).toBe(0);
      const spaces = await pool.query(`SELECT count(DISTINCT space_id)::int AS n FROM bookings WHERE facility_id = $1`, [facility.id]);
      expect(spaces.rows[0].n).toBe(4);
    });

    it('holds the space when two holds of it deadlock in the exclusion check (PostgreSQL aborts one; it tries again)', async () => {
      const { facility } = await createOperatorWithFacility(pool, { spaces: { standard: 1 } });
      const spaceId = facility.spaces.standard![0]!;
      const me = await signedInUser(pool, api, 'driver');
      const window = windowAhead(6, 4);
      const hour = (h: number) => new Date(Date.parse(window.start) + h * HOUR).toISOString();
      const rival = await pool.connect();
      try {
        // A rival transaction holds the first hour of the only space, uncommitted: the API's INSERT of the whole window waits on it.
        await rival.query('BEGIN');
        // The API's backend must be the one to find the deadlock (after the default 1 s), not this one.
        await rival.query(`SET LOCAL deadlock_timeout = '20s'`);
        const rivalHold = (from: string, to: string) =>
          rival.query(
            `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at)
             VALUES ($1, $2, $3, $4, 'standard', tstzrange($5, $6), 'pending_payment', 'RIVAL 1', 100, 'EUR', now() + interval '10 minutes')`,
            [`R${Math.random().toString(36).slice(2, 5).toUpperCase()}-RVAL`, me.account.id, facility.id, spaceId, from, to],
          );
        await rivalHold(hour(0), hour(1));
        const rivalPid = (await rival.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
        const answer = postBooking(api, me.tokens, bookingOf(facility, window)).then((res) => res);
        await waitUntil(async () => (await pool.query(`SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [rivalPid])).rowCount! > 0);
        // Now the rival waits on the API's row for the last hour: a cycle, which PostgreSQL breaks by aborting the API's INSERT.
        await rivalHold(hour(3), hour(4)).catch(() => undefined);
        await rival.query('ROLLBACK');
        const res = await answer;
        expect({ status: res.status, body: res.body }).toMatchObject({ status: 201, body: { status: 'pending_payment' } });
        expect((await pool.query(`SELECT space_id FROM bookings WHERE id = $1`, [res.body.id])).rows[0].space_id).toBe(spaceId);
      } finally {
        await rival.query('ROLLBACK').catch(() => undefined);
        rival.release();
      }
    });

    it('replays the first answer for the same key and body, and refuses the key with another body (422)', async () => {
      const { facility } = await createOperatorWithFacility(pool);
      const body = bookingOf(facility, windowAhead(7));
      const first = await postBooking(api, driver, body, 'replay-key-1');
      const again = await postBooking(api, driver, body, 'replay-key-1');
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect((await pool.query(`SELECT count(*)::int AS n FROM bookings WHERE facility_id = $1`, [facility.id])).rows[0].n).toBe(1);
      const other = await postBooking(api, driver, { ...body, vehiclePlate: 'OTHER 1' }, 'replay-key-1');
      expect(other.status).toBe(422);
      expect(other.body.details.code).toBe('idempotency_key_reused');
    });

    it('scopes keys per caller: another driver may use the same key', async () => {
      const { facility } = await createOperatorWithFacility(pool);
      const other = (await signedInUser(pool, api, 'driver')).tokens;
      expect((await postBooking(api, driver, bookingOf(facility, windowAhead(8)), 'shared-key')).status).toBe(201);
      expect((await postBooking(api, other, bookingOf(facility, windowAhead(8)), 'shared-key')).status).toBe(201);
    });

    it('is for drivers only (an operator gets 403)', async () => {
      const { facility, operator } = await createOperatorWithFacility(pool);
      const tokens = await loginAs(api, operator.owner);
      expect((await postBooking(api, tokens, bookingOf(facility))).status).toBe(403);
    });
  });

  describe('GET /api/bookings and /api/bookings/:id', () => {
    it('lists upcoming bookings first (soonest first), then past ones (latest first), with a count per filter', async () => {
      const me = (await signedInUser(pool, api, 'driver')).tokens;
      const { facility } = await createOperatorWithFacility(pool);
      const soon = await holdBooking(api, me, bookingOf(facility, windowAhead(2)));
      const later = await holdBooking(api, me, bookingOf(facility, windowAhead(9)));
      const old = await holdBooking(api, me, bookingOf(facility, windowAhead(10)));
      const older = await holdBooking(api, me, bookingOf(facility, windowAhead(11)));
      const cancelled = await holdBooking(api, me, bookingOf(facility, windowAhead(12)));
      await pool.query(`UPDATE bookings SET period = tstzrange(now() - interval '3 days', now() - interval '2 days'), status = 'completed' WHERE id = $1`, [
        old.id,
      ]);
      await pool.query(`UPDATE bookings SET period = tstzrange(now() - interval '9 days', now() - interval '8 days'), status = 'expired' WHERE id = $1`, [
        older.id,
      ]);
      expect((await request(api).post(`/api/bookings/${cancelled.id}/cancel`).set('authorization', bearer(me))).status).toBe(200);

      const list = (query = '') => request(api).get(`/api/bookings${query}`).set('authorization', bearer(me));
      const ids = (res: request.Response) => (res.body.items as BookingView[]).map((b) => b.id);
      const all = await list();
      expect(all.status).toBe(200);
      expect(ids(all)).toEqual([soon.id, later.id, cancelled.id, old.id, older.id]);
      expect(all.body).toMatchObject({ page: 1, pageSize: 20, total: 5, filter: 'all', counts: { all: 5, upcoming: 2, past: 2, cancelled: 1 } });
      expect(ids(await list('?filter=upcoming'))).toEqual([soon.id, later.id]);
      expect(ids(await list('?filter=past'))).toEqual([old.id, older.id]);
      expect(ids(await list('?filter=cancelled'))).toEqual([cancelled.id]);
      expect((await list('?filter=cancelled')).body.total).toBe(1);
    });

    it('pages without gaps or repeats, and refuses an unknown filter or page size', async () => {
      const me = (await signedInUser(pool, api, 'driver')).tokens;
      const { facility } = await createOperatorWithFacility(pool);
      const held: string[] = [];
      for (let day = 2; day < 9; day++) held.push((await holdBooking(api, me, bookingOf(facility, windowAhead(day)))).id);
      const page = async (n: number) => {
        const res = await request(api).get(`/api/bookings?filter=upcoming&page=${n}&pageSize=3`).set('authorization', bearer(me));
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(7);
        return (res.body.items as BookingView[]).map((b) => b.id);
      };
      expect([...(await page(1)), ...(await page(2)), ...(await page(3))]).toEqual(held);
      expect(await page(4)).toEqual([]);
      expect((await request(api).get('/api/bookings?filter=soon').set('authorization', bearer(me))).status).toBe(400);
      expect((await request(api).get('/api/bookings?pageSize=500').set('authorization', bearer(me))).status).toBe(400);
    });

    it('lists only the caller’s own bookings', async () => {
      const me = (await signedInUser(pool, api, 'driver')).tokens;
      const other = (await signedInUser(pool, api, 'driver')).tokens;
      const { facility } = await createOperatorWithFacility(pool);
      const mine = await holdBooking(api, me, bookingOf(facility, windowAhead(2)));
      await holdBooking(api, other, bookingOf(facility, windowAhead(3)));
      const res = await request(api).get('/api/bookings').set('authorization', bearer(me));
      expect((res.body.items as BookingView[]).map((b) => b.id)).toEqual([mine.id]);
      expect(res.body.counts.all).toBe(1);
    });

    it('shows a booking to its driver, its facility’s operator and an admin; anyone else gets 404', async () => {
      const { facility, operator } = await createOperatorWithFacility(pool);
      const booking = await holdBooking(api, driver, bookingOf(facility, windowAhead(3)));
      const get = (tokens: AuthTokens) => request(api).get(`/api/bookings/${booking.id}`).set('authorization', bearer(tokens));
      expect((await get(driver)).status).toBe(200);
      expect((await get(await loginAs(api, operator.owner))).status).toBe(200);
      expect((await get((await signedInUser(pool, api, 'admin')).tokens)).status).toBe(200);
      expect((await get((await signedInUser(pool, api, 'driver')).tokens)).status).toBe(404);
      const otherOperator = (await createOperatorWithFacility(pool)).operator;
      expect((await get(await loginAs(api, otherOperator.owner))).status).toBe(404);
      expect((await request(api).get('/api/bookings/00000000-0000-4000-8000-000000000000').set('authorization', bearer(driver))).status).toBe(404);
    });
  });

  describe('PATCH /api/bookings/:id/vehicle', () => {
    it('changes the plate before the start and refuses after it', async () => {
      const { facility } = await createOperatorWithFacility(pool);
      const booking = await holdBooking(api, driver, bookingOf(facility, windowAhead(3)));
      const patch = (plate: string, tokens = driver) =>
        request(api).patch(`/api/bookings/${booking.id}/vehicle`).set('authorization', bearer(tokens)).send({ vehiclePlate: plate });
      const ok = await patch(' m-xy 42 ');
      expect(ok.status).toBe(200);
      expect(ok.body.vehiclePlate).toBe('M-XY 42');
      expect((await patch('x')).status).toBe(400);
      expect((await patch('M-XY 43', (await signedInUser(pool, api, 'driver')).tokens)).status).toBe(404);
      await pool.query(`UPDATE bookings SET period = tstzrange(now() - interval '1 hour', now() + interval '1 hour') WHERE id = $1`, [booking.id]);
      const late = await patch('M-XY 44');
      expect(late.status).toBe(409);
      expect(late.body.details.code).toBe('vehicle_change_closed');
    });
  });

  describe('POST /api/bookings/:id/cancel', () => {
    const cancel = (id: string, tokens = driver) => request(api).post(`/api/bookings/${id}/cancel`).set('authorization', bearer(tokens)).send();
    const ledgerSums = async (bookingId: string) => {
      const { rows } = await pool.query<{ account: string; sum: number }>(
        `SELECT account, sum(amount_cents)::int AS sum FROM ledger_entries WHERE booking_id = $1 GROUP BY account`,
        [bookingId],
      );
      return Object.fromEntries(rows.map((r) => [r.account, r.sum]));
    };

    it('drops an unpaid hold with no money moving, and frees the space', async () => {
      const { facility } = await createOperatorWithFacility(pool, { spaces: { standard: 1 } });
      const window = windowAhead(4);
      const booking = await holdBooking(api, driver, bookingOf(facility, window));
      const res = await cancel(booking.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ refundedCents: 0, booking: { status: 'cancelled' } });
      expect(await ledgerSums(booking.id)).toEqual({});
      expect((await postBooking(api, driver, bookingOf(facility, window))).status).toBe(201);
    });

    it('refunds in full before the free-cancellation time, with refund ledger lines', async () => {
      const { facility } = await createOperatorWithFacility(pool, { hourlyCents: { standard: 1000 } });
      const { booking } = await paidBooking(api, driver, bookingOf(facility, windowAhead(4, 2)));
      const res = await cancel(booking.id);
      expect(res.status).toBe(200);
      expect(res.body.refundedCents).toBe(2000);
      expect(res.body.booking).toMatchObject({ status: 'cancelled', payment: { status: 'refunded', amountCents: 2000, refundedCents: 2000 } });
      expect(await ledgerSums(booking.id)).toEqual({
        gross: 2000,
        platform_fee: 300,
        operator_net: 1700,
        refund: -2000,
        refund_platform_fee: -300,
        refund_operator_net: -1700,
      });
      expect((await cancel(booking.id)).status).toBe(409);
    });

    it('refunds the late share after the free-cancellation time and before the start', async () => {
      const { facility } = await createOperatorWithFacility(pool, { hourlyCents: { standard: 1000 } });
      const start = new Date(Date.now() + 30 * 60_000);
      start.setUTCSeconds(0, 0);
      const { booking } = await paidBooking(
        api,
        driver,
        bookingOf(facility, { start: start.toISOString(), end: new Date(start.getTime() + 3 * HOUR).toISOString() }),
      );
      const res = await cancel(booking.id);
      expect(res.status).toBe(200);
      expect(res.body.refundedCents).toBe(1500);
      expect(res.body.booking.payment).toMatchObject({ status: 'partially_refunded', refundedCents: 1500 });
      const sums = await ledgerSums(booking.id);
      expect(sums['refund']).toBe(-1500);
      expect(sums['refund_platform_fee']! + sums['refund_operator_net']!).toBe(-1500);
      const payment = await pool.query(`SELECT status, refunded_cents FROM payments WHERE booking_id = $1`, [booking.id]);
      expect(payment.rows[0]).toEqual({ status: 'partially_refunded', refunded_cents: 1500 });
    });

    it('refuses once the booking has started, and hides another driver’s booking', async () => {
      const { facility } = await createOperatorWithFacility(pool);
      const { booking } = await paidBooking(api, driver, bookingOf(facility, windowAhead(4)));
      expect((await cancel(booking.id, (await signedInUser(pool, api, 'driver')).tokens)).status).toBe(404);
      await pool.query(`UPDATE bookings SET period = tstzrange(now() - interval '1 hour', now() + interval '1 hour') WHERE id = $1`, [booking.id]);
      const res = await cancel(booking.id);
      expect(res.status).toBe(409);
      expect(res.body.details.code).toBe('cancellation_closed');
    });
  });

  describe('POST /api/bookings/:id/extend', () => {
    const extend = (id: string, end: string) => request(api).post(`/api/bookings/${id}/extend`).set('authorization', bearer(driver)).send({ end });

    it('holds a later end on the same space, priced as the difference, and applies it once paid', async () => {
      const { facility } = await createOperatorWithFacility(pool, { spaces: { standard: 1 }, hourlyCents: { standard: 400 } });
      const window = windowAhead(5, 2);
      const { booking } = await paidBooking(api, driver, bookingOf(facility, window));
      const newEnd = new Date(Date.parse(window.end) + 3 * HOUR).toISOString();
      const res = await extend(booking.id, newEnd);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ bookingId: booking.id, newEnd, amountCents: 1200, status: 'pending_payment' });

      // The held stretch is taken: nobody else can book it meanwhile.
      const other = (await signedInUser(pool, api, 'driver')).tokens;
      expect((await postBooking(api, other, bookingOf(facility, { start: window.end, end: newEnd }))).status).toBe(409);

      const paid = await postPayment(api, driver, { bookingId: booking.id, extensionId: res.body.id });
      expect(paid.status).toBe(201);
      expect(paid.body.amountCents).toBe(1200);
      const after = await request(api).get(`/api/bookings/${booking.id}`).set('authorization', bearer(driver));
      expect(after.body).toMatchObject({ end: newEnd, amountCents: 2000, status: 'confirmed', payment: { amountCents: 2000 } });
      const row = await pool.query(`SELECT extension_hold_end FROM bookings WHERE id = $1`, [booking.id]);
      expect(row.rows[0].extension_hold_end).toBeNull();
    });

    it('answers 409 space_taken when the space is booked after, saying whether another space is free', async () => {
      const { facility } = await createOperatorWithFacility(pool, { spaces: { standard: 2 } });
      const window = windowAhead(6, 2);
      const { booking } = await paidBooking(api, driver, bookingOf(facility, window));
      const spaceId = (await pool.query(`SELECT space_id FROM bookings WHERE id = $1`, [booking.id])).rows[0].space_id;
      const otherSpace = facility.spaces.standard!.find((id) => id !== spaceId)!;
      // Someone else has this space right after; the other space is free.
      const next = { start: window.end, end: new Date(Date.parse(window.end) + 2 * HOUR).toISOString() };
      const blocker = await holdBooking(api, (await signedInUser(pool, api, 'driver')).tokens, bookingOf(facility, next));
      await pool.query(`UPDATE bookings SET space_id = $2 WHERE id = $1`, [blocker.id, spaceId]);

      const res = await extend(booking.id, next.end);
      expect(res.status).toBe(409);
      expect(res.body.details).toMatchObject({ code: 'space_taken', alternativeAvailable: true, alternativeFreeSpaces: 1 });
      expect(otherSpace).toBeDefined();
    });

    it('refuses an end that is not later, and an unpaid booking', async () => {
      const { facility } = await createOperatorWithFacility(pool);
      const window = windowAhead(7, 2);
      const hold = await holdBooking(api, driver, bookingOf(facility, window));
      expect((await extend(hold.id, new Date(Date.parse(window.end) + HOUR).toISOString())).body.details.code).toBe('booking_not_extendable');
      const { booking } = await paidBooking(api, driver, bookingOf(facility, windowAhead(8, 2)));
      const res = await extend(booking.id, booking.start);
      expect(res.status).toBe(400);
      expect(res.body.details.code).toBe('extension_not_later');
    });
  });
});
