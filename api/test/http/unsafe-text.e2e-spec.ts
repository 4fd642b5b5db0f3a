import type pg from 'pg';
import request from 'supertest';
import { apiUrl } from '../support/api-url.js';
import { testPool, unique } from '../support/db.js';
import { bearer, countUsersWithEmail, loginAs, signedInUser, TEST_PASSWORD } from '../support/factories.js';
import { createOperator } from '../support/facility-factories.js';

const NUL = '\u0000';
const LONE_SURROGATE = '\uD800';

let pool: pg.Pool;
beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  await pool.end();
});

/** 400 in the envelope naming exactly these fields. */
function expectFieldsRefused(res: request.Response, fields: string[]): void {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', requestId: res.headers['x-request-id'] });
  expect((res.body.details.fields as { field: string }[]).map((d) => d.field)).toEqual(fields);
  for (const field of fields) expect(res.body.message).toContain(field);
}

async function signedInOperator(): Promise<string> {
  const operator = await createOperator(pool);
  return bearer(await loginAs(apiUrl(), operator.owner));
}

describe('text PostgreSQL cannot store (U+0000, lone surrogates)', () => {
  it('is refused in a nested body field with 400 naming its path, and no facility is stored', async () => {
    const auth = await signedInOperator();
    const city = unique('Nulltown');
    const res = await request(apiUrl())
      .post('/api/facilities')
      .set('authorization', auth)
      .send({
        name: `Garage ${NUL}`,
        addressLine: 'Main Street 1',
        city,
        countryCode: 'DE',
        location: { lat: 52.5, lng: 13.4 },
        timeZone: 'Europe/Berlin',
        currency: 'EUR',
        photos: ['https://images.example.test/a.jpg', `https://images.example.test/${LONE_SURROGATE}.jpg`],
        rates: [{ spaceType: 'standard', hourlyCents: 300, dailyMaxCents: null, multipliers: [] }],
        spaces: { standard: 2 },
      });
    expectFieldsRefused(res, ['name', 'photos.1']);
    const { rows } = await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM facilities WHERE city = $1', [city]);
    expect(rows[0]!.count).toBe(0);
  });

  it('is refused in a registration name, and no account is created', async () => {
    const email = `${unique('nul')}@example.test`;
    const res = await request(apiUrl())
      .post('/api/auth/register')
      .send({ email, password: TEST_PASSWORD, role: 'driver', name: `Ann${NUL}` });
    expectFieldsRefused(res, ['name']);
    expect(await countUsersWithEmail(pool, email)).toBe(0);
  });

  it('is refused in an API key name, and no key is stored', async () => {
    const auth = await signedInOperator();
    const name = `${unique('key')}${NUL}`;
    const res = await request(apiUrl()).post('/api/api-keys').set('authorization', auth).send({ name });
    expectFieldsRefused(res, ['name']);
    const { rows } = await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM api_keys WHERE name LIKE $1', [`${name.slice(0, -1)}%`]);
    expect(rows[0]!.count).toBe(0);
  });

  it('is refused in the email of an anonymous login with 400, not 500', async () => {
    const res = await request(apiUrl())
      .post('/api/auth/login')
      .send({ email: `a${LONE_SURROGATE}@example.test`, password: 'whatever-it-is' });
    expectFieldsRefused(res, ['email']);
  });

  it('is refused in the query parameter city of the public marketplace', async () => {
    expectFieldsRefused(await request(apiUrl()).get('/api/proxy/marketplace?city=Ber%00lin'), ['city']);
  });

  it('is refused in the query parameter q of the operator bookings', async () => {
    const auth = await signedInOperator();
    expectFieldsRefused(await request(apiUrl()).get('/api/operator/bookings?q=AB%00').set('authorization', auth), ['q']);
  });

  it('is refused in the query of the operator CSV export before any of the file is sent', async () => {
    const auth = await signedInOperator();
    const res = await request(apiUrl()).get('/api/operator/bookings.csv?q=AB%00').set('authorization', auth);
    expectFieldsRefused(res, ['q']);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('is refused in a path parameter', async () => {
    const { tokens } = await signedInUser(pool, apiUrl());
    expectFieldsRefused(await request(apiUrl()).get('/api/bookings/%00').set('authorization', bearer(tokens)), ['id']);
    expectFieldsRefused(await request(apiUrl()).get('/api/facilities/abc%00def'), ['id']);
  });

  it('leaves emoji, accents and other scripts alone', async () => {
    const email = `${unique('zoe')}@example.test`;
    await request(apiUrl()).post('/api/auth/register').send({ email, password: TEST_PASSWORD, role: 'driver', name: 'Zoë 駐車 🚗' }).expect(202);
    const { rows } = await pool.query<{ name: string }>('SELECT name FROM users WHERE email = $1', [email]);
    expect(rows[0]!.name).toBe('Zoë 駐車 🚗');
  });
});
