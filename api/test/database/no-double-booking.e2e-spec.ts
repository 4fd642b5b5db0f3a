import type pg from 'pg';
import { insertRawCarPark, testPool, unique, type RawCarPark } from '../support/db.js';

/**
 * The database itself keeps two live bookings of one space apart: these inserts go straight
 * to SQL, past every service, and PostgreSQL still refuses the overlap.
 */
describe('bookings exclusion constraint', () => {
  let pool: pg.Pool;
  let ids: RawCarPark;

  beforeAll(async () => {
    pool = testPool();
    ids = await insertRawCarPark(pool, 'Raw');
  });

  afterAll(async () => {
    await pool.end();
  });

  function insertBooking(period: string, status: string) {
    return pool.query(
      `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at)
       VALUES ($1, $2, $3, $4, 'standard', $5::tstzrange, $6::booking_status, 'B-AB 123', 1200, 'EUR', now() + interval '10 minutes')`,
      [unique('code'), ids.driver, ids.facility, ids.space, period, status],
    );
  }

  it('rejects a second live booking whose period overlaps the first', async () => {
    await insertBooking('[2030-01-01 10:00Z, 2030-01-01 12:00Z)', 'confirmed');
    await expect(insertBooking('[2030-01-01 11:00Z, 2030-01-01 13:00Z)', 'pending_payment')).rejects.toMatchObject({
      code: '23P01', // exclusion_violation
      constraint: 'bookings_no_overlap',
    });
  });

  it('accepts back-to-back periods (half-open ranges touch but do not overlap)', async () => {
    await insertBooking('[2030-02-01 10:00Z, 2030-02-01 12:00Z)', 'confirmed');
    await expect(insertBooking('[2030-02-01 12:00Z, 2030-02-01 14:00Z)', 'confirmed')).resolves.toBeDefined();
  });

  it('ignores cancelled and expired bookings, so their time can be booked again', async () => {
    await insertBooking('[2030-03-01 10:00Z, 2030-03-01 12:00Z)', 'cancelled');
    await insertBooking('[2030-03-01 10:00Z, 2030-03-01 12:00Z)', 'expired');
    await expect(insertBooking('[2030-03-01 10:00Z, 2030-03-01 12:00Z)', 'confirmed')).resolves.toBeDefined();
  });

  it('keeps the time an unpaid extension holds, and frees it when the hold is dropped', async () => {
    await insertBooking('[2030-05-01 10:00Z, 2030-05-01 12:00Z)', 'confirmed');
    const booking = await pool.query<{ id: string }>(
      `UPDATE bookings SET extension_hold_end = '2030-05-01 14:00Z' WHERE period = '[2030-05-01 10:00Z, 2030-05-01 12:00Z)'::tstzrange AND space_id = $1 RETURNING id`,
      [ids.space],
    );
    expect(booking.rowCount).toBe(1);
    await expect(insertBooking('[2030-05-01 13:00Z, 2030-05-01 15:00Z)', 'pending_payment')).rejects.toMatchObject({ code: '23P01' });
    await pool.query(`UPDATE bookings SET extension_hold_end = NULL WHERE id = $1`, [booking.rows[0]!.id]);
    await expect(insertBooking('[2030-05-01 13:00Z, 2030-05-01 15:00Z)', 'pending_payment')).resolves.toBeDefined();
  });

  it('rejects the overlap even when two transactions race', async () => {
    const a = await pool.connect();
    const b = await pool.connect();
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query(
        `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at)
         VALUES ($1, $2, $3, $4, 'standard', '[2030-04-01 10:00Z, 2030-04-01 12:00Z)', 'pending_payment', 'X', 0, 'EUR', now())`,
        [unique('code'), ids.driver, ids.facility, ids.space],
      );
      const second = b.query(
        `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at)
         VALUES ($1, $2, $3, $4, 'standard', '[2030-04-01 11:00Z, 2030-04-01 11:30Z)', 'pending_payment', 'Y', 0, 'EUR', now())`,
        [unique('code'), ids.driver, ids.facility, ids.space],
      );
      await a.query('COMMIT');
      await expect(second).rejects.toMatchObject({ code: '23P01' });
      await b.query('ROLLBACK');
    } finally {
      a.release();
      b.release();
    }
  });
});
