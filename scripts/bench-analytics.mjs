// `npm run bench:analytics`: how fast the analytics routes answer from the rollups on the `large`
// data set, next to the naive scan over bookings and the ledger, in the same run.
//
// Data: DATABASE_URL when set; otherwise an embedded PostgreSQL in BENCH_PG_DIR (default
// .data/bench-analytics), seeded with `--scale large` first when it has no users (that takes a
// while; the seed prints its progress). Then the API is started on it and, for one facility and
// for the whole portfolio of the operator with the most facilities:
//   - a 12-month daily revenue series   GET /api/analytics/revenue?granularity=day
//   - a 12-month occupancy + heatmap    GET /api/analytics/occupancy?granularity=day
// each BENCH_RUNS times over HTTP (p50/p95), and the same figures computed by a naive scan of
// `bookings` / `ledger_entries` in SQL (BENCH_NAIVE_RUNS times). Numbers vary by machine and load.
import { loadavg } from 'node:os';
import http from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_DIST, ROOT, run, step } from './lib.mjs';
import { openLargeDataSet } from './large-data-set.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 5);

step('Building shared contract and API…');
run('npm', ['run', 'build', '-w', 'shared']);
run('npm', ['run', 'build', '-w', 'api']);

const { startApiServer } = await import(pathToFileURL(resolve(ROOT, 'api/test/support/system.mjs')).href);
const { DEMO_PASSWORD } = await import(pathToFileURL(resolve(API_DIST, 'seed/demo-accounts.js')).href);

