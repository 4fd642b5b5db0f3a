import type pg from 'pg';
import request from 'supertest';
import { apiUrl } from '../support/api-url.js';
import { testPool, unique } from '../support/db.js';
import { createUser, type TestAccount } from '../support/factories.js';
import { waitForEmail } from '../support/mailbox.js';

/** The shared test API runs with the defaults: 5 failures, then 60 s, doubling. */
const THRESHOLD = 5;
const FIRST_LOCKOUT_SECONDS = 60;

let pool: pg.Pool;
beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  await pool.end();
});

/** A sign-in attempt from its own client address, as a spread-out guessing run would make. */
let clientNumber = 0;
function signIn(email: string, password: string) {
  clientNumber += 1;
  return request(apiUrl())
    .post('/api/auth/login')
    .set('x-forwarded-for', `198.51.100.${clientNumber % 250}`)
    .send({ email, password });
}

async function failTimes(email: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await signIn(email, `wrong-guess-number-${i}`).expect(401);
}

/** Ends the running lockout as if its time had passed (tests do not wait a minute). */
async function letLockoutPass(email: string): Promise<void> {
  await pool.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE email = $1`, [email]);
}

function withoutVaryingParts(body: Record<string, unknown>): unknown {
  const { requestId: _requestId, ...rest } = body;
  return JSON.parse(JSON.stringify(rest).replace(/\d+/g, '0'));
}

describe('POST /api/auth/login: per-account lockout', () => {
  let account: TestAccount;
  beforeEach(async () => {
    account = await createUser(pool, { name: 'Lena Locked' });
  });

  it(`locks the account after ${THRESHOLD} wrong passwords from different addresses: then even the right password gets 429 with Retry-After`, async () => {
    await failTimes(account.email, THRESHOLD);
    const res = await signIn(account.email, account.password).expect(429);
    expect(res.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/too many wrong passwords for this email address\. try again in \d+ seconds/i),
      details: { code: 'sign_in_locked', retryAfterSeconds: expect.any(Number) },
    });
    const retryAfter = res.body.details.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(FIRST_LOCKOUT_SECONDS / 2);
    expect(retryAfter).toBeLessThanOrEqual(FIRST_LOCKOUT_SECONDS);
    expect(res.headers['retry-after']).toBe(String(retryAfter));
  });

  it('answers an address without an account exactly the same way, so the lockout does not reveal accounts', async () => {
    const nobody = `${unique('nobody')}@example.test`;
    await failTimes(account.email, THRESHOLD);
    await failTimes(nobody, THRESHOLD);
    const known = await signIn(account.email, account.password).expect(429);
    const unknown = await signIn(nobody, account.password).expect(429);
    expect(withoutVaryingParts(unknown.body)).toEqual(withoutVaryingParts(known.body));
  });

  it('doubles the lockout with each further wrong password, and opens again once it has passed', async () => {
    await failTimes(account.email, THRESHOLD);
    await letLockoutPass(account.email);
    await failTimes(account.email, 1);
    const second = (await signIn(account.email, account.password).expect(429)).body.details.retryAfterSeconds as number;
    expect(second).toBeGreaterThan(FIRST_LOCKOUT_SECONDS);
    expect(second).toBeLessThanOrEqual(2 * FIRST_LOCKOUT_SECONDS);

    await letLockoutPass(account.email);
    await failTimes(account.email, 1);
    const third = (await signIn(account.email, account.password).expect(429)).body.details.retryAfterSeconds as number;
    expect(third).toBeGreaterThan(2 * FIRST_LOCKOUT_SECONDS);
    expect(third).toBeLessThanOrEqual(4 * FIRST_LOCKOUT_SECONDS);

    await letLockoutPass(account.email);
    await signIn(account.email, account.password).expect(200);
  });

  it('forgets the failures after a successful sign-in', async () => {
    await failTimes(account.email, THRESHOLD - 1);
    await signIn(account.email, account.password).expect(200);
    await failTimes(account.email, THRESHOLD - 1);
    await signIn(account.email, account.password).expect(200);
  });

  it('shares the count between API instances: it lives in PostgreSQL', async () => {
    await failTimes(account.email, 2);
    const { rows } = await pool.query<{ failures: number }>(`SELECT failures FROM login_throttle WHERE email = $1`, [account.email.toUpperCase()]);
    expect(rows).toEqual([{ failures: 2 }]);
  });

  it('emails the owner once per lockout, not once per attempt', async () => {
    await failTimes(account.email, THRESHOLD);
    await signIn(account.email, account.password).expect(429);
    await letLockoutPass(account.email);
    await failTimes(account.email, 1);
    await signIn(account.email, account.password).expect(429);

    const notice = await waitForEmail(pool, account.email, /^Sign-ins to your AIParksit account are paused/);
    expect(notice.text).toContain('Hello Lena Locked,');
    expect(notice.text).toContain(`entered wrongly ${THRESHOLD} times in a row`);
    const { rows } = await pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM outbox WHERE kind = 'email.sign_in_lockout' AND payload->>'userId' = $1`,
      [account.id],
    );
    expect(rows[0]!.count).toBe(1);
  });
});
