import { fitOccupancyModel, forecastOccupancy, typicalWeek } from './occupancy-model.js';
import { meanAbsoluteError } from './forecast-accuracy.js';
import { seasonalNaiveForecast } from './seasonal-naive.js';
import { closedHours } from './closed-hours.js';
import { HOUR_MS, localWeekSlots } from './local-week.js';
import type { OpeningHours } from '@aiparksit/shared';
import type { HourlyOccupancy } from './hourly-occupancy.js';

const BERLIN = 'Europe/Berlin';
const WEEK = 168;

/** A weekday-by-hour pattern with a midday peak, different on every weekday. */
function pattern(slot: number): number {
  const day = Math.floor(slot / 24);
  const hour = slot % 24;
  const peak = day < 5 ? 30 : 12;
  return 2 + day * 0.5 + peak * Math.exp(-(((hour - 12) / 4) ** 2));
}

function series(startMs: number, hours: number, valueOf: (slot: number, i: number) => number): HourlyOccupancy {
  const slots = localWeekSlots(startMs, hours, BERLIN);
  return { startMs, values: Float64Array.from(slots, (slot, i) => valueOf(slot, i)) };
}

/** Index of the largest deviation, for messages that say which hour was off. */
function worstError(forecast: Float64Array, expected: ArrayLike<number>): number {
  let worst = 0;
  forecast.forEach((value, i) => (worst = Math.max(worst, Math.abs(value - expected[i]!))));
  return worst;
}

// Monday 4 May 2026 00:00 in Berlin (UTC+2): twelve weeks with no DST change in them or after.
const MAY = Date.UTC(2026, 4, 3, 22);

