import type { HourlyOccupancy } from './hourly-occupancy.js';
import { HOUR_MS, HOURS_PER_WEEK, localWeekSlots } from './local-week.js';

/**
 * The forecast model: a weekly profile on the facility's own clock, times a level that follows a
 * damped linear trend. Every number in it can be said in a sentence ("on Tuesdays at 09:00 it holds
 * 2.3 times its average open hour; that is 7.1 spaces, rising by 0.2 a week"), a fit is a few
 * passes over at most half a year of hours with fixed settings (no parameter search: the nightly
 * job stays cheap), and in the backtest it beat hourly Holt–Winters (docs/decisions.md,
 * "Occupancy forecast").
 */
export interface OccupancyModelOptions {
  /** How many weeks before the origin the fit reads (older ones barely weigh anyway). */
  weeksOfHistory: number;
  /** Each older week weighs (1 − this) times the next one in the line through the weekly levels. */
  trendDiscount: number;
  /** φ per week: each week ahead adds φ times the previous week's trend, so a trend flattens out. */
  trendDamping: number;
  /** Each older week weighs (1 − this) times the next one in the weekly profile. */
  profileDiscount: number;
}

export const DEFAULT_OCCUPANCY_MODEL_OPTIONS: Readonly<OccupancyModelOptions> = Object.freeze({
  weeksOfHistory: 26,
  trendDiscount: 0.15,
  trendDamping: 0.95,
  profileDiscount: 0.1,
});

export interface OccupancyModelInput {
  /** The history, ending where the forecast starts. */
  occupancy: HourlyOccupancy;
  /** Per hour of `occupancy`: 1 where the facility was closed (left out of the fit). */
  closed?: Uint8Array;
  /** IANA zone of the facility: the weekly pattern is read on its clock. */
  timeZone: string;
  /** Spaces forecast (of the facility, or of one space type): forecasts never exceed it. */
  capacity: number;
  /**
   * A weekly profile to lean on where this series' own is noisy (a space type's model leans on
   * its whole facility's): 168 slots in the profile's unit. Without it, none.
   */
  priorProfile?: Float64Array;
}

export interface OccupancyModel {
  timeZone: string;
  capacity: number;
  /** Where the history ended and the forecast starts (a UTC hour boundary). */
  originMs: number;
  /**
   * About the average occupied spaces of an open hour (the profile's unit), as of the middle of the
   * last week of history.
   */
  level: number;
  /** Change of `level` per week (before damping). */
  trendPerWeek: number;
  trendDamping: number;
  /**
   * The weekly profile on the local clock: slot (ISO weekday − 1) × 24 + local hour, Monday 00:00
   * first, as a multiple of the level (an open week averages about 1). 0 where the history never
   * had the slot open. `typicalWeek()` turns it into spaces.
   */
  profile: Float64Array;
  /** Weeks of history the fit used (the oldest may be partial). */
  weeksFitted: number;
}

/** What a forecast says for each UTC hour from `startMs`: expected occupied spaces. */
export interface OccupancyForecast {
  startMs: number;
  values: Float64Array;
}

/** Days whose hours may borrow from each other (ISO weekday − 1): the working week, and the weekend. */
const SIMILAR_DAYS = [
  [0, 1, 2, 3, 4],
  [5, 6],
];

/**
 * Fits the model on an hourly history (closed hours left out). Steps, over whole weeks (168 hours)
 * counted back from the origin:
 * 1. each week's level: how busy the week was relative to the profile (its average open hour to
 *    start with);
 * 2. the profile of a local slot is Σ w·occupancy / Σ w·(that week's level), w falling by
 *    `profileDiscount` a week, so a busier week does not count more; 1 and 2 alternate a few times;
 * 3. a line through the weekly levels by weighted least squares gives today's level and trend;
 * 4. a slot borrows from the same hour of similar days (Monday–Friday; Saturday–Sunday) as much as
 *    its own weeks disagree with each other (empirical Bayes shrinkage): with noisy weeks a slot
 *    leans on its neighbours, a pattern that repeats exactly keeps its own value.
 * 5. with a prior profile (a space type's facility's), each slot leans on it in the same way.
 * Hours before the first booked hour are left out (a facility that had not started is not empty).
 */
