import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { apiUrl } from '../support/api-url.js';
import { startApiServer, startTestPostgres } from '../support/system.mjs';

describe('GET /api/health', () => {
  it('answers 200 with the database up, the version and the uptime', async () => {
    const res = await request(apiUrl()).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', db: 'up', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(res.body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('answers 503 with db down when PostgreSQL does not answer', async () => {
    // A dedicated API on a database of its own, which we then stop under it.
    const root = mkdtempSync(join(tmpdir(), 'aiparksit-health-'));
    chmodSync(root, 0o755);
    const pg = await startTestPostgres(root);
    const api = await startApiServer({ DATABASE_URL: pg.url });
    try {
      await pg.stop();
      const res = await request(api.url).get('/api/health').expect(503);
      expect(res.body).toMatchObject({ status: 'degraded', db: 'down', dbLatencyMs: null });
    } finally {
      await api.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('security headers', () => {
  it.each([
    ['a JSON answer', '/api/health', 200],
    ['an error', '/api/no-such-route', 404],
  ])('are sent once with %s', async (_what, path, status) => {
    // fetch joins a repeated header with ", ": exact values show each is sent once.
    const res = await fetch(`${apiUrl()}${path}`);
    expect(res.status).toBe(status);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp.match(/default-src/g)).toHaveLength(1);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/connect-src [^;]*wss:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(res.headers.get('cross-origin-embedder-policy')).toBeNull();
  });
});

describe('error envelope', () => {
  it('answers an unknown API route with 404 in the envelope', async () => {
    const res = await request(apiUrl()).get('/api/no-such-route').expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String), requestId: res.headers['x-request-id'] });
  });

  it('keeps a well-formed caller request id and echoes it', async () => {
    const res = await request(apiUrl()).get('/api/no-such-route').set('x-request-id', 'trace-1234abcd').expect(404);
    expect(res.headers['x-request-id']).toBe('trace-1234abcd');
    expect(res.body.requestId).toBe('trace-1234abcd');
  });

  it('answers malformed JSON with 400 in the envelope', async () => {
    const res = await request(apiUrl()).post('/api/health').set('content-type', 'application/json').send('{"broken":').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', requestId: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(/); // no stack trace
  });
});
