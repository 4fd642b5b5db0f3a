import type { AnalyticsGranularity } from '@aiparksit/shared';
import { utcOffsetRuns, type UtcOffsetRun } from '../facilities/opening-hours/index.js';

export const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The label of the local bucket an hour falls in: `YYYY-MM-DDTHH:mm` of the bucket's local start.
 * Mirrors the SQL `date_trunc(granularity, bucket AT TIME ZONE tz)`, weeks starting on Monday.
 * `localMs` is the local wall-clock time written as if it were UTC.
 */
export function bucketLabel(localMs: number, granularity: AnalyticsGranularity): string {
  const d = new Date(localMs);
  let start: number;
  if (granularity === 'hour') start = localMs - (localMs % HOUR_MS);
  else if (granularity === 'day') start = localMs - (((localMs % DAY_MS) + DAY_MS) % DAY_MS);
  else if (granularity === 'week') start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY_MS;
  else start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return new Date(start).toISOString().slice(0, 16);
}

/** Heatmap cell of a local time: (ISO weekday − 1) × 24 + hour, Monday 00:00 is 0. */
export function heatmapCell(localMs: number): number {
  const days = Math.floor(localMs / DAY_MS);
  return ((days + 3) % 7) * 24 + Math.floor((localMs - days * DAY_MS) / HOUR_MS); // 1 January 1970 was a Thursday
}

// Offsets change a few times a year; probing a zone costs thousands of calls, so each zone's
// runs are kept per UTC year (a bounded number of entries: zones × years asked for).
const runsByZoneYear = new Map<string, UtcOffsetRun[]>();
const MAX_CACHED = 2_000;

function runsOfYear(timeZone: string, year: number): UtcOffsetRun[] {
  const key = `${timeZone}:${year}`;
  let runs = runsByZoneYear.get(key);
  if (!runs) {
    runs = utcOffsetRuns(Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1), timeZone);
    if (runsByZoneYear.size >= MAX_CACHED) runsByZoneYear.clear();
    runsByZoneYear.set(key, runs);
  }
  return runs;
}

/** The zone's UTC offset at an instant, in milliseconds (from the same cached runs). */
export function offsetAt(timeZone: string, ms: number): number {
  const runs = runsOfYear(timeZone, new Date(ms).getUTCFullYear());
  for (const run of runs) if (ms < run.endMs) return run.offsetMs;
  return runs[runs.length - 1]!.offsetMs;
}

/** The zone's offset runs covering [startMs, endMs), in order (whole UTC years, from the cache). */
export function offsetRunsCovering(timeZone: string, startMs: number, endMs: number): UtcOffsetRun[] {
  const first = new Date(startMs).getUTCFullYear();
  const last = new Date(Math.max(startMs, endMs - 1)).getUTCFullYear();
  if (first === last) return runsOfYear(timeZone, first);
  const runs: UtcOffsetRun[] = [];
  for (let year = first; year <= last; year++) runs.push(...runsOfYear(timeZone, year));
  return runs;
}

/**
 * `YYYY-MM-DDT00:00` of a local day, or of the Monday or the first of the month it falls in:
 * `bucketLabel` for midnights, by integer arithmetic (a few hundred days per facility per request).
 */
export function dayBucketLabel(localDayMs: number, granularity: Exclude<AnalyticsGranularity, 'hour'>): string {
  let days = Math.floor(localDayMs / DAY_MS);
  if (granularity === 'week') days -= (days + 3) % 7; // 1 January 1970 was a Thursday
  const [y, m, dayOfMonth] = civilFromDays(days);
  const d = granularity === 'month' ? 1 : dayOfMonth;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}T00:00`;
}

/** Year, month (1–12) and day of a count of days since 1970-01-01 (proleptic Gregorian). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/**
 * Calls `visit` for every UTC hour in [startMs, endMs) (both on hour boundaries) with the local
 * wall-clock time of the hour's start, in order.
 */
export function forEachLocalHour(startMs: number, endMs: number, timeZone: string, visit: (utcMs: number, localMs: number) => void): void {
  let year = new Date(startMs).getUTCFullYear();
  let runs = runsOfYear(timeZone, year);
  let i = 0;
  for (let h = startMs; h < endMs; h += HOUR_MS) {
    const y = new Date(h).getUTCFullYear();
    if (y !== year) {
      year = y;
      runs = runsOfYear(timeZone, year);
      i = 0;
    }
    while (i < runs.length - 1 && runs[i]!.endMs <= h) i++;
    visit(h, h + runs[i]!.offsetMs);
  }
}