export function fitOccupancyModel(input: OccupancyModelInput, options: Partial<OccupancyModelOptions> = {}): OccupancyModel {
  const o = { ...DEFAULT_OCCUPANCY_MODEL_OPTIONS, ...options };
  const { occupancy, timeZone, capacity } = input;
  const y = occupancy.values;
  const n = y.length;
  const originMs = occupancy.startMs + n * HOUR_MS;
  const closed = input.closed ?? new Uint8Array(n);
  if (closed.length !== n) throw new RangeError(`closed has ${closed.length} hours, the history ${n}`);

  let firstUseful = 0;
  while (firstUseful < n && !(y[firstUseful]! > 0)) firstUseful++;
  const weeks = Math.min(o.weeksOfHistory, Math.ceil((n - firstUseful) / HOURS_PER_WEEK));
  const fitStart = Math.max(firstUseful, n - weeks * HOURS_PER_WEEK);
  const slots = localWeekSlots(occupancy.startMs + fitStart * HOUR_MS, n - fitStart, timeZone);
  const slotOf = (i: number) => slots[i - fitStart]!;
  const weekStart = (k: number) => Math.max(fitStart, n - (weeks - k) * HOURS_PER_WEEK);
  const weekEnd = (k: number) => n - (weeks - k - 1) * HOURS_PER_WEEK;

  const openHoursOf = function* (k: number) {
    for (let i = weekStart(k); i < weekEnd(k); i++) if (!closed[i]) yield i;
  };

  // 1. Weekly levels, oldest first (NaN: nothing open that week): first each week's average open
  // hour, then, once a profile exists, the level that explains the week's hours under it. The
  // second is what a week with a DST change (a slot missing or twice) or a blackout needs: its
  // plain average would read as a change of level.
  const weekLevels = new Float64Array(weeks);
  for (let k = 0; k < weeks; k++) {
    let sum = 0;
    let open = 0;
    for (const i of openHoursOf(k)) {
      sum += y[i]!;
      open++;
    }
    weekLevels[k] = open ? sum / open : NaN;
  }
  // 2. The profile: weighted occupancy over weighted level, per local slot.
  const weightOf = (k: number) => Math.pow(1 - o.profileDiscount, weeks - 1 - k);
  const expected = new Float64Array(HOURS_PER_WEEK);
  const profile = new Float64Array(HOURS_PER_WEEK);
  const fitProfile = () => {
    const occupied = new Float64Array(HOURS_PER_WEEK);
    expected.fill(0);
    for (let k = 0; k < weeks; k++) {
      if (Number.isNaN(weekLevels[k])) continue;
      const w = weightOf(k);
      for (const i of openHoursOf(k)) {
        const s = slotOf(i);
        occupied[s] = occupied[s]! + w * y[i]!;
        expected[s] = expected[s]! + w * weekLevels[k]!;
      }
    }
    for (let s = 0; s < HOURS_PER_WEEK; s++) profile[s] = expected[s]! > 0 ? occupied[s]! / expected[s]! : 0;
  };
  fitProfile();
  // Three rounds settle the level of a week with a DST change (to a billionth of a space in the tests).
  for (let round = 0; round < 3; round++) {
    for (let k = 0; k < weeks; k++) {
      let sum = 0;
      let explained = 0;
      for (const i of openHoursOf(k)) {
        sum += y[i]!;
        explained += profile[slotOf(i)]!;
      }
      if (explained > 0) weekLevels[k] = sum / explained;
    }
    fitProfile();
  }

  // 3. Level and trend: a straight line through the weekly levels by weighted least squares, each
  // older week weighing (1 − trendDiscount) times the next. A line is unbiased on a steady trend,
  // which exponential smoothing of the trend is not; the damping is applied when forecasting.
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let k = 0; k < weeks; k++) {
    const observed = weekLevels[k]!;
    if (Number.isNaN(observed)) continue;
    const w = Math.pow(1 - o.trendDiscount, weeks - 1 - k);
    const x = k - (weeks - 1); // the last week is 0
    sw += w;
    sx += w * x;
    sy += w * observed;
    sxx += w * x * x;
    sxy += w * x * observed;
  }
  const denominator = sw * sxx - sx * sx;
  // One week with data (or all at one x) has no slope.
  const trend = sw > 0 && denominator > 1e-9 * sw * sw ? (sw * sxy - sx * sy) / denominator : 0;
  const level = sw > 0 ? (sy - trend * sx) / sw : 0;
  const phi = o.trendDamping;

  // 4. Variance of each slot's ratio estimate, from how far its weeks stray from it.
  const variance = new Float64Array(HOURS_PER_WEEK);
  for (let k = 0; k < weeks; k++) {
    if (Number.isNaN(weekLevels[k])) continue;
    const w = weightOf(k);
    for (const i of openHoursOf(k)) {
      const s = slotOf(i);
      const residual = y[i]! - profile[s]! * weekLevels[k]!;
      variance[s] = variance[s]! + w * w * residual * residual;
    }
  }
  for (let s = 0; s < HOURS_PER_WEEK; s++) variance[s] = expected[s]! > 0 ? variance[s]! / (expected[s]! * expected[s]!) : 0;
  const shrunk = profile.slice();
  for (const group of SIMILAR_DAYS) {
    for (let hour = 0; hour < 24; hour++) {
      const days = group.map((d) => d * 24 + hour).filter((s) => expected[s]! > 0);
      if (days.length < 2) continue;
      const mean = days.reduce((sum, s) => sum + profile[s]!, 0) / days.length;
      const spread = days.reduce((sum, s) => sum + (profile[s]! - mean) ** 2, 0) / (days.length - 1);
      const noise = days.reduce((sum, s) => sum + variance[s]!, 0) / days.length;
      const between = Math.max(0, spread - noise);
      for (const s of days) {
        const v = variance[s]!;
        const borrow = v + between > 0 ? v / (v + between) : 0;
        shrunk[s] = borrow * mean + (1 - borrow) * profile[s]!;
      }
    }
  }

  // 5. With a prior profile (the facility's, for a space type), each slot leans on it as much as
  // its own weeks disagree, against how far the two profiles stand apart where both are known
  // (empirical Bayes again): a type of a few bookings a week takes its facility's shape, a busy
  // type with a shape of its own keeps it.
  if (input.priorProfile) {
    const prior = input.priorProfile;
    let apart = 0;
    let noise = 0;
    let known = 0;
    for (let s = 0; s < HOURS_PER_WEEK; s++) {
      if (!(expected[s]! > 0) || !(prior[s]! > 0)) continue;
      apart += (shrunk[s]! - prior[s]!) ** 2;
      noise += variance[s]!;
      known++;
    }
    const between = known > 0 ? Math.max(0, (apart - noise) / known) : 0;
    for (let s = 0; s < HOURS_PER_WEEK; s++) {
      if (!(expected[s]! > 0)) continue;
      const v = variance[s]!;
      const borrow = v + between > 0 ? v / (v + between) : 0;
      shrunk[s] = borrow * prior[s]! + (1 - borrow) * shrunk[s]!;
    }
  }

  return { timeZone, capacity, originMs, level, trendPerWeek: trend, trendDamping: phi, profile: shrunk, weeksFitted: weeks };
}

