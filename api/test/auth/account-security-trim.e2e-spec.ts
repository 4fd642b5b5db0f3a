import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { EmailVerificationTokensRepository } from '../../src/auth/email-verification-tokens.repository.js';
import { LoginThrottleRepository } from '../../src/auth/login-throttle.repository.js';
import { createDataSource } from '../../src/database/data-source.js';
import { testPool, unique } from '../support/db.js';
import { createUser } from '../support/factories.js';

const WINDOW_SECONDS = 3600;

describe('trimming the account-security tables', () => {
  let pool: pg.Pool;
  let dataSource: DataSource;

  beforeAll(async () => {
    pool = testPool();
    dataSource = createDataSource({ url: process.env['DATABASE_URL']!, poolSize: 2, applicationName: 'aiparksit-trim-test' });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await pool.end();
  });

  it('forgets sign-in failure series that are over and keeps those still counting or locked', async () => {
    const [over, recent, locked] = [unique('over'), unique('recent'), unique('locked')].map((name) => `${name}@example.test`);
    await pool.query(
      `INSERT INTO login_throttle (email, failures, last_failure_at, locked_until) VALUES
         ($1, 7, now() - interval '2 hours', now() - interval '90 minutes'),
         ($2, 2, now() - interval '10 minutes', NULL),
         ($3, 9, now() - interval '3 hours', now() + interval '30 minutes')`,
      [over, recent, locked],
    );

    const forgotten = await new LoginThrottleRepository(dataSource).forgetQuietSeries(WINDOW_SECONDS);

    expect(forgotten).toBeGreaterThanOrEqual(1);
    const { rows } = await pool.query(`SELECT email::text FROM login_throttle WHERE email = ANY($1::citext[]) ORDER BY failures`, [[over, recent, locked]]);
    expect(rows.map((r) => r.email)).toEqual([recent, locked]);
  });

  it('drops verification links spent more than a week ago and keeps live and recently spent ones', async () => {
    const { id: userId } = await createUser(pool, {});
    const hash = (n: number) => Buffer.from(`${unique('token')}-${n}`);
    await pool.query(
      `INSERT INTO email_verification_tokens (user_id, token_hash, created_at, expires_at, used_at) VALUES
         ($1, $2, now() - interval '30 days', now() - interval '28 days', NULL),
         ($1, $3, now() - interval '20 days', now() + interval '1 day', now() - interval '10 days'),
         ($1, $4, now() - interval '2 days', now() - interval '1 day', NULL),
         ($1, $5, now(), now() + interval '2 days', NULL)`,
      [userId, hash(1), hash(2), hash(3), hash(4)],
    );

    await new EmailVerificationTokensRepository(dataSource).purgeSpent();

    const { rows } = await pool.query(`SELECT count(*)::int AS left FROM email_verification_tokens WHERE user_id = $1`, [userId]);
    expect(rows[0].left).toBe(2);
  });
});
