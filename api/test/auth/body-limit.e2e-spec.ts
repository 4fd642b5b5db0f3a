import type pg from 'pg';
import request from 'supertest';
import { testPool, unique } from '../support/db.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';

describe('request body size limit', () => {
  let api: RunningApi;
  let pool: pg.Pool;

  beforeAll(async () => {
    pool = testPool();
    // An API of its own with a tiny limit, on the shared test database.
    api = await startApiServer({ DATABASE_URL: process.env['DATABASE_URL'], BODY_LIMIT_BYTES: '1024' });
  });

  afterAll(async () => {
    await api?.stop();
    await pool.end();
  });

  it('answers a registration body over BODY_LIMIT_BYTES with 413 in the envelope, and writes nothing', async () => {
    const email = `${unique('big')}@example.test`;
    const res = await request(api.url)
      .post('/api/auth/register')
      .send({ email, password: TEST_PASSWORD, role: 'driver', name: 'x'.repeat(2000) })
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', requestId: expect.any(String) });
    const { rows } = await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM users WHERE email = $1`, [email]);
    expect(rows[0]!.count).toBe(0);
  });

  it('still accepts a body under the limit', async () => {
    await request(api.url)
      .post('/api/auth/register')
      .send({ email: `${unique('small')}@example.test`, password: TEST_PASSWORD, role: 'driver', name: 'Small' })
      .expect(202);
  });
});
