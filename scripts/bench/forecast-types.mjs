// The per-space-type part of `npm run bench:forecast`: the same backtest as the facility-level
// table (same origins, test weeks, horizons and scoring), for each (facility, space type) with
// active spaces, on a seeded sample of the facilities. The per-type history is read from bookings
// as the nightly job reads it (ForecastRepository.bookedHoursByType: confirmed and completed
// bookings, microseconds per UTC hour), so it costs about a second of database time per 250
// facilities and the sample keeps the whole run within a few minutes. Each type leans on its
// facility's profile as in the nightly job (withPrior; BENCH_TYPE_PRIOR=0 to compare without).

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const BATCH = 250;

const HISTORY_BY_TYPE = `
  WITH hours AS (
    SELECT b.facility_id, b.space_type, ((extract(epoch FROM h.hour_start) - extract(epoch FROM $2::timestamptz)) / 3600)::int AS hour, sum(h.us) AS us
      FROM bookings b CROSS JOIN LATERAL analytics_hour_slices(b.period * tstzrange($2, $3)) AS h
     WHERE b.facility_id = ANY($1::uuid[]) AND b.status IN ('confirmed', 'completed') AND b.period && tstzrange($2, $3)
     GROUP BY 1, 2, 3
  )
  SELECT facility_id, space_type, array_agg(hour ORDER BY hour) AS hours, array_agg(us ORDER BY hour) AS "bookedUs"
    FROM hours GROUP BY 1, 2`;

/**
 * Backtests every space type of `sample` facilities; prints one table (per type over days 1–14,
 * and all types per horizon week) and answers the tallies.
 */
