// `npm run bench:telemetry`: what the per-request metrics cost. Two API processes on one
// throwaway embedded PostgreSQL, identical but for REQUEST_METRICS (true / false), take turns
// under the same autocannon load on a trivial route (GET /api/health: one `SELECT 1`). Each round
// runs both back to back (alternating which goes first), so drift of a shared machine falls on
// both alike, and the figures compared are per-round ratios: req/s, and the API process's own CPU
// time per request (from /proc, Linux), which other processes' load disturbs far less than req/s.
// Prints each round, the medians and the ratios. The bar: under 5 % difference.
// Settings (env): BENCH_PATH (/api/health), BENCH_CONNECTIONS (50), BENCH_SECONDS (5 per run),
// BENCH_ROUNDS (6), BENCH_WARMUP_SECONDS (3); BENCH_AA=1 runs metrics off on both sides, which
// shows the machine's own noise floor (on a busy shared machine it can exceed the 5 % bar).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_DIST, ROOT, run, step } from './lib.mjs';

const PATH = process.env.BENCH_PATH ?? '/api/health';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
// Linux's USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 10 ms.
const TICK_MS = 10;
const AA = process.env.BENCH_AA === '1';
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);

step('Building shared contract and API…');
run('npm', ['run', 'build', '-w', 'shared']);
run('npm', ['run', 'build', '-w', 'api']);

const autocannon = createRequire(resolve(ROOT, 'api/package.json'))('autocannon');
const { startEmbeddedPostgres } = await import(pathToFileURL(resolve(API_DIST, 'database/embedded-postgres.js')).href);

const children = [];
let database;
const root = mkdtempSync(join(tmpdir(), 'aiparksit-bench-telemetry-'));
chmodSync(root, 0o755); // PostgreSQL runs as another OS user when we are root
async function cleanUp() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
  await database?.stop().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

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
  step('Starting a throwaway PostgreSQL and two API processes (REQUEST_METRICS=true, =false)…');
  database = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: await freePort() });
  const common = { DATABASE_URL: database.url };
  // One after the other: the second finds the schema migrated.
  const on = await startApi('API with metrics', { ...common, REQUEST_METRICS: AA ? 'false' : 'true' });
  const off = await startApi('API without metrics', { ...common, REQUEST_METRICS: 'false' });
  const sides = [
    { name: AA ? 'metrics off (A/A)' : 'metrics on', server: on, runs: [] },
    { name: 'metrics off', server: off, runs: [] },
  ];

  step(`Warming up both (${WARMUP_SECONDS} s each)…`);
  for (const side of sides) await load(side.server, WARMUP_SECONDS);

  for (let round = 1; round <= ROUNDS; round++) {
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
  process.stdout.write(
    `\nreq/s with metrics ÷ without, median of the ${ROUNDS} rounds: ${throughput.toFixed(3)} (${((1 - throughput) * 100).toFixed(1)} % fewer with metrics on; negative: more).\n`,
  );
  if (withMetrics.runs[0].cpuUsPerRequest !== null) {
    const cpu = pairwise('cpuUsPerRequest');
    process.stdout.write(
      `API CPU per request with metrics ÷ without, median of the rounds: ${cpu.toFixed(3)} (${((cpu - 1) * 100).toFixed(1)} % more CPU with metrics on).\n`,
    );
  }
  process.stdout.write('Bar: under 5 %.\n');
} finally {
  await cleanUp();
}
