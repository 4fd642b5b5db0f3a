import pg from 'pg';
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

  it('sends no availability notice for bookings whose time is over, and still does for one to come', async () => {
    const { driver, facility, space } = await insertRawCarPark(pool, 'Notice');
    const codes = { ended: unique('LN'), coming: unique('LN') };
    for (const [code, period] of [
      [codes.ended, '[1990-02-01 10:00Z,1990-02-01 12:00Z)'],
      [codes.coming, '[2031-02-01 10:00Z,2031-02-01 12:00Z)'],
    ]) {
      await pool.query(
        `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency)
         VALUES ($1, $2, $3, $4, 'standard', $5::tstzrange, 'confirmed', 'LN 1', 900, 'EUR')`,
        [code, driver, facility, space, period],
      );
    }
    const listener = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
    await listener.connect();
    try {
      const notices: { k: string; f: string; s?: string }[] = [];
      let comingSeen: () => void = () => undefined;
      const coming = new Promise<void>((resolve) => (comingSeen = resolve));
      listener.on('notification', (message) => {
        const notice = JSON.parse(message.payload ?? '{}') as { k: string; f: string; s?: string };
        if (notice.f !== facility) return;
        notices.push(notice);
        if (notice.k === 'a' && notice.s?.startsWith('2031')) comingSeen();
      });
      await listener.query('LISTEN aiparksit_events');

      expect(await completeFinished(1000)).toBeGreaterThanOrEqual(1);
      expect((await pool.query(`SELECT status FROM bookings WHERE code = $1`, [codes.ended])).rows[0].status).toBe('completed');
      // Notices arrive in commit order: once the later change's notice is here, the completion's would have come first.
      await pool.query(`UPDATE bookings SET status = 'cancelled' WHERE code = $1`, [codes.coming]);
      await coming;
      expect(notices.filter((notice) => notice.k === 'a').map((notice) => notice.s?.slice(0, 4))).toEqual(['2031']);
      // The operator's feed still hears of the completion.
      expect(notices.some((notice) => notice.k === 'bu')).toBe(true);
    } finally {
      await listener.end();
    }
  });
});
