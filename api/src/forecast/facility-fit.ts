import type { OpeningHours } from '@aiparksit/shared';
import { closedHours, type ClosedPeriod } from './closed-hours.js';
import { hourlyOccupancyFromDailyRollups, type DailyOccupancyRollup, type HourlyOccupancy } from './hourly-occupancy.js';
import { HOUR_MS, HOURS_PER_WEEK } from './local-week.js';
import { DEFAULT_OCCUPANCY_MODEL_OPTIONS, fitOccupancyModel, forecastOccupancy, type OccupancyModel } from './occupancy-model.js';

/** What the nightly job reads of one facility: its rollups over the history, and what closed it. */
export interface FacilityHistory {
  timeZone: string;
  /** Today's opening hours (null: around the clock); past hours are read by them too. */
  openingHours: OpeningHours;
  /** Active spaces now. */
  capacity: number;
  /** `analytics_occupancy_daily` rows from the day before `historyStartMs(origin)` to the day after the origin. */
  rollups: readonly DailyOccupancyRollup[];
  /** Facility-wide blackouts overlapping the history. */
  closures: readonly ClosedPeriod[];
}

/** One series to fit (a facility's, or one space type's): its hourly occupancy and what closed it. */
export interface SeriesHistory {
  timeZone: string;
  openingHours: OpeningHours;
  /** Active spaces of what is forecast, now. */
  capacity: number;
  /** Occupied spaces per UTC hour from `historyStartMs(origin)` to the origin. */
  occupancy: HourlyOccupancy;
  /** Blackouts covering the spaces forecast (facility-wide, and for a type its own). */
  closures: readonly ClosedPeriod[];
  /** For a space type: its facility's fit, whose profiles (full and held out) it leans on where its own weeks are noise. */
  prior?: FittedFacility;
}

export interface FittedFacility {
  model: OccupancyModel;
  /**
   * Root mean square error, in spaces, of the model fitted without the last week forecasting that
   * week's open hours: an honest one-week-ahead spread for the band. null with under three weeks
   * of history (the held-out fit would have a single week) or no open hour in the last week.
   */
  errorSpread: number | null;
  /** The profile of the fit without the last week (the one the error spread measures), when made. */
  heldOutProfile: Float64Array | null;
}

/** The first hour the fit reads: as many weeks before the origin as the model uses. */
export function historyStartMs(originMs: number): number {
  return originMs - DEFAULT_OCCUPANCY_MODEL_OPTIONS.weeksOfHistory * HOURS_PER_WEEK * HOUR_MS;
}

/** Fits one facility's model on the history up to `originMs` (a UTC hour boundary), with its error spread. */
export function fitFacility(history: FacilityHistory, originMs: number): FittedFacility {
  const startMs = historyStartMs(originMs);
  const occupancy = hourlyOccupancyFromDailyRollups(history.rollups, history.timeZone, startMs, originMs);
  return fitSeries({ ...history, occupancy }, originMs);
}

/** Fits a model on an hourly history ending at `originMs` (a UTC hour boundary), with its error spread. */
export function fitSeries(history: SeriesHistory, originMs: number): FittedFacility {
  const startMs = historyStartMs(originMs);
  const hours = (originMs - startMs) / HOUR_MS;
  const { occupancy } = history;
  if (occupancy.startMs !== startMs || occupancy.values.length !== hours) throw new RangeError('the history does not cover the fitted weeks');
  const closed = closedHours({ startMs, hours, timeZone: history.timeZone, openingHours: history.openingHours, closures: history.closures });
  const model = fitOccupancyModel({ occupancy, closed, timeZone: history.timeZone, capacity: history.capacity, priorProfile: history.prior?.model.profile });

  let errorSpread: number | null = null;
  let heldOutProfile: Float64Array | null = null;
  if (model.weeksFitted >= 3) {
    const trainHours = hours - HOURS_PER_WEEK;
    const held = fitOccupancyModel({
      occupancy: { startMs, values: occupancy.values.subarray(0, trainHours) },
      closed: closed.subarray(0, trainHours),
      timeZone: history.timeZone,
      capacity: history.capacity,
      // The prior without the last week too, so the spread stays a true one-week-ahead error.
      priorProfile: history.prior ? (history.prior.heldOutProfile ?? undefined) : undefined,
    });
    heldOutProfile = held.profile;
    const predicted = forecastOccupancy(held, HOURS_PER_WEEK, closed.subarray(trainHours)).values;
    let sum = 0;
    let open = 0;
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      if (closed[trainHours + h]) continue;
      sum += (predicted[h]! - occupancy.values[trainHours + h]!) ** 2;
      open++;
    }
    if (open > 0) errorSpread = Math.sqrt(sum / open);
  }
  return { model, errorSpread, heldOutProfile };
}
