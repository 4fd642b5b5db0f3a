import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type request from 'supertest';
import { SANDBOX_TEST_CARDS, type AuthTokens, type BookingView } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { GOOD_CARD, holdBooking, postBooking, postPayment, windowAhead } from '../support/booking-helpers.js';
import { testPool } from '../support/db.js';
import { createOperatorWithFacility } from '../support/facility-factories.js';
import { signedInUser } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `probe` answers something; the limit is generous, for a loaded machine. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, withinMs = 60_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Still waiting after ${withinMs} ms for ${what}`);
    await sleep(100);
  }
}

interface ClaimRow {
  claimed_by: string | null;
  response_status: number | null;
  lease_ms: string;
  now_ms: string;
}

describe('POST /api/payments after the API instance holding its Idempotency-Key died', () => {
  let pool: pg.Pool;
  let api: string;
  let driver: AuthTokens;
  let principal: string;

  beforeAll(async () => {
    pool = testPool();
    api = apiUrl();
    const signedIn = await signedInUser(pool, api, 'driver');
    driver = signedIn.tokens;
    principal = `user:${signedIn.account.id}`;
  });

  afterAll(async () => {
    await pool.end();
  });

  async function newHold(): Promise<BookingView> {
    const { facility } = await createOperatorWithFacility(pool, { hourlyCents: { standard: 1000 } });
    return holdBooking(api, driver, { facilityId: facility.id, ...windowAhead(5, 2), spaceType: 'standard', vehiclePlate: 'B-IDEM 1' });
  }

  async function claimOf(key: string): Promise<ClaimRow | undefined> {
    const { rows } = await pool.query<ClaimRow>(
      `SELECT claimed_by, response_status, (extract(epoch FROM lease_expires_at) * 1000)::bigint AS lease_ms,
              (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS now_ms
         FROM idempotency_keys WHERE principal = $1 AND key = $2`,
      [principal, key],
    );
    return rows[0];
  }

  /** Leaves the key as an instance that died after its work but before storing the answer would. */
  async function loseAnswer(key: string): Promise<void> {
    const { rowCount } = await pool.query(
      `UPDATE idempotency_keys SET response_status = NULL, response_body = NULL, claimed_by = gen_random_uuid(), claim_token = gen_random_uuid(),
              lease_expires_at = now() - interval '1 second'
        WHERE principal = $1 AND key = $2`,
      [principal, key],
    );
    expect(rowCount).toBe(1);
  }

  /** Holds the booking row, so a payment of it waits mid-request (its key claimed) until released. */
  async function lockBooking(bookingId: string): Promise<pg.PoolClient> {
    const blocker = await pool.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM bookings WHERE id = $1 FOR UPDATE', [bookingId]);
    return blocker;
  }

  async function moneyOf(bookingId: string) {
    const payments = await pool.query<{ id: string; status: string }>(`SELECT id, status FROM payments WHERE booking_id = $1`, [bookingId]);
    const ledger = await pool.query<{ account: string; amount: number }>(
      `SELECT account, amount_cents::int AS amount FROM ledger_entries WHERE booking_id = $1 ORDER BY account::text`,
      [bookingId],
    );
    const emails = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE kind = 'email.booking_confirmation' AND payload->>'bookingId' = $1`,
      [bookingId],
    );
    return { payments: payments.rows, ledger: ledger.rows, confirmationEmails: emails.rows[0]!.n };
  }

  it('answers a retry of a running request 409 with a Retry-After of the seconds left on its lease, which the running request keeps renewing', async () => {
    const booking = await newHold();
    const key = randomUUID();
    const blocker = await lockBooking(booking.id);
    let first: Promise<request.Response> | undefined;
    try {
      first = postPayment(api, driver, { bookingId: booking.id }, key).then((r) => r);
      const claimed = await eventually('the first request to claim the key', () => claimOf(key));
      expect(claimed.claimed_by).toMatch(/^[0-9a-f-]{36}$/);

      const before = (await claimOf(key))!;
      const retry = await postPayment(api, driver, { bookingId: booking.id }, key);
      const after = (await claimOf(key))!;
      expect(retry.status).toBe(409);
      expect(retry.body.details.code).toBe('idempotency_key_in_flight');
      const retryAfter = Number(retry.headers['retry-after']);
      expect(retry.body.details.retryAfterSeconds).toBe(retryAfter);
      // The server read the lease somewhere between our two readings: the seconds left then.
      expect(retryAfter).toBeGreaterThanOrEqual(Math.max(1, Math.ceil((Number(before.lease_ms) - Number(after.now_ms)) / 1000)));
      expect(retryAfter).toBeLessThanOrEqual(Math.max(1, Math.ceil((Number(after.lease_ms) - Number(before.now_ms)) / 1000)));

      // While the request waits, its instance renews the lease, so the claim is never taken for abandoned.
      await eventually('the lease to be renewed', async () => {
        const now = await claimOf(key);
        return Number(now!.lease_ms) > Number(after.lease_ms) ? now : undefined;
      });
      expect((await postPayment(api, driver, { bookingId: booking.id }, key)).status).toBe(409);
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    const answered = await first!;
    expect(answered.status).toBe(201);
    const replayed = await postPayment(api, driver, { bookingId: booking.id }, key);
    expect(replayed.status).toBe(201);
    expect(replayed.body).toEqual(answered.body);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
  });

  it('takes over within seconds the key of a request whose API process was killed (SIGKILL) mid-request, and runs the payment once', async () => {
    const doomed: RunningApi = await startApiServer({ DATABASE_URL: process.env['DATABASE_URL'], IDEMPOTENCY_LEASE_SECONDS: '3' }, 120_000);
    const booking = await newHold();
    const key = randomUUID();
    const blocker = await lockBooking(booking.id);
    try {
      const cut = postPayment(doomed.url, driver, { bookingId: booking.id }, key).then(
        (r) => r,
        () => undefined, // the connection dies with the process
      );
      await eventually('the doomed instance to claim the key', () => claimOf(key));
      const exited = new Promise((r) => doomed.process.once('exit', r));
      doomed.process.kill('SIGKILL');
      await exited;
      expect(await cut).toBeUndefined();
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
      if (doomed.process.exitCode === null && doomed.process.signalCode === null) await doomed.stop();
    }
    expect((await moneyOf(booking.id)).payments).toEqual([]);

    // Retry as a client would, honouring Retry-After, for at most a minute (the claim used to be
    // held for five).
    const retried = await eventually('the key to be taken over', async () => {
      const res = await postPayment(api, driver, { bookingId: booking.id }, key);
      if (res.status !== 409) return res;
      expect(res.body.details.code).toBe('idempotency_key_in_flight');
      const wait = Number(res.headers['retry-after']);
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(3);
      await sleep(wait * 1000);
      return undefined;
    });
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ bookingId: booking.id, status: 'succeeded', amountCents: 2000 });
    const money = await moneyOf(booking.id);
    expect(money.payments).toEqual([{ id: retried.body.id, status: 'succeeded' }]);
    expect(money.ledger.map((l) => l.account)).toEqual(['gross', 'operator_net', 'platform_fee']);
  }, 240_000);

  it('answers the original receipt, without charging again, when the instance died after the payment committed but before its answer was stored', async () => {
    const booking = await newHold();
    const key = randomUUID();
    const original = await postPayment(api, driver, { bookingId: booking.id }, key);
    expect(original.status).toBe(201);
    await loseAnswer(key);

    const retried = await postPayment(api, driver, { bookingId: booking.id }, key);
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(original.body);
    const money = await moneyOf(booking.id);
    expect(money.payments).toEqual([{ id: original.body.id, status: 'succeeded' }]);
    expect(money.ledger).toEqual([
      { account: 'gross', amount: 2000 },
      { account: 'operator_net', amount: 1700 },
      { account: 'platform_fee', amount: 300 },
    ]);
    expect(money.confirmationEmails).toBe(1);
    expect((await claimOf(key))!.response_status).toBe(201);

    const replayed = await postPayment(api, driver, { bookingId: booking.id }, key);
    expect(replayed.body).toEqual(original.body);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
  });

  it('answers the same decline, without trying the card again, when the answer of a declined payment was lost', async () => {
    const booking = await newHold();
    const key = randomUUID();
    const card = { ...GOOD_CARD, number: SANDBOX_TEST_CARDS.insufficientFunds };
    const original = await postPayment(api, driver, { bookingId: booking.id, card }, key);
    expect(original.status).toBe(402);
    await loseAnswer(key);

    const retried = await postPayment(api, driver, { bookingId: booking.id, card }, key);
    expect(retried.status).toBe(402);
    expect(retried.body.details).toEqual(original.body.details);
    expect((await moneyOf(booking.id)).payments.map((p) => p.status)).toEqual(['declined']);
  });

  it('refuses an abandoned key to a different request (422): the abandoned one may have done its work', async () => {
    const booking = await newHold();
    const key = randomUUID();
    expect((await postPayment(api, driver, { bookingId: booking.id }, key)).status).toBe(201);
    await loseAnswer(key);

    const other = await postPayment(api, driver, { bookingId: booking.id, card: { ...GOOD_CARD, number: SANDBOX_TEST_CARDS.succeedsMastercard } }, key);
    expect(other.status).toBe(422);
    expect(other.body.details.code).toBe('idempotency_key_reused');
    expect((await claimOf(key))!.response_status).toBeNull();
  });
});

