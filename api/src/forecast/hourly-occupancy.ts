import { HOUR_MS, localHoursOf } from './local-week.js';

/**
 * Occupancy per UTC hour: `values[i]` is the average number of occupied spaces during the hour
 * that starts at `startMs + i` hours (its booked space-hours). Space-hours rather than a share of
 * capacity, because that is what the rollups store exactly and capacity changes over time; the
 * model clamps to today's capacity only when it forecasts.
 */
export interface HourlyOccupancy {
  /** A UTC hour boundary. */
  startMs: number;
  values: Float64Array;
}

/** One row of `analytics_occupancy_daily`: a facility's local day with its 24 local hour slots. */
export interface DailyOccupancyRollup {
  /** Local calendar date, YYYY-MM-DD. */
  day: string;
  /** Booked microseconds per local hour slot (pg returns bigint[] as strings). */
  bookedUsByHour: readonly (number | string)[];
}

const US_PER_HOUR = 3_600_000_000;

/**
 * Turns the daily rollups' local hour slots back into a UTC hourly series over [startMs, endMs)
 * (UTC hour boundaries). The rollups file each UTC hour under the local day and hour of its start:
 * so a slot holds one UTC hour, except the repeated hour of a fall-back night, which holds two and
 * is split evenly between them; the slot skipped in spring is simply never read. Days without a
 * row had no booking: 0.
 */
export function hourlyOccupancyFromDailyRollups(rows: readonly DailyOccupancyRollup[], timeZone: string, startMs: number, endMs: number): HourlyOccupancy {
  const hours = Math.max(0, Math.round((endMs - startMs) / HOUR_MS));
  const values = new Float64Array(hours);
  if (hours === 0) return { startMs, values };
  // One hour either side, to see whether the first or last hour shares its slot with a neighbour.
  const local = localHoursOf(startMs - HOUR_MS, hours + 2, timeZone);
  const byDay = new Map<number, readonly (number | string)[]>();
  for (const row of rows) byDay.set(Date.parse(`${row.day}T00:00:00Z`) / 86_400_000, row.bookedUsByHour);
  for (let i = 0; i < hours; i++) {
    const hour = local[i + 1]!;
    const day = Math.floor(hour / 24);
    const slots = byDay.get(day);
    if (!slots) continue;
    const shared = 1 + (local[i] === hour ? 1 : 0) + (local[i + 2] === hour ? 1 : 0);
    values[i] = Number(slots[hour - day * 24] ?? 0) / US_PER_HOUR / shared;
  }
  return { startMs, values };
}

/** Booked microseconds per UTC hour of one series, as the job reads them from bookings: only the hours with any. */
export interface BookedHourSums {
  /** Hours since the series' start, ascending. */
  hours: readonly number[];
  /** Booked microseconds in each of those hours (pg returns bigint[] as strings). */
  bookedUs: readonly (number | string)[];
}

/**
 * The UTC hourly series over [startMs, endMs) from sums per UTC hour (hours counted from
 * startMs): what the per-type history is, read straight from bookings by UTC hour, so no local
 * slot has to be split. Hours outside the range are ignored; missing hours had no booking.
 */
export function hourlyOccupancyFromHourSums(sums: BookedHourSums, startMs: number, endMs: number): HourlyOccupancy {
  const hours = Math.max(0, Math.round((endMs - startMs) / HOUR_MS));
  const values = new Float64Array(hours);
  for (let i = 0; i < sums.hours.length; i++) {
    const hour = sums.hours[i]!;
    if (hour >= 0 && hour < hours) values[hour] = values[hour]! + Number(sums.bookedUs[i] ?? 0) / US_PER_HOUR;
  }
  return { startMs, values };
}