export async function backtestPerType({ pool, forecast, sample, origins, firstMs, endMs, testWeeks, horizonDays, modelOptions, withPrior = true, log }) {
  const { ForecastErrorTally, closedHours, fitOccupancyModel, forecastOccupancy, hourlyOccupancyFromHourSums, seasonalNaiveForecast } = forecast;
  const hours = (endMs - firstMs) / HOUR_MS;
  const ids = sample.map((f) => f.id);
  const capacities = new Map();
  for (const row of (
    await pool.query(
      `SELECT facility_id, space_type, count(*)::int AS n FROM spaces WHERE facility_id = ANY($1::uuid[]) AND active GROUP BY 1, 2 ORDER BY 1, 2`,
      [ids],
    )
  ).rows) {
    const list = capacities.get(row.facility_id) ?? [];
    list.push({ spaceType: row.space_type, capacity: row.n });
    capacities.set(row.facility_id, list);
  }
  const closures = new Map();
  for (const b of (
    await pool.query(
      `SELECT facility_id, space_type, lower(period) AS start, upper(period) AS end FROM facility_blackouts
        WHERE facility_id = ANY($1::uuid[]) AND space_ids IS NULL AND period && tstzrange($2, $3)`,
      [ids, new Date(firstMs), new Date(endMs)],
    )
  ).rows) {
    const key = `${b.facility_id}|${b.space_type ?? '*'}`;
    const list = closures.get(key) ?? [];
    list.push({ startMs: b.start.getTime(), endMs: b.end.getTime() });
    closures.set(key, list);
  }

  const byType = new Map();
  const tallyOf = (type) => {
    if (!byType.has(type))
      byType.set(
        type,
        Array.from({ length: horizonDays }, () => ({ model: new ForecastErrorTally(), naive: new ForecastErrorTally() })),
      );
    return byType.get(type);
  };
  let readMs = 0;
  let fits = 0;
  let series = 0;
  const started = performance.now();
  for (let b = 0; b < sample.length; b += BATCH) {
    const batch = sample.slice(b, b + BATCH);
    const t0 = performance.now();
    const rows = (await pool.query(HISTORY_BY_TYPE, [batch.map((f) => f.id), new Date(firstMs), new Date(endMs)])).rows;
    readMs += performance.now() - t0;
    const sums = new Map(rows.map((row) => [`${row.facility_id}|${row.space_type}`, row]));
    for (const f of batch) {
      const types = capacities.get(f.id) ?? [];
      const occupancyOf = new Map(
        types.map(({ spaceType }) => [spaceType, hourlyOccupancyFromHourSums(sums.get(`${f.id}|${spaceType}`) ?? { hours: [], bookedUs: [] }, firstMs, endMs)]),
      );
      // The whole facility's profile at each origin, which a type's model leans on as the nightly
      // job's does (there from the rollups; here the sum of the types' hours, the same bookings).
      const priors = [];
      if (withPrior && types.length) {
        const all = new Float64Array(hours);
        for (const occupancy of occupancyOf.values()) for (let i = 0; i < hours; i++) all[i] += occupancy.values[i];
        const closedAll = closedHours({
          startMs: firstMs,
          hours,
          timeZone: f.timeZone,
          openingHours: f.openingHours,
          closures: closures.get(`${f.id}|*`) ?? [],
        });
        const capacityAll = types.reduce((sum, t) => sum + t.capacity, 0);
        for (const originMs of origins) {
          const at = (originMs - firstMs) / HOUR_MS;
          const facilityModel = fitOccupancyModel(
            { occupancy: { startMs: firstMs, values: all.subarray(0, at) }, closed: closedAll.subarray(0, at), timeZone: f.timeZone, capacity: capacityAll },
            modelOptions,
          );
          priors.push(facilityModel.profile);
        }
      }
      for (const { spaceType, capacity } of types) {
        series++;
        const occupancy = occupancyOf.get(spaceType);
        const closed = closedHours({
          startMs: firstMs,
          hours,
          timeZone: f.timeZone,
          openingHours: f.openingHours,
          closures: [...(closures.get(`${f.id}|*`) ?? []), ...(closures.get(`${f.id}|${spaceType}`) ?? [])],
        });
        const tallies = tallyOf(spaceType);
        origins.forEach((originMs, j) => {
          const at = (originMs - firstMs) / HOUR_MS;
          const history = { startMs: firstMs, values: occupancy.values.subarray(0, at) };
          const model = fitOccupancyModel(
            { occupancy: history, closed: closed.subarray(0, at), timeZone: f.timeZone, capacity, priorProfile: priors[j] },
            modelOptions,
          );
          const ahead = Math.min(horizonDays * 24, hours - at);
          const predicted = forecastOccupancy(model, ahead, closed.subarray(at, at + ahead)).values;
          const naive = seasonalNaiveForecast(history, f.timeZone, ahead).values;
          fits++;
          for (let h = 0; h < ahead; h++) {
            const d = Math.floor(h / 24);
            const testWeek = d < 7 ? j + 1 : j;
            if (testWeek < 1 || testWeek > testWeeks || closed[at + h]) continue;
            tallies[d].model.add(predicted[h], occupancy.values[at + h]);
            tallies[d].naive.add(naive[h], occupancy.values[at + h]);
          }
        });
      }
    }
    log(
      `  ${Math.min(b + BATCH, sample.length).toLocaleString('en-US')} / ${sample.length.toLocaleString('en-US')} facilities by type (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }

  const sum = (tallies, days) => {
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
    log(
      `  ${label.padEnd(22)}${f2(t.model.mae)}  ${f2(t.naive.mae)}  ${(t.model.mae / t.naive.mae).toFixed(3).padStart(11)}  ${pct(t.model.mape)}  ${pct(t.naive.mape)}  ${t.model.hours.toLocaleString('en-US').padStart(12)}`,
    );
  const allDays = Array.from({ length: horizonDays }, (_, d) => d);
  const total = Array.from({ length: horizonDays }, () => ({ model: new ForecastErrorTally(), naive: new ForecastErrorTally() }));
  log(
    `\n  Per space type: ${series.toLocaleString('en-US')} (facility, type) series of ${sample.length.toLocaleString('en-US')} facilities, each type's capacity its active spaces; ${withPrior ? "leaning on the facility's profile" : "without the facility's profile"}.`,
  );
  log('  type, horizon           model MAE  naive MAE  model/naive  model MAPE  naive MAPE   open hours');
  for (const [type, tallies] of byType) {
    line(`${type}, days 1–14`, sum(tallies, allDays));
    tallies.forEach((t, d) => {
      total[d].model.merge(t.model);
      total[d].naive.merge(t.naive);
    });
  }
  line('all types, days 1–7', sum(total, allDays.slice(0, 7)));
  line('all types, days 8–14', sum(total, allDays.slice(7)));
  const all = sum(total, allDays);
  line('all types, days 1–14', all);
  log(
    `  ${fits.toLocaleString('en-US')} fits; per-type history read from bookings in ${(readMs / 1000).toFixed(1)} s (${(((readMs / Math.max(1, sample.length)) * BATCH) / 1000).toFixed(2)} s per ${BATCH} facilities over ${Math.round((endMs - firstMs) / (7 * DAY_MS))} weeks)`,
  );
  return all;
}
