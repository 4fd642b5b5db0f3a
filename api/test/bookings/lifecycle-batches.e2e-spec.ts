import type pg from 'pg';
import { COMPLETE_FINISHED_SQL } from '../../src/bookings/lifecycle-sql.js';
import { insertRawCarPark, testPool, unique } from '../support/db.js';

/**
 * The lifecycle job completes finished bookings in batches, the longest-ended first: the order
 * both keeps its statement on the index of confirmed bookings by end (a bare LIMIT let stale
 * statistics choose a scan of every booking) and makes sure a backlog larger than a batch is
 * worked off from its oldest end. The job's own statement, with bookings ended in 1990, before
 * anything another test leaves behind.
 */
describe('completing finished bookings in batches', () => {
  let pool: pg.Pool;

  beforeAll(() => {
    pool = testPool();
  });

  afterAll(async () => {
    await pool.end();
  });

  async function completeFinished(batchSize: number): Promise<number> {
    const { rows } = await pool.query<{ n: number }>(COMPLETE_FINISHED_SQL, [batchSize]);
    return rows[0]!.n;
  }

  it('completes the longest-ended first, a batch at a time, and leaves bookings not yet over alone', async () => {
    const { driver, facility, space } = await insertRawCarPark(pool, 'Batch');
    // Inserted newest-ended first, so that neither insertion order nor id order is the end order.
    const periods = [
      '[1990-01-03 10:00Z,1990-01-03 12:00Z)',
      '[1990-01-01 10:00Z,1990-01-01 12:00Z)',
      '[1990-01-02 10:00Z,1990-01-02 12:00Z)',
      '[2031-01-01 10:00Z,2031-01-01 12:00Z)',
    ];
    const codes: string[] = [];
    for (const period of periods) {
      const code = unique('LB');
      codes.push(code);
      await pool.query(
        `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency)
         VALUES ($1, $2, $3, $4, 'standard', $5::tstzrange, 'confirmed', 'LB 1', 900, 'EUR')`,
        [code, driver, facility, space, period],
      );
    }
    const statuses = async () => {
      const { rows } = await pool.query<{ code: string; status: string }>(`SELECT code, status FROM bookings WHERE code = ANY ($1)`, [codes]);
      const byCode = new Map(rows.map((row) => [row.code, row.status]));
      return codes.map((code) => byCode.get(code));
    };

    expect(await completeFinished(1)).toBe(1);
    expect(await statuses()).toEqual(['confirmed', 'completed', 'confirmed', 'confirmed']);
    expect(await completeFinished(1)).toBe(1);
    expect(await statuses()).toEqual(['confirmed', 'completed', 'completed', 'confirmed']);
    await completeFinished(1000);
    expect(await statuses()).toEqual(['completed', 'completed', 'completed', 'confirmed']);
  });
});
