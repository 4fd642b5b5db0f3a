import request from 'supertest';
import { unique } from '../support/db.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { redisUnavailableReason, startRedis, type RunningRedis } from './redis-server.js';
import { parseExposition } from '../telemetry/prometheus-text.js';

/**
 * The rate limiter over HTTP, on APIs of their own with tight limits. Windows are a minute long,
 * so no test depends on how fast it runs. The routes are the auth routes: health is deliberately
 * never limited, and Nest's 404 handler runs no guards. Which status a request gets when it is not
 * limited (401 here: no valid credentials) is the auth module's business; these tests only care
 * whether it is 429.
 */
const TIGHT = {
  DATABASE_URL: process.env['DATABASE_URL'],
  THROTTLE_SHORT_TTL_MS: '60000',
  THROTTLE_SHORT_LIMIT: '5',
  THROTTLE_LONG_TTL_MS: '60000',
  THROTTLE_LONG_LIMIT: '1000',
  THROTTLE_AUTH_TTL_MS: '60000',
  THROTTLE_AUTH_LIMIT: '2',
  THROTTLE_API_KEY_TTL_MS: '60000',
  THROTTLE_API_KEY_LIMIT: '3',
};

/** An address of its own each time: the per-account lockout (not under test here) then never trips. */
const wrongLogin = () => ({ email: `${unique('nobody')}@example.com`, password: 'not-the-password' });

/** An operator account with two API keys of its own, made through the API from `address`. */
async function twoApiKeys(url: string, address: string): Promise<[string, string]> {
  const account = { email: `${unique('integrator')}@example.com`, password: 'a-long-enough-password-1' };
  await request(url)
    .post('/api/auth/register')
    .set('x-forwarded-for', address)
    .send({ ...account, name: 'Integrator', role: 'operator' })
    .expect(202);
  // An unconfirmed account may sign in and manage keys; only booking waits for the confirmation.
  const registered = await request(url).post('/api/auth/login').set('x-forwarded-for', address).send(account).expect(200);
  const mint = async (name: string) =>
    (
      await request(url)
        .post('/api/api-keys')
        .set('x-forwarded-for', address)
        .set('authorization', `Bearer ${registered.body.accessToken}`)
        .send({ name })
        .expect(201)
    ).body.key as string;
  return [await mint('first'), await mint('second')];
}

