import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import type { AuthTokens } from '@aiparksit/shared';
import { bearer } from '../support/factories.js';
import { REPO_ROOT, startApiServer, startTestPostgres, type RunningApi, type RunningPostgres } from '../support/system.mjs';

/** The embedded PostgreSQL of the built API, to start it again on the same port and data. */
async function restartPostgres(dataDir: string, port: number): Promise<RunningPostgres> {
  const { startEmbeddedPostgres } = (await import(resolve(REPO_ROOT, 'api/dist/api/src/database/embedded-postgres.js'))) as {
    startEmbeddedPostgres(options: { dataDir: string; port: number }): Promise<RunningPostgres>;
  };
  return startEmbeddedPostgres({ dataDir, port });
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('while PostgreSQL cannot be reached', () => {
  let root: string;
  let pg: RunningPostgres | undefined;
  let api: RunningApi | undefined;

  beforeAll(async () => {
    // A PostgreSQL and an API of their own: this test stops the database under the API.
    root = mkdtempSync(join(tmpdir(), 'aiparksit-outage-'));
    chmodSync(root, 0o755);
    pg = await startTestPostgres(root);
    api = await startApiServer({ DATABASE_URL: pg.url });
  });

  afterAll(async () => {
    await api?.stop();
    await pg?.stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After in the envelope, and recovers when it is back', async () => {
    const email = `outage-${Date.now()}@example.test`;
    await request(api!.url).post('/api/auth/register').send({ email, password: 'correct-horse-battery-staple', role: 'driver', name: 'Outage' }).expect(202);
    const login = await request(api!.url).post('/api/auth/login').send({ email, password: 'correct-horse-battery-staple' }).expect(200);
    const auth = bearer(login.body as AuthTokens);
    const routes: [string, () => request.Test][] = [
      ['GET /api/proxy/marketplace (public read)', () => request(api!.url).get('/api/proxy/marketplace?lat=52.52&lng=13.405&radius=5000')],
      ['GET /api/bookings (signed in)', () => request(api!.url).get('/api/bookings').set('authorization', auth)],
      ['GET /api/auth/me (signed in)', () => request(api!.url).get('/api/auth/me').set('authorization', auth)],
      ['POST /api/auth/login (public write)', () => request(api!.url).post('/api/auth/login').send({ email, password: 'correct-horse-battery-staple' })],
    ];
    for (const [, call] of routes) expect((await call()).status).toBeLessThan(300);

    const port = Number(new URL(pg!.url).port);
    await pg!.stop();
    pg = undefined;

    // Twice round: the pool's open connections are cut first, then new ones are refused.
    for (let round = 0; round < 2; round++) {
      for (const [what, call] of routes) {
        const res = await call();
        expect({ what, status: res.status }).toEqual({ what, status: 503 });
        expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
        expect(res.body).toEqual({
          statusCode: 503,
          error: 'Service Unavailable',
          message: expect.stringMatching(/database/i),
          details: { code: 'database_unavailable', retryAfterSeconds: Number(res.headers['retry-after']) },
          requestId: res.headers['x-request-id'],
        });
      }
    }

    pg = await restartPostgres(join(root, 'pg'), port);
    await eventually(async () => (await routes[0]![1]()).status === 200, 30_000);
    for (const [what, call] of routes) {
      const res = await call();
      expect({ what, status: res.status }).toEqual({ what, status: 200 });
    }
  }, 120_000);
});
