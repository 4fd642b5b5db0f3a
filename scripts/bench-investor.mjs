// `npm run bench:investor`: how fast the investor metrics routes answer from the metrics rollups
// on the `large` data set, next to naive queries computing the same figures over the raw rows
// (bookings, ledger lines, payments, users), in the same run; then the PDF reports bench
// (scripts/bench/investor-reports.mjs).
//
// Data: DATABASE_URL when set; otherwise an embedded PostgreSQL in BENCH_PG_DIR (default
// .data/bench-investor), seeded with `--scale large` first when it has no users (that takes
// minutes). When the metrics rollups are empty but bookings exist (a seed without the metrics
// step), `metrics_recompute_rollups()` is run and timed first. The period is the last 12 whole
// months of payments; each route is asked BENCH_RUNS times over HTTP (p50/p95), each naive query
// BENCH_NAIVE_RUNS times. Numbers vary by machine and load.
import http from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_DIST, ROOT, run, step } from './lib.mjs';
import { openLargeDataSet } from './large-data-set.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 3);

step('Building shared contract and API…');
run('npm', ['run', 'build', '-w', 'shared']);
run('npm', ['run', 'build', '-w', 'api']);

const { startApiServer } = await import(pathToFileURL(resolve(ROOT, 'api/test/support/system.mjs')).href);
const { DEMO_PASSWORD } = await import(pathToFileURL(resolve(API_DIST, 'seed/demo-accounts.js')).href);

