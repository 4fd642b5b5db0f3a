// `npm run bench:bookings`: booking allocation under contention, through the full API stack, on a
// PostgreSQL of its own (temporary directory). Part 1: CLIENTS concurrent clients book one facility
// with SPACES spaces of one type for the same window → exactly SPACES holds, the rest 409, no
// overlapping rows (checked in SQL). Part 2: a sustained run over many facilities with random
// windows: bookings/s and p50/p99 latency. Numbers vary by machine.
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { API_DIST, ROOT, run, step } from './lib.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SPACES = Number(process.env.BENCH_SPACES ?? 20);
const FACILITIES = Number(process.env.BENCH_FACILITIES ?? 100);
const SPACES_PER_FACILITY = Number(process.env.BENCH_SPACES_PER_FACILITY ?? 10);
const SUSTAINED_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const DRIVERS = 20;
const HOUR = 3_600_000;

step('Building shared contract and API…');
run('npm', ['run', 'build', '-w', 'shared']);
run('npm', ['run', 'build', '-w', 'api']);

const { startApiServer, startTestPostgres } = await import(pathToFileURL(resolve(ROOT, 'api/test/support/system.mjs')).href);
const { hashPassword } = await import(pathToFileURL(resolve(API_DIST, 'access/password-hasher.js')).href);

step('Starting a PostgreSQL of its own and the API on it…');
const root = mkdtempSync(join(tmpdir(), 'aiparksit-bench-bookings-'));
chmodSync(root, 0o755);
const postgres = await startTestPostgres(root);
const api = await startApiServer({ DATABASE_URL: postgres.url, LOG_LEVEL: 'error', DB_POOL_SIZE: process.env.BENCH_DB_POOL ?? '20' });
const pool = new pg.Pool({ connectionString: postgres.url, max: 4 });

