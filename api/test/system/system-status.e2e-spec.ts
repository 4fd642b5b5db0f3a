import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import type pg from 'pg';
import request from 'supertest';
import { WS_ADMIN_PATH, WS_PATH, type SystemStatus } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { bearer, signedInUser } from '../support/factories.js';
import { createOperatorWithFacility } from '../support/facility-factories.js';
import { REPO_ROOT } from '../support/system.mjs';
import { toWebSocketUrl } from '../../../test/support/websocket-client.js';
import { closeCodeOf, insertBooking, RecordingSocket } from '../realtime/realtime-support.js';
import { statusUntil } from './system-support.js';

/** df's figures for the file system holding the path (or, for a path not created yet, its nearest existing parent). */
async function dfOf(path: string): Promise<{ totalBytes: number; usedPercent: number }> {
  let existing = path;
  while (!existsSync(existing)) existing = dirname(existing);
  const s = await statfs(existing);
  const used = (s.blocks - s.bfree) * s.bsize;
  const free = s.bavail * s.bsize;
  return { totalBytes: s.blocks * s.bsize, usedPercent: (used / (used + free)) * 100 };
}

describe('GET /api/system/status', () => {
  let pool: pg.Pool;
  let admin: string;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    pool = testPool();
    admin = (await signedInUser(pool, apiUrl(), 'admin')).tokens.accessToken;
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await pool.end();
  });

  it('is refused to anonymous callers (401) and to every role but admin (403)', async () => {
    expect((await request(apiUrl()).get('/api/system/status')).status).toBe(401);
    for (const role of ['driver', 'operator', 'investor'] as const) {
      const { tokens } = await signedInUser(pool, apiUrl(), role);
      const res = await request(apiUrl()).get('/api/system/status').set('authorization', bearer(tokens));
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, requestId: expect.any(String) });
    }
  });

  it('answers every section with plausible figures from the real PostgreSQL', async () => {
    const res = await request(apiUrl()).get('/api/system/status').set('authorization', bearer(admin));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const status = res.body as SystemStatus;
    const { rows } = await pool.query<{ db: string; max: number; size: string }>(
      `SELECT current_database() AS db, current_setting('max_connections')::int AS max, pg_database_size(current_database())::text AS size`,
    );

    expect(status.overall).toMatch(/^(running|degraded)$/);
    expect(status.snapshotAgeMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(status.generatedAt)).not.toBeNaN();
    expect(status.headline).toEqual({ pagesAndRoutes: null, apiEndpoints: expect.any(Number), userTypes: 4, webSocketEventsPerMinute: expect.any(Number) });
    expect(status.headline.apiEndpoints).toBeGreaterThan(40);

    const postgres = status.services.postgres;
    expect(postgres.state).toMatch(/^(running|degraded)$/);
    expect(postgres.version).toMatch(/^PostgreSQL \d+/);
    expect(postgres.database).toBe(rows[0]!.db);
    expect(postgres.connections.max).toBe(rows[0]!.max);
    expect(postgres.connections.total).toBeGreaterThan(0);
    expect(postgres.connections.total).toBeGreaterThanOrEqual(postgres.connections.active + postgres.connections.idle);
    expect(postgres.sizeBytes).toBeGreaterThan(0);
    // Same order of size as the database reports now (tests write meanwhile).
    expect(postgres.sizeBytes! / Number(rows[0]!.size)).toBeGreaterThan(0.5);
    expect(postgres.cacheHitRatio).toBeGreaterThan(0);
    expect(postgres.cacheHitRatio).toBeLessThanOrEqual(1);
    expect(postgres.pool.max).toBe(10);
    expect(postgres.pool.total).toBeGreaterThan(0);
    expect(postgres.uptimeSeconds).toBeGreaterThanOrEqual(0);

    const websocket = status.services.websocket;
    expect(websocket).toMatchObject({ state: 'running', listenerConnected: true, reason: null });
    expect(Object.keys(websocket.connections.byPath)).toEqual(expect.arrayContaining(['/ws', '/ws/operator', '/ws/investor', '/ws/admin']));

    expect(status.services.nginx).toMatchObject({ configured: false, state: 'running', statusUrl: null, reason: 'Not behind nginx (NGINX_STATUS_URL unset).' });
    expect(status.services.api.instances.some((i) => i.self)).toBe(true);
    expect(status.activeUsers).toMatchObject({ total: expect.any(Number), windowSeconds: 300 });
    expect(Array.isArray(status.routes)).toBe(true);
    expect(status.criticalErrors24h).toBeGreaterThanOrEqual(0);
    expect(status.diskWarnPercent).toBe(85);
  });

  it('reports the data, log and temporary disks as statfs sees them', async () => {
    // A fresh snapshot, so that the disks have had little time to change since.
    const status = await statusUntil(apiUrl(), admin, (s) => s.snapshotAgeMs < 1000, 'a fresh snapshot');
    expect(status.disks.map((d) => d.kind)).toEqual(['data', 'logs', 'temp']);
    // The shared test API runs on DATABASE_URL without DATA_DIR or LOG_DIR: .data and .data/logs of the project.
    const expected = { data: resolve(REPO_ROOT, '.data'), logs: resolve(REPO_ROOT, '.data/logs'), temp: tmpdir() };
    for (const disk of status.disks) {
      expect(disk.path).toBe(expected[disk.kind]);
      const df = await dfOf(disk.path);
      expect(disk.totalBytes).toBe(df.totalBytes);
      expect(disk.usedBytes + disk.freeBytes).toBeLessThanOrEqual(disk.totalBytes);
      // Files come and go between the two readings: within a point.
      expect(Math.abs(disk.usedPercent - df.usedPercent)).toBeLessThan(1);
      expect(disk.warning).toBe(disk.usedPercent >= 85);
    }
  });

  it('shows the longest running query of another session, and queries per minute once two snapshots exist', async () => {
    const sleeper = await pool.connect();
    const marker = `status_e2e_${Date.now()}`;
    const sleeping = sleeper.query(`SELECT pg_sleep(60) AS ${marker}`).catch(() => undefined);
    try {
      const status = await statusUntil(
        apiUrl(),
        admin,
        (s) => s.services.postgres.longestRunningQuery?.query.includes(marker) === true,
        'the pg_sleep among running queries',
      );
      const longest = status.services.postgres.longestRunningQuery!;
      expect(longest.state).toBe('active');
      expect(longest.durationMs).toBeGreaterThanOrEqual(0);
      const withRate = await statusUntil(apiUrl(), admin, (s) => s.services.postgres.queriesPerMinute !== null, 'queries per minute');
      expect(withRate.services.postgres.queriesPerMinute).toBeGreaterThanOrEqual(0);
    } finally {
      await pool.query(`SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()`, [`%${marker}%`]);
      await sleeping;
      sleeper.release();
    }
  });

  it("lists a statement the API found slow (over SLOW_QUERY_MS) among PostgreSQL's slowest of the last hour", async () => {
    // The API's read of fx_rates waits on the test's lock, then the lock is held past the
    // threshold (1000 ms by default): a slow statement of the API's own, measured by the API.
    const locker = await pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE fx_rates IN ACCESS EXCLUSIVE MODE');
      const reading = request(apiUrl())
        .get('/api/admin/fx-rates')
        .set('authorization', bearer(admin))
        .then((res) => res.status);
      for (let waiting = false; !waiting;) {
        const { rows } = await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%fx_rates%' AND pid <> pg_backend_pid()`,
        );
        waiting = rows[0]!.n > 0;
      }
      await locker.query('SELECT pg_sleep(1.2)');
      await locker.query('COMMIT');
      expect(await reading).toBe(200);
    } finally {
      locker.release();
    }
    const status = await statusUntil(
      apiUrl(),
      admin,
      (s) => s.services.postgres.slowestStatements.some((statement) => statement.query.includes('fx_rates')),
      'the fx_rates read among the slowest statements',
    );
    const slow = status.services.postgres.slowestStatements.find((statement) => statement.query.includes('fx_rates'))!;
    // The embedded PostgreSQL has no pg_stat_statements: the API's own log is the source.
    expect(slow).toMatchObject({ source: 'api', calls: expect.any(Number) });
    expect(slow.maxMs).toBeGreaterThanOrEqual(1000);
  });

  it('counts open sockets per path and measures commit-to-send latency of a delivered event', async () => {
    const { facility } = await createOperatorWithFacility(pool, { spaces: { standard: 2 } });
    const { account: driver } = await signedInUser(pool, apiUrl(), 'driver');
    const feed = await RecordingSocket.open(toWebSocketUrl(apiUrl(), `${WS_ADMIN_PATH}?token=${admin}`));
    const watcher = await RecordingSocket.open(toWebSocketUrl(apiUrl(), WS_PATH));
    sockets.push(feed, watcher);
    await feed.waitFor((m) => m.type === 'welcome');
    await watcher.request({ type: 'subscribe', facilityIds: [facility.id] });
    await insertBooking(pool, driver.id, facility, { start: new Date(Date.now() + 3_600_000), end: new Date(Date.now() + 7_200_000) });
    await watcher.waitForEvent('availability_changed', (data) => data.period !== null);

    const status = await statusUntil(
      apiUrl(),
      admin,
      (s) =>
        (s.services.websocket.connections.byPath[WS_ADMIN_PATH] ?? 0) >= 1 &&
        s.services.websocket.latencyMs.p50 !== null &&
        s.services.websocket.subscriptions >= 1 &&
        // The snapshot is cached for a second: a latency sample may be an earlier test's, so wait for this event's count.
        s.services.websocket.eventsPerMinute >= 1,
      'the admin socket, a subscription, a latency sample and the event counted',
    );
    const { latencyMs, lastEventAt, eventsPerMinute } = status.services.websocket;
    expect(latencyMs.p50).toBeGreaterThanOrEqual(0);
    expect(latencyMs.p95).toBeGreaterThanOrEqual(latencyMs.p50!);
    expect(Date.parse(lastEventAt!)).not.toBeNaN();
    expect(eventsPerMinute).toBeGreaterThanOrEqual(1);
  });
});