/** The level `weeksAhead` after the middle of the last week of history, the trend damped by φ a week. */
function levelAfter(model: OccupancyModel, weeksAhead: number): number {
  const phi = model.trendDamping;
  const steps = phi === 1 ? weeksAhead : (phi * (1 - Math.pow(phi, weeksAhead))) / (1 - phi);
  return model.level + steps * model.trendPerWeek;
}

/**
 * Expected occupied spaces for each of the `hours` UTC hours after the origin: level (damped
 * trend included) × the profile of the hour's local slot, clamped to [0, capacity]; 0 where
 * `closed` (per forecast hour) says the facility will be closed.
 */
export function forecastOccupancy(model: OccupancyModel, hours: number, closed?: Uint8Array): OccupancyForecast {
  if (closed && closed.length !== hours) throw new RangeError(`closed has ${closed.length} hours, the forecast ${hours}`);
  const slots = localWeekSlots(model.originMs, hours, model.timeZone);
  const values = new Float64Array(hours);
  for (let h = 0; h < hours; h++) {
    if (closed?.[h]) continue;
    // The level is that of the last week's middle, half a week before the origin.
    const level = Math.max(0, levelAfter(model, (h + 0.5) / HOURS_PER_WEEK + 0.5));
    values[h] = Math.min(model.capacity, Math.max(0, level * model.profile[slots[h]!]!));
  }
  return { startMs: model.originMs, values };
}

/**
 * The profile in spaces at today's level: what an hour of each local weekday and hour usually
 * holds now (slot (ISO weekday − 1) × 24 + hour), clamped to capacity. The sentence behind a
 * forecast ("usually full by 08:00 on weekdays") is read from this.
 */
export function typicalWeek(model: OccupancyModel): Float64Array {
  const week = new Float64Array(HOURS_PER_WEEK);
  const level = Math.max(0, model.level);
  for (let s = 0; s < HOURS_PER_WEEK; s++) week[s] = Math.min(model.capacity, level * model.profile[s]!);
  return week;
}
