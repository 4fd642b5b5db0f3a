import type pg from 'pg';
import request from 'supertest';
import { apiUrl } from '../support/api-url.js';
import { testPool, unique } from '../support/db.js';
import { bearer, countUsersWithEmail, createUser, loginAs, TEST_PASSWORD } from '../support/factories.js';
import { decodeJwtPayload, signHs256, unsignedJwt } from '../support/forged-jwt.js';
import { TEST_SERVER_ENV } from '../support/system.mjs';

let pool: pg.Pool;
beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  await pool.end();
});

const usersWithEmail = (email: string) => countUsersWithEmail(pool, email);

function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { email: `${unique('reg')}@example.test`, password: TEST_PASSWORD, name: 'Dana Driver', role: 'driver', ...overrides };
}

function fieldsOf(body: { details?: { fields?: { field: string }[] } }): string[] {
  return (body.details?.fields ?? []).map((d) => d.field);
}

describe('POST /api/auth/register', () => {
  it('answers 202 "check your email" without tokens, and stores an unverified driver with an argon2id hash', async () => {
    const body = registration();
    const res = await request(apiUrl()).post('/api/auth/register').send(body).expect(202);
    expect(res.body).toEqual({ email: body['email'], message: expect.stringMatching(/check your email/i) });
    const { rows } = await pool.query<{ password_hash: string; role: string; email_verified_at: Date | null }>(
      `SELECT password_hash, role::text AS role, email_verified_at FROM users WHERE email = $1`,
      [body['email']],
    );
    expect(rows[0]).toMatchObject({ role: 'driver', email_verified_at: null });
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('lets an operator register themselves', async () => {
    const body = registration({ role: 'operator' });
    await request(apiUrl()).post('/api/auth/register').send(body).expect(202);
    const { rows } = await pool.query<{ role: string }>(`SELECT role::text AS role FROM users WHERE email = $1`, [body['email']]);
    expect(rows[0]!.role).toBe('operator');
  });

  it.each(['admin', 'investor'])('refuses self-registration as %s with 400 naming role, and writes nothing', async (role) => {
    const body = registration({ role });
    const res = await request(apiUrl()).post('/api/auth/register').send(body).expect(400);
    expect(fieldsOf(res.body)).toEqual(['role']);
    expect(await usersWithEmail(body['email'] as string)).toBe(0);
  });

  it('keeps one account per address in any letter case (the answer is in email-verification.e2e-spec.ts)', async () => {
    const email = `${unique('dup')}@example.test`;
    await request(apiUrl()).post('/api/auth/register').send(registration({ email })).expect(202);
    await request(apiUrl())
      .post('/api/auth/register')
      .send(registration({ email: email.toUpperCase() }))
      .expect(202);
    expect(await usersWithEmail(email)).toBe(1);
  });

  it('rejects an unknown field with 400 naming it, and writes nothing', async () => {
    const body = registration({ isAdmin: true });
    const res = await request(apiUrl()).post('/api/auth/register').send(body).expect(400);
    expect(fieldsOf(res.body)).toEqual(['isAdmin']);
    expect(await usersWithEmail(body['email'] as string)).toBe(0);
  });

  it('rejects wrong types with 400 naming each field', async () => {
    const res = await request(apiUrl())
      .post('/api/auth/register')
      .send({ email: 42, password: ['x'], name: { first: 'D' }, role: 7 })
      .expect(400);
    expect(fieldsOf(res.body).sort()).toEqual(['email', 'name', 'password', 'role']);
  });

  it('rejects missing fields with 400 naming each of them', async () => {
    const res = await request(apiUrl()).post('/api/auth/register').send({}).expect(400);
    expect(fieldsOf(res.body).sort()).toEqual(['email', 'name', 'password', 'role']);
  });

  it('rejects an email the table would refuse (a quoted local part with a space) with 400, not 500', async () => {
    const res = await request(apiUrl())
      .post('/api/auth/register')
      .send(registration({ email: '"dana driver"@example.test' }))
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(['email']);
  });

  it('rejects a password shorter than the minimum with 400 naming password, and writes nothing', async () => {
    const body = registration({ password: 'short' });
    const res = await request(apiUrl()).post('/api/auth/register').send(body).expect(400);
    expect(fieldsOf(res.body)).toEqual(['password']);
    expect(await usersWithEmail(body['email'] as string)).toBe(0);
  });

  it.each([
    ['password12', /password is a commonly used password/],
    ['1234567890', /password is one of the hundred most used passwords/],
    ['          ', /password repeats the same character/],
    ['<the email address>', /password contains your name or email address/],
  ])('refuses the easily guessed password %j with 400 naming password and saying why, and writes nothing', async (password, reason) => {
    const email = `${unique('dana')}@example.test`;
    const body = registration({ email, password: password === '<the email address>' ? email : password });
    const res = await request(apiUrl()).post('/api/auth/register').send(body).expect(400);
    expect(res.body.details.fields).toEqual([
      { field: 'password', code: 'weak_password', message: expect.stringMatching(reason), params: { reason: expect.any(String) } },
    ]);
    expect(await usersWithEmail(body['email'] as string)).toBe(0);
  });

  it('answers malformed JSON with 400 in the envelope, and writes nothing', async () => {
    const email = `${unique('broken')}@example.test`;
    const res = await request(apiUrl())
      .post('/api/auth/register')
      .set('content-type', 'application/json')
      .send(`{"email": "${email}", "password": "${TEST_PASSWORD}", "name": "B", "role": "driver"`)
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', requestId: expect.any(String) });
    expect(await usersWithEmail(email)).toBe(0);
  });
});

describe('POST /api/auth/login', () => {
  it('answers the right password with 200 and tokens whose user is the account', async () => {
    const account = await createUser(pool, { role: 'operator' });
    const res = await request(apiUrl()).post('/api/auth/login').send({ email: account.email.toUpperCase(), password: account.password }).expect(200);
    expect(res.body.user).toMatchObject({ id: account.id, role: 'operator' });
    const claims = decodeJwtPayload(res.body.accessToken);
    expect(claims).toMatchObject({ sub: account.id, iss: 'aiparksit', aud: 'aiparksit-api' });
  });

  it('answers a wrong password and an unknown email with the same 401 without saying which part was wrong', async () => {
    const account = await createUser(pool);
    const wrongPassword = await request(apiUrl()).post('/api/auth/login').send({ email: account.email, password: 'not-the-password' }).expect(401);
    const unknownEmail = await request(apiUrl())
      .post('/api/auth/login')
      .send({ email: `${unique('nobody')}@example.test`, password: account.password })
      .expect(401);
    const strip = ({ requestId: _ignored, ...rest }: Record<string, unknown>) => rest;
    expect(strip(wrongPassword.body)).toEqual(strip(unknownEmail.body));
    expect(wrongPassword.body.message).not.toMatch(/unknown|no such|not found|exist/i);
  });

  it('refuses a disabled account with the same 401', async () => {
    const account = await createUser(pool);
    await pool.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [account.id]);
    const res = await request(apiUrl()).post('/api/auth/login').send({ email: account.email, password: account.password }).expect(401);
    expect(res.body.details).toEqual({ code: 'invalid_credentials' });
  });

  it('rejects a missing password with 400 naming it', async () => {
    const res = await request(apiUrl()).post('/api/auth/login').send({ email: 'someone@example.test' }).expect(400);
    expect(fieldsOf(res.body)).toEqual(['password']);
  });
});

describe('POST /api/auth/refresh', () => {
  it('rotates: the new pair works, and only a hash of each refresh token is stored', async () => {
    const tokens = await loginAs(apiUrl(), await createUser(pool));
    const res = await request(apiUrl()).post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(200);
    expect(res.body.refreshToken).not.toBe(tokens.refreshToken);
    await request(apiUrl()).get('/api/auth/me').set('authorization', bearer(res.body.accessToken)).expect(200);

    const { rows } = await pool.query<{ token_hash: Buffer; used_at: Date | null }>(
      `SELECT token_hash, used_at FROM refresh_tokens WHERE family_id = $1::uuid ORDER BY created_at`,
      [decodeJwtPayload(tokens.accessToken)['sid']],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.used_at).not.toBeNull();
    expect(rows[1]!.used_at).toBeNull();
    for (const row of rows) expect(row.token_hash.toString('utf8')).not.toContain(tokens.refreshToken.slice(0, 12));
  });

  it('answers reuse of a rotated token with 401 and revokes the whole family', async () => {
    const first = await loginAs(apiUrl(), await createUser(pool));
    const second = (await request(apiUrl()).post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;

    const reuse = await request(apiUrl()).post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(reuse.body.details).toEqual({ code: 'refresh_token_reused' });

    // The legitimate holder's newer tokens die with the family.
    await request(apiUrl()).post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    await request(apiUrl()).get('/api/auth/me').set('authorization', bearer(second.accessToken)).expect(401);
    const { rows } = await pool.query<{ live: number }>(
      `SELECT count(*) FILTER (WHERE revoked_at IS NULL)::int AS live FROM refresh_tokens WHERE family_id = $1::uuid`,
      [decodeJwtPayload(first.accessToken)['sid']],
    );
    expect(rows[0]!.live).toBe(0);
  });

  it('leaves the same account signed in elsewhere untouched when one family is revoked', async () => {
    const account = await createUser(pool);
    const laptop = await loginAs(apiUrl(), account);
    const phone = await loginAs(apiUrl(), account);
    await request(apiUrl()).post('/api/auth/refresh').send({ refreshToken: laptop.refreshToken }).expect(200);
    await request(apiUrl()).post('/api/auth/refresh').send({ refreshToken: laptop.refreshToken }).expect(401);
    await request(apiUrl()).get('/api/auth/me').set('authorization', bearer(phone)).expect(200);
  });

  it('answers an unknown refresh token with 401', async () => {
    await request(apiUrl())
      .post('/api/auth/refresh')
      .send({ refreshToken: 'x'.repeat(43) })
      .expect(401);
  });

  it('answers an expired refresh token with 401', async () => {
    const tokens = await loginAs(apiUrl(), await createUser(pool));
    await pool.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE family_id = $1::uuid`, [
      decodeJwtPayload(tokens.accessToken)['sid'],
    ]);
    await request(apiUrl()).post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
  });
});

describe('POST /api/auth/logout', () => {
  it('answers 204 and ends the session: its refresh and access tokens both stop working', async () => {
    const tokens = await loginAs(apiUrl(), await createUser(pool));
    await request(apiUrl()).post('/api/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    await request(apiUrl()).post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    const me = await request(apiUrl()).get('/api/auth/me').set('authorization', bearer(tokens)).expect(401);
    expect(me.body.details).toEqual({ code: 'invalid_token' });
  });

  it('answers an unknown token with 204 too: logging out twice is harmless', async () => {
    await request(apiUrl())
      .post('/api/auth/logout')
      .send({ refreshToken: 'y'.repeat(43) })
      .expect(204);
  });
});

describe('GET /api/auth/me', () => {
  const secret = TEST_SERVER_ENV.JWT_ACCESS_SECRET!;

  async function freshClaims(): Promise<Record<string, unknown>> {
    const tokens = await loginAs(apiUrl(), await createUser(pool, { role: 'operator' }));
    return decodeJwtPayload(tokens.accessToken);
  }

  it('answers the signed-in user', async () => {
    const account = await createUser(pool, { role: 'operator' });
    const res = await request(apiUrl())
      .get('/api/auth/me')
      .set('authorization', bearer(await loginAs(apiUrl(), account)))
      .expect(200);
    expect(res.body).toEqual({
      id: account.id,
      email: account.email,
      name: account.name,
      role: 'operator',
      createdAt: expect.any(String),
      emailVerified: true,
    });
  });

  it('answers no credentials with 401', async () => {
    const res = await request(apiUrl()).get('/api/auth/me').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', requestId: expect.any(String) });
  });

  it('accepts a token this test signs with the server secret (so the refusals below are about one thing each)', async () => {
    await request(apiUrl())
      .get('/api/auth/me')
      .set('authorization', bearer(signHs256(await freshClaims(), secret)))
      .expect(200);
  });

  it('answers an expired token with 401', async () => {
    const claims = await freshClaims();
    const past = Math.floor(Date.now() / 1000) - 3600;
    await request(apiUrl())
      .get('/api/auth/me')
      .set('authorization', bearer(signHs256({ ...claims, iat: past - 900, exp: past }, secret)))
      .expect(401);
  });

  it('answers a token without an expiry, signed with the real secret, with 401', async () => {
    const { exp: _expiry, ...claims } = await freshClaims();
    await request(apiUrl())
      .get('/api/auth/me')
      .set('authorization', bearer(signHs256(claims, secret)))
      .expect(401);
  });

  it('answers a token that would outlive the access-token lifetime, signed with the real secret, with 401', async () => {
    const claims = await freshClaims();
    const tenYears = 10 * 365 * 24 * 3600;
    await request(apiUrl())
      .get('/api/auth/me')
      .set('authorization', bearer(signHs256({ ...claims, exp: (claims['iat'] as number) + tenYears }, secret)))
      .expect(401);
  });

  it('answers a token signed with another secret with 401', async () => {
    await request(apiUrl())
      .get('/api/auth/me')
      .set('authorization', bearer(signHs256(await freshClaims(), 'some-other-secret-of-sufficient-length-000')))
      .expect(401);
  });

  it('answers an alg none token with 401', async () => {
    await request(apiUrl())
      .get('/api/auth/me')
      .set('authorization', bearer(unsignedJwt(await freshClaims())))
      .expect(401);
  });

  it('answers a token for another issuer or audience with 401', async () => {
    const claims = await freshClaims();
    await request(apiUrl())
      .get('/api/auth/me')
      .set('authorization', bearer(signHs256({ ...claims, iss: 'someone-else' }, secret)))
      .expect(401);
    await request(apiUrl())
      .get('/api/auth/me')
      .set('authorization', bearer(signHs256({ ...claims, aud: 'another-api' }, secret)))
      .expect(401);
  });

  it('answers a token whose role claim was raised with the real role from the database', async () => {
    const claims = await freshClaims();
    const res = await request(apiUrl())
      .get('/api/users')
      .set('authorization', bearer(signHs256({ ...claims, role: 'admin' }, secret)))
      .expect(403);
    expect(res.body.details).toMatchObject({ code: 'insufficient_role' });
  });

  it('answers a malformed Authorization header with 401', async () => {
    await request(apiUrl()).get('/api/auth/me').set('authorization', 'Basic dXNlcjpwYXNz').expect(401);
    await request(apiUrl()).get('/api/auth/me').set('authorization', 'Bearer not.a.jwt').expect(401);
  });
});

describe('POST /api/auth/password', () => {
  const change = (tokens: { accessToken: string }, body: Record<string, unknown>) =>
    request(apiUrl()).post('/api/auth/password').set('authorization', bearer(tokens)).send(body);

  it('changes the password: 204, the new one signs in, the old one does not, other sessions end and this one goes on', async () => {
    const account = await createUser(pool);
    const here = await loginAs(apiUrl(), account);
    const elsewhere = await loginAs(apiUrl(), account);
    await change(here, { currentPassword: account.password, newPassword: 'a-brand-new-passphrase-for-2030' }).expect(204);

    await request(apiUrl()).post('/api/auth/login').send({ email: account.email, password: account.password }).expect(401);
    await loginAs(apiUrl(), { email: account.email, password: 'a-brand-new-passphrase-for-2030' });
    await request(apiUrl()).get('/api/auth/me').set('authorization', bearer(elsewhere)).expect(401);
    await request(apiUrl()).get('/api/auth/me').set('authorization', bearer(here)).expect(200);
    const { rows } = await pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM outbox WHERE kind = 'email.account_notice' AND payload->>'userId' = $1 AND payload->>'subject' LIKE '%password was changed'`,
      [account.id],
    );
    expect(rows[0]!.count).toBe(1);
  });

  it.each([
    ['password12', /^newPassword is a commonly used password/],
    ['1234567890', /^newPassword is one of the hundred most used passwords/],
    ['          ', /^newPassword repeats the same character/],
  ])('refuses the easily guessed new password %j with 400 naming newPassword and saying why', async (newPassword, reason) => {
    const account = await createUser(pool);
    const res = await change(await loginAs(apiUrl(), account), { currentPassword: account.password, newPassword }).expect(400);
    expect(res.body.details.fields).toEqual([
      { field: 'newPassword', code: 'weak_password', message: expect.stringMatching(reason), params: { reason: expect.any(String) } },
    ]);
    await loginAs(apiUrl(), account);
  });

  it("refuses the account's own email address as the new password, naming newPassword", async () => {
    const account = await createUser(pool);
    const res = await change(await loginAs(apiUrl(), account), { currentPassword: account.password, newPassword: account.email }).expect(400);
    expect(res.body.details).toMatchObject({
      code: 'weak_password',
      fields: [
        { field: 'newPassword', code: 'weak_password', message: expect.stringMatching(/your name or email address/), params: { reason: expect.any(String) } },
      ],
    });
  });

  it('answers a wrong current password with 400 current_password_wrong naming currentPassword, and changes nothing', async () => {
    const account = await createUser(pool);
    const res = await change(await loginAs(apiUrl(), account), {
      currentPassword: 'not-my-password-at-all',
      newPassword: 'a-brand-new-passphrase-for-2030',
    }).expect(400);
    expect(res.body.details).toMatchObject({ code: 'current_password_wrong', fields: [{ field: 'currentPassword' }] });
    await loginAs(apiUrl(), account);
  });
});
