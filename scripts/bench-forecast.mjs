// `npm run bench:forecast`: a backtest of the occupancy forecast (api/src/forecast) on the `large`
// data set, next to the seasonal-naive baseline (same local hour last week), in the same run.
//
// For each of the last 8 full weeks of the data set's history (weeks start Monday 00:00 UTC; the
// history ends at the Monday on or before the end of the last completed booking), the model is fitted on every
// hour before the week and forecasts it (horizon days 1–7); fitted one week earlier, it forecasts
// two weeks and its second week is scored (horizon days 8–14). The baseline forecasts from the same
// origins. Actuals are the hourly occupancy from the daily rollups (`analytics_occupancy_daily`),
// in occupied spaces per hour, scored over open hours only (by today's opening hours and
// facility-wide blackouts), where both forecasters could be wrong. Prints MAE and MAPE (over hours
// with nonzero actuals) per horizon day, the overall MAE ratio, and whether the goal (model MAE
// at least 15 % below seasonal-naive's) is met.
//
// The database is only read: every statement runs in a read-only transaction.
// Settings (env): BENCH_PG_DIR (default .data/bench-large; make it once with
//   EMBEDDED_PG_DIR=.data/bench-large npm run seed -- --scale large), or DATABASE_URL;
// BENCH_FACILITIES (default: all; a number takes a seeded random sample of that many);
// BENCH_FORECAST_OPTIONS (JSON, overrides the model's options, to try other settings);
// BENCH_PRICING=0 skips the pricing simulation (scripts/bench/forecast-pricing.mjs, which says
// what it assumes), BENCH_PRICE_ELASTICITY replays it under another elasticity.
// BENCH_TYPE_FACILITIES (default 2000; 0 skips it): the per-space-type table's seeded sample of
//   facilities (scripts/bench/forecast-types.mjs: the same backtest per facility and space type,
//   the history read from bookings as the nightly job reads it); BENCH_TYPE_PRIOR=0 fits the types
//   without leaning on their facility's profile, to compare.
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_DIST, ROOT, run, step } from './lib.mjs';
import { freePort } from './bench/measure.mjs';
import { pricingSimulation } from './bench/forecast-pricing.mjs';
import { backtestPerType } from './bench/forecast-types.mjs';

const PG_DIR = (() => {
  const dir = process.env.BENCH_PG_DIR ?? '.data/bench-large';
  return isAbsolute(dir) ? dir : resolve(ROOT, dir);
})();
const SAMPLE = process.env.BENCH_FACILITIES ? Number(process.env.BENCH_FACILITIES) : undefined;
const OPTIONS = JSON.parse(process.env.BENCH_FORECAST_OPTIONS ?? '{}');
const TYPE_SAMPLE = Number(process.env.BENCH_TYPE_FACILITIES ?? 2000);
const TEST_WEEKS = 8;
const HORIZON_DAYS = 14;
const BATCH = 250;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

if (!process.env.DATABASE_URL && !existsSync(resolve(PG_DIR, 'PG_VERSION'))) {
  process.stderr.write(`No benchmark database in ${PG_DIR}. Make it once (about 10 minutes):\n  EMBEDDED_PG_DIR=${PG_DIR} npm run seed -- --scale large\n`);
  process.exit(2);
}

const started = performance.now();
step('Building shared contract and API…');
run('npm', ['run', 'build', '-w', 'shared']);
run('npm', ['run', 'build', '-w', 'api']);

const pg = createRequire(resolve(ROOT, 'api/package.json'))('pg');
const { startEmbeddedPostgres } = await import(pathToFileURL(resolve(API_DIST, 'database/embedded-postgres.js')).href);
const forecast = await import(pathToFileURL(resolve(API_DIST, 'forecast/index.js')).href);
const {
  DEFAULT_OCCUPANCY_MODEL_OPTIONS,
  ForecastErrorTally,
  closedHours,
  fitOccupancyModel,
  forecastOccupancy,
  hourlyOccupancyFromDailyRollups,
  seasonalNaiveForecast,
} = forecast;
const modelOptions = { ...DEFAULT_OCCUPANCY_MODEL_OPTIONS, ...OPTIONS };

let database;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  step(`Starting the embedded PostgreSQL with data in ${PG_DIR}…`);
  database = await startEmbeddedPostgres({ dataDir: PG_DIR, port: await freePort() });
  databaseUrl = database.url;
}
// Read-only sessions: the backtest must leave the data set exactly as it found it.
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: '-c default_transaction_read_only=on' });
pool.on('error', () => undefined);