describe('WebSocket /ws/admin', () => {
  let pool: pg.Pool;
  const sockets: RecordingSocket[] = [];
  const feedUrl = (query = '') => toWebSocketUrl(apiUrl(), `${WS_ADMIN_PATH}${query}`);

  beforeAll(() => {
    pool = testPool();
  });

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await pool.end();
  });

  it('closes with 4401 without a token or with a bad one, and with 4403 for every role but admin', async () => {
    expect(await closeCodeOf(feedUrl())).toBe(4401);
    expect(await closeCodeOf(feedUrl('?token=abc'))).toBe(4401);
    for (const role of ['driver', 'operator', 'investor'] as const) {
      const { tokens } = await signedInUser(pool, apiUrl(), role);
      expect(await closeCodeOf(feedUrl(`?token=${tokens.accessToken}`))).toBe(4403);
    }
  });

  it("delivers a system error group announced on the database's event channel to every admin socket", async () => {
    const feeds = [];
    for (let i = 0; i < 2; i++) {
      const { tokens } = await signedInUser(pool, apiUrl(), 'admin');
      const socket = await RecordingSocket.open(feedUrl(`?token=${tokens.accessToken}`));
      sockets.push(socket);
      expect(await socket.waitFor((m) => m.type === 'welcome')).toMatchObject({ role: 'admin' });
      feeds.push(socket);
    }
    const fingerprint = `e2e-${Date.now()}`;
    const e = { fingerprint, service: 'API', type: '500 Error', message: 'GET /api/x failed', count: 2, lastAt: new Date().toISOString(), critical: true };
    // What the error-groups trigger sends, through the same channel and a real NOTIFY.
    await pool.query(`SELECT pg_notify('aiparksit_events', $1)`, [JSON.stringify({ k: 'se', e })]);
    for (const socket of feeds) {
      const event = await socket.waitForEvent('system_error', (data) => data.fingerprint === fingerprint);
      expect(event).toEqual({ type: 'event', event: 'system_error', at: expect.any(String), data: e });
    }
  });
});