try {
  step(`Creating ${DRIVERS} drivers, one contested facility (${SPACES} spaces) and ${FACILITIES} facilities × ${SPACES_PER_FACILITY} spaces…`);
  const hash = await hashPassword('bench-password-123');
  const owner = (
    await pool.query(
      `INSERT INTO users (email, password_hash, name, role, email_verified_at) VALUES ('bench-operator@example.test', $1, 'Bench operator', 'operator', now()) RETURNING id`,
      [hash],
    )
  ).rows[0].id;
  const operator = (
    await pool.query(`INSERT INTO operators (owner_id, legal_name, display_name, status) VALUES ($1, 'Bench Ltd', 'Bench', 'approved') RETURNING id`, [owner])
  ).rows[0].id;
  const makeFacility = async (slug, spaces) => {
    const id = (
      await pool.query(
        `INSERT INTO facilities (operator_id, name, slug, address_line, city, country_code, latitude, longitude, time_zone, currency, published)
         VALUES ($1, $2, $2, '1 Bench Road', 'Benchville', 'DE', 52.5, 13.4, 'Europe/Berlin', 'EUR', true) RETURNING id`,
        [operator, slug],
      )
    ).rows[0].id;
    await pool.query(`INSERT INTO spaces (facility_id, label, space_type) SELECT $1, 'S-' || n, 'standard' FROM generate_series(1, $2::int) n`, [id, spaces]);
    await pool.query(`INSERT INTO rates (facility_id, space_type, hourly_cents, daily_max_cents) VALUES ($1, 'standard', 300, 2400)`, [id]);
    return id;
  };
  const contested = await makeFacility('bench-contested', SPACES);
  const facilities = [];
  for (let i = 0; i < FACILITIES; i++) facilities.push(await makeFacility(`bench-${i}`, SPACES_PER_FACILITY));
  const tokens = [];
  for (let i = 0; i < DRIVERS; i++) {
    const email = `bench-driver-${i}@example.test`;
    await pool.query(`INSERT INTO users (email, password_hash, name, role, email_verified_at) VALUES ($1, $2, 'Bench driver', 'driver', now())`, [email, hash]);
    const res = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench-password-123' }),
    });
    tokens.push((await res.json()).accessToken);
  }

  const book = async (i, body) => {
    const started = performance.now();
    const res = await fetch(`${api.url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % DRIVERS]}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  };
  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

  step(`Part 1: ${CLIENTS} concurrent clients book the same window on ${SPACES} spaces…`);
  const start = new Date(Date.now() + 2 * 24 * HOUR);
  start.setUTCHours(9, 0, 0, 0);
  const window = { start: start.toISOString(), end: new Date(start.getTime() + 3 * HOUR).toISOString() };
  const t0 = performance.now();
  const contestedResults = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) => book(i, { facilityId: contested, ...window, spaceType: 'standard', vehiclePlate: `B ${i}` })),
  );
  const contestedSeconds = (performance.now() - t0) / 1000;
  const count = (status) => contestedResults.filter((r) => r.status === status).length;
  const overlaps = (
    await pool.query(
      `SELECT count(*)::int AS n FROM bookings a JOIN bookings b ON a.space_id = b.space_id AND a.id < b.id AND a.occupied_period && b.occupied_period
        WHERE a.status IN ('pending_payment','confirmed') AND b.status IN ('pending_payment','confirmed')`,
    )
  ).rows[0].n;
  const holds = (await pool.query(`SELECT count(*)::int AS n FROM bookings WHERE facility_id = $1`, [contested])).rows[0].n;
  const others = contestedResults.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.status);
  const contestedTimes = contestedResults.map((r) => r.ms).sort((a, b) => a - b);
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
      'p50 ms': percentile(contestedTimes, 50).toFixed(1),
      'p99 ms': percentile(contestedTimes, 99).toFixed(1),
      verdict: count(201) === SPACES && count(409) === CLIENTS - SPACES && overlaps === 0 ? 'OK' : 'WRONG',
    },
  ]);

  step(`Part 2: sustained, ${SUSTAINED_REQUESTS} bookings over ${FACILITIES} facilities with random windows, ${CONCURRENCY} at a time…`);
  const times = [];
  let created = 0;
  let full = 0;
  let failed = 0;
  let next = 0;
  const randomBody = () => {
    const day = 1 + Math.floor(Math.random() * 28);
    const s = new Date(Date.now() + day * 24 * HOUR);
    s.setUTCHours(Math.floor(Math.random() * 20), 15 * Math.floor(Math.random() * 4), 0, 0);
    const hours = 1 + Math.floor(Math.random() * 6);
    return {
      facilityId: facilities[Math.floor(Math.random() * facilities.length)],
      start: s.toISOString(),
      end: new Date(s.getTime() + hours * HOUR).toISOString(),
      spaceType: 'standard',
      vehiclePlate: 'SUST 1',
    };
  };
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < SUSTAINED_REQUESTS) {
        const i = next++;
        const r = await book(i, randomBody());
        times.push(r.ms);
        if (r.status === 201) created++;
        else if (r.status === 409) full++;
        else failed++;
        if ((i + 1) % 1000 === 0) process.stdout.write(`  ${i + 1}/${SUSTAINED_REQUESTS}\n`);
      }
    }),
  );
  const seconds = (performance.now() - t1) / 1000;
  times.sort((a, b) => a - b);
  const overlapsAfter = (
    await pool.query(
      `SELECT count(*)::int AS n FROM bookings a JOIN bookings b ON a.space_id = b.space_id AND a.id < b.id AND a.occupied_period && b.occupied_period
        WHERE a.status IN ('pending_payment','confirmed') AND b.status IN ('pending_payment','confirmed')`,
    )
  ).rows[0].n;
  console.table([
    {
      requests: SUSTAINED_REQUESTS,
      concurrency: CONCURRENCY,
      '201 holds': created,
      '409 no space': full,
      other: failed,
      'requests/s': Math.round(SUSTAINED_REQUESTS / seconds),
      'bookings/s': Math.round(created / seconds),
      'p50 ms': percentile(times, 50).toFixed(1),
      'p99 ms': percentile(times, 99).toFixed(1),
      'overlapping rows': overlapsAfter,
    },
  ]);
} finally {
  await pool.end();
  await api.stop();
  await postgres.stop();
  rmSync(root, { recursive: true, force: true });
}
