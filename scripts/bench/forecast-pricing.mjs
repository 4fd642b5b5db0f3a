// The pricing simulation of `npm run bench:forecast`: the last 8 weeks replayed with and without
// accepted price suggestions (api/src/price-suggestions, the API's own rules from api/dist).
//
// For each test week, each facility gets the suggestion the API would make from the 4 weeks before
// (and the occupancy forecast fitted on everything before), the operator accepts it, and the
// week's observed demand is replayed at the new prices under the rules' constant price elasticity:
// each hour's observed occupancy times (new price / old price) ** elasticity, capped at the
// facility's spaces (drivers beyond them are turned away and counted). Observed occupancy is
// taken as the demand: in hours that were full the true demand may have been higher, so the
// simulation understates what raises keep and what cuts turn away. Weeks after an accepted
// suggestion read the simulated history, and, as in the API, only the weeks at the card in force
// (a changed card waits for two weeks at its prices), so suggestions build on each other as they would.
//
// The data set's occupancy is per facility (all space types together): each facility is one pool
// of its active spaces at the rate card of its largest space type. Revenue is occupancy × the hourly
// price of each hour (daily maximums not modelled), converted to EUR at the newest rate in
// fx_rates. Three operators are simulated: one who never set a floor (cuts stop at the hourly
// rate) and accepts everything, one whose floor is 80 % of the hourly rate and accepts everything,
// and one with that floor who accepts only suggestions expected to add revenue. The database is
// only read.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const HOUR_MS = 3_600_000;
const WEEK_HOURS = 168;
const FLOOR_SHARE = 0.8;
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * Prepares the simulation for `facilities` (as the backtest reads them: id, timeZone, capacity);
 * `add` runs one facility from its hourly occupancy and closed hours, `print` prints the tables.
 */
