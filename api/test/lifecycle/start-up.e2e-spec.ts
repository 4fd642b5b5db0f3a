import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { REPO_ROOT, TEST_SERVER_ENV, freePort, startApiServer } from '../support/system.mjs';

const MAIN = resolve(REPO_ROOT, 'api/dist/api/src/main.js');

/** Runs the built API once and collects what it prints until it exits. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [MAIN], { cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '', ...env } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => done({ code, output }));
  });
}

describe('API start-up', () => {
  it('stops with a message naming every bad or missing setting', async () => {
    const { code, output } = await runToExit({ PORT: 'eighty', DATABASE_URL: 'mysql://nope', NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toContain('PORT is invalid');
    expect(output).toContain('DATABASE_URL is invalid');
    expect(output).toContain('JWT_ACCESS_SECRET is required in production');
    expect(output).toContain('PUBLIC_URL is required in production');
  });

  it('logs each request as one JSON line carrying the request id it answered with', async () => {
    const api = await startApiServer({ DATABASE_URL: process.env['DATABASE_URL'], LOG_LEVEL: 'info' });
    try {
      const res = await fetch(`${api.url}/api/no-such-route?lat=52.5`, { headers: { 'x-request-id': 'log-check-0001' } });
      expect(res.status).toBe(404);
      const linesOf = (requestId: string) =>
        api
          .output()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .filter((l) => l['reqId'] === requestId);
      // Written asynchronously: wait for it to land, then for anything that would follow it.
      const deadline = Date.now() + 10_000;
      while (!linesOf('log-check-0001').length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const marker = await fetch(`${api.url}/api/health`, { headers: { 'x-request-id': 'log-check-0002' } });
      expect(marker.status).toBe(200);
      while (!linesOf('log-check-0002').length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const lines = linesOf('log-check-0001');
      expect(lines).toHaveLength(1);
      // The path without its query; no headers.
      expect(lines[0]).toMatchObject({ msg: 'request completed', level: 30, method: 'GET', path: '/api/no-such-route', statusCode: 404 });
      expect(typeof lines[0]!['ms']).toBe('number');
      expect(JSON.stringify(lines[0])).not.toContain('lat=');
    } finally {
      await api.stop();
    }
  });
});

describe('embedded PostgreSQL lifecycle (no DATABASE_URL)', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'aiparksit-embedded-'));
    chmodSync(root, 0o755);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('starts its own PostgreSQL, stops it cleanly on SIGINT, and keeps the data for the next start', async () => {
    const pgPort = await freePort();
    const env = { ...TEST_SERVER_ENV, DATABASE_URL: '', EMBEDDED_PG_DIR: join(root, 'pg'), EMBEDDED_PG_PORT: String(pgPort) };

    const first = await startApiServer(env, 60_000);
    const url = `postgres://postgres:aiparksit-embedded@127.0.0.1:${pgPort}/postgres`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO users (email, password_hash, name, role) VALUES ('kept@example.test', 'x', 'Kept', 'driver')`);
    await client.end();

    const exited = new Promise<number | null>((r) => first.process.once('exit', (code) => r(code)));
    first.process.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(first.output()).toContain('Stopping embedded PostgreSQL');
    expect(existsSync(join(root, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await startApiServer(env, 60_000);
    try {
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      const { rows } = await again.query(`SELECT name FROM users WHERE email = 'kept@example.test'`);
      await again.end();
      expect(rows).toEqual([{ name: 'Kept' }]);
    } finally {
      await second.stop();
    }
  });
});
