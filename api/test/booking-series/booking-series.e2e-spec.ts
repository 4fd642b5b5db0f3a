import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import request from 'supertest';
import { DateTime } from 'luxon';
import type { AuthTokens, BookingList, BookingSeriesPreview, BookingSeriesView, CancelBookingSeriesResult } from '@aiparksit/shared';
import { GOOD_CARD, holdBooking } from '../support/booking-helpers.js';
import { createOperatorWithFacility, type TestFacility, type TestOperator } from '../support/facility-factories.js';
import { bearer, loginAs, signedInUser, type TestAccount } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { createScratchDatabase, dropScratchDatabase } from '../seed/seed-cli.js';
import { startSmtpTestServer, type SmtpTestServer } from '../notifications/smtp-test-server.js';
import { scratchPool } from '../notifications/scratch-pool.js';

const PUBLIC_URL = 'https://parking.example';
const ZONE = 'Europe/Zurich';
const HOUR = 3_600_000;

/**
 * The next spring change of Swiss clocks (last Sunday of March, 02:00 → 03:00) that leaves the
 * Monday before it in the future, so the test keeps crossing one whatever year it runs in.
 */
function nextSpringChange(): DateTime {
  const today = DateTime.now().setZone(ZONE).startOf('day');
  for (let year = today.year; ; year++) {
    const endOfMarch = DateTime.fromObject({ year, month: 3, day: 31 }, { zone: ZONE });
    const sunday = endOfMarch.minus({ days: endOfMarch.weekday % 7 });
    if (sunday.minus({ days: 6 }) > today) return sunday;
  }
}

/**
 * Recurring bookings end to end on one API and a database of its own: a Mon–Fri 08:00–18:00
 * pattern for two weeks in Zurich, across the spring DST change; mode `all` refused when one
 * occurrence is taken, mode `free` holding the rest; one charge for all; the email over SMTP.
 */
