import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import request from 'supertest';
import { WS_ADMIN_PATH } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { bearer, signedInUser } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { toWebSocketUrl } from '../../../test/support/websocket-client.js';
import { RecordingSocket } from '../realtime/realtime-support.js';
import { statusUntil } from './system-support.js';

/**
 * A stand-in for nginx's stub_status (the real nginx is in test/nginx.system-spec.ts): the same
 * text, a request counter that moves, and a server the test can stop to make nginx "go down".
 */
function fakeStubStatus(): Promise<{ server: Server; url: string }> {
  let requests = 1000;
  const server = createServer((_req, res) => {
    requests += 30;
    res.setHeader('content-type', 'text/plain');
    res.end(`Active connections: 7 \nserver accepts handled requests\n 500 500 ${requests} \nReading: 0 Writing: 1 Waiting: 6 \n`);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/nginx_status` })),
  );
}

describe('the status snapshot of an API behind nginx, and its live feed', () => {
  let pool: pg.Pool;
  let api: RunningApi;
  let stub: { server: Server; url: string };
  let admin: string;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    pool = testPool();
    stub = await fakeStubStatus();
    api = await startApiServer({ DATABASE_URL: process.env['DATABASE_URL'], NGINX_STATUS_URL: stub.url, NGINX_WORKERS: '3', SYSTEM_SNAPSHOT_MS: '500' });
    admin = (await signedInUser(pool, api.url, 'admin')).tokens.accessToken;
  });

  afterAll(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
    await api?.stop();
    stub?.server.close();
    await pool.end();
  });

  it("reads nginx's card from stub_status: connections, states, workers and requests per minute from two samples", async () => {
    const status = await statusUntil(api.url, admin, (s) => s.services.nginx.requestsPerMinute !== null, 'a requests-per-minute figure');
    expect(status.services.nginx).toMatchObject({
      configured: true,
      statusUrl: stub.url,
      state: 'running',
      reason: null,
      workers: 3,
      activeConnections: 7,
      reading: 0,
      writing: 1,
      waiting: 6,
      totalRequests: expect.any(Number),
    });
    expect(status.services.nginx.requestsPerMinute).toBeGreaterThan(0);
  });

  it('tells an open admin feed when a service changes state, without anyone asking for the status', async () => {
    const feed = await RecordingSocket.open(toWebSocketUrl(api.url, `${WS_ADMIN_PATH}?token=${admin}`));
    sockets.push(feed);
    await feed.waitFor((m) => m.type === 'welcome');
    await statusUntil(api.url, admin, (s) => s.services.nginx.state === 'running', 'nginx running');

    await new Promise<void>((resolve) => {
      stub.server.close(() => resolve());
      stub.server.closeAllConnections();
    });
    const event = await feed.waitForEvent('service_status_changed', (data) => data.service === 'nginx', 20_000);
    expect(event.data).toEqual({ service: 'nginx', from: 'running', to: 'down', reason: expect.stringContaining(stub.url) });

    const status = await statusUntil(api.url, admin, (s) => s.services.nginx.state === 'down', 'nginx down');
    expect(status.overall).toBe('degraded');
  });
});

describe('two API instances, one of which dies', () => {
  let pool: pg.Pool;
  let watching: RunningApi;
  let doomed: RunningApi;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    pool = testPool();
    // Short periods so that "three silent heartbeats" and "the next snapshot" come within the test.
    const env = { DATABASE_URL: process.env['DATABASE_URL'], INSTANCE_HEARTBEAT_MS: '300', SYSTEM_SNAPSHOT_MS: '500' };
    [watching, doomed] = await Promise.all([startApiServer(env), startApiServer(env)]);
  });

  afterAll(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
    // A killed process has exited already (stop() waits for an exit that came before it).
    await Promise.all([watching?.stop(), doomed?.process.signalCode ? undefined : doomed?.stop()]);
    await pool.end();
  });

  it('shows both instances running, then tells the admin feed and the card when one stops beating', async () => {
    const admin = (await signedInUser(pool, watching.url, 'admin')).tokens.accessToken;
    const feed = await RecordingSocket.open(toWebSocketUrl(watching.url, `${WS_ADMIN_PATH}?token=${admin}`));
    sockets.push(feed);
    await feed.waitFor((m) => m.type === 'welcome');

    const pidOf = (api: RunningApi) => api.process.pid!;
    const both = await statusUntil(
      watching.url,
      admin,
      (s) => [watching, doomed].every((api) => s.services.api.instances.some((i) => i.pid === pidOf(api) && i.state === 'running')),
      'both instances running',
    );
    const victim = both.services.api.instances.find((i) => i.pid === pidOf(doomed))!;
    expect(both.services.api.instances.find((i) => i.pid === pidOf(watching))).toMatchObject({ self: true, port: watching.port });
    expect(victim).toMatchObject({ self: false, port: doomed.port, stoppedAt: null });

    // No clean shutdown: the process is gone and its heartbeats stop.
    doomed.process.kill('SIGKILL');
    const event = await feed.waitForEvent('service_status_changed', (data) => data.service === `api:${victim.id}`, 30_000);
    expect(event.data).toEqual({ service: `api:${victim.id}`, from: 'running', to: 'down', reason: 'No heartbeat from the instance.' });

    const after = await statusUntil(
      watching.url,
      admin,
      (s) => s.services.api.instances.some((i) => i.id === victim.id && i.state === 'down'),
      'the instance down',
    );
    expect(after.services.api.state).toBe('degraded');
    expect(after.services.api.reason).toContain(`pid ${victim.pid}`);
    expect(after.overall).toBe('degraded');
  });
});

describe('POST /api/system/actions/export-diagnostics', () => {
  let pool: pg.Pool;

  beforeAll(() => {
    pool = testPool();
  });

  afterAll(async () => {
    await pool.end();
  });

  it('is refused to anonymous callers and to non-admins', async () => {
    expect((await request(apiUrl()).post('/api/system/actions/export-diagnostics')).status).toBe(401);
    const { tokens } = await signedInUser(pool, apiUrl(), 'investor');
    expect((await request(apiUrl()).post('/api/system/actions/export-diagnostics').set('authorization', bearer(tokens))).status).toBe(403);
  });

  it('answers a JSON attachment with the snapshot, versions and settings, no secret in it, and audits the export', async () => {
    const { account, tokens } = await signedInUser(pool, apiUrl(), 'admin');
    const res = await request(apiUrl()).post('/api/system/actions/export-diagnostics').set('authorization', bearer(tokens)).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="aiparksit-diagnostics-[\w-]+\.json"$/);
    const text = res.text;
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      kind: 'aiparksit-diagnostics',
      auditId: res.headers['x-audit-id'],
      versions: { aiparksit: expect.any(String), node: process.version, postgres: expect.stringMatching(/^PostgreSQL/) },
      status: { services: { postgres: { state: expect.any(String) } } },
      instances: expect.any(Array),
      recentErrors: expect.any(Array),
    });

    // The test API's secrets (global setup's JWT secret, the database password) appear nowhere.
    const databaseUrl = new URL(process.env['DATABASE_URL']!);
    expect(file.settings['JWT_ACCESS_SECRET']).toBe('********');
    expect(text).not.toContain('test-secret-that-is-long-enough-for-hs256');
    if (databaseUrl.password) expect(text).not.toContain(`:${databaseUrl.password}@`);
    expect(file.settings['DATABASE_URL']).toContain(`${databaseUrl.hostname}:${databaseUrl.port}`);
    expect(file.settings['PORT']).toEqual(expect.any(Number));

    const { rows } = await pool.query(`SELECT action, outcome, actor_id FROM admin_audit WHERE id = $1`, [res.headers['x-audit-id']]);
    expect(rows).toEqual([{ action: 'export-diagnostics', outcome: 'succeeded', actor_id: account.id }]);
  });
});