describe('fitOccupancyModel and forecastOccupancy', () => {
  it('forecasts a pure weekly pattern to within 1e-9 spaces for the next 14 days', () => {
    const history = series(MAY, 8 * WEEK, (slot) => pattern(slot));
    const model = fitOccupancyModel({ occupancy: history, timeZone: BERLIN, capacity: 50 });
    const forecast = forecastOccupancy(model, 14 * 24);

    const expected = Array.from(localWeekSlots(model.originMs, 14 * 24, BERLIN), (slot) => pattern(slot));
    expect(forecast.startMs).toBe(MAY + 8 * WEEK * HOUR_MS);
    expect(worstError(forecast.values, expected)).toBeLessThan(1e-9);
    expect(model.trendPerWeek).toBeCloseTo(0, 12);
  });

  it('follows a linear trend: 14-day MAE under a quarter of seasonal-naive’s', () => {
    // Traffic grows by 4 % of the first week's every week, in every hour alike (the model's view
    // of growth: more drivers, each hour in proportion).
    const growth = (i: number) => 1 + (0.04 * i) / WEEK;
    const history = series(MAY, 10 * WEEK, (slot, i) => pattern(slot) * growth(i));
    const model = fitOccupancyModel({ occupancy: history, timeZone: BERLIN, capacity: 100 });
    const hours = 14 * 24;
    const actual = series(model.originMs, hours, (slot, h) => pattern(slot) * growth(10 * WEEK + h)).values;

    const modelError = meanAbsoluteError(forecastOccupancy(model, hours).values, actual);
    const naiveError = meanAbsoluteError(seasonalNaiveForecast(history, BERLIN, hours).values, actual);
    expect(modelError).toBeLessThan(naiveError / 4);
  });

  it('forecasts 0 for closed hours and ignores whatever the history holds in them', () => {
    const weekdaysSevenToTen: OpeningHours = {
      mon: [['07:00', '22:00']],
      tue: [['07:00', '22:00']],
      wed: [['07:00', '22:00']],
      thu: [['07:00', '22:00']],
      fri: [['07:00', '22:00']],
      sat: [],
      sun: [],
    };
    const hours = 8 * WEEK;
    const closed = closedHours({ startMs: MAY, hours, timeZone: BERLIN, openingHours: weekdaysSevenToTen });
    // Closed hours carry nonsense: if the fit read them, the open hours would be far off.
    const history = series(MAY, hours, (slot, i) => (closed[i] ? 1000 : pattern(slot)));
    const model = fitOccupancyModel({ occupancy: history, closed, timeZone: BERLIN, capacity: 50 });

    const ahead = closedHours({ startMs: model.originMs, hours: 14 * 24, timeZone: BERLIN, openingHours: weekdaysSevenToTen });
    const forecast = forecastOccupancy(model, 14 * 24, ahead);
    const slots = localWeekSlots(model.originMs, 14 * 24, BERLIN);
    const expected = Array.from(slots, (slot, h) => (ahead[h] ? 0 : pattern(slot)));
    expect(worstError(forecast.values, expected)).toBeLessThan(1e-9);
    expect(ahead.filter((c) => c === 1).length).toBe(14 * 24 - 10 * 15); // ten open days of 15 hours
  });

  it('keeps the pattern on the local clock across the autumn DST change', () => {
    // Monday 7 September 2026 in Berlin (UTC+2); clocks go back on Sunday 25 October.
    const start = Date.UTC(2026, 8, 6, 22);
    const history = series(start, 7 * WEEK, (slot) => pattern(slot));
    const model = fitOccupancyModel({ occupancy: history, timeZone: BERLIN, capacity: 50 });
    const hours = 14 * 24 + 1; // the week with the 25-hour Sunday has 169 hours
    const forecast = forecastOccupancy(model, hours);
    const expected = Array.from(localWeekSlots(model.originMs, hours, BERLIN), (slot) => pattern(slot));
    expect(worstError(forecast.values, expected)).toBeLessThan(1e-9);

    // The weekday noon peak sits at 12:00 local: 10:00 UTC in summer, 11:00 UTC in winter.
    const tuesdayNoon = pattern(1 * 24 + 12);
    expect(history.values[(Date.parse('2026-10-20T10:00:00Z') - start) / HOUR_MS]).toBe(tuesdayNoon);
    expect(forecast.values[(Date.parse('2026-10-27T11:00:00Z') - model.originMs) / HOUR_MS]).toBeCloseTo(tuesdayNoon, 9);
  });

  it('learns the pattern on the local clock from a history across the spring DST change', () => {
    // Monday 2 March 2026 in Berlin (UTC+1); clocks go forward on Sunday 29 March.
    const start = Date.UTC(2026, 2, 1, 23);
    const history = series(start, 5 * WEEK, (slot) => pattern(slot));
    const model = fitOccupancyModel({ occupancy: history, timeZone: BERLIN, capacity: 50 });
    const forecast = forecastOccupancy(model, 7 * 24);
    const expected = Array.from(localWeekSlots(model.originMs, 7 * 24, BERLIN), (slot) => pattern(slot));
    expect(worstError(forecast.values, expected)).toBeLessThan(1e-9);
  });

  it('never forecasts above capacity or below zero', () => {
    const rising = series(MAY, 8 * WEEK, (slot, i) => Math.min(40, pattern(slot) + (i / WEEK) * 3));
    const up = forecastOccupancy(fitOccupancyModel({ occupancy: rising, timeZone: BERLIN, capacity: 40 }), 14 * 24).values;
    expect(Math.max(...up)).toBe(40);

    const falling = series(MAY, 8 * WEEK, (slot, i) => Math.max(0, pattern(slot) - (i / WEEK) * 4));
    const down = forecastOccupancy(fitOccupancyModel({ occupancy: falling, timeZone: BERLIN, capacity: 40 }), 14 * 24).values;
    expect(Math.min(...down)).toBe(0);
    expect(down.every((v) => v >= 0 && v <= 40)).toBe(true);
  });

  it('lets noisy weekdays borrow from each other, and keeps the profile readable as spaces', () => {
    // Monday to Friday share one shape; each week adds its own noise (deterministic).
    const noise = (i: number) => Math.sin(i * 12.9898) * 3;
    const shape = (slot: number) => (slot < 5 * 24 ? pattern(12) * Math.exp(-((((slot % 24) - 12) / 4) ** 2)) + 2 : 2);
    const history = series(MAY, 6 * WEEK, (slot, i) => Math.max(0, shape(slot) + noise(i)));
    const model = fitOccupancyModel({ occupancy: history, timeZone: BERLIN, capacity: 50 });
    const week = typicalWeek(model);
    // The five noon slots end up closer to each other than each week's noisy readings are.
    const noons = [0, 1, 2, 3, 4].map((d) => week[d * 24 + 12]!);
    expect(Math.max(...noons) - Math.min(...noons)).toBeLessThan(2);
    expect(noons[0]).toBeCloseTo(shape(12), -0.5);
  });

  it('forecasts nothing from a history with no booking at all', () => {
    const empty = { startMs: MAY, values: new Float64Array(4 * WEEK) };
    const model = fitOccupancyModel({ occupancy: empty, timeZone: BERLIN, capacity: 10 });
    expect(forecastOccupancy(model, 48).values.every((v) => v === 0)).toBe(true);
    expect(model.weeksFitted).toBe(0);
  });
});

