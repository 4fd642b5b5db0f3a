import pg from 'pg';
import { createScratchDatabase, dropScratchDatabase, runSeedCli, type SeedRun } from '../seed/seed-cli.js';

// The anchor puts the spring DST change (29 March 2026 in the seeded European zones) inside the
// seeded window, so 23-hour days are among the rows compared.
const SEED_ARGS = ['--scale', 'small', '--seed', '777', '--anchor', '2026-03-20'];
const ROLLUPS = {
  analytics_revenue_daily: `facility_id, day, currency, gross_cents, refund_cents, fee_cents, net_cents, bookings`,
  analytics_revenue_hours: `facility_id, day, hour, currency, gross_cents, refund_cents, fee_cents, net_cents, bookings`,
  analytics_occupancy_daily: `facility_id, day, booked_us, booked_us_by_hour`,
  analytics_occupancy_weekdays: `facility_id, month, weekday, booked_us_by_hour`,
};

describe('analytics rollups written by the seed', () => {
  const database = `seed_rollups_${process.pid}`;
  let pool: pg.Pool;
  let run: SeedRun;

  beforeAll(async () => {
    const url = await createScratchDatabase(database);
    pool = new pg.Pool({ connectionString: url, max: 2 });
    run = await runSeedCli(url, SEED_ARGS);
  }, 180_000);

  afterAll(async () => {
    await pool?.end();
    await dropScratchDatabase(database);
  });

  async function snapshot(): Promise<Record<string, string[]>> {
    const tables: Record<string, string[]> = {};
    for (const [table, columns] of Object.entries(ROLLUPS)) {
      const { rows } = await pool.query<{ line: string }>(`SELECT (${columns})::text AS line FROM ${table} ORDER BY 1`);
      tables[table] = rows.map((r) => r.line);
    }
    return tables;
  }

  it('are row for row what the database recomputes from the seeded bookings and ledger', async () => {
    expect(run.code).toBe(0);
    const seeded = await snapshot();
    for (const lines of Object.values(seeded)) expect(lines.length).toBeGreaterThan(100);
    await pool.query('SELECT analytics_recompute_rollups(NULL)');
    const recomputed = await snapshot();
    for (const table of Object.keys(ROLLUPS)) expect({ table, rows: seeded[table] }).toEqual({ table, rows: recomputed[table] });
  });

  it('include the 23-hour day of the spring DST change with its skipped hour empty', async () => {
    const { rows } = await pool.query<{ skipped: string }>(
      `SELECT sum(o.booked_us_by_hour[3])::text AS skipped
         FROM analytics_occupancy_daily o JOIN facilities f ON f.id = o.facility_id
        WHERE o.day = '2026-03-29' AND f.time_zone LIKE 'Europe/%'`,
    );
    expect(rows[0]!.skipped).toBe('0');
  });
});
