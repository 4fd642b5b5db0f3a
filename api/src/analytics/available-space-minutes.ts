import { WEEKDAYS, type AnalyticsGranularity, type OpeningHours } from '@aiparksit/shared';
import { splitByWallClock } from '../facilities/opening-hours/index.js';
import { bucketLabel, forEachLocalHour, heatmapCell, HOUR_MS, offsetAt } from './local-buckets.js';

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
  const { startMs, endMs, timeZone, openingHours, spaces, granularity } = input;
  const buckets = new Map<string, number>();
  const heatmap = new Array<number>(168).fill(0);
  const add = (label: string, minutes: number) => buckets.set(label, (buckets.get(label) ?? 0) + minutes);
  let pattern: WeeklyPattern | undefined;
  let patternShift = -1;

  for (let t = startMs; t < endMs; ) {
    const offset = offsetAt(timeZone, t);
    const localDay = Math.floor((t + offset) / DAY_MS) * DAY_MS;
    // The UTC hours filed under this local day start at its first hour boundary after local
    // midnight; the next day's offset decides where it ends (a DST change happens in the day).
    const dayStart = ceilToHour(localDay - offset);
    const nextOffset = offsetAt(timeZone, localDay + DAY_MS - offset);
    const dayEnd = ceilToHour(localDay + DAY_MS - nextOffset);
    const whole = t === dayStart && dayEnd <= endMs && nextOffset === offset && offsetAt(timeZone, dayEnd - 1) === offset;
    if (whole) {
      const shift = ((offset / MINUTE_MS) % 60 + 60) % 60;
      if (shift !== patternShift) {
        pattern = weeklyPattern(openingHours, shift);
        patternShift = shift;
      }
      const weekday = (new Date(localDay).getUTCDay() + 6) % 7;
      add(bucketLabel(localDay, granularity), pattern!.dayTotals[weekday]! * spaces);
      for (let h = 0; h < 24; h++) heatmap[weekday * 24 + h]! += pattern!.cells[weekday * 24 + h]! * spaces;
    } else {
      const to = Math.min(dayEnd, endMs);
      const exact = exactAvailableSpaceMinutes({ ...input, startMs: t, endMs: to });
      for (const [label, minutes] of exact.buckets) add(label, minutes);
      exact.heatmap.forEach((minutes, cell) => (heatmap[cell]! += minutes));
    }
    t = Math.min(dayEnd, endMs);
  }
  return { buckets, heatmap };
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
    const label = bucketLabel(local, granularity);
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
