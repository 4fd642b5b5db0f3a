// `npm run bench:marketplace`: marketplace search on the `large` data set, through the full API
// (built, as a separate process, at the production log level) and through the same repository
// behind a bare Fastify + pg handler. Prints, in one run:
//   - closed loop (BENCH_CONNECTIONS clients, each sending its next search when the last answers):
//     searches/s of both and the full stack's share of the bare handler's (goal ≥ 80 %);
//   - open loop at a fixed rate, half the full stack's closed-loop maximum, evenly spaced:
//     p50/p95/p99 (goal p95 < 30 ms, p99 < 60 ms) — latency at a load the server can carry;
//   - CPU ms per search of the server process and of PostgreSQL (all its processes), from /proc.
// `npm run bench:marketplace -- --cpu-prof` also profiles the API process (node --cpu-prof) and
// prints its top 10 self-time functions.
//
// The data set lives in its own embedded PostgreSQL (never `npm start`'s). Make it once (~10 min):
//   EMBEDDED_PG_DIR=.data/bench-large npm run seed -- --scale large
// Settings (env): BENCH_PG_DIR (default .data/bench-large), BENCH_CONNECTIONS (50, closed loop),
// BENCH_OPEN_CONNECTIONS (100, most sockets of the open loop), BENCH_SECONDS (20 per run), BENCH_WARMUP_SECONDS (5),
// BENCH_POOL_SIZE (20, both servers).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { Agent, get as httpGet } from 'node:http';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_DIST, ROOT, run, step } from './lib.mjs';
import { cpuMsByPid, cpuMsSince, freePort, percentile, postgresPids as postgresPidsOf, round } from './bench/measure.mjs';

const PG_DIR = (() => {
  const dir = process.env.BENCH_PG_DIR ?? '.data/bench-large';
  return isAbsolute(dir) ? dir : resolve(ROOT, dir);
})();
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const OPEN_CONNECTIONS = Number(process.env.BENCH_OPEN_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 20);
const RADIUS_METERS = 2000;
const PROFILE = process.argv.includes('--cpu-prof');

if (!existsSync(resolve(PG_DIR, 'PG_VERSION'))) {
  process.stderr.write(`No benchmark database in ${PG_DIR}. Make it once (about 10 minutes):\n  EMBEDDED_PG_DIR=${PG_DIR} npm run seed -- --scale large\n`);
  process.exit(2);
}

step('Building shared contract and API…');
run('npm', ['run', 'build', '-w', 'shared']);
run('npm', ['run', 'build', '-w', 'api']);

const requireApi = createRequire(resolve(ROOT, 'api/package.json'));
const autocannon = requireApi('autocannon');
const pg = requireApi('pg');
const { startEmbeddedPostgres } = await import(pathToFileURL(resolve(API_DIST, 'database/embedded-postgres.js')).href);
const { CITIES } = await import(pathToFileURL(resolve(API_DIST, 'seed/catalog.js')).href);
const { summarizeProfile, WALL_CLOCK_CAVEAT } = await import('./bench/profile-summary.mjs');
const { catchUpLifecycle, describeCatchUp } = await import('./bench/catch-up.mjs');

const children = [];
let database;
async function cleanUp() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
  await database?.stop().catch(() => undefined);
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

