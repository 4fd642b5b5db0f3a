import pg from 'pg';
import request from 'supertest';
import { apiUrl } from '../support/api-url.js';
import { createApiKey, createUser, bearer, loginAs } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { createOperatorWithFacility } from '../support/facility-factories.js';
import { GOOD_CARD, holdBooking, paidBooking, postPayment, windowAhead } from '../support/booking-helpers.js';
import { SANDBOX_TEST_CARDS, WS_INVESTOR_PATH, WS_PATH } from '@aiparksit/shared';
import { openTestSocket, toWebSocketUrl } from '../../../test/support/websocket-client.js';
import { activeUsersOf, apiCardOf, INSTANCE_ROWS_SQL, routesOf, toInstanceRow, type LiveFigures } from '../../src/telemetry/instance-rows.js';
import { emptyFigures } from '../../src/telemetry/latency-window.js';
import { parseExposition } from './prometheus-text.js';

const METRICS_TOKEN = 'metrics-token-for-the-telemetry-test';
const HEARTBEAT_MS = 1000;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** The test reads the registry as InstanceRegistry does, as a process that is not an instance (no figures of its own). */
const NOT_AN_INSTANCE: LiveFigures = {
  id: '00000000-0000-0000-0000-000000000000',
  requests: emptyFigures(),
  routes: [],
  endpoints: [],
  activeUsers: { ids: { marketplace: [], operator: [], investor: [], admin: [] }, anonymousSockets: 0, truncated: false },
};

/**
 * Two API processes of their own, on a database of their own (so that the registry holds only
 * them, whatever other tests start), with a one-second heartbeat and a metrics token.
 */
