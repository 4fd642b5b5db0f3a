import { utcOffsetRuns } from '../facilities/opening-hours/index.js';

export const HOUR_MS = 3_600_000;
export const HOURS_PER_WEEK = 168;
const DAY_MS = 86_400_000;

/**
 * The local wall-clock hour of each UTC hour from `startMs` (a UTC hour boundary): hours since
 * 1970-01-01 00:00 on the zone's clock, of the hour's start. Across a DST change the numbers skip
 * one (spring forward) or repeat one (fall back), so a weekly pattern read by local hour keeps its
 * place on the clock, as the rollups file their hours.
 */
export function localHoursOf(startMs: number, hours: number, timeZone: string): Float64Array {
  const local = new Float64Array(hours);
  if (hours <= 0) return local;
  const runs = utcOffsetRuns(startMs, startMs + hours * HOUR_MS, timeZone);
  let run = 0;
  for (let i = 0; i < hours; i++) {
    const ms = startMs + i * HOUR_MS;
    while (run < runs.length - 1 && runs[run]!.endMs <= ms) run++;
    local[i] = Math.floor((ms + runs[run]!.offsetMs) / HOUR_MS);
  }
  return local;
}

/** Slot of a local hour in the week: (ISO weekday − 1) × 24 + hour, Monday 00:00 is 0. */
export function weekSlotOfLocalHour(localHour: number): number {
  const day = Math.floor(localHour / 24);
  // 1 January 1970 was a Thursday (ISO weekday 4, so 3 days after a Monday).
  return ((((day + 3) % 7) + 7) % 7) * 24 + (localHour - day * 24);
}

/** The local week slot (see weekSlotOfLocalHour) of each UTC hour from `startMs`. */
export function localWeekSlots(startMs: number, hours: number, timeZone: string): Uint8Array {
  const local = localHoursOf(startMs, hours, timeZone);
  const slots = new Uint8Array(hours);
  for (let i = 0; i < hours; i++) slots[i] = weekSlotOfLocalHour(local[i]!);
  return slots;
}

/** The local calendar date (YYYY-MM-DD) of a local hour number. */
export function localDateOfLocalHour(localHour: number): string {
  return new Date(Math.floor(localHour / 24) * DAY_MS).toISOString().slice(0, 10);
}