describe('rate limiting behind a trusted proxy (TRUST_PROXY=127.0.0.1)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApiServer({ ...TIGHT, TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(async () => {
    await api?.stop();
  });
  /** Each test is a client of its own: the API counts the address the proxy forwards. */
  const from = (address: string) => ({
    me: () => request(api.url).get('/api/auth/me').set('x-forwarded-for', address),
    login: () => request(api.url).post('/api/auth/login').set('x-forwarded-for', address).send(wrongLogin()),
  });

  describe('GET /api/auth/me', () => {
    it('answers the request after THROTTLE_SHORT_LIMIT with 429 in the error envelope and a Retry-After header', async () => {
      const client = from('198.51.100.10');
      for (let i = 0; i < 5; i++) expect((await client.me()).status).not.toBe(429);
      const res = await client.me().expect(429);
      expect(res.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.stringMatching(/^Too many requests/),
        details: { code: 'rate_limited', retryAfterSeconds: expect.any(Number) },
        requestId: res.headers['x-request-id'],
      });
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(res.body.details.retryAfterSeconds).toBe(retryAfter);
    });

    it('counts the refusal in GET /metrics', async () => {
      const { samples } = parseExposition((await request(api.url).get('/metrics').expect(200)).text);
      expect(samples.find((s) => s.name === 'aiparksit_requests_refused_total' && s.labels['reason'] === 'rate_limit')?.value).toBeGreaterThanOrEqual(1);
    });

    it('tells a client within its budget how much is left', async () => {
      const res = await from('198.51.100.15').me();
      expect(res.headers['x-ratelimit-limit-short']).toBe('5');
      expect(res.headers['x-ratelimit-remaining-short']).toBe('4');
    });

    it('counts the address from X-Forwarded-For, so clients behind the proxy have budgets of their own', async () => {
      const first = from('198.51.100.12');
      for (let i = 0; i < 5; i++) await first.me();
      await first.me().expect(429);
      expect((await from('198.51.100.13').me()).status).not.toBe(429);
    });

    it('gives two API keys from one address separate budgets of THROTTLE_API_KEY_LIMIT', async () => {
      const [first, second] = await twoApiKeys(api.url, '198.51.100.30');
      const withKey = (key: string) => from('198.51.100.14').me().set('x-api-key', key);
      for (let i = 0; i < 3; i++) await withKey(first).expect(200);
      await withKey(first).expect(429);
      await withKey(second).expect(200);
      // The address itself has used none of its own budget.
      expect((await from('198.51.100.14').me()).headers['x-ratelimit-remaining-short']).toBe('4');
    });

    it('counts a made-up API key by address, so rotating keys does not escape the limit', async () => {
      const client = from('198.51.100.19');
      for (let i = 0; i < 5; i++) await client.me().set('x-api-key', `aip_00000000000${i}.made-up-key-that-nobody-issued-0000000000000`);
      await client.me().set('x-api-key', 'aip_000000000009.made-up-key-that-nobody-issued-0000000000000').expect(429);
    });
  });

  describe('POST /api/auth/login', () => {
    it('is limited after THROTTLE_AUTH_LIMIT attempts while other routes still answer', async () => {
      const client = from('198.51.100.11');
      for (let i = 0; i < 2; i++) expect((await client.login()).status).not.toBe(429);
      const limited = await client.login().expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect((await client.me()).status).not.toBe(429);
    });

    it('counts attempts per address even when an API key is sent', async () => {
      const client = from('198.51.100.16');
      for (let i = 0; i < 2; i++) await client.login().set('x-api-key', `apk_test_rotating_${i}`);
      await client.login().set('x-api-key', 'apk_test_rotating_x').expect(429);
    });
  });

  describe('POST /api/auth/register', () => {
    it('shares the auth budget with login', async () => {
      const client = from('198.51.100.17');
      for (let i = 0; i < 2; i++) await client.login();
      await request(api.url)
        .post('/api/auth/register')
        .set('x-forwarded-for', '198.51.100.17')
        .send({ email: 'someone-new@example.com', password: 'a-long-enough-password-1', name: 'Someone New' })
        .expect(429);
    });
  });

  describe('GET /api/health', () => {
    it('is never limited, so monitoring keeps working', async () => {
      for (let i = 0; i < 12; i++) await request(api.url).get('/api/health').set('x-forwarded-for', '198.51.100.18').expect(200);
    });
  });
});

describe('rate limiting without a trusted proxy (the default)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApiServer({ ...TIGHT, THROTTLE_SHORT_LIMIT: '3' });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('ignores a spoofed X-Forwarded-For and counts the connection address', async () => {
    for (let i = 0; i < 3; i++) expect((await request(api.url).get('/api/auth/me').set('x-forwarded-for', `203.0.113.${i}`)).status).not.toBe(429);
    await request(api.url).get('/api/auth/me').set('x-forwarded-for', '203.0.113.99').expect(429);
  });
});

const redisSkipReason = redisUnavailableReason();
if (redisSkipReason) console.warn(redisSkipReason);
(redisSkipReason ? describe.skip : describe)('rate limiting with REDIS_URL', () => {
  let redis: RunningRedis;
  let first: RunningApi;
  let second: RunningApi;
  beforeAll(async () => {
    redis = await startRedis();
    const env = { ...TIGHT, THROTTLE_SHORT_LIMIT: '3', REDIS_URL: redis.url };
    [first, second] = await Promise.all([startApiServer(env), startApiServer(env)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await redis?.stop();
  });

  it('gives a client one budget across two API instances', async () => {
    expect((await request(first.url).get('/api/auth/me')).status).not.toBe(429);
    expect((await request(second.url).get('/api/auth/me')).status).not.toBe(429);
    expect((await request(first.url).get('/api/auth/me')).status).not.toBe(429);
    const res = await request(second.url).get('/api/auth/me').expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
