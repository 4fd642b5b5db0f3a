import { WEEKDAYS, type WallClockTime, type Weekday } from '@aiparksit/shared';
import { formatWallClock, minuteOfDay } from './wall-clock-time.js';
import { assertTimeZone, utcOffsetRuns } from './utc-offset-runs.js';

/**
 * A weekly timetable of local wall-clock intervals, each carrying a value (open, a price
 * multiplier). Opening hours and rate multipliers are both this shape.
 *
 * The one rule everything follows: **an instant takes the value of the interval that the wall
 * clock shows at that instant.** So in Berlin's spring-forward night (02:00 → 03:00) a
 * 01:00–04:00 interval lasts two real hours, and in the fall-back night (03:00 → 02:00) a
 * 02:00–03:00 interval lasts two real hours. An interval ending before it starts crosses midnight
 * and belongs to the weekday it starts on. Where intervals overlap, the earliest in the list wins.
 */
export interface WeeklyInterval<T> {
  day: Weekday;
  from: WallClockTime;
  to: WallClockTime;
  value: T;
}

/** A stretch of real time within one local calendar day with one value (undefined: no interval). */
export interface WallClockPiece<T> {
  startMs: number;
  endMs: number;
  /** Local calendar date YYYY-MM-DD. */
  localDate: string;
  localStart: WallClockTime;
  localEnd: WallClockTime;
  value: T | undefined;
}

const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;

interface DayStretch<T> {
  fromMinute: number;
  toMinute: number;
  value: T | undefined;
}

/** Checks every interval's times up front so bad data fails loudly, not as a wrong price. */
export function assertWeeklyIntervals<T>(intervals: readonly WeeklyInterval<T>[]): void {
  for (const interval of intervals) {
    if (!WEEKDAYS.includes(interval.day)) throw new RangeError(`"${interval.day}" is not a weekday (mon…sun)`);
    minuteOfDay(interval.from, { allowEndOfDay: false });
    minuteOfDay(interval.to, { allowEndOfDay: true });
  }
}

/** Weekday of a local day given as "naive" epoch milliseconds (local wall time read as UTC). */
function weekdayOf(naiveDayStartMs: number): Weekday {
  // getUTCDay: 0 = Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(naiveDayStartMs).getUTCDay() + 6) % 7]!;
}

function previousWeekday(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7]!;
}

/** The day's timetable as consecutive stretches covering 00:00–24:00. */
function stretchesOfDay<T>(intervals: readonly WeeklyInterval<T>[], day: Weekday): DayStretch<T>[] {
  const yesterday = previousWeekday(day);
  const covering: { from: number; to: number; value: T }[] = [];
  for (const interval of intervals) {
    const from = minuteOfDay(interval.from, { allowEndOfDay: false });
    const to = minuteOfDay(interval.to, { allowEndOfDay: true });
    if (interval.day === day && to > from) covering.push({ from, to, value: interval.value });
    if (interval.day === day && to < from) covering.push({ from, to: MINUTES_PER_DAY, value: interval.value });
    if (interval.day === yesterday && to < from && to > 0) covering.push({ from: 0, to, value: interval.value });
  }
  const edges = [...new Set([0, MINUTES_PER_DAY, ...covering.flatMap((c) => [c.from, c.to])])].sort((a, b) => a - b);
  const stretches: DayStretch<T>[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const fromMinute = edges[i]!;
    const toMinute = edges[i + 1]!;
    const value = covering.find((c) => c.from <= fromMinute && toMinute <= c.to)?.value;
    const last = stretches.at(-1);
    if (last && last.value === value) last.toMinute = toMinute;
    else stretches.push({ fromMinute, toMinute, value });
  }
  return stretches;
}

/**
 * Cuts the real-time window [startMs, endMs) at local midnights and interval edges, each piece
 * carrying its local date and value. Real elapsed time is preserved: pieces sum to the window.
 */
export function splitByWallClock<T>(intervals: readonly WeeklyInterval<T>[], startMs: number, endMs: number, timeZone: string): WallClockPiece<T>[] {
  assertTimeZone(timeZone);
  assertWeeklyIntervals(intervals);
  const stretchesByWeekday = new Map<Weekday, DayStretch<T>[]>();
  const pieces: WallClockPiece<T>[] = [];
  if (!(endMs > startMs)) return pieces;

  for (const run of utcOffsetRuns(startMs, endMs, timeZone)) {
    // Within a run, local wall time is real time shifted by a constant: plain arithmetic.
    let localCursor = run.startMs + run.offsetMs;
    const localEnd = run.endMs + run.offsetMs;
    while (localCursor < localEnd) {
      const dayStart = Math.floor(localCursor / DAY_MS) * DAY_MS;
      const weekday = weekdayOf(dayStart);
      let stretches = stretchesByWeekday.get(weekday);
      if (!stretches) {
        stretches = stretchesOfDay(intervals, weekday);
        stretchesByWeekday.set(weekday, stretches);
      }
      const minute = (localCursor - dayStart) / 60_000;
      const stretch = stretches.find((s) => s.fromMinute <= minute && minute < s.toMinute)!;
      const pieceEnd = Math.min(localEnd, dayStart + stretch.toMinute * 60_000);
      const piece: WallClockPiece<T> = {
        startMs: localCursor - run.offsetMs,
        endMs: pieceEnd - run.offsetMs,
        localDate: new Date(dayStart).toISOString().slice(0, 10),
        localStart: formatWallClock(localCursor - dayStart),
        localEnd: formatWallClock(pieceEnd - dayStart),
        value: stretch.value,
      };
      const previous = pieces.at(-1);
      // Joins the two halves of a stretch cut only by an offset change (the repeated fall-back hour).
      if (previous && previous.endMs === piece.startMs && previous.localDate === piece.localDate && previous.value === piece.value) {
        previous.endMs = piece.endMs;
        previous.localEnd = piece.localEnd;
      } else {
        pieces.push(piece);
      }
      localCursor = pieceEnd;
    }
  }
  return pieces;
}
