import pg from 'pg';
import { verifyPassword } from '../../src/access/index.js';
import { DEMO_ACCOUNTS } from '../../src/seed/demo-accounts.js';
import { createScratchDatabase, dropScratchDatabase, runSeedCli, type SeedRun } from './seed-cli.js';

const SEEDED = ['users', 'operators', 'facilities', 'spaces', 'rates', 'bookings', 'payments', 'ledger_entries'];
// A fixed "today" so two runs agree on every timestamp, not only on ids and amounts.
const FIXED = ['--scale', 'small', '--seed', '4242', '--anchor', '2026-03-01'];

/** One digest of every seeded row that matters: ids, codes, periods, statuses and amounts, in id order. */
const CHECKSUM_SQL = `
  SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS checksum FROM (
    SELECT 'u' || id || email || role || created_at FROM users
    UNION ALL SELECT 'o' || id || owner_id || legal_name || status FROM operators
    UNION ALL SELECT 'f' || id || operator_id || slug || latitude || longitude || currency || coalesce(opening_hours::text, '24/7') FROM facilities
    UNION ALL SELECT 's' || id || facility_id || label || space_type FROM spaces
    UNION ALL SELECT 'r' || id || facility_id || space_type || hourly_cents || daily_max_cents FROM rates
    UNION ALL SELECT 'b' || id || code || driver_id || space_id || period || status || amount_cents || currency FROM bookings
    UNION ALL SELECT 'p' || id || booking_id || amount_cents || card_brand || card_last4 FROM payments
    UNION ALL SELECT 'l' || id || booking_id || account || amount_cents FROM ledger_entries
  ) AS everything(line)`;

