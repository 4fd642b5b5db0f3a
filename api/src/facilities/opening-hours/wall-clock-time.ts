import type { WallClockTime } from '@aiparksit/shared';

const MINUTES_PER_DAY = 1440;
const HH_MM = /^(\d{2}):(\d{2})$/;

/** "07:30" → 450. "24:00" (1440) is accepted only where an interval may end. */
export function minuteOfDay(time: WallClockTime, { allowEndOfDay }: { allowEndOfDay: boolean }): number {
  const match = HH_MM.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (match && hours === 24 && minutes === 0 && allowEndOfDay) return MINUTES_PER_DAY;
  if (!match || hours > 23 || minutes > 59) {
    throw new RangeError(`"${time}" is not a wall-clock time HH:MM${allowEndOfDay ? ' (or 24:00)' : ''}`);
  }
  return hours * 60 + minutes;
}

/** Milliseconds since a local midnight → "HH:MM" (whole minutes, rounded down); a full day is "24:00". */
export function formatWallClock(msSinceMidnight: number): WallClockTime {
  const totalMinutes = Math.floor(msSinceMidnight / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
