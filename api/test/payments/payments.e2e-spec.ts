import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import request from 'supertest';
import { SANDBOX_TEST_CARDS, type AuthTokens } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { GOOD_CARD, holdBooking, postPayment, windowAhead } from '../support/booking-helpers.js';
import { testPool } from '../support/db.js';
import { createOperatorWithFacility } from '../support/facility-factories.js';
import { bearer, signedInUser } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';

const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?/g;

describe('POST /api/payments', () => {
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

  async function newHold(options: { hourlyCents?: number; daysAhead?: number } = {}) {
    const { facility } = await createOperatorWithFacility(pool, { hourlyCents: { standard: options.hourlyCents ?? 1000 } });
    const booking = await holdBooking(api, driver, {
      facilityId: facility.id,
      ...windowAhead(options.daysAhead ?? 4, 2),
      spaceType: 'standard',
      vehiclePlate: 'B-PAY 1',
    });
    return { facility, booking };
  }

  it('confirms the booking with payment, ledger lines and the confirmation email in one go', async () => {
    const { booking, facility } = await newHold();
    const res = await postPayment(api, driver, { bookingId: booking.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      bookingId: booking.id,
      status: 'succeeded',
      amountCents: 2000,
      refundedCents: 0,
      currency: 'EUR',
      cardBrand: 'visa',
      cardLast4: '4242',
      testMode: true,
    });

    const row = await pool.query(`SELECT status, confirmed_at FROM bookings WHERE id = $1`, [booking.id]);
    expect(row.rows[0].status).toBe('confirmed');
    const ledger = await pool.query<{ account: string; amount_cents: string; facility_id: string }>(
      `SELECT account, amount_cents, facility_id FROM ledger_entries WHERE booking_id = $1 ORDER BY id`,
      [booking.id],
    );
    expect(ledger.rows.map((l) => [l.account, Number(l.amount_cents)])).toEqual([
      ['gross', 2000],
      ['platform_fee', 300],
      ['operator_net', 1700],
    ]);
    expect(ledger.rows.every((l) => l.facility_id === facility.id)).toBe(true);
    const outbox = await pool.query(`SELECT kind, payload, status FROM outbox WHERE payload->>'bookingId' = $1`, [booking.id]);
    // Without PUBLIC_URL (as here, outside production) the email's links follow the address the request reached.
    expect(outbox.rows).toEqual([
      { kind: 'email.booking_confirmation', payload: { bookingId: booking.id, linkOrigin: new URL(api).origin }, status: 'pending' },
    ]);
  });

  it('never stores the card number or CVC, not even in the idempotency record', async () => {
    const { booking } = await newHold();
    const key = randomUUID();
    const cvc = '101';
    expect((await postPayment(api, driver, { bookingId: booking.id, card: { ...GOOD_CARD, cvc } }, key)).status).toBe(201);
    const stored = [
      ...(await storedText('payments', 'booking_id = $1', [booking.id])),
      ...(await storedText('idempotency_keys', 'key = $1', [key])),
      ...(await storedText('ledger_entries', 'booking_id = $1', [booking.id])),
      ...(await storedText('outbox', `payload->>'bookingId' = $1`, [booking.id])),
      ...(await storedText('bookings', 'id = $1', [booking.id])),
    ];
    expect(stored.some((text) => text.includes('4242'))).toBe(true); // the last four are kept, so the search does see the rows
    for (const text of stored) {
      expect(text).not.toContain(SANDBOX_TEST_CARDS.succeeds);
      expect(text).not.toContain('424242424242');
      // A whole token, once timestamps are cut out: their fractions and the ids' hex may hold any three digits.
      expect(text.replace(ISO_TIMESTAMP, '<time>')).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${cvc}(?![0-9A-Za-z])`));
    }
  });

  /** Every text and JSON value of the matching rows of `table` (the columns a card's digits could be written to). */
  async function storedText(table: string, where: string, params: unknown[]): Promise<string[]> {
    const { rows: columns } = await pool.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')`,
      [table],
    );
    expect(columns.length).toBeGreaterThan(0);
    const list = columns.map((c) => `${JSON.stringify(c.column_name)}::text`).join(', ');
    const { rows } = await pool.query<Record<string, string | null>>(`SELECT ${list} FROM ${table} WHERE ${where}`, params);
    return rows.flatMap((row) => Object.values(row).filter((value): value is string => value !== null));
  }

  it.each([
    [SANDBOX_TEST_CARDS.declined, 'card_declined', {}],
    [SANDBOX_TEST_CARDS.insufficientFunds, 'insufficient_funds', {}],
    [SANDBOX_TEST_CARDS.processingError, 'processing_error', {}],
    ['4242424242424241', 'incorrect_number', {}],
    [SANDBOX_TEST_CARDS.succeeds, 'expired_card', { expYear: 2020 }],
    [SANDBOX_TEST_CARDS.succeeds, 'incorrect_cvc', { cvc: '12' }],
  ])('answers card %s with 402 %s and its reason; the hold stays', async (number, code, more) => {
    const { booking } = await newHold();
    const res = await postPayment(api, driver, { bookingId: booking.id, card: { ...GOOD_CARD, number, ...more } });
    expect(res.status).toBe(402);
    expect(res.body.details).toMatchObject({ code, reason: expect.any(String) });
    const row = await pool.query(`SELECT status FROM bookings WHERE id = $1`, [booking.id]);
    expect(row.rows[0].status).toBe('pending_payment');
    expect((await pool.query(`SELECT count(*)::int AS n FROM ledger_entries WHERE booking_id = $1`, [booking.id])).rows[0].n).toBe(0);
    // Another card afterwards (a new request, so a new key) can still pay the hold.
    expect((await postPayment(api, driver, { bookingId: booking.id })).status).toBe(201);
  });

  it('charges once when the same booking is paid twice at the same moment with different keys', async () => {
    const { booking } = await newHold();
    const results = await Promise.all([
      postPayment(api, driver, { bookingId: booking.id }),
      postPayment(api, driver, { bookingId: booking.id }),
      postPayment(api, driver, { bookingId: booking.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(results.find((r) => r.status === 409)!.body.details.code).toBe('booking_already_paid');
    const charges = await pool.query(`SELECT count(*)::int AS n FROM payments WHERE booking_id = $1 AND status = 'succeeded'`, [booking.id]);
    expect(charges.rows[0].n).toBe(1);
  });

  it('replays the payment for a retry with the same key, without charging again', async () => {
    const { booking } = await newHold();
    const key = randomUUID();
    const first = await postPayment(api, driver, { bookingId: booking.id }, key);
    const retry = await postPayment(api, driver, { bookingId: booking.id }, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect((await pool.query(`SELECT count(*)::int AS n FROM payments WHERE booking_id = $1`, [booking.id])).rows[0].n).toBe(1);
  });

  it('answers 409 hold_expired for a lapsed hold, and 404 for someone else’s booking', async () => {
    const { booking } = await newHold();
    expect((await postPayment(api, (await signedInUser(pool, api, 'driver')).tokens, { bookingId: booking.id })).status).toBe(404);
    await pool.query(`UPDATE bookings SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [booking.id]);
    const res = await postPayment(api, driver, { bookingId: booking.id });
    expect(res.status).toBe(409);
    expect(res.body.details.code).toBe('hold_expired');
  });

  it('answers 400 for a malformed body and a missing key', async () => {
    const bad = await request(api)
      .post('/api/payments')
      .set('authorization', bearer(driver))
      .set('idempotency-key', randomUUID())
      .send({ bookingId: 'nope', card: {} });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain('4242');
    const noKey = await request(api).post('/api/payments').set('authorization', bearer(driver)).send({ bookingId: randomUUID(), card: GOOD_CARD });
    expect(noKey.status).toBe(400);
    expect(noKey.body.details.code).toBe('idempotency_key_missing');
  });
});

describe('the booking lifecycle job', () => {
  let pool: pg.Pool;
  let server: RunningApi;

  beforeAll(async () => {
    pool = testPool();
    server = await startApiServer({ DATABASE_URL: process.env['DATABASE_URL'], BOOKING_JOBS_INTERVAL_SECONDS: '1' });
  });

  afterAll(async () => {
    await server.stop();
    await pool.end();
  });

  async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('expires lapsed holds, gives back lapsed extension time, and completes finished bookings', async () => {
    const driver = (await signedInUser(pool, server.url, 'driver')).tokens;
    const { facility } = await createOperatorWithFacility(pool, { spaces: { standard: 3 } });
    const body = { facilityId: facility.id, spaceType: 'standard' as const, vehiclePlate: 'JOB 1' };
    const lapsing = await holdBooking(server.url, driver, { ...body, ...windowAhead(3, 2) });
    const extended = await holdBooking(server.url, driver, { ...body, ...windowAhead(4, 2) });
    expect((await postPayment(server.url, driver, { bookingId: extended.id })).status).toBe(201);
    const ext = await request(server.url)
      .post(`/api/bookings/${extended.id}/extend`)
      .set('authorization', bearer(driver))
      .send({ end: new Date(Date.parse(extended.end) + 3_600_000).toISOString() });
    expect(ext.status).toBe(201);
    const finishing = await holdBooking(server.url, driver, { ...body, ...windowAhead(5, 2) });
    expect((await postPayment(server.url, driver, { bookingId: finishing.id })).status).toBe(201);

    await pool.query(`UPDATE bookings SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [lapsing.id]);
    await pool.query(`UPDATE booking_extensions SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [ext.body.id]);
    await pool.query(`UPDATE bookings SET period = tstzrange(now() - interval '3 hours', now() - interval '1 hour') WHERE id = $1`, [finishing.id]);

    const statusOf = async (id: string) => (await pool.query(`SELECT status, extension_hold_end FROM bookings WHERE id = $1`, [id])).rows[0];
    expect(
      (
        await waitFor(
          () => statusOf(lapsing.id),
          (r) => r.status === 'expired',
        )
      ).status,
    ).toBe('expired');
    expect(
      (
        await waitFor(
          () => statusOf(extended.id),
          (r) => r.extension_hold_end === null,
        )
      ).extension_hold_end,
    ).toBeNull();
    expect((await pool.query(`SELECT status FROM booking_extensions WHERE id = $1`, [ext.body.id])).rows[0].status).toBe('expired');
    expect(
      (
        await waitFor(
          () => statusOf(finishing.id),
          (r) => r.status === 'completed',
        )
      ).status,
    ).toBe('completed');
    const paid = await postPayment(server.url, driver, { bookingId: lapsing.id });
    expect(paid.status).toBe(409);
  });
});