const data = await openLargeDataSet('.data/bench-investor');
const { databaseUrl, pool } = data;
let api;
try {
  step('Starting the API on it (migrations included)…');
  api = await startApiServer({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', BOOKING_JOBS_INTERVAL_SECONDS: '3600' }, 300_000);

  const stale = (await pool.query(`SELECT NOT EXISTS (SELECT 1 FROM metrics_active_days) AND EXISTS (SELECT 1 FROM ledger_entries) AS stale`)).rows[0].stale;
  if (stale) {
    step('The metrics rollups are empty (seeded with triggers off): metrics_recompute_rollups()…');
    const started = performance.now();
    await pool.query('SELECT metrics_recompute_rollups()');
    console.log(`  rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await pool.query('VACUUM ANALYZE');
  }

  const n = (v) => Number(v).toLocaleString('en-US');
  const counts = (
    await pool.query(`SELECT (SELECT count(*) FROM bookings) AS bookings, (SELECT count(*) FROM ledger_entries) AS ledger, (SELECT count(*) FROM facilities) AS facilities,
      (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM metrics_city_revenue_daily) AS city_days, (SELECT count(*) FROM metrics_active_gaps) AS gaps,
      (SELECT count(*) FROM metrics_facility_revenue_monthly) AS facility_months, (SELECT count(*) FROM metrics_supply_changes) AS supply_rows`)
  ).rows[0];
  console.log(
    `  data: ${n(counts.bookings)} bookings, ${n(counts.ledger)} ledger lines, ${n(counts.facilities)} facilities, ${n(counts.users)} users; rollups: ${n(counts.city_days)} city-days, ${n(counts.gaps)} activity gaps, ${n(counts.facility_months)} facility-months, ${n(counts.supply_rows)} supply changes`,
  );

  // The last 12 whole months of payments (on the calendar of the facilities' first zone).
  const last = (await pool.query(`SELECT max(occurred_at) AS last FROM ledger_entries`)).rows[0].last;
  const end = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 1) - 86_400_000);
  const start = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth() + 1, 1));
  const [from, to] = [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
  console.log(`  period ${from} → ${to} (12 months), compared with the previous 12, monthly buckets`);

  const login = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'investor@demo.aiparksit.test', password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`signing in as the demo investor failed: ${login.status}`);
  const { accessToken } = await login.json();

  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const summarise = (times) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path) =>
    new Promise((resolveGet, rejectGet) => {
      http
        .get(`${api.url}${path}`, { agent, headers: { authorization: `Bearer ${accessToken}` } }, (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => resolveGet({ status: res.statusCode, body: Buffer.concat(chunks) }));
        })
        .on('error', rejectGet);
    });
  const timeHttp = async (path) => {
    const times = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const started = performance.now();
      const res = await get(path);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.body.toString()}`);
      if (i >= 3) times.push(performance.now() - started);
    }
    return summarise(times);
  };
  const timeSql = async (statements, params) => {
    const times = [];
    for (let i = 0; i < NAIVE_RUNS; i++) {
      const started = performance.now();
      // Every statement takes all four dates (typed here, whether or not it uses each).
      for (const text of statements)
        await pool.query(
          `SELECT count(*) FROM (${text}) naive WHERE $1::date IS NOT NULL AND $2::date IS NOT NULL AND $3::date IS NOT NULL AND $4::date IS NOT NULL`,
          params,
        );
      times.push(performance.now() - started);
    }
    return summarise(times);
  };

  // The naive way: the same figures straight from the raw rows, both periods ($1–$2 and $3–$4).
  const LINES = `
    SELECT l.*, f.country_code, f.city, b.space_type, b.driver_id, (l.occurred_at AT TIME ZONE f.time_zone)::date AS day, (l.account = 'gross' AND p.extension_id IS NULL) AS first_payment
      FROM ledger_entries l JOIN facilities f ON f.id = l.facility_id JOIN bookings b ON b.id = l.booking_id LEFT JOIN payments p ON p.id = l.payment_id
     WHERE l.occurred_at >= ($3::date - 1)::timestamptz AND l.occurred_at < ($2::date + 2)::timestamptz`;
  const MONEY = (slice) => `
    WITH lines AS (${LINES})
    SELECT ${slice} AS slice, (day > $2::date) OR (day < $1::date) AS comparison, currency,
           sum(amount_cents) FILTER (WHERE account = 'gross'), sum(amount_cents) FILTER (WHERE account = 'platform_fee'),
           sum(amount_cents) FILTER (WHERE account = 'refund'), sum(amount_cents) FILTER (WHERE account = 'refund_platform_fee'), count(*) FILTER (WHERE first_payment)
      FROM lines WHERE day BETWEEN $3 AND $2 GROUP BY 1, 2, 3`;
  const BOOKED = (slice) => `
    SELECT ${slice}, sum(extract(epoch FROM upper(x.r) - lower(x.r))) FROM (
      SELECT f.country_code, f.city, b.period * tstzrange($1::date::timestamp AT TIME ZONE f.time_zone, ($2::date + 1)::timestamp AT TIME ZONE f.time_zone) AS r
        FROM bookings b JOIN facilities f ON f.id = b.facility_id WHERE b.status IN ('confirmed', 'completed') AND b.period && tstzrange(($1::date - 1)::timestamptz, ($2::date + 2)::timestamptz)) x
     WHERE NOT isempty(x.r) GROUP BY 1`;
  const ACTIVE = (member, range) => `
    WITH lines AS (${LINES}) SELECT count(DISTINCT ${member}) FROM lines WHERE first_payment AND day BETWEEN ${range}`;
  const SIGNUPS = `SELECT role, count(*) FROM users WHERE (created_at AT TIME ZONE 'Europe/Berlin')::date BETWEEN $3 AND $2 GROUP BY 1`;
  const CANCELLED = `
    SELECT count(*) FROM bookings b JOIN facilities f ON f.id = b.facility_id
     WHERE b.status = 'cancelled' AND (b.cancelled_at AT TIME ZONE f.time_zone)::date BETWEEN $3 AND $2
       AND EXISTS (SELECT 1 FROM payments p WHERE p.booking_id = b.id AND p.extension_id IS NULL AND p.status IN ('succeeded', 'refunded', 'partially_refunded'))`;
  const naive = {
    overview: [
      MONEY(`'all'`),
      MONEY(`to_char(day, 'YYYY-MM')`),
      BOOKED(`'all'`),
      ACTIVE('driver_id', '$1 AND $2'),
      ACTIVE('driver_id', '$3 AND $4'),
      ACTIVE('operator_id', '$1 AND $2'),
      SIGNUPS,
      CANCELLED,
    ],
    revenue: [
      MONEY(`country_code || ':' || city || ':' || space_type`),
      MONEY(`to_char(day, 'YYYY-MM')`),
      `${MONEY('facility_id')} ORDER BY 4 DESC NULLS LAST LIMIT 10`,
      `${MONEY('operator_id')} ORDER BY 4 DESC NULLS LAST LIMIT 10`,
    ],
    growth: [
      SIGNUPS,
      `WITH lines AS (${LINES}) SELECT to_char(day, 'YYYY-MM'), count(DISTINCT driver_id) FROM lines WHERE first_payment AND day BETWEEN $1 AND $2 GROUP BY 1`,
      `WITH d AS (SELECT b.driver_id, (l.occurred_at AT TIME ZONE f.time_zone)::date AS day FROM ledger_entries l JOIN facilities f ON f.id = l.facility_id JOIN bookings b ON b.id = l.booking_id
                   LEFT JOIN payments p ON p.id = l.payment_id WHERE l.account = 'gross' AND p.extension_id IS NULL),
            firsts AS (SELECT driver_id, date_trunc('month', min(day)) AS cohort FROM d GROUP BY 1)
       SELECT f.cohort, date_trunc('month', d.day), count(DISTINCT d.driver_id) FROM d JOIN firsts f USING (driver_id) WHERE f.cohort BETWEEN $1 AND $2 GROUP BY 1, 2`,
      `SELECT o.id, (SELECT min(l.occurred_at) FROM ledger_entries l WHERE l.operator_id = o.id AND l.account = 'gross') FROM operators o WHERE o.submitted_at::date BETWEEN $1 AND $2`,
    ],
    market: [
      MONEY(`country_code || ':' || city`),
      BOOKED(`country_code || ':' || city`),
      `${MONEY(`country_code || ':' || city || ':' || operator_id`)}`,
      `SELECT extract(isodow FROM h), extract(hour FROM h), sum(extract(epoch FROM least(upper(b.period), (h + interval '1 hour') AT TIME ZONE f.time_zone) - greatest(lower(b.period), h AT TIME ZONE f.time_zone)))
         FROM bookings b JOIN facilities f ON f.id = b.facility_id
        CROSS JOIN LATERAL generate_series(date_trunc('hour', lower(b.period) AT TIME ZONE f.time_zone), upper(b.period) AT TIME ZONE f.time_zone, interval '1 hour') AS h
        WHERE b.status IN ('confirmed', 'completed') AND b.period && tstzrange($1::date::timestamptz, ($2::date + 1)::timestamptz) GROUP BY 1, 2`,
      `SELECT f.country_code, f.city, avg(r.hourly_cents), percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY r.hourly_cents)
         FROM facilities f JOIN rates r ON r.facility_id = f.id WHERE f.published GROUP BY 1, 2`,
    ],
  };

  step(`The request floor: GET /api/auth/me, ${RUNS} requests…`);
  const floor = await timeHttp('/api/auth/me');
  const overview = JSON.parse((await get(`/api/proxy/investor?from=${from}&to=${to}`)).body.toString());
  const [cFrom, cTo] = [overview.period.comparisonFrom, overview.period.comparisonTo];
  const results = [];
  for (const [name, route] of [
    ['overview', '/api/proxy/investor'],
    ['revenue', '/api/metrics/revenue'],
    ['growth', '/api/metrics/growth'],
    ['market', '/api/metrics/market'],
  ]) {
    step(`${route}: ${RUNS} requests, then ${NAIVE_RUNS} naive recomputations…`);
    const rollup = await timeHttp(`${route}?from=${from}&to=${to}`);
    console.log(`  ${route}: p50 ${rollup.p50.toFixed(1)} ms, p95 ${rollup.p95.toFixed(1)} ms`);
    // BENCH_NAIVE_RUNS=0 skips the naive recomputations (minutes each on the large set).
    const raw = NAIVE_RUNS > 0 ? await timeSql(naive[name], [from, to, cFrom, cTo]) : { p50: NaN, p95: NaN };
    results.push({ route, rollup, naive: raw });
    console.log(`  ${route}: naive p50 ${(raw.p50 / 1000).toFixed(2)} s`);
  }

  console.log('\n  route                     p50 ms   p95 ms   naive p50 ms   naive / p50');
  for (const r of results) {
    console.log(
      `  ${r.route.padEnd(24)} ${r.rollup.p50.toFixed(1).padStart(7)} ${r.rollup.p95.toFixed(1).padStart(8)} ${r.naive.p50.toFixed(0).padStart(14)} ${(r.naive.p50 / r.rollup.p50).toFixed(0).padStart(12)}×`,
    );
  }
  console.log(`\n  request floor (GET /api/auth/me): p50 ${floor.p50.toFixed(1)} ms, p95 ${floor.p95.toFixed(1)} ms`);
  const worst = Math.max(...results.map((r) => r.rollup.p95));
  const slowestRatio = Math.min(...results.map((r) => r.naive.p50 / r.rollup.p50));
  console.log(
    `  Goals: p95 < 50 ms — ${worst < 50 ? 'met' : 'NOT met'} (worst ${worst.toFixed(1)} ms); ≥ 20× the naive query — ${slowestRatio >= 20 ? 'met' : 'NOT met'} (least ${slowestRatio.toFixed(0)}×). Route times are over HTTP (auth included); naive times are the SQL alone.`,
  );

  const reports = resolve(ROOT, 'scripts/bench/investor-reports.mjs');
  if (existsSync(reports)) {
    step('Reports: scripts/bench/investor-reports.mjs…');
    const { benchReports } = await import(pathToFileURL(reports).href);
    await benchReports({ apiUrl: api.url, token: accessToken, from, to, say: (line) => console.log(`  ${line}`) });
  } else {
    console.log('\n  (no scripts/bench/investor-reports.mjs yet: reports not benched)');
  }
} finally {
  await api?.stop();
  await data.close();
}