const n = (v) => v.toLocaleString('en-US');
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
try {
  // The data set's "now": the end of its last completed booking; later days hold only bookings made in advance.
  const { last } = (await pool.query(`SELECT max(upper(period)) AS last FROM bookings WHERE status = 'completed'`)).rows[0];
  if (!last) throw new Error('the data set has no completed booking');
  const endMs = Math.floor((last.getTime() - 4 * DAY_MS) / WEEK_MS) * WEEK_MS + 4 * DAY_MS; // the Monday 00:00 UTC on or before
  // Origin j (1…9) is j weeks before the end: origins 1–8 forecast test weeks 1–8 (days 1–7), origins 2–9 their second week (days 8–14).
  const origins = Array.from({ length: TEST_WEEKS + 1 }, (_, i) => endMs - (i + 1) * WEEK_MS);
  const firstMs = origins.at(-1) - modelOptions.weeksOfHistory * WEEK_MS;
  const hours = (endMs - firstMs) / HOUR_MS;

  const counts = (await pool.query(`SELECT count(*)::int AS rows, min(day)::text AS first, max(day)::text AS last FROM analytics_occupancy_daily`)).rows[0];
  console.log(
    `  hourly rollup rows: ${n(counts.rows)} facility-days of 24 local hours, ${counts.first} → ${counts.last}; last completed booking ends ${last.toISOString()}`,
  );
  console.log(
    `  test weeks: ${day(endMs - TEST_WEEKS * WEEK_MS)} → ${day(endMs - DAY_MS)} (${TEST_WEEKS} weeks, Monday 00:00 UTC); each fit reads up to ${modelOptions.weeksOfHistory} weeks back from its origin (from ${day(firstMs)})`,
  );

  const facilities = (
    await pool.query(
      `SELECT f.id, f.time_zone AS "timeZone", f.opening_hours AS "openingHours", f.city,
              (SELECT count(*)::int FROM spaces s WHERE s.facility_id = f.id AND s.active) AS capacity
         FROM facilities f
        ORDER BY ${SAMPLE ? `md5('bench-forecast' || f.id::text)` : 'f.id'} ${SAMPLE ? `LIMIT ${Math.max(1, Math.floor(SAMPLE))}` : ''}`,
    )
  ).rows.filter((f) => f.capacity > 0);
  const cities = new Set(facilities.map((f) => f.city));
  console.log(
    SAMPLE
      ? `  sample: ${n(facilities.length)} facilities with spaces, a seeded random sample (md5 of 'bench-forecast' || id) across ${cities.size} cities`
      : `  facilities: all ${n(facilities.length)} with active spaces, in ${cities.size} cities`,
  );
  const blackouts = new Map();
  for (const b of (
    await pool.query(
      `SELECT facility_id, lower(period) AS start, upper(period) AS end FROM facility_blackouts
        WHERE space_type IS NULL AND space_ids IS NULL AND period && tstzrange($1, $2)`,
      [new Date(firstMs), new Date(endMs)],
    )
  ).rows) {
    const list = blackouts.get(b.facility_id) ?? [];
    list.push({ startMs: b.start.getTime(), endMs: b.end.getTime() });
    blackouts.set(b.facility_id, list);
  }
  console.log(`  facility-wide blackouts in the period: ${n([...blackouts.values()].reduce((sum, l) => sum + l.length, 0))}`);
  const pricing =
    process.env.BENCH_PRICING === '0'
      ? undefined
      : await pricingSimulation({ pool, apiDist: API_DIST, forecast, modelOptions, facilities, testWeeks: TEST_WEEKS, endMs });
  let pricingMs = 0;

  const tallies = Array.from({ length: HORIZON_DAYS }, () => ({ model: new ForecastErrorTally(), naive: new ForecastErrorTally() }));
  const closedByHours = new Map();
  let fitMs = 0;
  let fits = 0;
  step(`Backtest: ${TEST_WEEKS + 1} origins × ${n(facilities.length)} facilities, ${HORIZON_DAYS} days ahead from each…`);
  for (let b = 0; b < facilities.length; b += BATCH) {
    const batch = facilities.slice(b, b + BATCH);
    const rows = (
      await pool.query(
        `SELECT facility_id, day::text AS day, booked_us_by_hour AS "bookedUsByHour" FROM analytics_occupancy_daily
          WHERE facility_id = ANY($1) AND day BETWEEN $2::date AND $3::date`,
        [batch.map((f) => f.id), day(firstMs - DAY_MS), day(endMs + DAY_MS)],
      )
    ).rows;
    const rowsByFacility = new Map(batch.map((f) => [f.id, []]));
    for (const row of rows) rowsByFacility.get(row.facility_id).push(row);

    const t0 = performance.now();
    const pricingBatch = [];
    for (const f of batch) {
      const occupancy = hourlyOccupancyFromDailyRollups(rowsByFacility.get(f.id), f.timeZone, firstMs, endMs);
      const closures = blackouts.get(f.id);
      // Facilities share a few zones and timetables: their closed hours are worked out once.
      const key = `${f.timeZone}|${JSON.stringify(f.openingHours)}`;
      let closed = closures ? undefined : closedByHours.get(key);
      if (!closed) {
        closed = closedHours({ startMs: firstMs, hours, timeZone: f.timeZone, openingHours: f.openingHours, closures });
        if (!closures) closedByHours.set(key, closed);
      }
      // Replayed after the timed fits, so their figures stay the backtest's own.
      pricingBatch.push([f, occupancy, closed]);
      origins.forEach((originMs, j) => {
        const at = (originMs - firstMs) / HOUR_MS;
        const history = { startMs: firstMs, values: occupancy.values.subarray(0, at) };
        const model = fitOccupancyModel({ occupancy: history, closed: closed.subarray(0, at), timeZone: f.timeZone, capacity: f.capacity }, modelOptions);
        const ahead = Math.min(HORIZON_DAYS * 24, hours - at);
        const predicted = forecastOccupancy(model, ahead, closed.subarray(at, at + ahead)).values;
        const naive = seasonalNaiveForecast(history, f.timeZone, ahead).values;
        fits++;
        for (let h = 0; h < ahead; h++) {
          const d = Math.floor(h / 24);
          // Origin j's first week is test week j + 1 (of 1…9, the 9th not scored); its second week test week j.
          const testWeek = d < 7 ? j + 1 : j;
          if (testWeek < 1 || testWeek > TEST_WEEKS || closed[at + h]) continue;
          const actual = occupancy.values[at + h];
          tallies[d].model.add(predicted[h], actual);
          tallies[d].naive.add(naive[h], actual);
        }
      });
    }
    fitMs += performance.now() - t0;
    const p0 = performance.now();
    if (pricing) for (const [f, occupancy, closed] of pricingBatch) pricing.add(f, occupancy, closed, firstMs);
    pricingMs += performance.now() - p0;
    const done = Math.min(b + BATCH, facilities.length);
    if (done === facilities.length || (done / BATCH) % 8 === 0) {
      console.log(`  ${n(done)} / ${n(facilities.length)} facilities (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }

  const sum = (days) => {
    const model = new ForecastErrorTally();
    const naive = new ForecastErrorTally();
    for (const d of days) {
      model.merge(tallies[d].model);
      naive.merge(tallies[d].naive);
    }
    return { model, naive };
  };
  const f2 = (v) => v.toFixed(3).padStart(9);
  const pct = (v) => `${v.toFixed(1)} %`.padStart(10);
  const line = (label, t) =>
    console.log(
      `  ${label.padEnd(12)}${f2(t.model.mae)}  ${f2(t.naive.mae)}  ${(t.model.mae / t.naive.mae).toFixed(3).padStart(11)}  ${pct(t.model.mape)}  ${pct(t.naive.mape)}  ${n(t.model.hours).padStart(12)}`,
    );
  console.log(`\n  model options: ${JSON.stringify(modelOptions)}`);
  console.log(
    `  machine: ${cpus().length} cores, load (1, 5, 15 min) ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  console.log('\n  MAE in occupied spaces per open hour; MAPE over open hours whose actual is nonzero.');
  console.log('  horizon     model MAE  naive MAE  model/naive  model MAPE  naive MAPE   open hours');
  tallies.forEach((t, d) => line(`day ${d + 1}`, t));
  const firstWeek = sum([0, 1, 2, 3, 4, 5, 6]);
  const secondWeek = sum([7, 8, 9, 10, 11, 12, 13]);
  const all = sum(tallies.map((_, d) => d));
  console.log('');
  line('days 1–7', firstWeek);
  line('days 8–14', secondWeek);
  line('days 1–14', all);
  const ratio = all.model.mae / all.naive.mae;
  console.log(
    `\n  ${n(fits)} fits in ${(fitMs / 1000).toFixed(1)} s (${(fitMs / fits).toFixed(2)} ms per fit and 14-day forecast, series conversion and baseline included); whole run ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(
    `  Goal: model MAE at least 15 % below seasonal-naive over all facilities — ${ratio <= 0.85 ? 'met' : 'NOT met'} (${((1 - ratio) * 100).toFixed(1)} % lower, ratio ${ratio.toFixed(3)})`,
  );
  if (pricing) {
    pricing.print();
    console.log(`  pricing simulation: ${(pricingMs / 1000).toFixed(1)} s`);
  }

  if (TYPE_SAMPLE > 0) {
    // The same seeded order as BENCH_FACILITIES, so a sample of either size is one set of car parks.
    const byHash = (
      await pool.query(`SELECT id FROM facilities WHERE id = ANY($1::uuid[]) ORDER BY md5('bench-forecast' || id::text) LIMIT $2`, [
        facilities.map((f) => f.id),
        Math.floor(TYPE_SAMPLE),
      ])
    ).rows.map((r) => r.id);
    const byId = new Map(facilities.map((f) => [f.id, f]));
    step(`Backtest per space type: ${TEST_WEEKS + 1} origins × every type of ${n(byHash.length)} facilities (a seeded sample)…`);
    const types = await backtestPerType({
      pool,
      forecast,
      sample: byHash.map((id) => byId.get(id)),
      origins,
      firstMs,
      endMs,
      testWeeks: TEST_WEEKS,
      horizonDays: HORIZON_DAYS,
      modelOptions,
      withPrior: process.env.BENCH_TYPE_PRIOR !== '0',
      log: (line) => console.log(line),
    });
    const typeRatio = types.model.mae / types.naive.mae;
    console.log(
      `  Per space type: model MAE ${((1 - typeRatio) * 100).toFixed(1)} % below seasonal-naive (ratio ${typeRatio.toFixed(3)}); whole run ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
} finally {
  await pool.end();
  await database?.stop();
}
