import { WEEKDAYS, type OpenInterval, type OpeningHours } from '@aiparksit/shared';
import { DateTime } from 'luxon';
import { assertTimeZone } from './utc-offset-runs.js';
import { splitByWallClock, type WeeklyInterval } from './weekly-schedule.js';

export interface TimeWindow {
  start: Date;
  end: Date;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

// null (24/7) is handled by the callers: it has no intervals but means "always open".
function openIntervalsOfWeek(openingHours: Exclude<OpeningHours, null>): WeeklyInterval<true>[] {
  return WEEKDAYS.flatMap((day) => (openingHours[day] ?? []).map(([from, to]) => ({ day, from, to, value: true as const })));
}

/**
 * True when every instant of the window falls in an open interval, judged by the facility's wall
 * clock (see weekly-schedule.ts). Back-to-back intervals (Mon 00:00–24:00, Tue 00:00–24:00) and an
 * interval crossing midnight count as continuous. An empty or reversed window is not within.
 */
export function isWithinOpeningHours(openingHours: OpeningHours, window: TimeWindow, timeZone: string): boolean {
  assertTimeZone(timeZone);
  const startMs = window.start.getTime();
  const endMs = window.end.getTime();
  if (!(endMs > startMs)) return false;
  if (openingHours === null) return true;
  return splitByWallClock(openIntervalsOfWeek(openingHours), startMs, endMs, timeZone).every((piece) => piece.value === true);
}

/**
 * The open stretches of one local calendar day (YYYY-MM-DD) for a day timeline: clipped to that
 * day's local midnights, including the tail of yesterday's interval that crossed midnight.
 * A 24/7 facility is open the whole day (23 or 25 real hours on DST change days).
 */
export function openIntervalsOn(openingHours: OpeningHours, localDate: string, timeZone: string): OpenInterval[] {
  assertTimeZone(timeZone);
  const day = LOCAL_DATE.test(localDate) ? DateTime.fromISO(localDate, { zone: timeZone }) : null;
  if (!day?.isValid) throw new RangeError(`"${localDate}" is not a calendar date YYYY-MM-DD`);
  // startOf('day') lands on the first real instant of the day, also where midnight is skipped by DST.
  const dayStartMs = day.startOf('day').toMillis();
  const nextDayStartMs = day.plus({ days: 1 }).startOf('day').toMillis();
  const week = openingHours === null ? WEEKDAYS.map((d) => ({ day: d, from: '00:00', to: '24:00', value: true as const })) : openIntervalsOfWeek(openingHours);
  return splitByWallClock(week, dayStartMs, nextDayStartMs, timeZone)
    .filter((piece) => piece.value === true)
    .map((piece) => ({
      start: new Date(piece.startMs).toISOString(),
      end: new Date(piece.endMs).toISOString(),
      localStart: piece.localStart,
      localEnd: piece.localEnd,
    }));
}
