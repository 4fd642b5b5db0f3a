import { averageOver, expectedOccupancy, FORECAST_HORIZON_DAYS, forecastLevel, isExpectedFull, usuallyFullBy } from './forecast-reading.js';
import { HOUR_MS } from './local-week.js';
import type { OccupancyModel } from './occupancy-model.js';

const BERLIN = 'Europe/Berlin';
// Monday 4 May 2026 00:00 in Berlin (UTC+2).
const MONDAY = Date.UTC(2026, 4, 3, 22);

/** A flat model (no trend) whose typical week is `spaces(slot)` on a car park of `capacity`. */
function model(spaces: (day: number, hour: number) => number, capacity = 20, weeksFitted = 8): OccupancyModel {
  const profile = new Float64Array(168);
  for (let s = 0; s < 168; s++) profile[s] = spaces(Math.floor(s / 24), s % 24) / 10;
  return { timeZone: BERLIN, capacity, originMs: MONDAY, level: 10, trendPerWeek: 0, trendDamping: 0.95, profile, weeksFitted };
}

/** Full from 08:00 to 18:00 on working days, after an hour at half. */
const commuters = (day: number, hour: number) => (day < 5 ? (hour >= 8 && hour < 18 ? 20 : hour === 7 ? 10 : 0) : 0);

describe('usuallyFullBy', () => {
  it('reads the weekday time at which the typical week reaches 90 %, interpolated between hour middles and rounded up to the quarter', () => {
    // 07:30 holds 10 (half), 08:30 holds 20: 18 is reached at 07:30 + 0.8 h = 08:18, so "by 08:30".
    expect(usuallyFullBy(model(commuters))).toBe('08:30 on weekdays');
  });

  it('needs three weekdays, else both weekend days, and two weeks of history', () => {
    expect(usuallyFullBy(model((day, hour) => (day < 2 && hour === 12 ? 20 : 0)))).toBeNull();
    // Saturday full from 11:00, Sunday from 10:00: read at the hours' middles, 11:24 and 10:24; the later one.
    expect(usuallyFullBy(model((day, hour) => (day >= 5 && hour >= 11 - (day - 5) ? 20 : 0)))).toBe('11:30 at weekends');
    expect(usuallyFullBy(model(commuters, 20, 1))).toBeNull();
  });
});

describe('expectedOccupancy', () => {
  it('forecasts from the origin, reads the typical week before it, closes closed hours and stops at the horizon', () => {
    const m = model(commuters);
    const start = MONDAY - 2 * HOUR_MS; // Sunday 22:00
    const hours = FORECAST_HORIZON_DAYS * 24 + 4;
    const closed = new Uint8Array(hours);
    closed[2 + 9] = 1; // Monday 09:00
    const values = expectedOccupancy(m, start, hours, closed);
    expect(values[0]).toBe(0); // Sunday night, from the typical week
    expect(values[2 + 8]).toBeCloseTo(20, 6);
    expect(values[2 + 9]).toBe(0);
    expect(values[2 + 10]).toBeCloseTo(20, 6);
    expect(values[hours - 3]).toBe(0); // the last hour of the horizon, a Tuesday 23:00
    expect(values[hours - 2]).toBeNaN();
  });

  it('averages two UTC hours for an hour of a zone half an hour off', () => {
    const values = Float64Array.from([0, 10, 20]);
    expect(averageOver(values, 0, HOUR_MS / 2, (3 * HOUR_MS) / 2)).toBe(5);
    expect(averageOver(values, 0, 2 * HOUR_MS, 4 * HOUR_MS)).toBeNaN();
  });
});

describe('levels', () => {
  it('calls an hour full when fewer than max(1, 10 % of capacity) spaces are expected free', () => {
    expect(isExpectedFull(91, 100)).toBe(true);
    expect(isExpectedFull(90, 100)).toBe(false);
    expect(isExpectedFull(4.1, 5)).toBe(true);
    expect(isExpectedFull(4, 5)).toBe(false);
    expect([10, 45, 75, 95].map((e) => forecastLevel(e, 100))).toEqual(['low', 'moderate', 'high', 'full']);
  });
});