describe('booking series: a weekly pattern booked and paid once', () => {
  const database = `booking_series_${process.pid}`;
  let smtp: SmtpTestServer;
  let server: RunningApi;
  let api: string;
  let pool: pg.Pool;

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(database);
    smtp = await startSmtpTestServer();
    server = await startApiServer({ DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, PUBLIC_URL, OUTBOX_POLL_INTERVAL_MS: '100' }, 90_000);
    api = server.url;
    pool = scratchPool(databaseUrl);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
    await pool?.end();
    await dropScratchDatabase(database);
  });

  const change = nextSpringChange();
  const monday = change.minus({ days: 6 });
  const pattern = { weekdays: [1, 2, 3, 4, 5], startTime: '08:00', endTime: '18:00', firstDate: monday.toISODate()!, weeks: 2 };

  const post = (path: string, tokens: AuthTokens, body: object, key: string | null = randomUUID()) => {
    const req = request(api).post(path).set('authorization', bearer(tokens));
    if (key) req.set('idempotency-key', key);
    return req.send(body);
  };
  const seriesRows = async (driverId: string) => (await pool.query(`SELECT id FROM booking_series WHERE driver_id = $1`, [driverId])).rows;

  let operator: TestOperator;
  let facility: TestFacility;
  let driver: { account: TestAccount; tokens: AuthTokens };
  let stay: { facilityId: string; spaceType: 'standard'; vehiclePlate: string };

  beforeAll(async () => {
    ({ operator, facility } = await createOperatorWithFacility(pool, {
      name: 'Zurich Weekly Garage',
      timeZone: ZONE,
      currency: 'CHF',
      spaces: { standard: 1 },
      hourlyCents: { standard: 300 },
    }));
    driver = await signedInUser(pool, api, 'driver');
    stay = { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'ZH 12345' };
  });

  it('previews every occurrence on the local clock: the UTC instants move by an hour at the change, each stay is 10 h and priced as 10 h', async () => {
    const res = await post('/api/booking-series/preview', driver.tokens, { ...stay, ...pattern }, null);
    expect(res.status).toBe(200);
    const preview = res.body as BookingSeriesPreview;
    expect(preview).toMatchObject({ timeZone: ZONE, currency: 'CHF', freeCount: 10, allTotalCents: 30_000, freeTotalCents: 30_000 });
    expect(preview.occurrences).toHaveLength(10);
    const before = preview.occurrences[4]!; // the Friday before the change (CET, +01:00)
    const after = preview.occurrences[5]!; // the Monday after it (CEST, +02:00)
    expect(before).toMatchObject({ date: change.minus({ days: 2 }).toISODate(), start: `${before.date}T07:00:00.000Z`, end: `${before.date}T17:00:00.000Z` });
    expect(after).toMatchObject({ date: change.plus({ days: 1 }).toISODate(), start: `${after.date}T06:00:00.000Z`, end: `${after.date}T16:00:00.000Z` });
    for (const o of preview.occurrences) {
      expect(Date.parse(o.end) - Date.parse(o.start)).toBe(10 * HOUR);
      expect(o).toMatchObject({ free: true, amountCents: 3_000, refusal: null });
    }
  });

  it('refuses mode all when one occurrence is taken, holding nothing; mode free holds the rest with one hold expiry', async () => {
    // Another driver has the only space on the Wednesday after the change.
    const other = await signedInUser(pool, api, 'driver');
    const taken = DateTime.fromISO(change.plus({ days: 3 }).toISODate()!, { zone: ZONE });
    await holdBooking(api, other.tokens, {
      ...stay,
      vehiclePlate: 'ZH 999',
      start: taken.set({ hour: 12 }).toUTC().toISO()!,
      end: taken.set({ hour: 13 }).toUTC().toISO()!,
    });

    const preview = (await post('/api/booking-series/preview', driver.tokens, { ...stay, ...pattern }, null).expect(200)).body as BookingSeriesPreview;
    expect(preview).toMatchObject({ freeCount: 9, allTotalCents: null, freeTotalCents: 27_000 });
    expect(preview.occurrences.filter((o) => !o.free)).toEqual([
      expect.objectContaining({ date: taken.toISODate(), refusal: expect.objectContaining({ code: 'no_space_available' }) }),
    ]);

    const all = await post('/api/booking-series', driver.tokens, { ...stay, ...pattern, mode: 'all' });
    expect(all.status).toBe(409);
    expect(all.body.details).toMatchObject({
      code: 'occurrences_unavailable',
      occurrences: [expect.objectContaining({ date: taken.toISODate(), code: 'no_space_available' })],
    });
    expect(await seriesRows(driver.account.id)).toEqual([]);
    expect((await pool.query(`SELECT count(*)::int AS n FROM bookings WHERE driver_id = $1`, [driver.account.id])).rows[0].n).toBe(0);

    const key = randomUUID();
    const res = await post('/api/booking-series', driver.tokens, { ...stay, ...pattern, mode: 'free' }, key);
    expect(res.status).toBe(201);
    const series = res.body as BookingSeriesView;
    expect(series).toMatchObject({ mode: 'free', totalCents: 27_000, currency: 'CHF', pattern, payment: null, holdExpiresAt: expect.any(String) });
    expect(series.occurrences).toHaveLength(9);
    expect(series.skipped).toEqual([expect.objectContaining({ date: taken.toISODate(), code: 'no_space_available' })]);
    expect(new Set(series.occurrences.map((o) => o.holdExpiresAt))).toEqual(new Set([series.holdExpiresAt]));
    expect(series.occurrences.every((o) => o.status === 'pending_payment' && o.seriesId === series.id && o.amountCents === 3_000)).toBe(true);

    // A retried submit answers the same series rather than holding a second one.
    const retried = await post('/api/booking-series', driver.tokens, { ...stay, ...pattern, mode: 'free' }, key);
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(series.id);
    expect(await seriesRows(driver.account.id)).toHaveLength(1);
  });

  it('pays every occurrence with one charge, once however often the payment is retried, and sends one email listing them', async () => {
    const [{ id }] = await seriesRows(driver.account.id);
    const stranger = await signedInUser(pool, api, 'driver');
    await request(api).get(`/api/booking-series/${id}`).set('authorization', bearer(stranger.tokens)).expect(404);
    await post(`/api/booking-series/${id}/payment`, stranger.tokens, { card: GOOD_CARD }).expect(404);
    const operatorTokens = await loginAs(api, operator.owner);
    await request(api).get(`/api/booking-series/${id}`).set('authorization', bearer(operatorTokens)).expect(200);

    const key = randomUUID();
    const paid = await post(`/api/booking-series/${id}/payment`, driver.tokens, { card: GOOD_CARD }, key);
    expect(paid.status).toBe(201);
    const series = paid.body as BookingSeriesView;
    expect(series.payment).toMatchObject({ amountCents: 27_000, refundedCents: 0, cardLast4: GOOD_CARD.number.slice(-4), testMode: true });
    expect(series.occurrences.every((o) => o.status === 'confirmed')).toBe(true);

    await post(`/api/booking-series/${id}/payment`, driver.tokens, { card: GOOD_CARD }, key).expect(201);
    const again = await post(`/api/booking-series/${id}/payment`, driver.tokens, { card: GOOD_CARD });
    expect(again.status).toBe(409);
    expect(again.body.details.code).toBe('series_already_paid');

    // One charge: one processor reference shared by a payment row per occurrence, each with its own share in the ledger.
    const { rows: payments } = await pool.query(
      `SELECT count(*)::int AS rows, count(DISTINCT p.provider_ref)::int AS charges, sum(p.amount_cents)::int AS total
         FROM payments p JOIN bookings b ON b.id = p.booking_id WHERE b.series_id = $1`,
      [id],
    );
    expect(payments[0]).toEqual({ rows: 9, charges: 1, total: 27_000 });
    const { rows: ledger } = await pool.query(
      `SELECT count(DISTINCT l.booking_id)::int AS bookings, sum(l.amount_cents)::int AS gross
         FROM ledger_entries l JOIN bookings b ON b.id = l.booking_id WHERE b.series_id = $1 AND l.account = 'gross'`,
      [id],
    );
    expect(ledger[0]).toEqual({ bookings: 9, gross: 27_000 });

    const mail = await smtp.waitForMessageTo(driver.account.email, 'Booked: 9 stays at Zurich Weekly Garage');
    for (const o of series.occurrences) expect(mail.mail.text).toContain(o.code);
    expect(mail.mail.text).toContain('one charge for all of them');
    expect(mail.mail.text).toContain(`${PUBLIC_URL}/driver/series/${id}`);
    const confirmations = await pool.query(`SELECT count(*)::int AS n FROM outbox WHERE kind LIKE 'email.booking%confirmation' AND payload->>'seriesId' = $1`, [
      id,
    ]);
    expect(confirmations.rows[0].n).toBe(1);

    const list = (await request(api).get('/api/bookings?filter=upcoming&pageSize=50').set('authorization', bearer(driver.tokens)).expect(200))
      .body as BookingList;
    expect(list.items.filter((b) => b.seriesId === id)).toHaveLength(9);
    const mine = (await request(api).get('/api/booking-series').set('authorization', bearer(driver.tokens)).expect(200)).body.items as BookingSeriesView[];
    expect(mine.map((s) => s.id)).toEqual([id]);
  });

  it('cancels the rest of the series in one call, each occurrence refunded by its own terms', async () => {
    const [{ id }] = await seriesRows(driver.account.id);
    const res = await post(`/api/booking-series/${id}/cancel`, driver.tokens, {}, null);
    expect(res.status).toBe(200);
    const result = res.body as CancelBookingSeriesResult;
    expect(result).toMatchObject({ cancelledCount: 9, refundedCents: 27_000 });
    expect(result.series.occurrences.every((o) => o.status === 'cancelled')).toBe(true);
    expect(result.series.payment).toMatchObject({ amountCents: 27_000, refundedCents: 27_000 });
  });

  it('gives a contested space to one of two series booked at once in mode all, the other holding nothing', async () => {
    const { facility: small } = await createOperatorWithFacility(pool, { timeZone: ZONE, currency: 'CHF', spaces: { standard: 1 } });
    const rivals = await Promise.all([signedInUser(pool, api, 'driver'), signedInUser(pool, api, 'driver')]);
    const body = { facilityId: small.id, spaceType: 'standard', vehiclePlate: 'ZH 77', ...pattern, weekdays: [2, 4], mode: 'all' };
    const answers = await Promise.all(rivals.map((r) => post('/api/booking-series', r.tokens, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const loser = rivals[answers.findIndex((a) => a.status === 409)]!;
    expect(answers.find((a) => a.status === 409)!.body.details.code).toBe('occurrences_unavailable');
    expect(await seriesRows(loser.account.id)).toEqual([]);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM bookings WHERE facility_id = $1 AND status = 'pending_payment'`, [small.id]);
    expect(rows[0].n).toBe(4);
  });

  it('answers bad patterns with 400 naming the field', async () => {
    const bad = async (change: object, field: string) => {
      const res = await post('/api/booking-series/preview', driver.tokens, { ...stay, ...pattern, ...change }, null);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.details)).toContain(field);
    };
    await bad({ weeks: 13 }, 'weeks');
    await bad({ weekdays: [] }, 'weekdays');
    await bad({ weekdays: [1, 1] }, 'weekdays');
    await bad({ startTime: '18:00', endTime: '08:00' }, 'endTime');
    await bad({ firstDate: '2020-01-06' }, 'firstDate');
    await bad({ firstDate: '2027-02-30' }, 'firstDate');
    const mode = await post('/api/booking-series', driver.tokens, { ...stay, ...pattern, mode: 'some' });
    expect(mode.status).toBe(400);
  });
});