describe('Telemetry: /metrics, the instance registry, readiness', () => {
  const databaseName = `telemetry_${process.pid}`;
  let admin: pg.Client;
  let pool: pg.Pool;
  const rows = async () => (await pool.query<Record<string, unknown>>(INSTANCE_ROWS_SQL)).rows.map(toInstanceRow);
  const registry = {
    apiCard: async () => apiCardOf(await rows(), NOT_AN_INSTANCE),
    activeUsers: async () => activeUsersOf(await rows(), NOT_AN_INSTANCE),
    routes: async () => routesOf(await rows(), NOT_AN_INSTANCE),
  };
  let databaseUrl: string;
  let a: RunningApi;
  let b: RunningApi;
  const extra: RunningApi[] = [];

  beforeAll(async () => {
    const url = process.env['DATABASE_URL'];
    if (!url) throw new Error('DATABASE_URL is not set: system tests run under the system jest project.');
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${databaseName}`);
    const own = new URL(url);
    own.pathname = `/${databaseName}`;
    databaseUrl = own.toString();
    const env = { DATABASE_URL: databaseUrl, INSTANCE_HEARTBEAT_MS: String(HEARTBEAT_MS), METRICS_TOKEN };
    [a, b] = await Promise.all([startApiServer(env), startApiServer(env)]);
    pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
    // The database is dropped at the end with its connections: an idle one's termination is expected.
    pool.on('error', () => undefined);
  });

  afterAll(async () => {
    // A killed process has exited already: only those still running are stopped.
    await Promise.all([a, b, ...extra].filter((api) => api && api.process.exitCode === null && api.process.signalCode === null).map((api) => api.stop()));
    await pool?.end();
    await admin?.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => undefined);
    await admin?.end();
  });

  describe('GET /metrics', () => {
    it('refuses a request without the token, or with another one, with 401 in the error envelope', async () => {
      for (const authorization of [undefined, 'Bearer not-the-metrics-token', `Basic ${METRICS_TOKEN}`]) {
        const req = request(a.url).get('/metrics');
        const res = await (authorization ? req.set('authorization', authorization) : req);
        expect(res.status).toBe(401);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(res.body).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          message: expect.stringContaining('METRICS_TOKEN'),
          details: { code: 'metrics_token_required' },
          requestId: expect.any(String),
        });
        expect(res.text).not.toContain('aiparksit_http_request_duration_seconds');
      }
    });

    it('answers valid Prometheus text with the token, showing the request just made by route pattern', async () => {
      const missing = await request(a.url).get('/api/no-such-thing/12345');
      expect(missing.status).toBe(404);
      expect((await request(a.url).get('/api/health/ready')).status).toBe(200);

      const res = await request(a.url).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const { types, samples } = parseExposition(res.text);

      expect(types.get('aiparksit_http_request_duration_seconds')).toBe('histogram');
      const count = (route: string, status: string) =>
        samples.find(
          (s) =>
            s.name === 'aiparksit_http_request_duration_seconds_count' &&
            s.labels['method'] === 'GET' &&
            s.labels['route'] === route &&
            s.labels['status_code'] === status,
        )?.value;
      expect(count('/api/health/ready', '200')).toBeGreaterThanOrEqual(1);
      // The raw URL of an unmatched request never becomes a label value.
      expect(count('(unmatched)', '404')).toBeGreaterThanOrEqual(1);
      expect(res.text).not.toContain('no-such-thing');

      for (const family of [
        'aiparksit_websocket_connections',
        'aiparksit_websocket_events_total',
        'aiparksit_outbox_messages',
        'aiparksit_db_pool_connections',
        'aiparksit_bookings_total',
        'aiparksit_payments_total',
        'aiparksit_requests_refused_total',
        'process_cpu_seconds_total',
        'nodejs_heap_size_used_bytes',
      ]) {
        expect([family, types.has(family)]).toEqual([family, true]);
      }
      const value = (name: string, labels: Record<string, string>) =>
        samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
      expect(value('aiparksit_db_pool_connections', { state: 'max' })).toBeGreaterThan(0);
      expect(value('aiparksit_outbox_messages', { status: 'pending' })).toBeGreaterThanOrEqual(0);
      expect(value('aiparksit_requests_refused_total', { reason: 'harvesting' })).toBe(0);
      expect(value('aiparksit_database_listener_connected', {})).toBe(1);
    });

    it('is answered without a token to a loopback client when METRICS_TOKEN is unset (the suite API)', async () => {
      const res = await request(apiUrl()).get('/metrics');
      expect(res.status).toBe(200);
      expect(() => parseExposition(res.text)).not.toThrow();
    });
  });

  describe('the instance registry', () => {
    it('lists both instances as running, each with its host, pid, port, version and process figures', async () => {
      const card = await waitFor('both instances running', async () => {
        const c = await registry.apiCard();
        const ours = c.instances.filter((i) => i.pid === a.process.pid || i.pid === b.process.pid);
        return ours.length === 2 && ours.every((i) => i.state === 'running' && i.memory.rssBytes > 0) && c;
      });
      expect(card.state).toBe('running');
      expect(card.reason).toBeNull();
      for (const api of [a, b]) {
        expect(card.instances.find((i) => i.pid === api.process.pid)).toMatchObject({
          port: api.port,
          host: expect.any(String),
          version: expect.stringMatching(/^\d+\.\d+\.\d+/),
          stoppedAt: null,
          restarts: 0,
          self: false,
          memory: { rssBytes: expect.any(Number), heapUsedBytes: expect.any(Number), heapTotalBytes: expect.any(Number) },
          eventLoopDelayP99Ms: expect.any(Number),
          cpuPercent: expect.any(Number),
        });
      }
    });

    it('sums per-route figures of both instances over the last minute', async () => {
      for (const api of [a, b]) for (let i = 0; i < 3; i++) expect((await request(api.url).get('/api/health')).status).toBe(200);
      const route = await waitFor('GET /api/health counted on both instances', async () => {
        const r = (await registry.routes()).find((x) => x.method === 'GET' && x.route === '/api/health');
        const perInstance = (await registry.apiCard()).instances.filter((i) => i.pid === a.process.pid || i.pid === b.process.pid);
        return r && r.requestsPerMinute >= 6 && perInstance.every((i) => i.requestsPerMinute >= 3) && r;
      });
      expect(route.p95Ms).toEqual(expect.any(Number));
      expect(route.errorPercent).toBe(0);
    });

    it('counts an account active on both instances once, in the portal of its role; a key counts for its owner', async () => {
      const driver = await createUser(pool, { role: 'driver' });
      const operator = await createUser(pool, { role: 'operator' });
      const driverTokens = await loginAs(a.url, driver);
      const operatorTokens = await loginAs(b.url, operator);
      for (const api of [a, b]) expect((await request(api.url).get('/api/auth/me').set('authorization', bearer(driverTokens))).status).toBe(200);
      // The operator is seen only through its API key, on instance A: its role is looked up.
      const key = await createApiKey(b.url, operatorTokens);
      expect((await request(a.url).get('/api/proxy/facilities').set('x-api-key', key.key)).status).toBe(200);

      await waitFor('both heartbeats carrying the driver, A carrying the key owner', async () => {
        const { rows } = await pool.query<{ pid: number; snapshot: { activeUsers?: { ids: Record<string, string[]> } } }>(
          `SELECT pid, snapshot FROM api_instances`,
        );
        const of = (api: RunningApi) => rows.find((r) => r.pid === api.process.pid)?.snapshot.activeUsers?.ids;
        return of(a)?.['marketplace']?.includes(driver.id) && of(b)?.['marketplace']?.includes(driver.id) && of(a)?.['operator']?.includes(operator.id);
      });
      const users = await registry.activeUsers();
      expect(users.byPortal).toEqual({ marketplace: 1, operator: 1, investor: 0, admin: 0 });
      expect(users).toMatchObject({ total: 2, windowSeconds: 300 });
    });

    it('counts accounts on open sockets in their portal, and anonymous sockets as marketplace users', async () => {
      const before = await registry.activeUsers();
      const investor = await createUser(pool, { role: 'investor' });
      const tokens = await loginAs(b.url, investor);
      // Signing in is no signed-in request: only the socket makes the investor active.
      const feed = await openTestSocket(toWebSocketUrl(b.url, `${WS_INVESTOR_PATH}?token=${tokens.accessToken}`));
      const anonymous = await openTestSocket(toWebSocketUrl(a.url, WS_PATH));
      try {
        expect((await feed.nextMessage())['type']).toBe('welcome');
        await waitFor("the investor in B's heartbeat and an anonymous socket in A's", async () => {
          const { rows } = await pool.query<{ pid: number; snapshot: { activeUsers?: { ids: Record<string, string[]>; anonymousSockets: number } } }>(
            `SELECT pid, snapshot FROM api_instances`,
          );
          const of = (api: RunningApi) => rows.find((r) => r.pid === api.process.pid)?.snapshot.activeUsers;
          return of(b)?.ids['investor']?.includes(investor.id) && of(a)?.anonymousSockets === 1;
        });
        const after = await registry.activeUsers();
        expect(after.byPortal).toEqual({ ...before.byPortal, investor: before.byPortal.investor + 1, marketplace: before.byPortal.marketplace + 1 });
        expect(after.total).toBe(before.total + 2);
      } finally {
        await Promise.all([feed.close(), anonymous.close()]);
      }
    });
  });

  // After the active-user test: its driver would be one more active account.
  describe('business counters', () => {
    it('counts bookings held, confirmed and cancelled, and payments by outcome, on the instance that handled them', async () => {
      const { facility } = await createOperatorWithFacility(pool);
      const driver = await loginAs(a.url, await createUser(pool, { role: 'driver' }));
      const { booking } = await paidBooking(a.url, driver, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-TM 1', ...windowAhead(3, 2) });
      const cancelled = await request(a.url).post(`/api/bookings/${booking.id}/cancel`).set('authorization', bearer(driver)).send();
      expect(cancelled.status).toBe(200);
      const unpaid = await holdBooking(a.url, driver, { facilityId: facility.id, spaceType: 'standard', vehiclePlate: 'B-TM 2', ...windowAhead(4, 2) });
      const declined = await postPayment(a.url, driver, { bookingId: unpaid.id, card: { ...GOOD_CARD, number: SANDBOX_TEST_CARDS.declined } });
      expect(declined.status).toBe(402);

      const { samples } = parseExposition((await request(a.url).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`)).text);
      const value = (name: string, label: string, v: string) => samples.find((s) => s.name === name && s.labels[label] === v)?.value;
      expect(['created', 'confirmed', 'cancelled'].map((e) => value('aiparksit_bookings_total', 'event', e))).toEqual([2, 1, 1]);
      expect(['succeeded', 'declined', 'failed'].map((o) => value('aiparksit_payments_total', 'outcome', o))).toEqual([1, 1, 0]);
      // The other instance handled none of it.
      const other = parseExposition((await request(b.url).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`)).text).samples;
      expect(other.find((s) => s.name === 'aiparksit_bookings_total' && s.labels['event'] === 'created')?.value).toBe(0);
    });
  });

  describe('GET /api/health/ready', () => {
    it('is 200 with every check passing', async () => {
      const res = await request(a.url).get('/api/health/ready');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'ready',
        failed: [],
        checks: { database: { ok: true }, migrations: { ok: true }, listener: { ok: true } },
      });
    });

    it('is 503 naming the migration that is not applied', async () => {
      const { rowCount } = await pool.query(`UPDATE schema_migrations SET name = name || '-hidden' WHERE name = 'ApiInstances1795502200000'`);
      expect(rowCount).toBe(1);
      try {
        const res = await request(a.url).get('/api/health/ready');
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({
          status: 'not_ready',
          failed: ['migrations'],
          checks: { migrations: { ok: false, detail: expect.stringContaining('ApiInstances1795502200000') } },
        });
        // Liveness does not look at migrations.
        expect((await request(a.url).get('/api/health')).status).toBe(200);
      } finally {
        await pool.query(`UPDATE schema_migrations SET name = 'ApiInstances1795502200000' WHERE name = 'ApiInstances1795502200000-hidden'`);
      }
      expect((await request(a.url).get('/api/health/ready')).status).toBe(200);
    });
  });

  describe('GET /api/health/ready when LISTEN is down', () => {
    it('is 503 naming the listener while it cannot reconnect, and 200 once it has', async () => {
      // Refused new connections (superusers included) keep the listener from coming back at once.
      await admin.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS false`);
      try {
        const { rows } = await admin.query<{ killed: boolean }>(
          `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1`,
          [`aiparksit-realtime/${a.process.pid}`],
        );
        expect(rows).toEqual([{ killed: true }]);
        const res = await waitFor('readiness to fail on the listener', async () => {
          const r = await request(a.url).get('/api/health/ready');
          return r.status === 503 && r;
        });
        expect(res.body.failed).toContain('listener');
        expect(res.body.checks.listener).toEqual({ ok: false, detail: expect.stringContaining('LISTEN') });
      } finally {
        await admin.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS true`);
      }
      await waitFor('readiness back once the listener reconnects', async () => (await request(a.url).get('/api/health/ready')).status === 200);
    });
  });

  describe('instances that stop', () => {
    it('shows one killed with SIGKILL as down once its heartbeat is three periods late, and the card as degraded', async () => {
      const killedPid = b.process.pid;
      const exited = new Promise((resolve) => b.process.once('exit', resolve));
      b.process.kill('SIGKILL');
      await exited;
      const card = await waitFor('the killed instance shown as down', async () => {
        const c = await registry.apiCard();
        return c.instances.find((i) => i.pid === killedPid)?.state === 'down' && c;
      });
      expect(card.instances.find((i) => i.pid === killedPid)).toMatchObject({ state: 'down', stoppedAt: null });
      expect(card.instances.find((i) => i.pid === a.process.pid)).toMatchObject({ state: 'running' });
      expect(card.state).toBe('degraded');
      expect(card.reason).toContain(`pid ${killedPid}`);
    });

    it('counts an instance started again on the same host and port as a restart, in place of the dead one', async () => {
      const again = await startApiServer({ DATABASE_URL: databaseUrl, INSTANCE_HEARTBEAT_MS: String(HEARTBEAT_MS), METRICS_TOKEN, PORT: String(b.port) });
      extra.push(again);
      const card = await waitFor('the restarted instance listed', async () => {
        const c = await registry.apiCard();
        return c.instances.some((i) => i.pid === again.process.pid && i.state === 'running') && c;
      });
      expect(card.instances.find((i) => i.pid === again.process.pid)).toMatchObject({ port: b.port, restarts: 1 });
      expect(card.instances.some((i) => i.pid === b.process.pid)).toBe(false);
      expect(card.state).toBe('running');
    });

    it('records stopped_at on a clean shutdown', async () => {
      const pid = a.process.pid;
      await a.stop();
      const { rows } = await pool.query<{ stopped: boolean }>(`SELECT stopped_at IS NOT NULL AS stopped FROM api_instances WHERE pid = $1`, [pid]);
      expect(rows).toEqual([{ stopped: true }]);
      const card = await registry.apiCard();
      expect(card.instances.find((i) => i.pid === pid)).toMatchObject({ state: 'down', stoppedAt: expect.any(String) });
    });
  });
});
