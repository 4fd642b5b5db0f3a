import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type pg from 'pg';
import { WS_PATH, type SystemStatus } from '@aiparksit/shared';
import { REPO_ROOT, freePort, startApiServer, type RunningApi } from '../api/test/support/system.mjs';
import { testPool } from '../api/test/support/db.js';
import { signedInUser } from '../api/test/support/factories.js';
import { statusUntil } from '../api/test/system/system-support.js';
import { edgeRequest, type EdgeRequest } from './support/https-client.js';
import { findProgram, generateSelfSignedCertificate, nginxConfForTest, startNginx, type NginxTestSettings, type RunningNginx } from './support/nginx.js';
import { openTestSocket } from './support/websocket-client.js';

/**
 * Debian's nginx with the project's own nginx.conf, in front of a real API on the test database.
 *
 * The API here is a dedicated one, started the way docker-compose starts it: SERVE_WEB=false (so
 * every page below can only have come from nginx, not from the API's own SPA fallback),
 * TRUST_PROXY=1 (nginx is the one trusted hop) and request logs on (to observe X-Forwarded-For).
 */
const nginxBinary = findProgram('nginx');
const opensslBinary = findProgram('openssl');
const missing = [nginxBinary ? undefined : 'nginx', opensslBinary ? undefined : 'openssl'].filter(Boolean);
if (missing.length) {
  process.stdout.write(`[nginx test] skipped: ${missing.join(' and ')} not installed (looked in /usr/sbin and on PATH). CI installs nginx with apt-get.\n`);
}
const describeWithNginx = missing.length ? describe.skip : describe;

const WEB_DIST = join(REPO_ROOT, 'web/dist');
const SPA_MARKER = '<div id="root">';