describe('POST /api/bookings after the API instance holding its Idempotency-Key died', () => {
  let pool: pg.Pool;
  let driver: AuthTokens;
  let principal: string;

  beforeAll(async () => {
    pool = testPool();
    const signedIn = await signedInUser(pool, apiUrl(), 'driver');
    driver = signedIn.tokens;
    principal = `user:${signedIn.account.id}`;
  });

  afterAll(async () => {
    await pool.end();
  });

  it('answers the hold the dead instance made, without holding a second space, when its answer was lost', async () => {
    const { facility } = await createOperatorWithFacility(pool, { spaces: { standard: 3 }, hourlyCents: { standard: 1000 } });
    const body = { facilityId: facility.id, ...windowAhead(5, 2), spaceType: 'standard' as const, vehiclePlate: 'B-IDEM 2' };
    const key = randomUUID();
    const original = await postBooking(apiUrl(), driver, body, key);
    expect(original.status).toBe(201);
    // As an instance that died after the hold committed but before storing the answer leaves it.
    await pool.query(
      `UPDATE idempotency_keys SET response_status = NULL, response_body = NULL, claimed_by = gen_random_uuid(), claim_token = gen_random_uuid(),
              lease_expires_at = now() - interval '1 second'
        WHERE principal = $1 AND key = $2`,
      [principal, key],
    );

    const retried = await postBooking(apiUrl(), driver, body, key);

    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(original.body.id);
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM bookings WHERE facility_id = $1`, [facility.id]);
    expect(rows[0]!.n).toBe(1);
  });
});
