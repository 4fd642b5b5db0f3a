// `npm run bench:telemetry`: what the per-request metrics cost. Two API processes on one
// throwaway embedded PostgreSQL, identical but for REQUEST_METRICS (true / false), take turns
// under the same autocannon load on a trivial route (GET /api/health: one `SELECT 1`). Each round
// runs both back to back (alternating which goes first), so drift of a shared machine falls on
// both alike, and the figures compared are per-round ratios: req/s, and the API process's own CPU
// time per request (from /proc, Linux), which other processes' load disturbs less than req/s.
// Both processes are restarted BENCH_RESTARTS times, started in alternating order: two identical
// processes can differ by 10–30 % for reasons of their own (seen with BENCH_AA=1, both sides off),
// and only new pairs average that out. Last, the hook's own work is timed in this process (the
// built RequestTelemetry, 500,000 calls), which no other load on the machine disturbs much.
// Settings (env): BENCH_PATH (/api/health), BENCH_CONNECTIONS (50), BENCH_SECONDS (4 per run),
// BENCH_RESTARTS (4), BENCH_ROUNDS_PER_START (2), BENCH_WARMUP_SECONDS (2); BENCH_AA=1 runs
// metrics off on both sides, which shows the machine's own noise floor.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_DIST, ROOT, run, step } from './lib.mjs';
import { freePort } from './bench/measure.mjs';

const PATH = process.env.BENCH_PATH ?? '/api/health';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 4);
const ROUNDS_PER_START = Number(process.env.BENCH_ROUNDS_PER_START ?? 2);
const ROUNDS = RESTARTS * ROUNDS_PER_START;
// Linux's USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 10 ms.
const TICK_MS = 10;
const AA = process.env.BENCH_AA === '1';
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);

step('Building shared contract and API…');
run('npm', ['run', 'build', '-w', 'shared']);
run('npm', ['run', 'build', '-w', 'api']);

const autocannon = createRequire(resolve(ROOT, 'api/package.json'))('autocannon');
const { startEmbeddedPostgres } = await import(pathToFileURL(resolve(API_DIST, 'database/embedded-postgres.js')).href);