export async function pricingSimulation({ pool, apiDist, forecast, modelOptions, facilities, testWeeks, endMs }) {
  const rules = await import(pathToFileURL(resolve(apiDist, 'price-suggestions/suggestion-rules.js')).href);
  const { fitOccupancyModel, forecastOccupancy, localWeekSlots } = forecast;
  const elasticity = process.env.BENCH_PRICE_ELASTICITY ? Number(process.env.BENCH_PRICE_ELASTICITY) : rules.PRICE_ELASTICITY_OF_DEMAND;
  const maxStepPercent = process.env.PRICE_SUGGESTION_MAX_STEP_PERCENT ? Number(process.env.PRICE_SUGGESTION_MAX_STEP_PERCENT) : 20;

  // Each facility's rate card of its largest type (most active spaces), and its currency.
  const rates = new Map(
    (
      await pool.query(
        `SELECT DISTINCT ON (r.facility_id) r.facility_id AS id, r.space_type AS "spaceType", r.hourly_cents AS "hourlyCents",
                r.daily_max_cents AS "dailyMaxCents", r.multipliers, f.currency
           FROM rates r JOIN facilities f ON f.id = r.facility_id
          WHERE r.facility_id = ANY($1)
          ORDER BY r.facility_id, (SELECT count(*) FROM spaces s WHERE s.facility_id = r.facility_id AND s.space_type = r.space_type AND s.active) DESC, r.space_type`,
        [facilities.map((f) => f.id)],
      )
    ).rows.map(({ id, currency, ...rate }) => [id, { rate, currency }]),
  );
  const unitsPerEur = new Map(
    (await pool.query(`SELECT DISTINCT ON (currency) currency, units_per_eur::float8 AS units FROM fx_rates ORDER BY currency, date DESC`)).rows.map((r) => [
      r.currency,
      r.units,
    ]),
  );
  unitsPerEur.set('EUR', 1);

  const floorOf = (rate) => Math.max(1, Math.round(rate.hourlyCents * FLOOR_SHARE));
  const variants = [
    { name: 'no floor, accepting every suggestion', floor: () => null, accepts: () => true },
    { name: `a floor at ${Math.round(FLOOR_SHARE * 100)} % of the hourly rate, accepting every suggestion`, floor: floorOf, accepts: () => true },
    {
      name: `a floor at ${Math.round(FLOOR_SHARE * 100)} % of the hourly rate, accepting only suggestions expected to add revenue`,
      floor: floorOf,
      accepts: (outcome) => outcome.weeklyRevenueChangeCents > 0,
    },
  ];
  const tally = () => ({
    openSpaceHours: 0,
    occupied: 0,
    revenueEur: 0,
    turnedAway: 0,
    changedHours: 0,
    openHours: 0,
    accepted: 0,
    raisedHours: 0,
    cutHours: 0,
  });
  const base = Array.from({ length: testWeeks }, tally);
  const simulated = variants.map(() => Array.from({ length: testWeeks }, tally));
  let skipped = 0;

  /** The factor of each local week slot under a rate card. */
  const slotMultipliers = (multipliers) =>
    Float64Array.from(
      { length: WEEK_HOURS },
      (_, slot) => rules.multiplierOverHour(multipliers, slot) ?? rules.multiplierAt(multipliers, Math.floor(slot / 24), (slot % 24) * 60),
    );

  /** Mean of each local slot over `WEEK_HOURS` hours of `values` from index `at`. */
  const weekBySlot = (values, at, slots) => {
    const sums = new Float64Array(WEEK_HOURS);
    const counts = new Uint8Array(WEEK_HOURS);
    for (let h = 0; h < WEEK_HOURS; h++) {
      sums[slots[at + h]] += values[at + h];
      counts[slots[at + h]]++;
    }
    return sums.map((sum, slot) => (counts[slot] ? sum / counts[slot] : NaN));
  };

  function add(f, occupancy, closed, firstMs) {
    const found = rates.get(f.id);
    if (!found || found.rate.hourlyCents <= 0) {
      skipped++;
      return;
    }
    const { rate: original, currency } = found;
    const toEur = 1 / 100 / (unitsPerEur.get(currency) ?? 1);
    const hours = occupancy.values.length;
    const slots = localWeekSlots(firstMs, hours, f.timeZone);
    const originalFactors = slotMultipliers(original.multipliers);
    const firstTestAt = (endMs - testWeeks * WEEK_HOURS * HOUR_MS - firstMs) / HOUR_MS;

    for (let w = 0; w < testWeeks; w++) {
      const at = firstTestAt + w * WEEK_HOURS;
      const t = base[w];
      for (let h = at; h < at + WEEK_HOURS; h++) {
        if (closed[h]) continue;
        t.openHours++;
        t.openSpaceHours += f.capacity;
        t.occupied += occupancy.values[h];
        t.revenueEur += occupancy.values[h] * original.hourlyCents * originalFactors[slots[h]] * toEur;
      }
    }

    // A forecast fitted on the observed history is the same for every operator who has not changed a card yet.
    const observedForecasts = new Map();
    const forecastFor = (unchanged, values, at) => {
      if (unchanged && observedForecasts.has(at)) return observedForecasts.get(at);
      const model = fitOccupancyModel(
        { occupancy: { startMs: firstMs, values: values.subarray(0, at) }, closed: closed.subarray(0, at), timeZone: f.timeZone, capacity: f.capacity },
        modelOptions,
      );
      const predicted = forecastOccupancy(model, WEEK_HOURS, closed.subarray(at, at + WEEK_HOURS)).values;
      if (unchanged) observedForecasts.set(at, predicted);
      return predicted;
    };

    variants.forEach((variant, v) => {
      let rate = original;
      // The test week from which the card in force applies: as in the API, only weeks at it are read.
      let changedInWeek = -Infinity;
      const history = Float64Array.from(occupancy.values);
      for (let w = 0; w < testWeeks; w++) {
        const at = firstTestAt + w * WEEK_HOURS;
        const weeks = [];
        for (let k = rules.HISTORY_WEEKS; k >= 1; k--) if (w - k >= changedInWeek) weeks.push(weekBySlot(history, at - k * WEEK_HOURS, slots));
        // Fewer weeks at the card than a verdict needs: nothing can be suggested, so nothing to fit.
        const predicted = weeks.length < rules.MIN_WEEKS ? new Float64Array(WEEK_HOURS).fill(NaN) : forecastFor(changedInWeek === -Infinity, history, at);
        const expected = new Float64Array(WEEK_HOURS).fill(NaN);
        const closedSlots = new Array(WEEK_HOURS).fill(false);
        for (let h = 0; h < WEEK_HOURS; h++) {
          expected[slots[at + h]] = predicted[h];
          closedSlots[slots[at + h]] = closed[at + h] === 1;
        }
        const outcome = rules.suggestPrices({
          capacity: f.capacity,
          currency,
          rate,
          floorCents: variant.floor(original),
          maxStepPercent,
          history: weeks,
          rateChangedOn: changedInWeek > -Infinity ? day(endMs - (testWeeks - changedInWeek) * WEEK_HOURS * HOUR_MS) : null,
          expected,
          closed: closedSlots,
          elasticity,
        });
        const t = simulated[v][w];
        if (outcome.suggested && variant.accepts(outcome)) {
          rate = outcome.suggested;
          changedInWeek = w;
          t.accepted++;
        }
        const factors = slotMultipliers(rate.multipliers);
        for (let h = at; h < at + WEEK_HOURS; h++) {
          if (closed[h]) continue;
          const slot = slots[h];
          const oldPrice = original.hourlyCents * originalFactors[slot];
          const price = rate.hourlyCents * factors[slot];
          const ratio = oldPrice > 0 ? price / oldPrice : 1;
          const demand = occupancy.values[h] * ratio ** elasticity;
          const occupied = Math.min(f.capacity, demand);
          history[h] = occupied;
          t.openHours++;
          t.openSpaceHours += f.capacity;
          t.occupied += occupied;
          t.turnedAway += Math.max(0, demand - f.capacity);
          t.revenueEur += occupied * price * toEur;
          if (ratio > 1) t.raisedHours++;
          else if (ratio < 1) t.cutHours++;
        }
      }
    });
  }

  function print() {
    const n = (v) => Math.round(v).toLocaleString('en-US');
    const pct = (v) => `${v >= 0 ? '+' : ''}${v.toFixed(2)} %`;
    const share = (t) => (t.openSpaceHours ? (t.occupied / t.openSpaceHours) * 100 : 0);
    const sum = (list) => list.reduce((a, t) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] + t[k]])), tally());
    console.log(`\n  Pricing simulation: the last ${testWeeks} weeks with and without accepted price suggestions`);
    console.log(`  ${rules.elasticityAssumption(elasticity)}`);
    console.log(
      `  Suggestions: the API's rules (step ≤ ${maxStepPercent} %, ${rules.HISTORY_WEEKS} weeks of history before each week, the forecast fitted on all before it); ` +
        `a suggestion accepted the Monday it is made; as in the API, the weeks read are those at the card in force, so a card changes at most every 2 weeks. Each facility is one pool of its active spaces at its largest type's rate card; revenue in EUR at the newest fx_rates.`,
    );
    console.log(`  ${n(facilities.length - skipped)} facilities simulated${skipped ? ` (${skipped} without a priced rate left out)` : ''}.`);
    variants.forEach((variant, v) => {
      console.log(`\n  Operator with ${variant.name}:`);
      console.log(
        '  week of        revenue without €   revenue with €   change    occupancy without  with     turned away   accepted  hours raised   hours cut',
      );
      const line = (label, b, s) =>
        console.log(
          `  ${label.padEnd(13)}${n(b.revenueEur).padStart(18)}${n(s.revenueEur).padStart(17)}${pct((s.revenueEur / b.revenueEur - 1) * 100).padStart(10)}` +
            `${`${share(b).toFixed(2)} %`.padStart(20)}${`${share(s).toFixed(2)} %`.padStart(10)}${n(s.turnedAway).padStart(14)}${n(s.accepted).padStart(11)}` +
            `${n(s.raisedHours).padStart(14)}${n(s.cutHours).padStart(12)}`,
        );
      for (let w = 0; w < testWeeks; w++) line(day(endMs - (testWeeks - w) * WEEK_HOURS * HOUR_MS), base[w], simulated[v][w]);
      const b = sum(base);
      const s = sum(simulated[v]);
      line('all weeks', b, s);
      console.log(
        `  Over ${testWeeks} weeks: revenue ${pct((s.revenueEur / b.revenueEur - 1) * 100)} (€${n(s.revenueEur - b.revenueEur)}), occupancy ${share(s).toFixed(2)} % vs ${share(b).toFixed(2)} % ` +
          `(${(share(s) - share(b)).toFixed(2)} points), ${n(s.turnedAway)} space-hours of demand turned away; occupancy and turned away in space-hours of open hours.`,
      );
    });
  }

  return { add, print };
}
