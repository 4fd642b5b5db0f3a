import type pg from 'pg';
import request from 'supertest';
import { apiUrl } from '../support/api-url.js';
import { testPool, unique } from '../support/db.js';
import { bearer, countUsersWithEmail, loginAs, signedInUser, TEST_PASSWORD } from '../support/factories.js';

let pool: pg.Pool;
beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  await pool.end();
});

const usersWithEmail = (email: string) => countUsersWithEmail(pool, email);

describe('POST /api/users', () => {
  it('lets an admin create an investor, already confirmed (the admin vouches for the address), who can then sign in', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'admin');
    const email = `${unique('investor')}@example.test`;
    const res = await request(apiUrl())
      .post('/api/users')
      .set('authorization', bearer(tokens))
      .send({ email, password: TEST_PASSWORD, name: 'Ines Investor', role: 'investor' })
      .expect(201);
    expect(res.body).toMatchObject({ email, role: 'investor', id: expect.any(String), emailVerified: true });
    expect(res.body).not.toHaveProperty('passwordHash');
    const investor = await loginAs(apiUrl(), { email, password: TEST_PASSWORD });
    expect(investor.user.role).toBe('investor');
  });

  it('answers a driver trying to create an admin with 403, and writes nothing', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'driver');
    const email = `${unique('sneaky')}@example.test`;
    const res = await request(apiUrl())
      .post('/api/users')
      .set('authorization', bearer(tokens))
      .send({ email, password: TEST_PASSWORD, name: 'Sneaky', role: 'admin' })
      .expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, details: { code: 'insufficient_role' } });
    expect(await usersWithEmail(email)).toBe(0);
  });

  it('answers a duplicate email with 409 for admins too', async () => {
    const { account, tokens } = await signedInUser(pool, apiUrl(), 'admin');
    await request(apiUrl())
      .post('/api/users')
      .set('authorization', bearer(tokens))
      .send({ email: account.email.toUpperCase(), password: TEST_PASSWORD, name: 'Twin', role: 'investor' })
      .expect(409);
    expect(await usersWithEmail(account.email)).toBe(1);
  });

  it('refuses an easily guessed password for an admin-created account with 400 naming password and why', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'admin');
    const res = await request(apiUrl())
      .post('/api/users')
      .set('authorization', bearer(tokens))
      .send({ email: `${unique('weak')}@example.test`, password: '1234567890', name: 'Weak Password', role: 'investor' })
      .expect(400);
    expect(res.body.details.fields).toEqual([
      {
        field: 'password',
        code: 'weak_password',
        message: expect.stringMatching(/^password is one of the hundred most used passwords/),
        params: { reason: expect.any(String) },
      },
    ]);
  });

  it('answers an unknown role with 400 naming role', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'admin');
    const res = await request(apiUrl())
      .post('/api/users')
      .set('authorization', bearer(tokens))
      .send({ email: `${unique('x')}@example.test`, password: TEST_PASSWORD, name: 'X', role: 'superuser' })
      .expect(400);
    expect(res.body.details.fields).toEqual([
      { field: 'role', code: 'not_one_of', message: expect.stringContaining('role must be one of'), params: { allowed: expect.any(Array) } },
    ]);
  });

  it('answers a caller who is not signed in with 401', async () => {
    await request(apiUrl()).post('/api/users').send({}).expect(401);
  });
});

describe('GET /api/users', () => {
  it('gives admins one page of accounts with the total', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'admin');
    await signedInUser(pool, apiUrl(), 'driver');
    const res = await request(apiUrl()).get('/api/users?page=1&pageSize=2').set('authorization', bearer(tokens)).expect(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
    expect(res.body.items).toHaveLength(2);
    expect(res.body.total).toBeGreaterThanOrEqual(2);
    for (const user of res.body.items) expect(Object.keys(user).sort()).toEqual(['createdAt', 'email', 'emailVerified', 'id', 'name', 'role']);
  });

  it('answers a page size over the maximum with 400 naming pageSize', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'admin');
    const res = await request(apiUrl()).get('/api/users?pageSize=1000').set('authorization', bearer(tokens)).expect(400);
    expect(res.body.details.fields.map((d: { field: string }) => d.field)).toEqual(['pageSize']);
  });

  it.each(['driver', 'operator', 'investor'] as const)('answers a %s with 403', async (role) => {
    const { tokens } = await signedInUser(pool, apiUrl(), role);
    await request(apiUrl()).get('/api/users').set('authorization', bearer(tokens)).expect(403);
  });
});