const children = [];
let database;
const root = mkdtempSync(join(tmpdir(), 'aiparksit-bench-telemetry-'));
chmodSync(root, 0o755); // PostgreSQL runs as another OS user when we are root
async function stopAll() {
  const running = children.splice(0).filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map((child) => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      return exited;
    }),
  );
}
async function cleanUp() {
  await stopAll();
  await database?.stop().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

/** CPU time (user + system) the process has used, in ms; null where /proc is not available. */
function cpuMs(pid) {
  if (!existsSync(`/proc/${pid}/stat`)) return null;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function startApi(name, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(API_DIST, 'main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      // Production requires it (links in emails); nothing here sends any.
      PUBLIC_URL: 'https://bench.invalid',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SERVE_WEB: 'false',
      LOAD_DEMO_DATA: 'false',
      JWT_ACCESS_SECRET: 'benchmark-only-secret-0123456789-abcdefghijklmnop',
      ...env,
      PORT: String(port),
    },
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
    if ((await fetch(`${url}${PATH}`).catch(() => undefined))?.status === 200) return { url, pid: child.pid };
    if (Date.now() > deadline) throw new Error(`${name} did not start within 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function load({ url, pid }, seconds) {
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({ url: `${url}${PATH}`, connections: CONNECTIONS, duration: seconds });
  const cpu = cpuBefore === null ? null : cpuMs(pid) - cpuBefore;
  return {
    requestsPerSecond: result.requests.total / seconds,
    cpuUsPerRequest: cpu === null ? null : (cpu * 1000) / result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

try {
  step('Starting a throwaway PostgreSQL and migrating it…');
  database = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: await freePort() });
  const common = { DATABASE_URL: database.url };
  run(process.execPath, [resolve(API_DIST, 'cli/migrate.js')], { env: { ...process.env, ...common } });

  const sides = [
    { name: AA ? 'metrics off (A/A)' : 'metrics on', requestMetrics: AA ? 'false' : 'true', runs: [] },
    { name: 'metrics off', requestMetrics: 'false', runs: [] },
  ];
  for (let start = 0; start < RESTARTS; start++) {
    const startOrder = start % 2 ? [1, 0] : [0, 1];
    step(`Start ${start + 1}/${RESTARTS} of both API processes, ${startOrder.map((i) => sides[i].name).join(' first, then ')}…`);
    const started = await Promise.all(startOrder.map((i) => startApi(sides[i].name, { ...common, REQUEST_METRICS: sides[i].requestMetrics })));
    startOrder.forEach((i, k) => (sides[i].server = started[k]));

    step(`Warming up both (${WARMUP_SECONDS} s each)…`);
    for (const side of sides) await load(side.server, WARMUP_SECONDS);

    for (let round = start * ROUNDS_PER_START + 1; round <= (start + 1) * ROUNDS_PER_START; round++) {
      // Alternate which side goes first, so neither always follows the other.
      const order = round % 2 ? sides : [...sides].reverse();
      for (const side of order) {
        step(`Round ${round}/${ROUNDS}: ${side.name}, GET ${PATH}, ${CONNECTIONS} connections, ${SECONDS} s`);
        const result = await load(side.server, SECONDS);
        if (result.non2xx || result.errors) throw new Error(`${side.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        side.runs.push(result);
        const cpu = result.cpuUsPerRequest === null ? '' : `, ${Math.round(result.cpuUsPerRequest)} µs CPU per request`;
        process.stdout.write(`  ${Math.round(result.requestsPerSecond).toLocaleString('en')} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${cpu}\n`);
      }
    }
    await stopAll();
  }

  const table = sides.map((side) => ({
    side: side.name,
    'req/s (median)': Math.round(median(side.runs.map((r) => r.requestsPerSecond))),
    'req/s (rounds)': side.runs.map((r) => Math.round(r.requestsPerSecond)).join(' / '),
    'CPU µs/request (median)': side.runs[0].cpuUsPerRequest === null ? 'n/a' : Math.round(median(side.runs.map((r) => r.cpuUsPerRequest))),
    'p50 ms (median)': median(side.runs.map((r) => r.p50)),
    'p99 ms (median)': median(side.runs.map((r) => r.p99)),
  }));
  console.table(table);
  const [withMetrics, without] = sides;
  const pairwise = (figure) => median(withMetrics.runs.map((r, i) => r[figure] / without.runs[i][figure]));
  const throughput = pairwise('requestsPerSecond');
  const signed = (ratio) => `${ratio >= 1 ? '+' : '−'}${(Math.abs(ratio - 1) * 100).toFixed(1)} %`;
  process.stdout.write(`\nreq/s, ${withMetrics.name} ÷ metrics off, median of the ${ROUNDS} rounds: ${throughput.toFixed(3)} (${signed(throughput)})\n`);
  if (withMetrics.runs[0].cpuUsPerRequest !== null) {
    const cpu = pairwise('cpuUsPerRequest');
    process.stdout.write(`API CPU per request, ${withMetrics.name} ÷ metrics off, median of the rounds: ${cpu.toFixed(3)} (${signed(cpu)})\n`);
  }

  step('The hook alone, in this process: RequestTelemetry.observe on a GET /api/health answer, 500,000 times');
  await import('reflect-metadata');
  const { RequestTelemetry } = await import(pathToFileURL(resolve(API_DIST, 'telemetry/request-telemetry.js')).href);
  const { TelemetryRegistry } = await import(pathToFileURL(resolve(API_DIST, 'telemetry/counters/index.js')).href);
  const telemetry = new RequestTelemetry(new TelemetryRegistry(), { values: { requestMetrics: true } });
  // As Fastify hands it: the route's pattern and its config object, the same one on every request.
  const request = { method: 'GET', routeOptions: { url: PATH, config: { url: PATH, method: 'GET' } } };
  const reply = { statusCode: 200, elapsedTime: 3.2 };
  const perCall = [];
  for (let pass = 0; pass < 5; pass++) {
    const before = process.cpuUsage();
    for (let i = 0; i < 500_000; i++) telemetry.observe(request, reply);
    const used = process.cpuUsage(before);
    perCall.push((used.user + used.system) / 500_000);
  }
  const hookUs = median(perCall);
  const requestUs = median(without.runs.map((r) => r.cpuUsPerRequest ?? NaN));
  process.stdout.write(
    `  ${hookUs.toFixed(2)} µs CPU per request${Number.isNaN(requestUs) ? '' : `, ${((hookUs / requestUs) * 100).toFixed(2)} % of the ${Math.round(requestUs)} µs a request costs the API without metrics`} (Fastify's own hook dispatch not included)\n`,
  );
  process.stdout.write('Bar: under 5 %.\n');
} finally {
  await cleanUp();
}
