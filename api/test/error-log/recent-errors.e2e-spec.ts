import { randomBytes } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import request from 'supertest';
import type { SystemErrorEvent, SystemErrorGroup, SystemErrorsPage } from '@aiparksit/shared';
import { bearer, createUser, loginAs, type TestAccount } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { createScratchDatabase, dropScratchDatabase } from '../seed/seed-cli.js';
import { scratchPool } from '../notifications/scratch-pool.js';

const START_TIMEOUT_MS = 90_000;

/** Letters only: normalising a message replaces digits, and the marker must stay unique. */
function marker(prefix: string): string {
  return `${prefix}${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function errorsFrom(api: RunningApi, token: string, query = ''): Promise<SystemErrorsPage> {
  const res = await request(api.url).get(`/api/system/errors${query}`).set('authorization', bearer(token));
  expect(res.status).toBe(200);
  return res.body as SystemErrorsPage;
}

/**
 * Recent errors are counted by every instance, stored in the tables they share, and outlive the
 * process that saw them. Each instance here runs on a database of this file's own, so the counts
 * are this file's alone. A 500 is forced without any test-only route: a trigger the test installs
 * raises when an API key is created with the test's marker as its name (an error the API did not
 * expect, as a broken query would be).
 */
describe('recent errors (GET /api/system/errors)', () => {
  const database = `error_log_${process.pid}`;
  let databaseUrl: string;
  let pool: pg.Pool;
  let apis: RunningApi[] = [];
  let admin: TestAccount;
  const boom = marker('boom');
  const sleepy = marker('sleepy');
  // REQUEST_CONTEXT=on: slow statements name their request and route on any Node version.
  const env = () => ({ DATABASE_URL: databaseUrl, SLOW_QUERY_MS: '250', ERROR_LOG_FLUSH_MS: '200', REQUEST_CONTEXT: 'on' });

  beforeAll(async () => {
    databaseUrl = await createScratchDatabase(database);
    pool = scratchPool(databaseUrl);
    apis = await Promise.all([startApiServer(env(), START_TIMEOUT_MS), startApiServer(env(), START_TIMEOUT_MS)]);
    admin = await createUser(pool, { role: 'admin' });
    await pool.query(`
      CREATE FUNCTION test_api_key_trap() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = '${boom}' THEN RAISE EXCEPTION 'forced failure %', '${boom}'; END IF;
        IF NEW.name = '${sleepy}' THEN PERFORM pg_sleep(0.6); END IF;
        RETURN NEW;
      END $$`);
    await pool.query(`CREATE TRIGGER test_api_key_trap BEFORE INSERT ON api_keys FOR EACH ROW EXECUTE FUNCTION test_api_key_trap()`);
  }, 3 * START_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await pool?.end();
    await dropScratchDatabase(database);
  });

  async function forceServerError(api: RunningApi, token: string): Promise<string> {
    const res = await request(api.url).post('/api/api-keys').set('authorization', bearer(token)).send({ name: boom });
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain(boom);
    return res.body.requestId as string;
  }

  const ours = (page: SystemErrorsPage) => page.items.find((g) => g.message.includes(boom));

  it('groups forced 500s of two instances into one critical group with their count, and announces it with an `se` notice', async () => {
    const [a, b] = apis as [RunningApi, RunningApi];
    const tokenA = (await loginAs(a.url, admin)).accessToken;
    const tokenB = (await loginAs(b.url, admin)).accessToken;

    const listener = new pg.Client({ connectionString: databaseUrl });
    await listener.connect();
    const notices: SystemErrorEvent[] = [];
    listener.on('notification', (message) => {
      const payload = JSON.parse(message.payload ?? '{}') as { k?: string; e?: SystemErrorEvent };
      if (message.channel === 'aiparksit_events' && payload.k === 'se' && payload.e) notices.push(payload.e);
    });
    await listener.query('LISTEN aiparksit_events');
    try {
      await forceServerError(a, tokenA);
      await forceServerError(a, tokenA);
      const lastRequestId = await forceServerError(b, tokenB);

      // Seen from either instance: both read the shared tables.
      const group = await waitFor('three occurrences in one group', async () => {
        const found = ours(await errorsFrom(a, tokenA));
        return found?.count === 3 ? found : undefined;
      });
      expect(group).toMatchObject<Partial<SystemErrorGroup>>({
        service: 'API',
        type: '500 Error',
        critical: true,
        count: 3,
        lastRoute: 'POST /api/api-keys',
      });
      expect(group.message).toMatch(/^POST \/api\/api-keys: QueryFailedError: forced failure/);
      expect(group.lastRequestId).toBe(lastRequestId);
      expect(group.lastInstance).toMatch(new RegExp(`:${b.port} \\(pid \\d+\\)$`));
      expect(Date.parse(group.firstAt)).toBeLessThanOrEqual(Date.parse(group.lastAt));
      expect(ours(await errorsFrom(b, tokenB))).toEqual(group);

      const notice = await waitFor('the se notice with the full count', async () => notices.find((n) => n.fingerprint === group.fingerprint && n.count === 3));
      expect(notice).toEqual({
        fingerprint: group.fingerprint,
        service: 'API',
        type: '500 Error',
        message: group.message,
        count: 3,
        lastAt: group.lastAt,
        critical: true,
      });
    } finally {
      await listener.end();
    }
  });

  it('filters by service and criticality, and keeps the window to the hours asked for', async () => {
    const [a] = apis as [RunningApi];
    const token = (await loginAs(a.url, admin)).accessToken;
    expect(ours(await errorsFrom(a, token, '?service=API&critical=true'))).toBeDefined();
    expect(ours(await errorsFrom(a, token, '?service=PostgreSQL'))).toBeUndefined();
    expect(ours(await errorsFrom(a, token, '?critical=false'))).toBeUndefined();

    // Occurrences two days old are outside the last 24 hours but inside the last 72.
    const group = ours(await errorsFrom(a, token))!;
    await pool.query(`INSERT INTO system_error_hours (fingerprint, hour, count) VALUES ($1, date_trunc('hour', now() - interval '48 hours', 'UTC'), 5)`, [
      group.fingerprint,
    ]);
    expect(ours(await errorsFrom(a, token))?.count).toBe(3);
    expect(ours(await errorsFrom(a, token, '?hours=72'))?.count).toBe(8);

    const page = await errorsFrom(a, token);
    expect(page.totalGroups).toBeGreaterThanOrEqual(page.items.length);
    expect(Date.parse(page.since)).toBeLessThanOrEqual(Date.now() - 24 * 3_600_000);
    const times = page.items.map((g) => Date.parse(g.lastAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it('keeps the groups across a restart of the instances', async () => {
    const before = ours(await errorsFrom(apis[0]!, (await loginAs(apis[0]!.url, admin)).accessToken, '?hours=72'))!;
    await Promise.all(apis.map((api) => api.stop()));
    apis = [await startApiServer(env(), START_TIMEOUT_MS)];
    const token = (await loginAs(apis[0]!.url, admin)).accessToken;
    expect(ours(await errorsFrom(apis[0]!, token, '?hours=72'))).toEqual(before);
  });

  it('records a statement slower than SLOW_QUERY_MS as a slow query with its duration and route', async () => {
    const api = apis[0]!;
    const token = (await loginAs(api.url, admin)).accessToken;
    const res = await request(api.url).post('/api/api-keys').set('authorization', bearer(token)).send({ name: sleepy });
    expect(res.status).toBe(201);

    const slow = await waitFor('the slow INSERT', async () =>
      (await errorsFrom(api, token, '?service=PostgreSQL')).items.find((g) => g.type === 'Slow query' && /INSERT INTO "api_keys"/.test(g.message)),
    );
    expect(slow).toMatchObject({
      service: 'PostgreSQL',
      critical: false,
      count: 1,
      lastRoute: 'POST /api/api-keys',
      lastRequestId: res.headers['x-request-id'],
    });
    expect(slow.durationMs!.max).toBeGreaterThanOrEqual(600);
    expect(slow.durationMs!.mean).toBe(slow.durationMs!.max);
    // Normalised: the statement's text, not its values.
    expect(slow.message).not.toContain(sleepy);
  });

  it('records a WebSocket that drops without a close frame (1006) as a disconnect, not critical', async () => {
    const api = apis[0]!;
    const token = (await loginAs(api.url, admin)).accessToken;
    const socket = new WebSocket(`${api.url.replace('http', 'ws')}/ws`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    // Answered once the server has registered the socket: then cut the connection as a lost network would.
    socket.send(JSON.stringify({ type: 'ping' }));
    await new Promise((resolve) => socket.once('message', resolve));
    socket.terminate();

    const group = await waitFor('the disconnect', async () =>
      (await errorsFrom(api, token, '?service=WebSocket')).items.find((g) => g.type === 'Disconnect' && g.message === '/ws: closed abnormally (1006)'),
    );
    expect(group).toMatchObject({ service: 'WebSocket', critical: false, lastRequestId: null });
  });

  it('is for admins only', async () => {
    const api = apis[0]!;
    const driver = await createUser(pool, { role: 'driver' });
    const token = (await loginAs(api.url, driver)).accessToken;
    expect((await request(api.url).get('/api/system/errors').set('authorization', bearer(token))).status).toBe(403);
    expect((await request(api.url).get('/api/system/errors')).status).toBe(401);
    const adminToken = (await loginAs(api.url, admin)).accessToken;
    const bad = await request(api.url).get('/api/system/errors?hours=0&service=Mail').set('authorization', bearer(adminToken));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, requestId: expect.any(String) });
  });
});