/** Starts a Node process and waits until `ready(url)` answers true. */
async function startServer(name, entry, env, ready, nodeOptions = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeOptions, entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up:\n${output}`);
    if (await ready(url).catch(() => false)) return { url, pid: child.pid, child };
    if (Date.now() > deadline) throw new Error(`${name} did not start within 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Searches a person would make: near a district of a seeded city, for a few hours in the coming days. */
function searchPaths(count) {
  const districts = CITIES.flatMap((city) => city.districts);
  let state = 20260101;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const hour = 3_600_000;
  const from = Math.ceil(Date.now() / hour) * hour;
  return Array.from({ length: count }, () => {
    const district = districts[Math.floor(random() * districts.length)];
    const start = from + Math.floor(random() * 72) * hour;
    const end = start + (2 + Math.floor(random() * 6)) * hour;
    const query = new URLSearchParams({
      lat: (district.latitude + (random() - 0.5) * 0.02).toFixed(5),
      lng: (district.longitude + (random() - 0.5) * 0.02).toFixed(5),
      radius: String(RADIUS_METERS),
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      limit: '20',
    });
    return `/api/proxy/marketplace?${query}`;
  });
}

const postgresPids = () => postgresPidsOf(PG_DIR);

/** A run's figures from its latencies (ms) and the CPU its server and PostgreSQL used. */
function figures(latencies, seconds, statuses, errors, serverPid, cpuBefore) {
  const server = cpuMsSince(cpuBefore.server, [serverPid]);
  const postgres = cpuMsSince(cpuBefore.postgres, postgresPids());
  latencies.sort((a, b) => a - b);
  return {
    serverCpuMsPerRequest: server / latencies.length,
    postgresCpuMsPerRequest: postgres / latencies.length,
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statuses,
    errors,
  };
}

function cpuNow(serverPid) {
  return { server: cpuMsByPid([serverPid]), postgres: cpuMsByPid(postgresPids()) };
}

/** Closed loop: `CONNECTIONS` autocannon clients over the paths, round robin; latencies kept per response for exact percentiles. */
async function closedLoop(url, paths, seconds, serverPid) {
  const cpuBefore = cpuNow(serverPid);
  let next = 0;
  const latencies = [];
  const statuses = {};
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  return figures(latencies, seconds, statuses, result.errors + result.timeouts, serverPid, cpuBefore);
}

/**
 * Open loop: one search every 1/rate s whether or not earlier ones have answered, each timed
 * from the moment it was due (so a stalled server's backlog shows in the latencies rather than
 * slowing the sender down). Not autocannon's `overallRate`: that sends each second's quota as a
 * burst at the start of the second and measures the burst's queue.
 */
async function openLoop(url, paths, seconds, rate, serverPid, agent) {
  const cpuBefore = cpuNow(serverPid);
  const latencies = [];
  const statuses = {};
  let errors = 0;
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const started = performance.now();
  const inFlight = new Set();
  // The slowest answer to a search sent in each second: a stall shows as a few bad seconds, queueing as many.
  const slowestBySecond = [];
  // CPU of the server and of PostgreSQL in each second: a stall with PostgreSQL busy points at a
  // statement beside the searches (a periodic job), one with the server busy at the process.
  const cpuBySecond = [];
  let lastCpu = cpuNow(serverPid);
  const cpuSampler = setInterval(() => {
    const now = cpuNow(serverPid);
    const used = (after, before) => [...after].reduce((ms, [pid, value]) => ms + value - (before.get(pid) ?? 0), 0);
    cpuBySecond.push({ server: used(now.server, lastCpu.server), postgres: used(now.postgres, lastCpu.postgres) });
    lastCpu = now;
  }, 1000);
  const send = (due, path) => {
    const done = new Promise((resolveDone) => {
      const request = httpGet(`${url}${path}`, { agent, timeout: 10_000 }, (response) => {
        response.resume();
        response.on('end', () => {
          const latency = performance.now() - due;
          latencies.push(latency);
          const second = Math.floor((due - started) / 1000);
          slowestBySecond[second] = Math.max(slowestBySecond[second] ?? 0, latency);
          statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
          resolveDone();
        });
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        errors++;
        resolveDone();
      });
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };
  for (let i = 0; i < total;) {
    const now = performance.now();
    for (; i < total && started + i * interval <= now; i++) send(started + i * interval, paths[i % paths.length]);
    if (i < total) await new Promise((r) => setTimeout(r, Math.max(0, started + i * interval - performance.now())));
  }
  clearInterval(cpuSampler);
  await Promise.all(inFlight);
  return { ...figures(latencies, seconds, statuses, errors, serverPid, cpuBefore), slowestBySecond, cpuBySecond };
}

function row(m) {
  return {
    'searches/s': Math.round(m.requestsPerSecond),
    'p50 ms': round(m.p50),
    'p95 ms': round(m.p95),
    'p99 ms': round(m.p99),
    'server CPU ms/search': round(m.serverCpuMsPerRequest, 2),
    'PostgreSQL CPU ms/search': round(m.postgresCpuMsPerRequest, 2),
    statuses: JSON.stringify(m.statuses),
    'errors+timeouts': m.errors,
  };
}

const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'bench-marketplace-prof-')) : undefined;
try {
  step(`Starting the benchmark PostgreSQL (${PG_DIR})…`);
  database = await startEmbeddedPostgres({ dataDir: PG_DIR, port: await freePort() });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client
    .query(`SELECT (SELECT count(*) FROM facilities)::int AS facilities, (SELECT count(*) FROM bookings)::int AS bookings`)
    .catch(() => ({ rows: [{ facilities: 0, bookings: 0 }] }));
  await client.end();
  if (!rows[0].facilities) throw new Error(`The database in ${PG_DIR} has no facilities: seed it with --scale large first.`);
  process.stdout.write(`  ${rows[0].facilities.toLocaleString('en')} facilities, ${rows[0].bookings.toLocaleString('en')} bookings\n`);

  step(`Starting the API (migrations applied at start-up${PROFILE ? ', under --cpu-prof' : ''}) and the bare Fastify + pg handler…`);
  const env = { DATABASE_URL: database.url, DB_POOL_SIZE: String(POOL_SIZE) };
  const api = await startServer(
    'API',
    resolve(API_DIST, 'main.js'),
    {
      ...env,
      NODE_ENV: 'production',
      // Production requires it (links in emails); nothing here sends any.
      PUBLIC_URL: 'https://bench.invalid',
      HOST: '127.0.0.1',
      // Production's level: the request log is part of what a search costs.
      LOG_LEVEL: 'info',
      SERVE_WEB: 'false',
      JWT_ACCESS_SECRET: 'benchmark-only-secret-0123456789-abcdefghijklmnop',
      // The benchmark is one client making thousands of requests a second: limits off.
      THROTTLE_SHORT_LIMIT: '1000000',
      THROTTLE_LONG_LIMIT: '10000000',
      THROTTLE_API_KEY_LIMIT: '10000000',
      MARKETPLACE_ANON_MAX_PAGES: '10000',
      // The anti-harvesting guard stays on (its cost is part of the stack) with limits out of reach.
      HARVEST_LIMIT_ANONYMOUS: '10000000',
      HARVEST_LIMIT_AUTOMATION: '10000000',
    },
    async (url) => (await fetch(`${url}/api/health`)).status === 200,
    PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  const bareServer = await startServer(
    'bare handler',
    resolve(ROOT, 'scripts/bench/bare-marketplace-server.mjs'),
    env,
    async (url) => (await fetch(`${url}/api/proxy/marketplace?lat=52.52&lng=13.4&radius=10`)).status === 200,
  );

  process.stdout.write(`${describeCatchUp(await catchUpLifecycle(database.url))}\n`);

  const paths = searchPaths(1000);
  const apiUrl = api.url;
  const sample = await (await fetch(`${apiUrl}${paths[0]}`)).json();
  if (!Array.isArray(sample.results)) throw new Error(`The API did not answer a search: ${JSON.stringify(sample)}`);
  const sizes = await Promise.all(paths.slice(0, 50).map(async (p) => (await (await fetch(`${apiUrl}${p}`)).json()).results.length));
  process.stdout.write(
    `  ${paths.length} distinct searches (radius ${RADIUS_METERS} m, 2–7 h windows in the next 3 days); ${(sizes.reduce((a, b) => a + b, 0) / sizes.length).toFixed(1)} results a page on average\n`,
  );

  const measured = {};
  for (const [name, server] of [
    ['full API', api],
    ['bare Fastify + pg', bareServer],
  ]) {
    step(`Closed loop, ${name}: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s at ${CONNECTIONS} connections…`);
    await closedLoop(server.url, paths, WARMUP_SECONDS, server.pid);
    measured[name] = await closedLoop(server.url, paths, SECONDS, server.pid);
  }
  const full = measured['full API'];
  const bare = measured['bare Fastify + pg'];
  const rate = Math.max(1, Math.round(full.requestsPerSecond / 2));
  step(
    `Open loop, full API: ${rate} searches/s (half its closed-loop maximum), evenly spaced: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s over at most ${OPEN_CONNECTIONS} connections…`,
  );
  // Its own warm-up at the same rate first, on the same keep-alive sockets the measured run then
  // uses: the client opens its connections and the server's pool settles, as before the closed
  // loop. (Opening a hundred connections at once inside the measured run put its first second's
  // answers at ~100 ms, which says nothing about searches.)
  const agent = new Agent({ keepAlive: true, maxSockets: OPEN_CONNECTIONS });
  await openLoop(api.url, paths, WARMUP_SECONDS, rate, api.pid, agent);
  const open = await openLoop(api.url, paths, SECONDS, rate, api.pid, agent);
  agent.destroy();

  process.stdout.write('\nClosed loop (throughput; its latencies are mostly queueing):\n');
  console.table({ 'full API': row(full), 'bare Fastify + pg': row(bare) });
  process.stdout.write(`Open loop at ${rate} searches/s offered (latency):\n`);
  console.table({ 'full API': row(open) });
  process.stdout.write(`  slowest answer by second sent (ms): ${open.slowestBySecond.map((ms) => Math.round(ms ?? 0)).join(' ')}\n`);
  process.stdout.write(`  server CPU ms by second:             ${open.cpuBySecond.map((c) => c.server).join(' ')}\n`);
  process.stdout.write(`  PostgreSQL CPU ms by second:         ${open.cpuBySecond.map((c) => c.postgres).join(' ')}\n`);

  const ratio = full.requestsPerSecond / bare.requestsPerSecond;
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  process.stdout.write(`Full stack: ${Math.round(full.requestsPerSecond)} searches/s closed loop (goal ≥ 1,000: ${verdict(full.requestsPerSecond >= 1000)})\n`);
  process.stdout.write(`Full stack / bare handler throughput: ${(ratio * 100).toFixed(1)} % (goal ≥ 80 %: ${verdict(ratio >= 0.8)})\n`);
  process.stdout.write(
    `Open loop at ${rate}/s: p50 ${round(open.p50)} ms, p95 ${round(open.p95)} ms (goal < 30: ${verdict(open.p95 < 30)}), p99 ${round(open.p99)} ms (goal < 60: ${verdict(open.p99 < 60)}); ${Math.round(open.requestsPerSecond)}/s answered\n`,
  );
  const cpuRatio = (bare.serverCpuMsPerRequest + bare.postgresCpuMsPerRequest) / (full.serverCpuMsPerRequest + full.postgresCpuMsPerRequest);
  process.stdout.write(
    `CPU per search (unaffected by other load): full stack server ${round(full.serverCpuMsPerRequest, 2)} ms + PostgreSQL ${round(full.postgresCpuMsPerRequest, 2)} ms, ` +
      `bare server ${round(bare.serverCpuMsPerRequest, 2)} ms + PostgreSQL ${round(bare.postgresCpuMsPerRequest, 2)} ms → full stack at ${(cpuRatio * 100).toFixed(1)} % of bare throughput when CPU-bound.\n`,
  );
  const [load1] = (await import('node:os')).loadavg();
  process.stdout.write(
    `Machine: ${availableParallelism()} CPUs, load average ${load1.toFixed(1)} at the end (other work on the machine lowers searches/s and raises latency).\n`,
  );

  if (PROFILE) {
    // The profile is written when the process exits: stop the API first.
    api.child.kill('SIGTERM');
    await new Promise((r) => (api.child.exitCode === null ? api.child.once('exit', r) : r()));
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`The API wrote no CPU profile in ${profileDir}`);
    step(`API CPU profile (start-up, warm-up and all three runs): top 10 self time — ${join(profileDir, file)}`);
    console.table(summarizeProfile(join(profileDir, file), 10));
    process.stdout.write(`  ${WALL_CLOCK_CAVEAT}\n`);
  }
} catch (error) {
  process.stderr.write(`\n✖ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
  // The profile stays for a flame graph; an empty directory does not.
  if (profileDir && !readdirSync(profileDir).length) rmSync(profileDir, { recursive: true });
}
