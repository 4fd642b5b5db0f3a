import { WEEKDAYS, type OpeningHours } from '@aiparksit/shared';
import { splitByWallClock, type WeeklyInterval } from '../facilities/opening-hours/index.js';
import { HOUR_MS } from './local-week.js';

/** A stretch of real time when the facility (or the space type forecast) takes nobody: a blackout. */
export interface ClosedPeriod {
  startMs: number;
  endMs: number;
}

export interface ClosedHoursInput {
  /** A UTC hour boundary. */
  startMs: number;
  hours: number;
  timeZone: string;
  /** The facility's opening hours in its zone; null is around the clock. */
  openingHours: OpeningHours;
  /** Blackouts that cover the spaces forecast (the whole facility's, or their type's). */
  closures?: readonly ClosedPeriod[];
}

/**
 * Which UTC hours are closed (1) or open (0). An hour is closed when no minute of it is open by the
 * opening hours (read on the facility's wall clock, DST included), or when blackouts cover all of
 * it. An hour open for part of it counts as open: people park in it, and the model learns how much.
 */
export function closedHours(input: ClosedHoursInput): Uint8Array {
  const { startMs, hours, timeZone, openingHours } = input;
  const endMs = startMs + hours * HOUR_MS;
  const closed = new Uint8Array(hours);
  if (openingHours !== null) {
    closed.fill(1);
    const week: WeeklyInterval<true>[] = WEEKDAYS.flatMap((day) => (openingHours[day] ?? []).map(([from, to]) => ({ day, from, to, value: true as const })));
    for (const piece of splitByWallClock(week, startMs, endMs, timeZone)) {
      if (piece.value !== true) continue;
      const first = Math.floor((piece.startMs - startMs) / HOUR_MS);
      const last = Math.ceil((piece.endMs - startMs) / HOUR_MS);
      closed.fill(0, Math.max(0, first), Math.min(hours, last));
    }
  }
  const closures = [...(input.closures ?? [])].sort((a, b) => a.startMs - b.startMs);
  // Merged, so an hour covered by two back-to-back blackouts is closed too.
  let from = NaN;
  let to = NaN;
  const closeCovered = () => {
    if (!(to > from)) return;
    const first = Math.ceil((from - startMs) / HOUR_MS);
    const last = Math.floor((to - startMs) / HOUR_MS);
    closed.fill(1, Math.max(0, first), Math.min(hours, last));
  };
  for (const closure of closures) {
    if (closure.startMs <= to) to = Math.max(to, closure.endMs);
    else {
      closeCovered();
      from = closure.startMs;
      to = closure.endMs;
    }
  }
  closeCovered();
  return closed;
}