const data = await openLargeDataSet('.data/bench-analytics');
const { databaseUrl, pool } = data;
let api;
try {
  step('Starting the API on it…');
  api = await startApiServer({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', BOOKING_JOBS_INTERVAL_SECONDS: '3600' }, 120_000);

  const counts = (
    await pool.query(`SELECT (SELECT count(*) FROM bookings)::int AS bookings, (SELECT count(*) FROM ledger_entries)::int AS ledger,
    (SELECT count(*) FROM analytics_revenue_daily)::int AS revenue_days, (SELECT count(*) FROM analytics_revenue_hours)::int AS revenue_hours,
    (SELECT count(*) FROM analytics_occupancy_daily)::int AS occupancy_days`)
  ).rows[0];
  const n = (v) => v.toLocaleString('en-US');
  console.log(
    `  data: ${n(counts.bookings)} bookings, ${n(counts.ledger)} ledger lines; rollups: ${n(counts.revenue_days)} revenue days, ${n(counts.revenue_hours)} revenue hours, ${n(counts.occupancy_days)} occupancy days`,
  );

  // The operator with the most facilities (the heaviest portfolio), and its busiest facility.
  const target = (
    await pool.query(`
    SELECT o.id AS operator_id, u.email, count(f.id)::int AS facilities
      FROM operators o JOIN users u ON u.id = o.owner_id JOIN facilities f ON f.operator_id = o.id
     WHERE o.status = 'approved' GROUP BY o.id, u.email ORDER BY count(f.id) DESC, o.id LIMIT 1`)
  ).rows[0];
  const facility = (
    await pool.query(
      `SELECT f.id, f.name, f.time_zone FROM facilities f WHERE f.operator_id = $1 AND NOT f.is_canary
     ORDER BY (SELECT sum(o.booked_us) FROM analytics_occupancy_daily o WHERE o.facility_id = f.id) DESC NULLS LAST, f.id LIMIT 1`,
      [target.operator_id],
    )
  ).rows[0];
  const span = (await pool.query(`SELECT max(upper(period)) AS last FROM bookings`)).rows[0];
  const to = new Date(span.last);
  to.setUTCHours(0, 0, 0, 0);
  const from = new Date(to);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  const [fromDay, toDay] = [from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)];
  console.log(
    `  operator ${target.email} with ${target.facilities} facilities; facility "${facility.name}" (${facility.time_zone}); ${fromDay} → ${toDay}, daily`,
  );

  const login = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: target.email, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`signing in as ${target.email} failed: ${login.status}`);
  const { accessToken } = await login.json();

  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const summarise = (times) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  };
  // One kept-alive connection, as a dashboard's browser has: the figure is the server's answer
  // time, not a new connection or fetch()'s own per-call cost (several ms on this machine).
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
      if (i >= 3) times.push(performance.now() - started); // the first three warm the caches
    }
    return summarise(times);
  };
  const timeSql = async (text, params) => {
    const times = [];
    for (let i = 0; i < NAIVE_RUNS; i++) {
      const started = performance.now();
      await pool.query(text, params);
      times.push(performance.now() - started);
    }
    return summarise(times);
  };

  // The naive way: every figure straight from bookings and ledger lines, per request.
  const NAIVE_REVENUE = `
    SELECT date_trunc('day', l.occurred_at AT TIME ZONE f.time_zone) AS day,
           sum(l.amount_cents) FILTER (WHERE l.account = 'gross') AS gross, sum(l.amount_cents) FILTER (WHERE l.account = 'refund') AS refund,
           sum(l.amount_cents) FILTER (WHERE l.account IN ('platform_fee', 'refund_platform_fee')) AS fee,
           sum(l.amount_cents) FILTER (WHERE l.account IN ('operator_net', 'refund_operator_net')) AS net, count(*) FILTER (WHERE l.account = 'gross') AS bookings
      FROM ledger_entries l JOIN facilities f ON f.id = l.facility_id
     WHERE l.facility_id = ANY($1) AND l.occurred_at >= ($2::timestamp AT TIME ZONE f.time_zone) AND l.occurred_at < ($3::timestamp AT TIME ZONE f.time_zone)
     GROUP BY 1`;
  const NAIVE_OCCUPANCY = `
    SELECT to_char(date_trunc('day', h AT TIME ZONE f.time_zone), 'YYYY-MM-DD') AS day, extract(isodow FROM h AT TIME ZONE f.time_zone) AS weekday, extract(hour FROM h AT TIME ZONE f.time_zone) AS hour,
           sum(extract(epoch FROM least(upper(b.period), h + interval '1 hour') - greatest(lower(b.period), h))) AS seconds
      FROM bookings b JOIN facilities f ON f.id = b.facility_id
     CROSS JOIN LATERAL generate_series(date_trunc('hour', lower(b.period), 'UTC'), upper(b.period) - interval '1 microsecond', interval '1 hour') AS h
     WHERE b.facility_id = ANY($1) AND b.status IN ('confirmed', 'completed')
       AND b.period && tstzrange($2::timestamp AT TIME ZONE f.time_zone, $3::timestamp AT TIME ZONE f.time_zone)
     GROUP BY GROUPING SETS ((1), (2, 3))`;

  const portfolioIds = (await pool.query(`SELECT id FROM facilities WHERE operator_id = $1`, [target.operator_id])).rows.map((r) => r.id);
  const scopes = [
    { name: 'one facility', query: `facilityId=${facility.id}&`, ids: [facility.id] },
    { name: `portfolio (${portfolioIds.length} facilities)`, query: '', ids: portfolioIds },
  ];
  // The floor every route pays (HTTP, authentication, the request pipeline): a route that does nothing much.
  step(`The request floor: GET /api/auth/me, ${RUNS} requests…`);
  const floor = await timeHttp('/api/auth/me');

  const results = [];
  for (const scope of scopes) {
    for (const [figure, route, naiveSql] of [
      ['12-month daily revenue', 'revenue', NAIVE_REVENUE],
      ['12-month occupancy + heatmap', 'occupancy', NAIVE_OCCUPANCY],
    ]) {
      step(`${figure}, ${scope.name}: ${RUNS} requests, then ${NAIVE_RUNS} naive scans…`);
      const rollup = await timeHttp(`/api/analytics/${route}?${scope.query}from=${fromDay}&to=${toDay}&granularity=day`);
      const naive = await timeSql(naiveSql, [scope.ids, fromDay, toDay]);
      results.push({ figure, scope: scope.name, rollup, naive });
    }
  }

  // The occupancy denominator alone (available space-minutes per local day, in the API process),
  // 365 days: grouped by zone and opening hours as the service does, and facility by facility.
  const { availableSpaceMinutesByDay } = await import(pathToFileURL(resolve(API_DIST, 'analytics/available-space-minutes.js')).href);
  const portfolio = (
    await pool.query(
      `SELECT f.time_zone AS "timeZone", f.opening_hours AS "openingHours",
      (SELECT count(*)::int FROM spaces s WHERE s.facility_id = f.id AND s.active) AS spaces
      FROM facilities f WHERE f.operator_id = $1`,
      [target.operator_id],
    )
  ).rows;
  const groups = new Map();
  for (const f of portfolio) {
    const key = `${f.timeZone}|${JSON.stringify(f.openingHours)}`;
    groups.set(key, { ...f, spaces: (groups.get(key)?.spaces ?? 0) + f.spaces });
  }
  const [startMs, endMs] = [Date.parse(`${fromDay}T00:00:00Z`) - 3_600_000, Date.parse(`${toDay}T00:00:00Z`) - 3_600_000];
  const timeDenominator = (facilities) => {
    const once = () => {
      for (const f of facilities) availableSpaceMinutesByDay({ startMs, endMs, timeZone: f.timeZone, openingHours: f.openingHours, spaces: f.spaces });
    };
    for (let i = 0; i < 5; i++) once();
    const times = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      once();
      times.push(performance.now() - started);
    }
    return summarise(times);
  };
  step(`Available space-minutes of the portfolio (${portfolio.length} facilities, ${groups.size} zone × opening-hours groups), ${fromDay} → ${toDay}…`);
  const denominatorGrouped = timeDenominator([...groups.values()]);
  const denominatorEach = timeDenominator(portfolio);

  const ms = (v) => `${v.toFixed(1)} ms`.padStart(11);
  console.log(
    `\n  machine load (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  console.log('\n  figure                          scope                        rollups p50  rollups p95    naive p50    naive p95   naive/rollups (p95)');
  for (const r of results) {
    console.log(
      `  ${r.figure.padEnd(32)}${r.scope.padEnd(27)}${ms(r.rollup.p50)}  ${ms(r.rollup.p95)}  ${ms(r.naive.p50)}  ${ms(r.naive.p95)}   ${(r.naive.p95 / r.rollup.p95).toFixed(1)}×`,
    );
  }
  console.log(`\n  request floor (GET /api/auth/me): p50 ${floor.p50.toFixed(1)} ms, p95 ${floor.p95.toFixed(1)} ms`);
  console.log(
    `  available space-minutes, 365 days, in process: ${groups.size} groups as the service computes them p50 ${denominatorGrouped.p50.toFixed(2)} ms, p95 ${denominatorGrouped.p95.toFixed(2)} ms; ${portfolio.length} facilities one by one p50 ${denominatorEach.p50.toFixed(2)} ms, p95 ${denominatorEach.p95.toFixed(2)} ms`,
  );
  const worst = Math.max(...results.map((r) => r.rollup.p95));
  console.log(
    `\n  Goal: p95 under 50 ms over HTTP — ${worst < 50 ? 'met' : 'NOT met'} (worst p95 ${worst.toFixed(1)} ms). Rollup times are end to end over HTTP (auth included); naive times are the SQL alone.`,
  );
} finally {
  await api?.stop();
  await data.close();
}
