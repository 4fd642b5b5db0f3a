// Process-level test harness: free ports and the built API as a real process. Plain ESM because
// jest loads global setup outside its ESM sandbox; types for the TS tests are in system.d.mts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = resolve(REPO_ROOT, 'api/dist/api/src/main.js');

/** Settings every API started by a test shares; tests override what they exercise. */
export const TEST_SERVER_ENV = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  JWT_ACCESS_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
  LOAD_DEMO_DATA: 'false',
  SERVE_WEB: 'true',
  // Generous limits: only the rate-limit tests start a server with tight ones.
  THROTTLE_SHORT_LIMIT: '100000',
  THROTTLE_LONG_LIMIT: '1000000',
  THROTTLE_AUTH_LIMIT: '100000',
  THROTTLE_API_KEY_LIMIT: '1000000',
  // Likewise for the anti-harvesting guard: only its own tests start a server with tight limits.
  HARVEST_LIMIT_ANONYMOUS: '10000000',
  HARVEST_LIMIT_SIGNED_IN: '10000000',
  HARVEST_LIMIT_API_KEY: '10000000',
  HARVEST_LIMIT_AUTOMATION: '10000000',
};

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the built API (`api/dist`) as its own process, the way `npm start` runs it, and waits
 * until /api/health answers 200. The generous default is for a loaded 2-core machine: two
 * instances starting at once there took over 30 s.
 */
export async function startApiServer(env, timeoutMs = 90_000) {
  if (!existsSync(MAIN)) throw new Error(`The API is not built (${MAIN} is missing): run \`npm run build\` first.`);
  const port = env.PORT ? Number(env.PORT) : await freePort();
  let output = '';
  const inherited = Object.fromEntries(['PATH', 'HOME', 'TMPDIR', 'LANG'].filter((k) => process.env[k]).map((k) => [k, process.env[k]]));
  const child = spawn(process.execPath, [MAIN], {
    cwd: REPO_ROOT,
    env: { ...inherited, ...TEST_SERVER_ENV, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk.toString()));
  child.stderr.on('data', (chunk) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode} during start-up:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not become healthy within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolveStop();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** A real PostgreSQL of its own in a fresh temporary directory (built API code, same as npm start). */
export async function startTestPostgres(root) {
  const { startEmbeddedPostgres } = await import(resolve(REPO_ROOT, 'api/dist/api/src/database/embedded-postgres.js'));
  return startEmbeddedPostgres({ dataDir: resolve(root, 'pg'), port: await freePort() });
}
