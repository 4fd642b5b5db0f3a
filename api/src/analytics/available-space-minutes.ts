import { WEEKDAYS, type AnalyticsGranularity, type OpeningHours } from '@aiparksit/shared';
import { splitByWallClock } from '../facilities/opening-hours/index.js';
import { bucketLabel, dayBucketLabel, forEachLocalHour, heatmapCell, HOUR_MS, offsetRunsCovering } from './local-buckets.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Monday 5 January 1970 00:00 UTC: a reference week for the weekly pattern. */
const REFERENCE_MONDAY_MS = 4 * DAY_MS;

export interface AvailabilityInput {
  /** UTC hour boundaries: the range is counted in whole UTC hours, as the rollups are. */
  startMs: number;
  endMs: number;
  timeZone: string;
  openingHours: OpeningHours;
  /** Active spaces. */
  spaces: number;
  granularity: AnalyticsGranularity;
}

export interface Availability {
  /** Available space-minutes per local bucket label; every bucket of the range is present. */
  buckets: Map<string, number>;
  /** Available space-minutes per weekday × hour cell (168, Monday 00:00 first). */
  heatmap: number[];
}

/**
 * Available space-minutes: the minutes a facility is open (by its opening hours, in its own zone,
 * DST included; around the clock when it has none) times its active spaces. Each UTC hour is
 * filed under the local bucket and heatmap cell of its start, as the rollups' hours are, so
 * booked and available minutes always fall in the same cells.
 *
 * A local day whose UTC offset does not change and which the range covers whole is the weekly
 * pattern's row for its weekday (open minutes per local hour, worked out once per opening hours);
 * only the days with a DST change and the range's partial first and last days take the exact
 * hour-by-hour path. Hour series (at most a few thousand hours) take the exact path throughout.
 */
export function availableSpaceMinutes(input: AvailabilityInput): Availability {
  if (input.granularity === 'hour') return exactAvailableSpaceMinutes(input);
  const byDay = availableSpaceMinutesByDay(input);
  const buckets = new Map<string, number>();
  byDay.minutes.forEach((minutes, i) => {
    const label = dayBucketLabel((byDay.firstDay + i) * DAY_MS, input.granularity as Exclude<AnalyticsGranularity, 'hour'>);
    buckets.set(label, (buckets.get(label) ?? 0) + minutes);
  });
  return { buckets, heatmap: byDay.heatmap };
}

export interface AvailabilityByDay {
  /** The range's first local day, in days since 1970-01-01. */
  firstDay: number;
  /** Available space-minutes of each local day of the range, from `firstDay` on. */
  minutes: Float64Array;
  /** Available space-minutes per weekday × hour cell (168, Monday 00:00 first). */
  heatmap: number[];
}

/**
 * Available space-minutes per local day of the range (see `availableSpaceMinutes`): a caller
 * summing many facilities adds arrays and makes each bucket label once, not once per facility.
 */
export function availableSpaceMinutesByDay(input: Omit<AvailabilityInput, 'granularity'>): AvailabilityByDay {
  const { startMs, endMs, timeZone, openingHours, spaces } = input;
  const runs = offsetRunsCovering(timeZone, startMs - DAY_MS, endMs + DAY_MS);
  let run = 0;
  // Offsets are asked for at ever later instants: one forward cursor over the runs.
  const offsetAt = (ms: number) => {
    let r = run;
    while (r < runs.length - 1 && runs[r]!.endMs <= ms) r++;
    return runs[r]!.offsetMs;
  };
  const firstDay = Math.floor((startMs + offsetAt(startMs)) / DAY_MS);
  // The last day is that of the last UTC hour's start (the range is in whole UTC hours).
  const lastHour = Math.max(startMs, endMs - HOUR_MS);
  const minutes = new Float64Array(Math.floor((lastHour + offsetAt(lastHour)) / DAY_MS) - firstDay + 1);
  const heatmap = new Array<number>(168).fill(0);
  // Whole days are counted per weekday and the pattern added once at the end (or when a zone's
  // offset moves its hours to another minute of the local clock, which needs another pattern).
  let pattern: WeeklyPattern | undefined;
  let patternShift = -1;
  const daysByWeekday = new Array<number>(7).fill(0);
  const addPatternDays = () => {
    if (!pattern) return;
    for (let cell = 0; cell < 168; cell++) heatmap[cell]! += pattern.cells[cell]! * daysByWeekday[Math.floor(cell / 24)]! * spaces;
    daysByWeekday.fill(0);
  };

  for (let t = startMs; t < endMs;) {
    while (run < runs.length - 1 && runs[run]!.endMs <= t) run++;
    const offset = runs[run]!.offsetMs;
    const day = Math.floor((t + offset) / DAY_MS);
    const localDay = day * DAY_MS;
    // The UTC hours filed under this local day start at its first hour boundary after local
    // midnight; the next day's offset decides where it ends (a DST change happens in the day).
    const dayStart = ceilToHour(localDay - offset);
    const nextOffset = offsetAt(localDay + DAY_MS - offset);
    const dayEnd = ceilToHour(localDay + DAY_MS - nextOffset);
    if (t === dayStart && dayEnd <= endMs && nextOffset === offset && offsetAt(dayEnd - 1) === offset) {
      const shift = (((offset / MINUTE_MS) % 60) + 60) % 60;
      if (shift !== patternShift) {
        addPatternDays();
        pattern = weeklyPattern(openingHours, shift);
        patternShift = shift;
      }
      const weekday = (day + 3) % 7; // Monday 0: 1 January 1970 was a Thursday
      daysByWeekday[weekday]! += 1;
      minutes[day - firstDay]! += pattern!.dayTotals[weekday]! * spaces;
    } else {
      // A partial or DST day: its hours one by one (all filed under this local day).
      const exact = exactAvailableSpaceMinutes({ ...input, startMs: t, endMs: Math.min(dayEnd, endMs), granularity: 'day' });
      for (const value of exact.buckets.values()) minutes[day - firstDay]! += value;
      exact.heatmap.forEach((value, cell) => (heatmap[cell]! += value));
    }
    t = Math.min(dayEnd, endMs);
  }
  addPatternDays();
  return { firstDay, minutes, heatmap };
}

