import type pg from 'pg';
import { DateTime } from 'luxon';
import request from 'supertest';
import type { AuthTokens } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { holdBooking, postPayment } from '../support/booking-helpers.js';
import { testPool } from '../support/db.js';
import { createFacility, createOperator, type TestFacility, type TestOperator } from '../support/facility-factories.js';
import { bearer, signedInUser } from '../support/factories.js';
import { insertBooking, insertLedger } from './analytics-helpers.js';
import { prng } from '../support/random.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

const SEED = 20260305;
const STATUSES = ['pending_payment', 'confirmed', 'cancelled', 'expired', 'completed'] as const;

describe('analytics rollups', () => {
  let pool: pg.Pool;
  let api: string;
  let driver: AuthTokens;
  let operator: TestOperator;
  let facilities: TestFacility[];
  const zones = new Map<string, string>();

  beforeAll(async () => {
    pool = testPool();
    api = apiUrl();
    driver = (await signedInUser(pool, api, 'driver')).tokens;
    operator = await createOperator(pool);
    facilities = [
      await createFacility(pool, operator, { timeZone: 'Europe/Berlin', spaces: { standard: 6 }, hourlyCents: { standard: 337 } }),
      await createFacility(pool, operator, { timeZone: 'America/New_York', spaces: { standard: 4 }, hourlyCents: { standard: 251 } }),
    ];
    zones.set(facilities[0]!.id, 'Europe/Berlin').set(facilities[1]!.id, 'America/New_York');
  });

  afterAll(async () => {
    await pool.end();
  });

  /** `facility|local date|local hour` of the UTC hour starting at `utcMs`, in the facility's zone. */
  function localKey(facilityId: string, utcMs: number): string {
    const zone = zones.get(facilityId)!;
    return `${facilityId}|${DateTime.fromMillis(utcMs, { zone }).toFormat('yyyy-MM-dd|H')}`;
  }

  /**
   * Occupancy (space-microseconds) and revenue recomputed the obvious way from every booking and
   * ledger line, in JavaScript: per UTC hour, filed under the facility's local date and hour of
   * that hour's start.
   */
  async function naive(facilityIds: string[]) {
    const occupancy = new Map<string, number>();
    const bookings = await pool.query<{ facility_id: string; status: string; start_ms: string; end_ms: string }>(
      `SELECT facility_id, status, (extract(epoch FROM lower(period)) * 1000)::bigint::text AS start_ms, (extract(epoch FROM upper(period)) * 1000)::bigint::text AS end_ms
         FROM bookings WHERE facility_id = ANY($1)`,
      [facilityIds],
    );
    for (const b of bookings.rows) {
      if (b.status !== 'confirmed' && b.status !== 'completed') continue;
      const start = Number(b.start_ms);
      const end = Number(b.end_ms);
      for (let h = Math.floor(start / HOUR) * HOUR; h < end; h += HOUR) {
        const key = localKey(b.facility_id, h);
        occupancy.set(key, (occupancy.get(key) ?? 0) + (Math.min(end, h + HOUR) - Math.max(start, h)) * 1000);
      }
    }
    const revenue = new Map<string, [number, number, number, number, number]>();
    const lines = await pool.query<{ facility_id: string; at_ms: string; account: string; amount_cents: string; extension: boolean }>(
      `SELECT l.facility_id, (extract(epoch FROM l.occurred_at) * 1000)::bigint::text AS at_ms, l.account, l.amount_cents,
              coalesce(p.extension_id IS NOT NULL, false) AS extension
         FROM ledger_entries l LEFT JOIN payments p ON p.id = l.payment_id WHERE l.facility_id = ANY($1)`,
      [facilityIds],
    );
    for (const l of lines.rows) {
      const key = localKey(l.facility_id, Math.floor(Number(l.at_ms) / HOUR) * HOUR);
      const sums = revenue.get(key) ?? [0, 0, 0, 0, 0];
      const amount = Number(l.amount_cents);
      if (l.account === 'gross') sums[0] += amount;
      if (l.account === 'refund') sums[1] += amount;
      if (l.account === 'platform_fee' || l.account === 'refund_platform_fee') sums[2] += amount;
      if (l.account === 'operator_net' || l.account === 'refund_operator_net') sums[3] += amount;
      if (l.account === 'gross' && !l.extension) sums[4] += 1;
      revenue.set(key, sums);
    }
    return { occupancy: withoutZeros(occupancy), revenue: new Map([...revenue].filter(([, sums]) => sums.some((s) => s !== 0))) };
  }

  /**
   * The rollups as `facility|day|hour` maps, after checking that each daily row is exactly the
   * sum of its hours (occupancy's day total, and revenue's daily table against its hours table).
   */
  async function rollups(facilityIds: string[]) {
    const occupancy = await pool.query<{ facility_id: string; day: string; booked_us: string; slots: string[] }>(
      `SELECT facility_id, to_char(day, 'YYYY-MM-DD') AS day, booked_us::text, booked_us_by_hour::text[] AS slots FROM analytics_occupancy_daily WHERE facility_id = ANY($1)`,
      [facilityIds],
    );
    const hours = new Map<string, number>();
    const byWeekday = new Map<string, number>();
    for (const row of occupancy.rows) {
      expect(row.slots.reduce((sum, us) => sum + Number(us), 0)).toBe(Number(row.booked_us));
      const weekday = DateTime.fromISO(row.day, { zone: 'UTC' }).weekday;
      row.slots.forEach((us, hour) => {
        hours.set(`${row.facility_id}|${row.day}|${hour}`, Number(us));
        const key = `${row.facility_id}|${row.day.slice(0, 8)}01|${weekday}|${hour}`;
        byWeekday.set(key, (byWeekday.get(key) ?? 0) + Number(us));
      });
    }
    // The month × weekday rows are the daily slots summed.
    const weekdays = await pool.query<{ facility_id: string; month: string; weekday: number; slots: string[] }>(
      `SELECT facility_id, to_char(month, 'YYYY-MM-DD') AS month, weekday, booked_us_by_hour::text[] AS slots FROM analytics_occupancy_weekdays WHERE facility_id = ANY($1)`,
      [facilityIds],
    );
    const stored = new Map<string, number>();
    for (const row of weekdays.rows) row.slots.forEach((us, hour) => stored.set(`${row.facility_id}|${row.month}|${row.weekday}|${hour}`, Number(us)));
    expect(new Map([...withoutZeros(stored)].sort())).toEqual(new Map([...withoutZeros(byWeekday)].sort()));
    const revenue = await pool.query<{ facility_id: string; day: string; hour: number; g: string; r: string; f: string; n: string; b: number }>(
      `SELECT facility_id, to_char(day, 'YYYY-MM-DD') AS day, hour, gross_cents AS g, refund_cents AS r, fee_cents AS f, net_cents AS n, bookings AS b
         FROM analytics_revenue_hours WHERE facility_id = ANY($1)`,
      [facilityIds],
    );
    const daily = await pool.query<{ facility_id: string; day: string; g: string; r: string; f: string; n: string; b: number }>(
      `SELECT facility_id, to_char(day, 'YYYY-MM-DD') AS day, gross_cents AS g, refund_cents AS r, fee_cents AS f, net_cents AS n, bookings AS b
         FROM analytics_revenue_daily WHERE facility_id = ANY($1)`,
      [facilityIds],
    );
    const sumsOf = (r: { g: string; r: string; f: string; n: string; b: number }) => [Number(r.g), Number(r.r), Number(r.f), Number(r.n), r.b];
    const nonZero = (sums: number[]) => sums.some((s) => s !== 0);
    const hoursByDay = new Map<string, number[]>();
    for (const r of revenue.rows) {
      const key = `${r.facility_id}|${r.day}`;
      const sums = hoursByDay.get(key) ?? [0, 0, 0, 0, 0];
      sumsOf(r).forEach((v, i) => (sums[i]! += v));
      hoursByDay.set(key, sums);
    }
    const sorted = <V>(map: Map<string, V>) => new Map([...map].sort());
    expect(sorted(new Map(daily.rows.map((r): [string, number[]] => [`${r.facility_id}|${r.day}`, sumsOf(r)]).filter(([, s]) => nonZero(s))))).toEqual(
      sorted(new Map([...hoursByDay].filter(([, s]) => nonZero(s)))),
    );
    return {
      occupancy: withoutZeros(hours),
      revenue: new Map(revenue.rows.map((r): [string, number[]] => [`${r.facility_id}|${r.day}|${r.hour}`, sumsOf(r)]).filter(([, sums]) => nonZero(sums))),
    };
  }

  function withoutZeros(map: Map<string, number>): Map<string, number> {
    return new Map([...map].filter(([, v]) => v !== 0));
  }

  async function expectRollupsToMatchNaive() {
    const ids = facilities.map((f) => f.id);
    const [expected, actual] = [await naive(ids), await rollups(ids)];
    expect(actual.occupancy.size).toBeGreaterThan(0);
    expect(new Map([...actual.occupancy].sort())).toEqual(new Map([...expected.occupancy].sort()));
    expect(new Map([...actual.revenue].sort())).toEqual(new Map([...expected.revenue].sort()));
  }

  it('agree exactly with a naive recomputation after randomised bookings, payments, extensions, cancellations and refunds through the API', async () => {
    const random = prng(SEED);
    for (let i = 0; i < 24; i++) {
      const facility = random.pick(facilities);
      // Some start within the free-cancellation hour, so their cancellation refunds only part.
      const soon = random.next() < 0.25;
      const startMs = soon
        ? Math.ceil((Date.now() + random.int(20, 50) * MINUTE) / MINUTE) * MINUTE
        : Math.floor(Date.now() / HOUR) * HOUR + random.int(1, 30) * 24 * HOUR + random.int(0, 95) * 15 * MINUTE;
      const endMs = startMs + random.int(2, 40) * 15 * MINUTE;
      let booking;
      try {
        booking = await holdBooking(api, driver, {
          facilityId: facility.id,
          start: new Date(startMs).toISOString(),
          end: new Date(endMs).toISOString(),
          spaceType: 'standard',
          vehiclePlate: 'B-RND 1',
        });
      } catch {
        continue; // every space taken for that window: fine, the next one differs
      }
      if (random.next() < 0.2) continue; // left unpaid: a hold counts nowhere
      expect((await postPayment(api, driver, { bookingId: booking.id })).status).toBe(201);
      if (random.next() < 0.3) {
        const extended = await request(api)
          .post(`/api/bookings/${booking.id}/extend`)
          .set('authorization', bearer(driver))
          .send({ end: new Date(endMs + random.int(1, 8) * 15 * MINUTE).toISOString() });
        if (extended.status === 201 && random.next() < 0.8)
          expect((await postPayment(api, driver, { bookingId: booking.id, extensionId: extended.body.id })).status).toBe(201);
      }
      if (random.next() < 0.35) {
        const cancelled = await request(api).post(`/api/bookings/${booking.id}/cancel`).set('authorization', bearer(driver)).send();
        expect(cancelled.status).toBe(200);
      }
    }
    const refunds = await pool.query(`SELECT count(*)::int AS n FROM ledger_entries WHERE facility_id = ANY($1) AND account = 'refund'`, [
      facilities.map((f) => f.id),
    ]);
    expect(refunds.rows[0].n).toBeGreaterThan(0);
    await expectRollupsToMatchNaive();
  });

  it('agree exactly after randomised rows, status and period changes, moves, deletes and multi-row statements in SQL', async () => {
    const random = prng(SEED + 1);
    const ids: string[] = [];
    // Odd instants (seconds and minutes off the hour), multi-day stays, every status, across the
    // spring DST changes of both zones (8 and 29 March 2026).
    for (let i = 0; i < 40; i++) {
      const facility = random.pick(facilities);
      const startMs = Date.UTC(2026, 1, 15) + random.int(0, 60 * 24 * 60) * MINUTE + random.int(0, 59) * 1000;
      const endMs = startMs + random.int(1, 72 * 60) * MINUTE + random.int(0, 59) * 1000;
      const spaceId = random.pick(facility.spaces.standard!);
      const status = random.pick(STATUSES);
      try {
        const id = await insertBooking(pool, {
          facilityId: facility.id,
          spaceId,
          start: new Date(startMs).toISOString(),
          end: new Date(endMs).toISOString(),
          status,
        });
        ids.push(id);
        if (random.next() < 0.7) {
          const gross = random.int(100, 50_000);
          await insertLedger(pool, {
            bookingId: id,
            operatorId: operator.id,
            facilityId: facility.id,
            at: new Date(startMs - random.int(0, 5000) * MINUTE).toISOString(),
            grossCents: gross,
            feeCents: Math.floor(gross * 0.15),
          });
          if (random.next() < 0.3) {
            const refund = random.int(1, gross);
            await insertLedger(pool, {
              bookingId: id,
              operatorId: operator.id,
              facilityId: facility.id,
              at: new Date(startMs + random.int(0, 5000) * MINUTE).toISOString(),
              grossCents: refund,
              feeCents: Math.floor(refund * 0.15),
              kind: 'refund',
            });
          }
        }
      } catch {
        // a live overlap on the space: the exclusion constraint said no, which is fine here
      }
    }
    await expectRollupsToMatchNaive();

    for (let i = 0; i < 40; i++) {
      const id = random.pick(ids);
      const action = random.int(0, 5);
      try {
        if (action === 0)
          await pool.query(`UPDATE bookings SET status = $2::booking_status, hold_expires_at = now() + interval '5 minutes' WHERE id = $1`, [
            id,
            random.pick(STATUSES),
          ]);
        if (action === 1) {
          await pool.query(
            `UPDATE bookings SET period = tstzrange(lower(period) + make_interval(secs => $2), upper(period) + make_interval(secs => $3)) WHERE id = $1`,
            [id, random.int(-7200, 7200), random.int(7201, 20_000)],
          );
        }
        if (action === 2) {
          const to = random.pick(facilities);
          await pool.query(`UPDATE bookings SET facility_id = $2, space_id = $3 WHERE id = $1`, [id, to.id, random.pick(to.spaces.standard!)]);
        }
        if (action === 3) await pool.query(`DELETE FROM ledger_entries WHERE id = (SELECT max(id) FROM ledger_entries WHERE booking_id = $1)`, [id]);
        if (action === 4)
          await pool.query(`UPDATE ledger_entries SET amount_cents = amount_cents + $2, occurred_at = occurred_at + interval '3 hours' WHERE booking_id = $1`, [
            id,
            random.int(-50, 50),
          ]);
        if (action === 5) {
          // One statement over many rows: one set-based delta.
          await pool.query(
            `UPDATE bookings SET status = CASE WHEN status = 'confirmed' THEN 'completed'::booking_status ELSE status END, period = tstzrange(lower(period), upper(period) + interval '17 minutes') WHERE id = ANY($1)`,
            [ids.filter(() => random.next() < 0.4)],
          );
        }
      } catch {
        // refused by a constraint (overlap, hold without expiry): nothing changed
      }
    }
    // Bookings without ledger lines may go entirely.
    await pool.query(
      `DELETE FROM bookings WHERE id = ANY($1) AND NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.booking_id = bookings.id) AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.booking_id = bookings.id)`,
      [ids.filter(() => random.next() < 0.3)],
    );
    await expectRollupsToMatchNaive();
  });

  it('move to the new local days and hours when a facility changes time zone (a half-hour zone here)', async () => {
    await pool.query(`UPDATE facilities SET time_zone = 'Asia/Kolkata' WHERE id = $1`, [facilities[1]!.id]);
    zones.set(facilities[1]!.id, 'Asia/Kolkata');
    await expectRollupsToMatchNaive();
    await pool.query(`UPDATE facilities SET time_zone = 'America/New_York' WHERE id = $1`, [facilities[1]!.id]);
    zones.set(facilities[1]!.id, 'America/New_York');
    await expectRollupsToMatchNaive();
  });

  it('keep nothing of a change that is rolled back', async () => {
    const before = await rollups(facilities.map((f) => f.id));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE bookings SET status = 'cancelled' WHERE facility_id = ANY($1) AND status IN ('confirmed', 'completed')`, [
        facilities.map((f) => f.id),
      ]);
      await client.query(`DELETE FROM ledger_entries WHERE facility_id = ANY($1)`, [facilities.map((f) => f.id)]);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await rollups(facilities.map((f) => f.id))).toEqual(before);
    await expectRollupsToMatchNaive();
  });
});
