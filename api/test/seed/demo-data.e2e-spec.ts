import pg from 'pg';
import { DEMO_ACCOUNTS } from '../../src/seed/demo-accounts.js';
import { startApiServer } from '../support/system.mjs';
import { createScratchDatabase, dropScratchDatabase } from './seed-cli.js';

describe('npm start with LOAD_DEMO_DATA=true', () => {
  const database = `seed_demo_start_${process.pid}`;
  let url: string;

  beforeAll(async () => {
    url = await createScratchDatabase(database);
  });

  afterAll(async () => {
    await dropScratchDatabase(database);
  });

  it('loads the small demo set into an empty database once, and leaves it alone on the next start', async () => {
    const first = await startApiServer({ DATABASE_URL: url, LOAD_DEMO_DATA: 'true' }, 120_000);
    await first.stop();
    expect(first.output()).toContain('Seeded the small data set');

    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const emails = (await pool.query<{ email: string }>('SELECT email FROM users WHERE email = ANY($1)', [DEMO_ACCOUNTS.map((a) => a.email)])).rows;
      expect(emails).toHaveLength(DEMO_ACCOUNTS.length);
      const before = (await pool.query<{ n: string }>('SELECT count(*) AS n FROM bookings')).rows[0]!.n;
      expect(Number(before)).toBeGreaterThan(0);

      const second = await startApiServer({ DATABASE_URL: url, LOAD_DEMO_DATA: 'true' }, 60_000);
      await second.stop();
      expect(second.output()).not.toContain('Seeded the small data set');
      expect((await pool.query<{ n: string }>('SELECT count(*) AS n FROM bookings')).rows[0]!.n).toBe(before);
    } finally {
      await pool.end();
    }
  }, 240_000);
});
