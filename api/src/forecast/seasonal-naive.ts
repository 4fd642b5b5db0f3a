import type { HourlyOccupancy } from './hourly-occupancy.js';
import type { OccupancyForecast } from './occupancy-model.js';
import { HOUR_MS, HOURS_PER_WEEK, localWeekSlots } from './local-week.js';

/**
 * The baseline the model must beat: every hour ahead repeats the same local weekday and hour of
 * the last week of history (so a DST change does not shift it by an hour). Where last week had no
 * such hour (the slot skipped when clocks went forward), the hour 168 hours back.
 */
export function seasonalNaiveForecast(history: HourlyOccupancy, timeZone: string, hours: number): OccupancyForecast {
  const n = history.values.length;
  const originMs = history.startMs + n * HOUR_MS;
  const values = new Float64Array(hours);
  if (n === 0) return { startMs: originMs, values };
  // A week and a day back covers every slot even in a week with a 25-hour day.
  const back = Math.min(n, HOURS_PER_WEEK + 24);
  const lastSlots = localWeekSlots(originMs - back * HOUR_MS, back, timeZone);
  const latest = new Float64Array(HOURS_PER_WEEK).fill(NaN);
  const seen = new Uint8Array(HOURS_PER_WEEK);
  // Newest first, so the latest hour of a slot wins (and of a repeated hour, the later one).
  for (let i = back - 1; i >= Math.max(0, back - HOURS_PER_WEEK - 1); i--) {
    const s = lastSlots[i]!;
    if (seen[s]) continue;
    seen[s] = 1;
    latest[s] = history.values[n - back + i]!;
  }
  const slots = localWeekSlots(originMs, hours, timeZone);
  for (let h = 0; h < hours; h++) {
    const value = latest[slots[h]!]!;
    values[h] = Number.isNaN(value) ? (history.values[n - HOURS_PER_WEEK + (h % HOURS_PER_WEEK)] ?? 0) : value;
  }
  return { startMs: originMs, values };
}
