// `npm run bench:bookings`: booking (hold, then payment) through the full API stack on the `large`
// data set, the API a separate process at the production log level (info).
// Part 1: CLIENTS concurrent clients hold one new facility with SPACES spaces of one type for the
// same window → exactly SPACES holds, the rest 409, no overlapping rows (checked in SQL).
// Part 2: sustained, CONCURRENCY clients in a closed loop each hold a random window at one of the
// data set's round-the-clock car parks and pay it: holds+payments/s, p50/p99 of the hold, of the
// payment and of the two together, and CPU ms per booking of the API and of PostgreSQL (/proc).
// `--cpu-prof` profiles the API and prints its top 10 self-time functions.
//
// The data set lives in its own embedded PostgreSQL (never `npm start`'s). Make it once (~10 min):
//   EMBEDDED_PG_DIR=.data/bench-large npm run seed -- --scale large
// Each run adds its bookings, one facility and (the first time) 20 drivers to that database.
// Settings (env): BENCH_PG_DIR (default .data/bench-large), BENCH_SECONDS (20, the sustained run),
// BENCH_WARMUP_SECONDS (5), BENCH_CONCURRENCY (50), BENCH_CLIENTS (200), BENCH_SPACES (20),
// BENCH_FACILITIES (1000 car parks booked), BENCH_POOL_SIZE (20).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_DIST, ROOT, run, step } from './lib.mjs';
import { summarizeProfile, WALL_CLOCK_CAVEAT } from './bench/profile-summary.mjs';
import { cpuMsOfAll, freePort, percentile, postgresPids as postgresPidsOf, round } from './bench/measure.mjs';

const PG_DIR = (() => {
  const dir = process.env.BENCH_PG_DIR ?? '.data/bench-large';
  return isAbsolute(dir) ? dir : resolve(ROOT, dir);
})();
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SPACES = Number(process.env.BENCH_SPACES ?? 20);
const FACILITIES = Number(process.env.BENCH_FACILITIES ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 20);
const CPU_PROFILE = process.argv.includes('--cpu-prof');
const DRIVERS = 20;
const HOUR = 3_600_000;
const PASSWORD = 'bench-password-123';
const CARD = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };

if (!existsSync(resolve(PG_DIR, 'PG_VERSION'))) {
  process.stderr.write(`No benchmark database in ${PG_DIR}. Make it once (about 10 minutes):\n  EMBEDDED_PG_DIR=${PG_DIR} npm run seed -- --scale large\n`);
  process.exit(2);
}

step('Building shared contract and API…');
run('npm', ['run', 'build', '-w', 'shared']);
run('npm', ['run', 'build', '-w', 'api']);

const requireApi = createRequire(resolve(ROOT, 'api/package.json'));
const pg = requireApi('pg');
const { startEmbeddedPostgres } = await import(pathToFileURL(resolve(API_DIST, 'database/embedded-postgres.js')).href);
const { hashPassword } = await import(pathToFileURL(resolve(API_DIST, 'access/password-hasher.js')).href);
const { catchUpLifecycle, describeCatchUp } = await import('./bench/catch-up.mjs');

/** CPU ms per PostgreSQL process kind (client backends, autovacuum, WAL writer, …), from its title. */
function postgresCpuByKind(pids) {
  const byKind = {};
  for (const pid of pids) {
    let kind = 'postmaster';
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const match = /^postgres: (.*)$/.exec(title);
      if (match) kind = /\d+\.\d+\.\d+\.\d+|\[local\]/.test(match[1]) ? 'client backends' : match[1].split(/\s+/).slice(0, 2).join(' ');
    } catch {
      continue;
    }
    byKind[kind] = (byKind[kind] ?? 0) + cpuMsOfAll([pid]);
  }
  return byKind;
}
const sorted = (values) => [...values].sort((a, b) => a - b);

const postgresPids = () => postgresPidsOf(PG_DIR);

let database;
let api;
let pool;
const profileDir = CPU_PROFILE ? mkdtempSync(join(tmpdir(), 'aiparksit-bench-bookings-prof-')) : undefined;