describe('fitOccupancyModel with a prior profile (a space type leaning on its facility)', () => {
  const facilityProfile = () => fitOccupancyModel({ occupancy: series(MAY, 8 * WEEK, (slot) => pattern(slot)), timeZone: BERLIN, capacity: 50 }).profile;

  it('lets a series of a few cars an hour take the shape of the prior where its own weeks are noise', () => {
    // A twentieth of the facility's pattern, each hour either none or twice its share (a fixed pseudo-random draw).
    let seed = 7;
    const draw = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const truth = (slot: number) => pattern(slot) / 20;
    const history = series(MAY, 8 * WEEK, (slot) => (draw() < 0.5 ? 0 : 2 * truth(slot)));
    const own = fitOccupancyModel({ occupancy: history, timeZone: BERLIN, capacity: 5 });
    const leaning = fitOccupancyModel({ occupancy: history, timeZone: BERLIN, capacity: 5, priorProfile: facilityProfile() });
    const expected = Array.from(localWeekSlots(own.originMs, 14 * 24, BERLIN), (slot) => truth(slot));
    const ownError = meanAbsoluteError(forecastOccupancy(own, 14 * 24).values, expected);
    const leaningError = meanAbsoluteError(forecastOccupancy(leaning, 14 * 24).values, expected);
    expect(leaningError).toBeLessThan(0.6 * ownError);
  });

  it('keeps the shape of a series whose weeks repeat exactly, whatever the prior says', () => {
    const history = series(MAY, 8 * WEEK, (slot) => pattern(slot));
    const flat = new Float64Array(WEEK).fill(1);
    const model = fitOccupancyModel({ occupancy: history, timeZone: BERLIN, capacity: 50, priorProfile: flat });
    const expected = Array.from(localWeekSlots(model.originMs, 14 * 24, BERLIN), (slot) => pattern(slot));
    expect(worstError(forecastOccupancy(model, 14 * 24).values, expected)).toBeLessThan(1e-9);
  });
});

describe('seasonalNaiveForecast', () => {
  it('repeats the same local hour of last week, also across a DST change', () => {
    // History ends Monday 26 October 2026 00:00 in Berlin, the day after clocks went back.
    const start = Date.UTC(2026, 9, 11, 22);
    const history = series(start, 2 * WEEK + 1, (slot) => pattern(slot));
    expect(history.startMs + history.values.length * HOUR_MS).toBe(Date.UTC(2026, 9, 25, 23));
    const forecast = seasonalNaiveForecast(history, BERLIN, 14 * 24);
    const expected = Array.from(localWeekSlots(forecast.startMs, 14 * 24, BERLIN), (slot) => pattern(slot));
    expect(worstError(forecast.values, expected)).toBe(0);
  });
});