describeWithNginx('nginx in front of the API (project nginx.conf)', () => {
  let workDir: string;
  let settings: NginxTestSettings;
  let api: RunningApi;
  let nginx: RunningNginx;
  let ca: string;
  let https: string;
  let http: string;
  let indexHtml: string;

  const get = (path: string, options: EdgeRequest = {}) => edgeRequest(`${https}${path}`, { ...options, ca });

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error(`The SPA is not built (${WEB_DIST}/index.html is missing): run \`npm run build\` first.`);
    indexHtml = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    expect(indexHtml).toContain(SPA_MARKER);

    workDir = mkdtempSync(join(tmpdir(), 'aiparksit-nginx-'));
    chmodSync(workDir, 0o755);
    ca = generateSelfSignedCertificate(opensslBinary!, join(workDir, 'certs')).cert;

    // The API reads nginx's stub_status for the system page, as docker-compose would set it.
    const statusPort = await freePort();
    api = await startApiServer({
      DATABASE_URL: process.env['DATABASE_URL'],
      SERVE_WEB: 'false',
      TRUST_PROXY: '1',
      LOG_LEVEL: 'info',
      NGINX_STATUS_URL: `http://127.0.0.1:${statusPort}/nginx_status`,
      SYSTEM_SNAPSHOT_MS: '500',
    });
    settings = {
      workDir,
      httpPort: await freePort(),
      httpsPort: await freePort(),
      statusPort,
      apiAddress: `127.0.0.1:${api.port}`,
      webRoot: WEB_DIST,
      certDir: join(workDir, 'certs'),
      runAsRoot: process.getuid?.() === 0,
    };
    const conf = nginxConfForTest(readFileSync(join(REPO_ROOT, 'nginx.conf'), 'utf8'), settings);
    nginx = await startNginx(nginxBinary!, conf, settings);
    https = `https://127.0.0.1:${settings.httpsPort}`;
    http = `http://127.0.0.1:${settings.httpPort}`;
  });

  afterAll(async () => {
    await nginx?.stop();
    await api?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  describe('the SPA', () => {
    it('serves index.html at / over HTTPS with the self-signed certificate, revalidated on every visit', async () => {
      const res = await get('/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toBe(indexHtml);
      expect(res.headers['cache-control']).toBe('no-cache');
    });

    it('answers a deep SPA route with index.html (history fallback)', async () => {
      const res = await get('/operator/facilities/123');
      expect(res.status).toBe(200);
      expect(res.body).toBe(indexHtml);
      expect(res.headers['cache-control']).toBe('no-cache');
    });

    it('sends the security headers with the page', async () => {
      const res = await get('/');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/connect-src [^;]*wss:/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    });

    it('serves a hashed asset with a year-long immutable cache, gzipped when asked', async () => {
      const asset = readdirSync(join(WEB_DIST, 'assets')).find((name) => name.endsWith('.js'));
      expect(asset).toBeDefined();
      const res = await get(`/assets/${asset}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-encoding']).toBe('gzip');
    });

    it("sends the build's own .gz of a script to a client that accepts gzip, and the plain file to one that does not", async () => {
      const asset = readdirSync(join(WEB_DIST, 'assets')).find((name) => name.endsWith('.js') && existsSync(join(WEB_DIST, 'assets', `${name}.gz`)));
      expect(asset).toBeDefined();
      const plain = readFileSync(join(WEB_DIST, 'assets', asset!));
      const precompressed = readFileSync(join(WEB_DIST, 'assets', `${asset}.gz`));

      const zipped = await get(`/assets/${asset}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(zipped.status).toBe(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers['content-type']).toMatch(/javascript/);
      expect(zipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(zipped.headers['vary']).toMatch(/accept-encoding/i);
      // The very bytes of the file on disk (nginx's own gzip would stream chunked, at a lower level).
      expect(zipped.headers['content-length']).toBe(String(precompressed.length));
      expect(zipped.bytes.equals(precompressed)).toBe(true);
      expect(gunzipSync(zipped.bytes).equals(plain)).toBe(true);

      const unzipped = await get(`/assets/${asset}`);
      expect(unzipped.status).toBe(200);
      expect(unzipped.headers['content-encoding']).toBeUndefined();
      expect(unzipped.bytes.equals(plain)).toBe(true);
    });

    it('answers a missing asset with 404 rather than index.html', async () => {
      const res = await get('/assets/index-doesnotexist.js');
      expect(res.status).toBe(404);
      expect(res.body).not.toContain(SPA_MARKER);
      expect(res.headers['cache-control']).toBeUndefined();
    });
  });

  describe('/api through nginx', () => {
    it('proxies GET /api/health to the API (200, JSON)', async () => {
      const res = await get('/api/health');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', db: 'up' });
    });

    it("answers an unknown /api route with the API's 404 envelope, not nginx's page", async () => {
      const res = await get('/api/x');
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body)).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String), requestId: res.headers['x-request-id'] });
    });

    it("leaves the API's own headers alone (one CSP, no SPA caching)", async () => {
      const res = await get('/api/health');
      const named = (name: string) => res.rawHeaders.filter((_, i) => i % 2 === 0 && res.rawHeaders[i]?.toLowerCase() === name);
      // The API's helmet sets these; nginx must not add a second copy.
      expect(named('content-security-policy')).toHaveLength(1);
      expect(named('x-content-type-options')).toHaveLength(1);
      expect(named('strict-transport-security').length).toBeLessThanOrEqual(1);
      expect(res.headers['cache-control']).not.toBe('no-cache');
      expect(res.headers['cache-control']).not.toMatch(/immutable/);
    });

    it("keeps the caller's request id end to end: API reply, body and nginx's access log", async () => {
      const res = await get('/api/x', { headers: { 'x-request-id': 'edge-trace-0001abcd' } });
      expect(res.headers['x-request-id']).toBe('edge-trace-0001abcd');
      expect(JSON.parse(res.body).requestId).toBe('edge-trace-0001abcd');
      expect(await nginx.accessLogEntry('edge-trace-0001abcd')).toMatchObject({ request: 'GET /api/x HTTP/1.1', status: 404 });
    });

    it('mints a request id at the edge when the caller sends none, and the API uses it', async () => {
      const res = await get('/api/x');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/); // nginx's $request_id, not the API's UUID
      expect(await nginx.accessLogEntry(String(res.headers['x-request-id']))).toMatchObject({ status: 404 });
    });

    it('passes X-Forwarded-For so the API sees the real client address, and a spoofed one does not stick', async () => {
      // The client connects from 127.0.0.2; nginx reaches the API from 127.0.0.1. The API trusts
      // one hop (TRUST_PROXY=1, as in docker-compose), so it takes the address nginx appended.
      const requestId = `edge-xff-${Date.now().toString(36)}`;
      const res = await get('/api/health', { localAddress: '127.0.0.2', headers: { 'x-request-id': requestId, 'x-forwarded-for': '203.0.113.9' } });
      expect(res.status).toBe(200);
      const logged = await apiLogLine(api, requestId);
      expect(logged.ip).toBe('127.0.0.2');
    });

    it("answers a body over 1 MiB with 413 in the API's envelope", async () => {
      const body = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 16) });
      const res = await get('/api/health', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(res.body)).toMatchObject({ statusCode: 413, error: 'Payload Too Large', requestId: expect.any(String) });
    });

    it("proxies the admins' quick actions (their own location, with a longer read timeout) to the API", async () => {
      const res = await get('/api/system/actions/reload-canaries', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ statusCode: 401, requestId: expect.any(String) });
    });
  });

  describe('requests nginx refuses itself', () => {
    const SENT = 'sentbytheclient';

    it("answers an over-long URL with 414 in the API's envelope, quoting nothing of it", async () => {
      const res = await get(`/api/${SENT}${'a'.repeat(12_000)}`);
      expect(res.status).toBe(414);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(res.body)).toMatchObject({ statusCode: 414, requestId: expect.any(String) });
      expect(res.body).not.toContain(SENT);
    });

    it("answers oversized headers with 431 in the API's envelope, quoting nothing of them", async () => {
      const res = await get('/api/health', { headers: { 'x-padding': `${SENT}${'b'.repeat(12_000)}` } });
      expect(res.status).toBe(431);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(res.body)).toMatchObject({ statusCode: 431, requestId: expect.any(String) });
      expect(res.body).not.toContain(SENT);
    });
  });

  describe('/ws through nginx', () => {
    it('upgrades a secure WebSocket and answers ping with pong', async () => {
      const socket = await openTestSocket(`wss://127.0.0.1:${settings.httpsPort}${WS_PATH}`, { ca });
      try {
        socket.send({ type: 'ping' });
        expect(await socket.nextMessage()).toEqual({ type: 'pong', at: expect.any(String) });
        socket.send('not json');
        expect(await socket.nextMessage()).toMatchObject({ type: 'error' });
        socket.send({ type: 'ping' });
        expect(await socket.nextMessage()).toMatchObject({ type: 'pong' });
      } finally {
        await socket.close();
      }
    });
  });

  describe("nginx's status for the system page", () => {
    let pool: pg.Pool;

    beforeAll(() => {
      pool = testPool();
    });

    afterAll(async () => {
      await pool.end();
    });

    it("fills the API's nginx card from stub_status: connections, requests counted, workers", async () => {
      const { tokens } = await signedInUser(pool, api.url, 'admin');
      // Through nginx, so the card has requests of its own to count.
      for (let i = 0; i < 5; i++) expect((await get('/api/health')).status).toBe(200);
      const res = await get('/api/system/status', { headers: { authorization: `Bearer ${tokens.accessToken}` } });
      expect(res.status).toBe(200);
      expect((JSON.parse(res.body) as SystemStatus).services.nginx.configured).toBe(true);

      const status = await statusUntil(api.url, tokens.accessToken, (s) => s.services.nginx.requestsPerMinute !== null, 'two stub_status samples');
      const card = status.services.nginx;
      expect(card).toMatchObject({ state: 'running', reason: null, statusUrl: `http://127.0.0.1:${settings.statusPort}/nginx_status` });
      expect(card.activeConnections).toBeGreaterThanOrEqual(1);
      expect(card.totalRequests).toBeGreaterThanOrEqual(6);
      expect(card.requestsPerMinute).toBeGreaterThanOrEqual(0);
      // worker_processes auto: the workers holding the status port's socket, found in /proc.
      expect(card.workers).toBeGreaterThanOrEqual(1);
    });

    it('answers stub_status only to local callers on its own port', async () => {
      const local = await edgeRequest(`http://127.0.0.1:${settings.statusPort}/nginx_status`);
      expect(local.status).toBe(200);
      expect(local.body).toMatch(/^Active connections: \d+/);
      const other = await edgeRequest(`http://127.0.0.1:${settings.statusPort}/nginx_status`, { localAddress: '127.0.0.2' });
      expect(other.status).toBe(403);
      expect(other.body).not.toContain('Active connections');
    });

    it("does not expose /nginx_status or the API's /metrics through the public servers", async () => {
      for (const path of ['/nginx_status', '/metrics', '/metrics/']) {
        const res = await get(path);
        expect(res.status).toBe(404);
        expect(res.body).not.toContain('Active connections');
        expect(res.body).not.toContain('# HELP');
        const plain = await edgeRequest(`${http}${path}`);
        expect(plain.status).toBe(301);
      }
    });
  });

  describe('plain HTTP', () => {
    it('redirects pages to HTTPS permanently', async () => {
      const res = await edgeRequest(`${http}/operator/facilities/123?tab=rates`);
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe('https://127.0.0.1/operator/facilities/123?tab=rates');
    });

    it('answers the health and readiness checks without redirecting, for probes', async () => {
      const res = await edgeRequest(`${http}/api/health`);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ status: 'ok' });
      const ready = await edgeRequest(`${http}/api/health/ready`);
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.body)).toMatchObject({ status: 'ready', failed: [] });
    });
  });

  // Last: it stops the API under nginx.
  describe('when the API is down', () => {
    it("answers /api requests with 503 in the API's envelope instead of nginx's 502 page", async () => {
      await api.stop();
      const res = await get('/api/health');
      expect(res.status).toBe(503);
      expect(JSON.parse(res.body)).toMatchObject({ statusCode: 503, error: 'Service Unavailable', requestId: expect.any(String) });
      const page = await get('/');
      expect(page.status).toBe(200); // the SPA still loads and can show its own error state
    });
  });
});

interface RequestLogLine {
  reqId?: string;
  msg?: string;
  ip?: string;
}

/** The API's request log line for one request id (logs are written asynchronously). */
async function apiLogLine(api: RunningApi, requestId: string): Promise<RequestLogLine> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const line = api
      .output()
      .split('\n')
      .filter((text) => text.startsWith('{'))
      .map((text) => JSON.parse(text) as RequestLogLine)
      .find((entry) => entry.reqId === requestId && entry.msg === 'request completed');
    if (line) return line;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The API logged no request with id ${requestId}:\n${api.output().slice(-2000)}`);
}
