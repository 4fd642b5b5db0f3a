import { FORECAST_FULL_FREE_SHARE, type ForecastLevel } from '@aiparksit/shared';
import { HOUR_MS, localWeekSlots } from './local-week.js';
import { forecastOccupancy, typicalWeek, type OccupancyModel } from './occupancy-model.js';

/**
 * Reading a stored model: what the API answers. The model forecasts from its origin (the nightly
 * fit's hour); the first hours of today before it are the typical week at the fitted level, and
 * hours more than FORECAST_HORIZON_DAYS after it are not forecast (a model that old has missed
 * several nightly fits).
 */
export const FORECAST_HORIZON_DAYS = 16;

/** Share of capacity expected taken from which an hour is `high`, and `moderate`. */
const HIGH_SHARE = 0.7;
const MODERATE_SHARE = 0.4;
/** "Usually full by": the typical week reaches this share of capacity. */
const USUALLY_FULL_SHARE = 0.9;
const WEEKDAYS = [0, 1, 2, 3, 4];
const WEEKEND = [5, 6];

/**
 * Expected occupied spaces for each UTC hour from `startMs` (a UTC hour boundary): 0 where
 * `closed`, NaN beyond the horizon.
 */
export function expectedOccupancy(model: OccupancyModel, startMs: number, hours: number, closed: Uint8Array): Float64Array {
  const values = new Float64Array(hours).fill(NaN);
  const before = Math.min(hours, Math.max(0, Math.round((model.originMs - startMs) / HOUR_MS)));
  if (before > 0) {
    const typical = typicalWeek(model);
    const slots = localWeekSlots(startMs, before, model.timeZone);
    for (let i = 0; i < before; i++) values[i] = typical[slots[i]!]!;
  }
  const horizonEndMs = model.originMs + FORECAST_HORIZON_DAYS * 24 * HOUR_MS;
  const firstAfter = before;
  const lastAfter = Math.min(hours, Math.round((horizonEndMs - startMs) / HOUR_MS));
  if (lastAfter > firstAfter) {
    const offset = Math.round((startMs + firstAfter * HOUR_MS - model.originMs) / HOUR_MS);
    const forecast = forecastOccupancy(model, offset + lastAfter - firstAfter).values;
    for (let i = firstAfter; i < lastAfter; i++) values[i] = forecast[offset + i - firstAfter]!;
  }
  for (let i = 0; i < hours; i++) if (closed[i]) values[i] = 0;
  return values;
}

/**
 * The average of an hourly series (UTC hours from `gridStartMs`) over [fromMs, toMs): an hour of
 * a zone whose offset is not whole hours spans two UTC hours. NaN when any part is NaN.
 */
export function averageOver(values: Float64Array, gridStartMs: number, fromMs: number, toMs: number): number {
  let sum = 0;
  for (let i = Math.floor((fromMs - gridStartMs) / HOUR_MS); gridStartMs + i * HOUR_MS < toMs; i++) {
    const a = Math.max(fromMs, gridStartMs + i * HOUR_MS);
    const b = Math.min(toMs, gridStartMs + (i + 1) * HOUR_MS);
    if (b > a) sum += (values[i] ?? NaN) * (b - a);
  }
  return sum / (toMs - fromMs);
}

/** Fewer than max(1, 10 % of capacity) spaces expected free: the hour will likely fill up. */
export function isExpectedFull(expected: number, capacity: number): boolean {
  return capacity - expected < Math.max(1, FORECAST_FULL_FREE_SHARE * capacity);
}

export function forecastLevel(expected: number, capacity: number): ForecastLevel {
  if (isExpectedFull(expected, capacity)) return 'full';
  const share = expected / capacity;
  if (share >= HIGH_SHARE) return 'high';
  return share >= MODERATE_SHARE ? 'moderate' : 'low';
}

/**
 * "08:30 on weekdays": the local time the typical week reaches 90 % of capacity, on at least three
 * of Monday–Friday (their median) — or else on both weekend days (the later) — rounded up to the
 * quarter hour; null when neither, or with under two weeks of history. An hour's value is its
 * average, read at its middle; the crossing is interpolated between the middles of two hours.
 */
export function usuallyFullBy(model: OccupancyModel): string | null {
  if (model.capacity <= 0 || model.weeksFitted < 2) return null;
  const week = typicalWeek(model);
  const target = USUALLY_FULL_SHARE * model.capacity;
  const crossing = (day: number): number | null => {
    for (let hour = 0; hour < 24; hour++) {
      const value = week[day * 24 + hour]!;
      if (value < target) continue;
      if (hour === 0) return 0;
      const previous = week[day * 24 + hour - 1]!;
      const minutes = (hour - 0.5) * 60 + ((target - previous) / (value - previous)) * 60;
      return Math.min(23 * 60 + 45, Math.ceil(minutes / 15) * 15);
    }
    return null;
  };
  const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const weekdays = WEEKDAYS.map(crossing)
    .filter((m): m is number => m !== null)
    .sort((a, b) => a - b);
  if (weekdays.length >= 3) return `${clock(weekdays[Math.floor(weekdays.length / 2)]!)} on weekdays`;
  const weekend = WEEKEND.map(crossing);
  if (weekend.every((m) => m !== null)) return `${clock(Math.max(...(weekend as number[])))} at weekends`;
  return null;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