/**
 * The hour-by-hour computation: every UTC hour of the range, its open minutes from the opening
 * hours' stretches in real time, filed under the local bucket and cell of its start.
 */
export function exactAvailableSpaceMinutes(input: AvailabilityInput): Availability {
  const { startMs, endMs, timeZone, openingHours, spaces, granularity } = input;
  const open = openStretches(openingHours, startMs, endMs, timeZone);
  const buckets = new Map<string, number>();
  const heatmap = new Array<number>(168).fill(0);
  let p = 0;
  forEachLocalHour(startMs, endMs, timeZone, (h, local) => {
    const hourEnd = h + HOUR_MS;
    let openMs = 0;
    while (p < open.length && open[p]![1] <= h) p++;
    for (let q = p; q < open.length && open[q]![0] < hourEnd; q++) {
      openMs += Math.min(open[q]![1], hourEnd) - Math.max(open[q]![0], h);
    }
    const minutes = (openMs / MINUTE_MS) * spaces;
    const label = granularity === 'hour' ? bucketLabel(local, granularity) : dayBucketLabel(Math.floor(local / DAY_MS) * DAY_MS, granularity);
    buckets.set(label, (buckets.get(label) ?? 0) + minutes);
    heatmap[heatmapCell(local)]! += minutes;
  });
  return { buckets, heatmap };
}

interface WeeklyPattern {
  /** Open minutes per weekday × local hour cell (Monday 00:00 first). */
  cells: number[];
  /** Open minutes per weekday (Monday first). */
  dayTotals: number[];
}

// A few opening-hours templates cover most facilities: keep their patterns (bounded).
const patterns = new Map<string, WeeklyPattern>();
const MAX_PATTERNS = 1_000;

/**
 * Open minutes per weekday × hour of a week without offset changes, read in UTC (wall clock and
 * real time then agree). `shiftMinutes` is where a zone's UTC hours start on the local clock (30
 * in a UTC+5:30 zone): cell h then covers local h:30 to h+1:30, as the rollups file it.
 */
function weeklyPattern(openingHours: OpeningHours, shiftMinutes: number): WeeklyPattern {
  const key = `${shiftMinutes}|${JSON.stringify(openingHours)}`;
  let pattern = patterns.get(key);
  if (pattern) return pattern;
  const weekStart = REFERENCE_MONDAY_MS + shiftMinutes * MINUTE_MS;
  // A day either side, so stretches running over midnight into the week (or out of it) count.
  const open = openStretches(openingHours, weekStart - DAY_MS, weekStart + 8 * DAY_MS, 'UTC');
  const cells = new Array<number>(168).fill(0);
  for (let cell = 0; cell < 168; cell++) {
    const from = weekStart + cell * HOUR_MS;
    const to = from + HOUR_MS;
    let openMs = 0;
    for (const [a, b] of open) if (a < to && b > from) openMs += Math.min(b, to) - Math.max(a, from);
    cells[cell] = openMs / MINUTE_MS;
  }
  const dayTotals = Array.from({ length: 7 }, (_, d) => cells.slice(d * 24, d * 24 + 24).reduce((sum, m) => sum + m, 0));
  pattern = { cells, dayTotals };
  if (patterns.size >= MAX_PATTERNS) patterns.clear();
  patterns.set(key, pattern);
  return pattern;
}

function ceilToHour(ms: number): number {
  return Math.ceil(ms / HOUR_MS) * HOUR_MS;
}

/** The open stretches [start, end) in UTC milliseconds, in order. */
function openStretches(openingHours: OpeningHours, startMs: number, endMs: number, timeZone: string): [number, number][] {
  if (openingHours === null) return [[startMs, endMs]];
  const week = WEEKDAYS.flatMap((day) => (openingHours[day] ?? []).map(([from, to]) => ({ day, from, to, value: true as const })));
  return splitByWallClock(week, startMs, endMs, timeZone)
    .filter((piece) => piece.value === true)
    .map((piece): [number, number] => [piece.startMs, piece.endMs]);
}