describe('npm run seed -- --scale small', () => {
  const database = `seed_small_${process.pid}`;
  let url: string;
  let pool: pg.Pool;
  let firstRun: SeedRun;

  beforeAll(async () => {
    url = await createScratchDatabase(database);
    pool = new pg.Pool({ connectionString: url, max: 2 });
    firstRun = await runSeedCli(url, FIXED);
  }, 180_000);

  afterAll(async () => {
    await pool?.end();
    await dropScratchDatabase(database);
  });

  async function count(sql: string): Promise<number> {
    const { rows } = await pool.query<{ n: string }>(sql);
    return Number(rows[0]!.n);
  }

  it('loads an empty database and prints row counts per table and the elapsed time', () => {
    expect(firstRun.code).toBe(0);
    expect(firstRun.output).toMatch(/Seeded the small data set in \d+(\.\d)? s/);
    for (const table of SEEDED) expect(firstRun.output).toMatch(new RegExp(`^ +${table} +[\\d,]+$`, 'm'));
  });

  it('makes counts in the ranges the demo promises', async () => {
    expect(await count('SELECT count(*) AS n FROM facilities')).toBe(60);
    expect(await count('SELECT count(*) AS n FROM spaces')).toBeGreaterThanOrEqual(2_000);
    expect(await count('SELECT count(*) AS n FROM spaces')).toBeLessThanOrEqual(6_000);
    expect(await count(`SELECT count(*) AS n FROM users WHERE role = 'driver'`)).toBeGreaterThanOrEqual(200);
    expect(await count('SELECT count(DISTINCT city) AS n FROM facilities')).toBeGreaterThanOrEqual(6);
    expect(await count('SELECT count(DISTINCT country_code) AS n FROM facilities')).toBeGreaterThanOrEqual(3);
    expect(await count('SELECT count(DISTINCT space_type) AS n FROM spaces')).toBe(5);
    expect(await count('SELECT count(*) AS n FROM bookings')).toBeGreaterThanOrEqual(5_000);
    for (const status of ['completed', 'confirmed', 'cancelled', 'expired']) {
      expect(await count(`SELECT count(*) AS n FROM bookings WHERE status = '${status}'`)).toBeGreaterThan(0);
    }
    expect(await count('SELECT count(*) AS n FROM facilities WHERE opening_hours IS NULL')).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM facilities WHERE opening_hours IS NOT NULL')).toBeGreaterThan(0);
  });

  it('creates every demo account with a password that verifyPassword accepts', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const { rows } = await pool.query<{ role: string; password_hash: string }>('SELECT role, password_hash FROM users WHERE email = $1', [account.email]);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.role).toBe(account.role);
      await expect(verifyPassword(rows[0]!.password_hash, account.password)).resolves.toBe(true);
    }
  });

  it('gives the demo operator an approved company with published facilities, and the demo driver past and upcoming bookings', async () => {
    const operator = DEMO_ACCOUNTS.find((a) => a.role === 'operator')!;
    expect(
      await count(`SELECT count(*) AS n FROM facilities f JOIN operators o ON o.id = f.operator_id JOIN users u ON u.id = o.owner_id
                   WHERE u.email = '${operator.email}' AND o.status = 'approved' AND f.published`),
    ).toBeGreaterThan(0);
    const driver = DEMO_ACCOUNTS.find((a) => a.role === 'driver')!;
    const mine = `FROM bookings b JOIN users u ON u.id = b.driver_id WHERE u.email = '${driver.email}'`;
    expect(await count(`SELECT count(*) AS n ${mine} AND b.status = 'completed' AND upper(b.period) <= '2026-03-01'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n ${mine} AND b.status = 'confirmed' AND lower(b.period) >= '2026-03-01'`)).toBeGreaterThan(0);
  });

  it('has an operator funnel: applications waiting, rejected with a reason, approved before their first facility', async () => {
    expect(await count(`SELECT count(*) AS n FROM operators WHERE status = 'submitted' AND reviewed_at IS NULL`)).toBe(3);
    expect(await count(`SELECT count(*) AS n FROM operators WHERE status = 'rejected' AND rejection_reason IS NOT NULL AND reviewed_at > submitted_at`)).toBe(
      2,
    );
    expect(await count(`SELECT count(*) AS n FROM operators WHERE status = 'approved'`)).toBeGreaterThan(8);
    expect(
      await count(`SELECT count(*) AS n FROM facilities f JOIN operators o ON o.id = f.operator_id
                   WHERE o.status <> 'approved' OR f.created_at <= o.reviewed_at OR o.submitted_at < (SELECT created_at FROM users WHERE id = o.owner_id)`),
    ).toBe(0);
  });

  it('books nothing before its facility or its driver existed', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM bookings b JOIN facilities f ON f.id = b.facility_id JOIN users u ON u.id = b.driver_id JOIN spaces s ON s.id = b.space_id
                   WHERE b.created_at <= f.created_at OR b.created_at <= u.created_at OR b.created_at <= s.created_at OR lower(b.period) <= b.created_at`),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM bookings WHERE lower(period) < '2026-03-01'::date - interval '18 months'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM bookings WHERE lower(period) < '2026-03-01'::date - interval '16 months'`)).toBeGreaterThan(0);
  });

  it('marks two or three real-looking, unpublished facilities as canaries', async () => {
    const canaries = await count('SELECT count(*) AS n FROM facilities WHERE is_canary AND NOT published');
    expect(canaries).toBeGreaterThanOrEqual(2);
    expect(canaries).toBeLessThanOrEqual(3);
    expect(await count('SELECT count(*) AS n FROM facilities WHERE is_canary AND published')).toBe(0);
  });

  it('never lets two live bookings of one space overlap, and keeps the exclusion constraint', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM bookings a JOIN bookings b ON a.space_id = b.space_id AND a.id < b.id AND a.period && b.period
                   WHERE a.status IN ('pending_payment', 'confirmed') AND b.status IN ('pending_payment', 'confirmed')`),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM pg_constraint WHERE conname = 'bookings_no_overlap' AND contype = 'x'`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM pg_constraint WHERE conrelid = 'ledger_entries'::regclass AND contype = 'f'`)).toBe(4);
  });

  it('builds the availability read model from the loaded spaces and bookings (their triggers are off during the load)', async () => {
    expect(await count('SELECT count(*) AS n FROM space_availability')).toBe(await count('SELECT count(*) AS n FROM spaces'));
    expect(await count(`SELECT count(*) AS n FROM space_availability WHERE busy <> '{}'`)).toBeGreaterThan(0);
    // Every row equals its recomputation from the base tables.
    expect(
      await count(`SELECT count(*) AS n FROM spaces s JOIN space_availability a ON a.space_id = s.id
                   WHERE a.active <> s.active OR a.space_type <> s.space_type OR a.facility_id <> s.facility_id
                      OR a.busy <> coalesce((SELECT range_agg(b.occupied_period) FROM bookings b
                                              WHERE b.space_id = s.id AND b.status IN ('pending_payment', 'confirmed')), '{}')`),
    ).toBe(0);
  });

  it('balances the ledger of every paid booking: gross = platform fee + operator net = the amount charged', async () => {
    expect(
      await count(
        `SELECT count(*) AS n FROM bookings WHERE status IN ('confirmed', 'completed') AND id NOT IN (SELECT booking_id FROM payments WHERE status = 'succeeded')`,
      ),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM payments p JOIN bookings b ON b.id = p.booking_id
                   WHERE (b.status IN ('confirmed', 'completed')) <> (p.status = 'succeeded' AND p.refunded_cents = 0)`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM payments p JOIN bookings b ON b.id = p.booking_id
                   JOIN LATERAL (SELECT sum(amount_cents) FILTER (WHERE account = 'gross') AS gross,
                                        sum(amount_cents) FILTER (WHERE account = 'platform_fee') AS fee,
                                        sum(amount_cents) FILTER (WHERE account = 'operator_net') AS net
                                   FROM ledger_entries l WHERE l.booking_id = b.id) l ON true
                   WHERE l.gross IS DISTINCT FROM l.fee + l.net OR l.gross IS DISTINCT FROM p.amount_cents OR p.amount_cents <> b.amount_cents
                      OR l.fee <> round(l.gross * 0.15)`),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM payments WHERE card_brand IS NULL OR card_last4 !~ '^[0-9]{4}$'`)).toBe(0);
  });

  it('refunds paid cancellations as the payments module does: by the cancellation policy, negative ledger lines at the cancellation', async () => {
    const refunded = await count(`SELECT count(*) AS n FROM payments WHERE status IN ('refunded', 'partially_refunded')`);
    expect(refunded).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM payments WHERE status = 'partially_refunded'`)).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n FROM payments p JOIN bookings b ON b.id = p.booking_id
                   JOIN LATERAL (SELECT sum(amount_cents) FILTER (WHERE account = 'refund') AS refund,
                                        sum(amount_cents) FILTER (WHERE account = 'refund_platform_fee') AS fee,
                                        sum(amount_cents) FILTER (WHERE account = 'refund_operator_net') AS net,
                                        bool_and(occurred_at = b.cancelled_at) FILTER (WHERE account::text LIKE 'refund%') AS at_cancellation
                                   FROM ledger_entries l WHERE l.booking_id = b.id) l ON true
                   WHERE p.status IN ('refunded', 'partially_refunded')
                     AND (b.status <> 'cancelled' OR -l.refund <> p.refunded_cents OR l.refund <> l.fee + l.net OR -l.fee <> round(p.refunded_cents * 0.15)
                          OR NOT l.at_cancellation OR b.cancelled_at >= lower(b.period)
                          OR p.refunded_cents <> CASE WHEN b.cancelled_at < lower(b.period) - interval '60 minutes' THEN p.amount_cents ELSE p.amount_cents * 50 / 100 END
                          OR (p.status = 'refunded') <> (p.refunded_cents = p.amount_cents))`),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM ledger_entries WHERE account::text LIKE 'refund%'`)).toBe(3 * refunded);
  });

  it('charges every booking, payment and ledger line in its facility currency', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM bookings b JOIN facilities f ON f.id = b.facility_id
                   LEFT JOIN payments p ON p.booking_id = b.id LEFT JOIN ledger_entries l ON l.booking_id = b.id
                   WHERE b.currency <> f.currency OR p.currency <> f.currency OR l.currency <> f.currency`),
    ).toBe(0);
    const { rows } = await pool.query<{ country_code: string; currency: string; time_zone: string }>(
      'SELECT DISTINCT country_code, currency, time_zone FROM facilities ORDER BY 1, 3',
    );
    const expected: Record<string, string> = { DE: 'EUR', NL: 'EUR', AT: 'EUR', CH: 'CHF', DK: 'DKK', GB: 'GBP' };
    for (const row of rows) expect(row.currency).toBe(expected[row.country_code]);
    expect(rows.map((r) => r.time_zone)).toEqual(expect.arrayContaining(['Europe/Berlin', 'Europe/Zurich', 'Europe/London']));
  });

  it('refuses a database that already has users unless --reset is given, and changes nothing', async () => {
    const before = (await pool.query<{ checksum: string }>(CHECKSUM_SQL)).rows[0]!.checksum;
    const refused = await runSeedCli(url, FIXED);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/already has \d+ users.*--reset/);
    expect((await pool.query<{ checksum: string }>(CHECKSUM_SQL)).rows[0]!.checksum).toBe(before);
  }, 120_000);

  it('makes identical rows when run again with --reset and the same seed', async () => {
    const before = (await pool.query<{ checksum: string }>(CHECKSUM_SQL)).rows[0]!.checksum;
    const again = await runSeedCli(url, [...FIXED, '--reset']);
    expect(again.code).toBe(0);
    expect(again.output).toContain('Deleting all data (--reset)');
    expect((await pool.query<{ checksum: string }>(CHECKSUM_SQL)).rows[0]!.checksum).toBe(before);
  }, 180_000);

  it('makes different rows from a different seed', async () => {
    const before = (await pool.query<{ checksum: string }>(CHECKSUM_SQL)).rows[0]!.checksum;
    const other = await runSeedCli(url, ['--scale', 'small', '--seed', '7', '--anchor', '2026-03-01', '--reset']);
    expect(other.code).toBe(0);
    expect((await pool.query<{ checksum: string }>(CHECKSUM_SQL)).rows[0]!.checksum).not.toBe(before);
  }, 180_000);
});
