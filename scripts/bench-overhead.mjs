// `npm run bench:overhead`: what the full stack costs a trivial request. In one run, on a
// PostgreSQL of its own, the built API in production mode at the production log level (info)
// against a bare Fastify handler answering the same JSON body:
//   - bare Fastify handler              GET /api/auth/me (no logger, no hooks)
//   - bare + must-do                    the same plus a request id, the full stack's own response
//                                       headers and one async JSON log line (scripts/bench/bare-overhead-server.mjs)
//   - full stack, signed in             GET /api/auth/me with a bearer token
//   - full stack, health                GET /api/health (one SELECT 1)
//   - full stack, unknown route         GET /api/no-such-route (404 envelope)
// Prints req/s, server CPU ms per request (from /proc, unaffected by other load), p50/p99, the
// API's log lines per request, and the full stack's /api/auth/me as a share of the bare handler.
//
// Settings (env): BENCH_CONNECTIONS (50), BENCH_SECONDS (10 per run), BENCH_WARMUP_SECONDS (3),
// BENCH_ONLY (a comma-separated subset of me,health,404: the full-stack runs to make, e.g. to
// profile one route; the bare handler always runs).
// `--profile` (or BENCH_PROFILE=1): the API runs under `node --cpu-prof`; its profile is written
// when it stops and its top 10 self-time functions are printed.
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_DIST, ROOT, run, step } from './lib.mjs';
import { cpuMsOf, freePort, round } from './bench/measure.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'me,health,404').split(',').map((name) => name.trim()));
const PROFILE = process.argv.includes('--profile') || process.env.BENCH_PROFILE === '1';
const PASSWORD = 'bench-password-123';

step('Building shared contract and API…');
run('npm', ['run', 'build', '-w', 'shared']);
run('npm', ['run', 'build', '-w', 'api']);

const requireApi = createRequire(resolve(ROOT, 'api/package.json'));
const autocannon = requireApi('autocannon');
const pg = requireApi('pg');
const { startEmbeddedPostgres } = await import(pathToFileURL(resolve(API_DIST, 'database/embedded-postgres.js')).href);
const { hashPassword } = await import(pathToFileURL(resolve(API_DIST, 'access/password-hasher.js')).href);
const { summarizeProfile, WALL_CLOCK_CAVEAT } = await import(pathToFileURL(resolve(ROOT, 'scripts/bench/profile-summary.mjs')).href);

