import type pg from 'pg';
import request from 'supertest';
import type { AuthTokens, CreateBookingRequest } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { postBooking, windowAhead } from '../support/booking-helpers.js';
import { testPool, unique } from '../support/db.js';
import { createOperatorWithFacility } from '../support/facility-factories.js';
import { bearer, countUsersWithEmail, createUser, loginAs, TEST_PASSWORD } from '../support/factories.js';
import { VERIFICATION_SUBJECT, verificationLinkIn, verificationTokenIn, waitForEmail } from '../support/mailbox.js';

let pool: pg.Pool;
beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  await pool.end();
});

function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { email: `${unique('verify')}@example.test`, password: TEST_PASSWORD, name: 'Vera Verify', role: 'driver', ...overrides };
}

const register = (body: Record<string, unknown>) => request(apiUrl()).post('/api/auth/register').send(body);
const verify = (token: string) => request(apiUrl()).post('/api/auth/verify-email').send({ token });
const resend = (email: string) => request(apiUrl()).post('/api/auth/resend-verification').send({ email });

async function bookableFacility(): Promise<Omit<CreateBookingRequest, 'start' | 'end'>> {
  const { facility } = await createOperatorWithFacility(pool, { spaces: { standard: 3 }, hourlyCents: { standard: 200 } });
  return { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-VE 1' };
}

/** The answer with what legitimately differs (the echoed address and the request id) taken out. */
function shapeOf(res: request.Response, email: string): unknown {
  const { requestId: _requestId, ...body } = res.body as Record<string, unknown>;
  return { status: res.status, body: JSON.parse(JSON.stringify(body).split(email).join('<email>')) };
}

describe('POST /api/auth/register', () => {
  it('answers an address that already has an account exactly like a new one, and emails its owner instead', async () => {
    const owner = await createUser(pool, { name: 'Olga Owner' });
    const fresh = registration();
    const newcomer = await register(fresh);
    const taken = await register(registration({ email: owner.email.toUpperCase(), password: 'another-quite-long-password-77' }));

    expect(newcomer.status).toBe(202);
    expect(shapeOf(taken, owner.email.toUpperCase())).toEqual(shapeOf(newcomer, fresh['email'] as string));
    expect(newcomer.body).toEqual({ email: fresh['email'], message: expect.stringMatching(/check your email/i) });

    const notice = await waitForEmail(pool, owner.email, /^Someone tried to register/);
    expect(notice.text).toContain('Hello Olga Owner,');
    expect(notice.text).toContain('already has an account');
    // Nothing changed: still one account, the owner's password still works.
    expect(await countUsersWithEmail(pool, owner.email)).toBe(1);
    await loginAs(apiUrl(), owner);
    // The newcomer gets the link, the owner does not.
    await waitForEmail(pool, fresh['email'] as string, VERIFICATION_SUBJECT);
    const { rows } = await pool.query<{ kind: string }>(`SELECT kind FROM outbox WHERE payload->>'userId' = $1 AND kind = 'email.email_verification'`, [
      owner.id,
    ]);
    expect(rows).toEqual([]);
  });
});

describe('email verification', () => {
  it('lets an unverified account sign in but not book (403 email_not_verified); the link from the delivered email verifies, signs in, and booking works', async () => {
    const body = registration();
    const email = body['email'] as string;
    await register(body).expect(202);
    const beforeVerification = await loginAs(apiUrl(), { email, password: TEST_PASSWORD });
    expect(beforeVerification.user.emailVerified).toBe(false);

    const booking = { ...(await bookableFacility()), ...windowAhead(3) };
    const refused = await postBooking(apiUrl(), beforeVerification, booking).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, error: 'Forbidden', details: { code: 'email_not_verified' } });
    expect(refused.body.message).toMatch(/confirm your email address/i);

    const delivered = await waitForEmail(pool, email, VERIFICATION_SUBJECT);
    expect(delivered.text).toContain('Hello Vera Verify,');
    expect(verificationLinkIn(delivered).pathname).toBe('/verify-email');
    const verified = await verify(verificationTokenIn(delivered)).expect(200);
    const session = verified.body as AuthTokens;
    expect(session.user).toMatchObject({ email, emailVerified: true });
    expect(verified.headers['cache-control']).toBe('no-store');

    await postBooking(apiUrl(), session, booking).expect(201);
    // The session from before verification reads the new state on its next request.
    const me = await request(apiUrl()).get('/api/auth/me').set('authorization', bearer(beforeVerification)).expect(200);
    expect(me.body.emailVerified).toBe(true);
    await postBooking(apiUrl(), beforeVerification, { ...booking, ...windowAhead(4) }).expect(201);
  });

  it('keeps only a hash of the token, and a link works once', async () => {
    const body = registration();
    await register(body).expect(202);
    const token = verificationTokenIn(await waitForEmail(pool, body['email'] as string, VERIFICATION_SUBJECT));
    const { rows } = await pool.query<{ token_hash: Buffer }>(
      `SELECT t.token_hash FROM email_verification_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = $1`,
      [body['email']],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash.toString('base64url')).not.toBe(token);
    expect(rows[0]!.token_hash.toString('utf8')).not.toContain(token.slice(0, 12));

    await verify(token).expect(200);
    const again = await verify(token).expect(400);
    expect(again.body).toMatchObject({ statusCode: 400, details: { code: 'invalid_verification_token', fields: [{ field: 'token' }] } });
  });

  it('refuses an expired link with 400; a resent link works', async () => {
    const body = registration();
    const email = body['email'] as string;
    await register(body).expect(202);
    const first = verificationTokenIn(await waitForEmail(pool, email, VERIFICATION_SUBJECT));
    // Older than the lifetime: moved into the past rather than waited for.
    await pool.query(
      `UPDATE email_verification_tokens t SET expires_at = now() - interval '1 second', created_at = now() - interval '3 days'
         FROM users u WHERE u.id = t.user_id AND u.email = $1`,
      [email],
    );
    const expired = await verify(first).expect(400);
    expect(expired.body.details).toMatchObject({ code: 'invalid_verification_token' });

    const resent = await resend(email.toUpperCase()).expect(202);
    expect(resent.body.message).toMatch(/check your email/i);
    const second = verificationTokenIn(await waitForEmail(pool, email, VERIFICATION_SUBJECT, { count: 2 }));
    expect(second).not.toBe(first);
    const session = (await verify(second).expect(200)).body as AuthTokens;
    expect(session.user.emailVerified).toBe(true);
  });

  it('answers a resend for an address without an account exactly like one with', async () => {
    const body = registration();
    await register(body).expect(202);
    const known = await resend(body['email'] as string);
    const nobody = `${unique('nobody')}@example.test`;
    const unknown = await resend(nobody);
    expect(shapeOf(unknown, nobody)).toEqual(shapeOf(known, body['email'] as string));
  });

  it('replaces an unconfirmed registration with a newer one for the same address: the newer password works after verification, the older one does not, and older sessions end', async () => {
    const first = registration({ password: 'first-registrants-password-1' });
    const email = first['email'] as string;
    await register(first).expect(202);
    const earlier = await loginAs(apiUrl(), { email, password: 'first-registrants-password-1' });

    await register(registration({ email, password: 'second-registrants-password-2', name: 'Second Person' })).expect(202);
    await request(apiUrl()).get('/api/auth/me').set('authorization', bearer(earlier)).expect(401);
    const token = verificationTokenIn(await waitForEmail(pool, email, VERIFICATION_SUBJECT, { count: 2 }));
    const session = (await verify(token).expect(200)).body as AuthTokens;
    expect(session.user.name).toBe('Second Person');

    await request(apiUrl()).post('/api/auth/login').send({ email, password: 'first-registrants-password-1' }).expect(401);
    await loginAs(apiUrl(), { email, password: 'second-registrants-password-2' });
    expect(await countUsersWithEmail(pool, email)).toBe(1);
  });
});