/** The built API as its own process, as in production; its log (info) is read and dropped but for the tail. */
async function startApi(databaseUrl) {
  const port = await freePort();
  const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...nodeArgs, resolve(API_DIST, 'main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DB_POOL_SIZE: String(POOL_SIZE),
      LOG_LEVEL: 'info',
      // Production requires it (links in the confirmation emails, which land in the local mailbox).
      PUBLIC_URL: 'https://bench.invalid',
      SERVE_WEB: 'false',
      JWT_ACCESS_SECRET: 'benchmark-only-secret-0123456789-abcdefghijklmnop',
      // Twenty drivers making thousands of bookings a minute: limits out of reach, guards still run.
      THROTTLE_SHORT_LIMIT: '1000000',
      THROTTLE_LONG_LIMIT: '10000000',
      THROTTLE_AUTH_LIMIT: '100000',
      HARVEST_LIMIT_SIGNED_IN: '10000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk) => (tail = (tail + chunk).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited during start-up:\n${tail}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`The API did not start within 180 s:\n${tail}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid,
    tail: () => tail,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

async function cleanUp() {
  await pool?.end().catch(() => undefined);
  await api?.stop();
  await database?.stop().catch(() => undefined);
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

/** Bookings of the run that overlap a live booking of the same space: must be none. */
async function overlapsSince(since) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM bookings a JOIN bookings b ON b.space_id = a.space_id AND b.id <> a.id AND b.occupied_period && a.occupied_period
      WHERE a.created_at >= $1 AND a.status IN ('pending_payment', 'confirmed') AND b.status IN ('pending_payment', 'confirmed')`,
    [since],
  );
  return rows[0].n;
}

try {
  step(`Starting the benchmark PostgreSQL (${PG_DIR})…`);
  database = await startEmbeddedPostgres({ dataDir: PG_DIR, port: await freePort() });
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  pool.on('error', () => undefined);
  const counts = (
    await pool
      .query(`SELECT (SELECT count(*) FROM facilities)::int AS facilities, (SELECT count(*) FROM bookings)::int AS bookings`)
      .catch(() => ({ rows: [{ facilities: 0, bookings: 0 }] }))
  ).rows[0];
  if (!counts.facilities) throw new Error(`The database in ${PG_DIR} has no facilities: seed it with --scale large first.`);
  process.stdout.write(`  ${counts.facilities.toLocaleString('en')} facilities, ${counts.bookings.toLocaleString('en')} bookings\n`);

  step(`Starting the API at LOG_LEVEL=info${CPU_PROFILE ? ', profiled (--cpu-prof)' : ''} (migrations applied at start-up)…`);
  api = await startApi(database.url);
  process.stdout.write(`${describeCatchUp(await catchUpLifecycle(database.url))}\n`);

  const runId = randomUUID().slice(0, 8);
  step(`Signing in ${DRIVERS} drivers and opening a contested car park of ${SPACES} spaces…`);
  const hash = await hashPassword(PASSWORD);
  const owner = (
    await pool.query(
      `INSERT INTO users (email, password_hash, name, role, email_verified_at) VALUES ('bench-operator@example.test', $1, 'Bench operator', 'operator', now())
       ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
      [hash],
    )
  ).rows[0].id;
  const operator =
    (await pool.query(`SELECT id FROM operators WHERE owner_id = $1`, [owner])).rows[0]?.id ??
    (await pool.query(`INSERT INTO operators (owner_id, legal_name, display_name, status) VALUES ($1, 'Bench Ltd', 'Bench', 'approved') RETURNING id`, [owner]))
      .rows[0].id;
  const contested = (
    await pool.query(
      `INSERT INTO facilities (operator_id, name, slug, address_line, city, country_code, latitude, longitude, time_zone, currency, published)
       VALUES ($1, $2, $2, '1 Bench Road', 'Benchville', 'DE', 52.5, 13.4, 'Europe/Berlin', 'EUR', true) RETURNING id`,
      [operator, `bench-contested-${runId}`],
    )
  ).rows[0].id;
  await pool.query(`INSERT INTO spaces (facility_id, label, space_type) SELECT $1, 'S-' || n, 'standard' FROM generate_series(1, $2::int) n`, [
    contested,
    SPACES,
  ]);
  await pool.query(`INSERT INTO rates (facility_id, space_type, hourly_cents, daily_max_cents) VALUES ($1, 'standard', 300, 2400)`, [contested]);
  const tokens = [];
  for (let i = 0; i < DRIVERS; i++) {
    const email = `bench-driver-${i}@example.test`;
    await pool.query(
      `INSERT INTO users (email, password_hash, name, role, email_verified_at) VALUES ($1, $2, 'Bench driver', 'driver', now())
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash`,
      [email, hash],
    );
    const res = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`Signing in ${email} answered ${res.status}: ${await res.text()}`);
    tokens.push((await res.json()).accessToken);
  }
  // Car parks open round the clock (no opening hours), so that any window of a few hours is bookable.
  const facilities = (
    await pool.query(
      `SELECT f.id FROM facilities f JOIN rates r ON r.facility_id = f.id AND r.space_type = 'standard'
        WHERE f.published AND NOT f.is_canary AND f.opening_hours IS NULL AND f.min_duration_minutes <= 60 AND f.max_duration_minutes >= 360
          AND f.slug NOT LIKE 'bench-contested-%'
        ORDER BY md5(f.id::text) LIMIT $1`,
      [FACILITIES],
    )
  ).rows.map((r) => r.id);
  if (!facilities.length) throw new Error('No round-the-clock car park with a standard rate in the data set.');

  const post = async (path, token, body) => {
    const started = performance.now();
    const res = await fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });
    const answer = await res.json().catch(() => undefined);
    return { status: res.status, ms: performance.now() - started, answer };
  };

  step(`Part 1: ${CLIENTS} concurrent clients hold the same window on ${SPACES} spaces…`);
  const start = new Date(Date.now() + 2 * 24 * HOUR);
  start.setUTCHours(9, 0, 0, 0);
  const window = { start: start.toISOString(), end: new Date(start.getTime() + 3 * HOUR).toISOString() };
  const partOneStart = new Date();
  const t0 = performance.now();
  const contestedResults = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) =>
      post('/api/bookings', tokens[i % DRIVERS], { facilityId: contested, ...window, spaceType: 'standard', vehiclePlate: `B ${i}` }),
    ),
  );
  const contestedSeconds = (performance.now() - t0) / 1000;
  const count = (status) => contestedResults.filter((r) => r.status === status).length;
  const overlaps = await overlapsSince(partOneStart);
  const holds = (await pool.query(`SELECT count(*)::int AS n FROM bookings WHERE facility_id = $1`, [contested])).rows[0].n;
  const others = contestedResults.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.status);
  const contestedTimes = sorted(contestedResults.map((r) => r.ms));
  console.table([
    {
      clients: CLIENTS,
      spaces: SPACES,
      '201 holds': count(201),
      '409 no space': count(409),
      'other statuses': others.length ? others.join(',') : 'none',
      'rows in SQL': holds,
      'overlapping rows': overlaps,
      'requests/s': Math.round(CLIENTS / contestedSeconds),
      'p50 ms': round(percentile(contestedTimes, 50)),
      'p99 ms': round(percentile(contestedTimes, 99)),
      verdict: count(201) === SPACES && count(409) === CLIENTS - SPACES && holds === SPACES && overlaps === 0 ? 'OK' : 'WRONG',
    },
  ]);

  const randomWindow = () => {
    const day = 1 + Math.floor(Math.random() * 28);
    const s = new Date(Date.now() + day * 24 * HOUR);
    s.setUTCHours(Math.floor(Math.random() * 24), 15 * Math.floor(Math.random() * 4), 0, 0);
    const hours = 1 + Math.floor(Math.random() * 6);
    return {
      facilityId: facilities[Math.floor(Math.random() * facilities.length)],
      start: s.toISOString(),
      end: new Date(s.getTime() + hours * HOUR).toISOString(),
      spaceType: 'standard',
      vehiclePlate: 'SUST 1',
    };
  };

  /** CONCURRENCY clients, each holding and paying one booking after another, for `seconds`. */
  const sustained = async (seconds) => {
    const result = { holdMs: [], payMs: [], bookingMs: [], paid: 0, full: 0, statuses: {} };
    const note = (kind, status) => (result.statuses[`${kind} ${status}`] = (result.statuses[`${kind} ${status}`] ?? 0) + 1);
    const until = performance.now() + seconds * 1000;
    let n = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until) {
          const token = tokens[n++ % DRIVERS];
          const hold = await post('/api/bookings', token, randomWindow());
          result.holdMs.push(hold.ms);
          note('hold', hold.status);
          if (hold.status === 409) result.full++;
          if (hold.status !== 201) continue;
          const payment = await post('/api/payments', token, { bookingId: hold.answer.id, card: CARD });
          result.payMs.push(payment.ms);
          note('payment', payment.status);
          if (payment.status !== 201) continue;
          result.paid++;
          result.bookingMs.push(hold.ms + payment.ms);
        }
      }),
    );
    return result;
  };

  step(`Part 2: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s of ${CONCURRENCY} clients holding and paying bookings at ${facilities.length} car parks…`);
  await sustained(WARMUP_SECONDS);
  const partTwoStart = new Date();
  const pgPids = postgresPids();
  const cpuBefore = { server: cpuMsOfAll([api.pid]), postgres: cpuMsOfAll(pgPids), postgresByKind: postgresCpuByKind(pgPids) };
  const t1 = performance.now();
  const measured = await sustained(SECONDS);
  const elapsed = (performance.now() - t1) / 1000;
  const serverCpu = cpuMsOfAll([api.pid]) - cpuBefore.server;
  const pgPidsAfter = postgresPids();
  const postgresCpu = cpuMsOfAll(pgPidsAfter) - cpuBefore.postgres;
  const postgresByKind = Object.entries(postgresCpuByKind(pgPidsAfter))
    .map(([kind, ms]) => [kind, round((ms - (cpuBefore.postgresByKind[kind] ?? 0)) / measured.paid, 2)])
    .filter(([, ms]) => ms > 0)
    .map(([kind, ms]) => `${kind} ${ms}`)
    .join(', ');
  // The confirmation emails are sent by the outbox worker after the commit, at its own pace: the
  // CPU a booking costs includes its email, so it is read again once the run's emails have gone.
  const pendingEmails = async () =>
    (
      await pool.query(`SELECT count(*)::int AS n FROM outbox WHERE created_at >= $1 AND kind = 'email.booking_confirmation' AND status = 'pending'`, [
        partTwoStart,
      ])
    ).rows[0].n;
  const drainDeadline = performance.now() + 180_000;
  while ((await pendingEmails()) > 0 && performance.now() < drainDeadline) await new Promise((r) => setTimeout(r, 250));
  const serverCpuWithEmails = cpuMsOfAll([api.pid]) - cpuBefore.server;
  const postgresCpuWithEmails = cpuMsOfAll(postgresPids()) - cpuBefore.postgres;
  const overlapsAfter = await overlapsSince(partTwoStart);
  const outbox = (
    await pool.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'failed')::int AS failed
         FROM outbox WHERE created_at >= $1 AND kind = 'email.booking_confirmation'`,
      [partTwoStart],
    )
  ).rows[0];
  const holdMs = sorted(measured.holdMs);
  const payMs = sorted(measured.payMs);
  const bookingMs = sorted(measured.bookingMs);
  console.table([
    {
      seconds: round(elapsed),
      clients: CONCURRENCY,
      'holds+payments/s': round(measured.paid / elapsed),
      'hold p50 ms': round(percentile(holdMs, 50)),
      'hold p99 ms': round(percentile(holdMs, 99)),
      'payment p50 ms': round(percentile(payMs, 50)),
      'payment p99 ms': round(percentile(payMs, 99)),
      'booking p50 ms': round(percentile(bookingMs, 50)),
      'booking p99 ms': round(percentile(bookingMs, 99)),
      'server CPU ms/booking': round(serverCpu / measured.paid, 2),
      'PostgreSQL CPU ms/booking': round(postgresCpu / measured.paid, 2),
    },
  ]);
  process.stdout.write(
    `  answers: ${JSON.stringify(measured.statuses)}; ${measured.full} holds found no space (409, counted in the CPU per booking)\n` +
      `  PostgreSQL CPU ms/booking by process: ${postgresByKind}\n` +
      `  with its confirmation email (rendered and stored by the outbox worker after the run, as it catches up): ` +
      `server ${round(serverCpuWithEmails / measured.paid, 2)} ms, PostgreSQL ${round(postgresCpuWithEmails / measured.paid, 2)} ms per booking\n` +
      `  overlapping live bookings: ${overlapsAfter}; confirmation emails of the run unsent: ${outbox.pending}, failed: ${outbox.failed}\n`,
  );
  if (overlapsAfter !== 0 || Object.keys(measured.statuses).some((k) => !/ (201|409)$/.test(k))) {
    process.stdout.write('  WRONG: overlapping bookings or unexpected answers (see above)\n');
    process.exitCode = 1;
  }
  process.stdout.write(
    `Machine: ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(1)} at the end (other work on the machine lowers bookings/s and raises latency).\n`,
  );

  if (profileDir) {
    await api.stop();
    api = undefined;
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`The API wrote no CPU profile to ${profileDir}`);
    step(`API profile, top 10 self-time functions (the whole run: start-up, sign-ins, part 1, warm-up, part 2): ${join(profileDir, file)}`);
    console.table(summarizeProfile(join(profileDir, file), 10));
    process.stdout.write(`  ${WALL_CLOCK_CAVEAT}\n`);
  }
} catch (error) {
  process.stderr.write(`\n✖ ${error instanceof Error ? error.message : String(error)}\n${api ? api.tail().slice(-3000) : ''}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
  if (profileDir && process.exitCode) rmSync(profileDir, { recursive: true, force: true });
}