const workDir = mkdtempSync(join(tmpdir(), 'aiparksit-bench-overhead-'));
chmodSync(workDir, 0o755);
const apiLog = join(workDir, 'api.log');
const profileDir = join(workDir, 'profile');
const children = [];
let database;

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}
async function cleanUp() {
  await Promise.all(children.map(stopChild));
  await database?.stop().catch(() => undefined);
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

/** Starts a Node process (its output to `logFile`) and waits until `ready(url)` answers true. */
async function startServer(name, args, env, logFile, ready) {
  const port = await freePort();
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port) },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
    if (await ready(url).catch(() => false)) return { url, pid: child.pid, child };
    if (Date.now() > deadline) throw new Error(`${name} did not start within 120 s:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Lines in a server's log file: read at the end of a run, for lines written per request. */
function logLines(file) {
  try {
    if (!statSync(file).size) return 0;
    const text = readFileSync(file, 'utf8');
    let lines = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    return lines;
  } catch {
    return 0;
  }
}

/**
 * Writes a copy of a V8 CPU profile with only the samples taken within the windows (µs on the
 * monotonic clock, which V8's sample timestamps and process.hrtime share on Linux), so a summary
 * shows the requests' cost rather than module loading at start-up. Returns the samples kept.
 */
function keepSamplesWithin(source, target, windows) {
  const profile = JSON.parse(readFileSync(source, 'utf8'));
  const samples = [];
  const timeDeltas = [];
  let time = BigInt(profile.startTime);
  for (let i = 0; i < profile.samples.length; i++) {
    time += BigInt(profile.timeDeltas[i] ?? 0);
    if (windows.some(([from, to]) => time >= from && time <= to)) {
      samples.push(profile.samples[i]);
      timeDeltas.push(profile.timeDeltas[i] ?? 0);
    }
  }
  writeFileSync(target, JSON.stringify({ ...profile, samples, timeDeltas }));
  return samples.length;
}

/** One autocannon run at CONNECTIONS connections. */
async function load(server, path, headers, seconds) {
  const cpuBefore = cpuMsOf(server.pid);
  const linesBefore = server.logFile ? logLines(server.logFile) : 0;
  const result = await autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: seconds, headers });
  const cpu = cpuMsOf(server.pid) - cpuBefore;
  // The log is written asynchronously: give its last lines a moment to land before counting.
  await new Promise((r) => setTimeout(r, 300));
  const requests = result.requests.total;
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]));
  return {
    requestsPerSecond: requests / result.duration,
    serverCpuMsPerRequest: cpu / requests,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
    logLinesPerRequest: server.logFile ? (logLines(server.logFile) - linesBefore) / requests : NaN,
  };
}

try {
  step('Starting a PostgreSQL of its own…');
  database = await startEmbeddedPostgres({ dataDir: join(workDir, 'pg'), port: await freePort() });

  step(`Starting the API (production, LOG_LEVEL=info${PROFILE ? ', under --cpu-prof' : ''}; its log in ${apiLog})…`);
  const api = await startServer(
    'API',
    [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), resolve(API_DIST, 'main.js')],
    {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      // Production requires it (links in emails); nothing here sends any.
      PUBLIC_URL: 'https://bench.invalid',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SERVE_WEB: 'false',
      LOAD_DEMO_DATA: 'false',
      JWT_ACCESS_SECRET: 'benchmark-only-secret-0123456789-abcdefghijklmnop',
      // One client making thousands of requests a second: the limits are raised out of reach,
      // while the rate-limit and anti-harvesting guards still run (their cost is part of the stack).
      // (the highest values the configuration accepts).
      THROTTLE_SHORT_LIMIT: '1000000',
      THROTTLE_LONG_LIMIT: '10000000',
      THROTTLE_AUTH_LIMIT: '100000',
      THROTTLE_API_KEY_LIMIT: '10000000',
      HARVEST_LIMIT_ANONYMOUS: '10000000',
      HARVEST_LIMIT_SIGNED_IN: '10000000',
      HARVEST_LIMIT_API_KEY: '10000000',
      HARVEST_LIMIT_AUTOMATION: '10000000',
    },
    apiLog,
    async (url) => (await fetch(`${url}/api/health`)).status === 200,
  );
  api.logFile = apiLog;

  step('Signing in a driver, as the demo accounts are made…');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const email = 'bench-driver@example.test';
  await client.query(`INSERT INTO users (email, password_hash, name, role, email_verified_at) VALUES ($1, $2, 'Bench Driver', 'driver', now())`, [
    email,
    await hashPassword(PASSWORD),
  ]);
  await client.end();
  const login = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`Sign-in answered ${login.status}: ${await login.text()}`);
  const { accessToken } = await login.json();
  const auth = { authorization: `Bearer ${accessToken}` };
  const me = await fetch(`${api.url}/api/auth/me`, { headers: auth });
  if (me.status !== 200) throw new Error(`GET /api/auth/me answered ${me.status}: ${await me.text()}`);
  const body = await me.text();
  process.stdout.write(`  GET /api/auth/me answers ${body.length} bytes: ${body}\n`);
  // The headers the full stack answered with, for the must-do baseline (those of the connection
  // and this one response — date, length, request id — are each server's own).
  const ownHeaders = new Set(['date', 'content-length', 'connection', 'keep-alive', 'x-request-id', 'transfer-encoding']);
  const headers = Object.fromEntries([...me.headers].filter(([name]) => !ownHeaders.has(name)));
  process.stdout.write(`  with ${Object.keys(headers).length} headers of its own: ${Object.keys(headers).join(', ')}\n`);

  step('Starting the bare Fastify handler with the same body…');
  const bare = await startServer(
    'bare handler',
    [resolve(ROOT, 'scripts/bench/bare-overhead-server.mjs')],
    { BENCH_BODY: body },
    join(workDir, 'bare.log'),
    async (url) => (await fetch(`${url}/api/auth/me`)).status === 200,
  );
  step('Starting the bare Fastify handler plus what every request must do (request id, the same headers, one async log line)…');
  const mustDoLog = join(workDir, 'bare-must-do.log');
  const mustDo = await startServer(
    'must-do handler',
    [resolve(ROOT, 'scripts/bench/bare-overhead-server.mjs')],
    { BENCH_BODY: body, BENCH_MUST_DO: '1', BENCH_HEADERS: JSON.stringify(headers) },
    mustDoLog,
    async (url) => (await fetch(`${url}/api/auth/me`)).status === 200,
  );
  mustDo.logFile = mustDoLog;

  const runs = [
    ['bare Fastify: GET /api/auth/me', bare, '/api/auth/me', {}],
    ['bare + must-do: GET /api/auth/me', mustDo, '/api/auth/me', {}],
    ...(ONLY.has('me') ? [['full stack: GET /api/auth/me (token)', api, '/api/auth/me', auth]] : []),
    ...(ONLY.has('health') ? [['full stack: GET /api/health', api, '/api/health', {}]] : []),
    ...(ONLY.has('404') ? [['full stack: unknown route (404)', api, '/api/no-such-route', {}]] : []),
  ];
  const measured = {};
  // The measured runs of the API, on the monotonic clock V8 stamps profile samples with.
  const apiWindows = [];
  for (const [name, server, path, headers] of runs) {
    step(`${name}: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s at ${CONNECTIONS} connections…`);
    await load(server, path, headers, WARMUP_SECONDS);
    const from = process.hrtime.bigint() / 1000n;
    measured[name] = await load(server, path, headers, SECONDS);
    if (server === api) apiWindows.push([from, process.hrtime.bigint() / 1000n]);
  }

  console.table(
    Object.fromEntries(
      Object.entries(measured).map(([name, m]) => [
        name,
        {
          'req/s': Math.round(m.requestsPerSecond),
          'server CPU ms/req': round(m.serverCpuMsPerRequest, 3),
          'p50 ms': round(m.p50),
          'p99 ms': round(m.p99),
          'log lines/req': round(m.logLinesPerRequest, 2),
          statuses: JSON.stringify(m.statuses),
          'errors+timeouts': m.errors,
        },
      ]),
    ),
  );
  const full = measured['full stack: GET /api/auth/me (token)'];
  const base = measured['bare Fastify: GET /api/auth/me'];
  if (full)
    process.stdout.write(
      `\nFull stack GET /api/auth/me / bare handler: ${((full.requestsPerSecond / base.requestsPerSecond) * 100).toFixed(1)} % of its req/s (goal ≥ 50 %)\n`,
    );
  if (full)
    process.stdout.write(
      `By CPU per request (unaffected by other load): full stack ${round(full.serverCpuMsPerRequest, 3)} ms, bare ${round(base.serverCpuMsPerRequest, 3)} ms ` +
        `→ ${((base.serverCpuMsPerRequest / full.serverCpuMsPerRequest) * 100).toFixed(1)} % of bare when CPU-bound.\n`,
    );
  const must = measured['bare + must-do: GET /api/auth/me'];
  if (full) {
    const mustCost = must.serverCpuMsPerRequest - base.serverCpuMsPerRequest;
    const rest = full.serverCpuMsPerRequest - must.serverCpuMsPerRequest;
    process.stdout.write(
      `Of the full stack's ${round(full.serverCpuMsPerRequest - base.serverCpuMsPerRequest, 3)} ms over bare, ${round(mustCost, 3)} ms is what every request must do ` +
        `(a request id, ${Object.keys(headers).length} response headers, one log line; that handler alone keeps ${round((must.requestsPerSecond / base.requestsPerSecond) * 100, 1)} % of bare's req/s) ` +
        `and ${round(rest, 3)} ms the framework, guards and telemetry.\n` +
        `Full stack / bare + must-do: ${((full.requestsPerSecond / must.requestsPerSecond) * 100).toFixed(1)} % of its req/s.\n`,
    );
  }
  process.stdout.write(
    `Machine: ${availableParallelism()} CPUs, load generator on the same cores, load average ${loadavg()[0].toFixed(1)} at the end (other work lowers req/s, not CPU ms/req).\n`,
  );

  if (PROFILE) {
    step('Stopping the API to write its CPU profile…');
    await stopChild(api.child);
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`No profile was written in ${profileDir}.`);
    const kept = join(ROOT, '.data', `bench-overhead-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    run('mkdir', ['-p', join(ROOT, '.data')]);
    run('cp', [join(profileDir, file), kept]);
    const measuredOnly = join(workDir, 'measured.cpuprofile');
    const samples = keepSamplesWithin(kept, measuredOnly, apiWindows);
    process.stdout.write(`  Profile (whole API process, start-up included): ${kept}\n`);
    process.stdout.write(`  Top 10 self-time functions during the measured runs (${samples} samples; start-up and warm-ups left out):\n`);
    console.table(summarizeProfile(measuredOnly, 10));
    process.stdout.write(`  ${WALL_CLOCK_CAVEAT}\n`);
  }
} catch (error) {
  process.stderr.write(`\n✖ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
  rmSync(workDir, { recursive: true, force: true });
}
