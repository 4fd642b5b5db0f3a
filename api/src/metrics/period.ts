import {
  dateInZone,
  METRICS_MAX_PERIOD_DAYS,
  presetDays,
  type MetricsComparison,
  type MetricsGranularity,
  type MetricsPeriod,
  type MetricsQuery,
} from '@aiparksit/shared';
import { fieldError } from '../common/errors/index.js';
import { MetricsException } from './metrics.exception.js';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real calendar date `YYYY-MM-DD`, or null. */
export function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return null;
  return ms / DAY_MS;
}

export const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday, 1 = Monday. */
export const isoWeekday = (day: number): number => ((day + 3) % 7) + 1;
export const monthOf = (date: string): string => date.slice(0, 7);
export const addDays = (date: string, days: number): string => dateOf(dayNumber(date)! + days);

/** The same date a year earlier (29 February becomes the 28th). */
function yearEarlier(date: string): string {
  const y = Number(date.slice(0, 4)) - 1;
  const candidate = `${y}${date.slice(4)}`;
  return dayNumber(candidate) === null ? `${y}-02-28` : candidate;
}

export interface Bucket {
  label: string;
  from: string;
  to: string;
}

export interface ResolvedPeriod extends MetricsPeriod {
  buckets: Bucket[];
}

/**
 * Checks a query (400 on anything wrong) and works out its days, the comparison period and the
 * buckets. A preset ends today on the platform's calendar (`reportingTimeZone` at `now`).
 */
export function resolvePeriod(query: MetricsQuery, reportingTimeZone: string, now: Date = new Date()): ResolvedPeriod {
  if (query.preset !== undefined && (query.from !== undefined || query.to !== undefined)) {
    const message = 'give either a preset or from and to, not both';
    throw new MetricsException('invalid_period', message, { fields: [fieldError('preset', 'invalid', undefined, message)] });
  }
  if (query.preset === undefined && (query.from === undefined || query.to === undefined)) {
    const missing = (['from', 'to'] as const).filter((field) => query[field] === undefined);
    throw new MetricsException('invalid_period', 'give a preset, or both from and to', { fields: missing.map((field) => fieldError(field, 'required')) });
  }
  const { from, to } = query.preset === undefined ? { from: query.from!, to: query.to! } : presetDays(query.preset, dateInZone(reportingTimeZone, now));
  const fromDay = dayNumber(from);
  const toDay = dayNumber(to);
  if (fromDay === null) throw new MetricsException('invalid_period', 'from must be a real date (YYYY-MM-DD)', { field: 'from' });
  if (toDay === null) throw new MetricsException('invalid_period', 'to must be a real date (YYYY-MM-DD)', { field: 'to' });
  if (fromDay > toDay) throw new MetricsException('invalid_period', 'from must not be after to', { from, to });
  const days = toDay - fromDay + 1;
  if (days > METRICS_MAX_PERIOD_DAYS) {
    throw new MetricsException('period_too_long', `a period covers at most ${METRICS_MAX_PERIOD_DAYS} days`, { days, maxDays: METRICS_MAX_PERIOD_DAYS });
  }
  const comparison: MetricsComparison = query.comparison ?? 'previous_period';
  const granularity: MetricsGranularity = query.granularity ?? (days <= 62 ? 'day' : days <= 184 ? 'week' : 'month');
  let comparisonFrom: string;
  let comparisonTo: string;
  if (comparison === 'previous_period') {
    comparisonTo = dateOf(fromDay - 1);
    comparisonFrom = dateOf(fromDay - days);
  } else {
    comparisonFrom = yearEarlier(from);
    comparisonTo = yearEarlier(to);
  }
  return {
    preset: query.preset ?? null,
    from,
    to,
    days,
    comparison,
    comparisonFrom,
    comparisonTo,
    granularity,
    reportingTimeZone,
    buckets: bucketsOf(from, to, granularity),
  };
}

/** Buckets covering [from, to], clipped to it: days, ISO weeks (labelled by their Monday) or months (`YYYY-MM`). */
export function bucketsOf(from: string, to: string, granularity: MetricsGranularity): Bucket[] {
  const buckets: Bucket[] = [];
  const last = dayNumber(to)!;
  for (let day = dayNumber(from)!; day <= last;) {
    let end: number;
    let label: string;
    if (granularity === 'day') {
      end = day;
      label = dateOf(day);
    } else if (granularity === 'week') {
      const monday = day - (isoWeekday(day) - 1);
      end = monday + 6;
      label = dateOf(monday);
    } else {
      const d = new Date(day * DAY_MS);
      end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS - 1;
      label = dateOf(day).slice(0, 7);
    }
    end = Math.min(end, last);
    buckets.push({ label, from: dateOf(day), to: dateOf(end) });
    day = end + 1;
  }
  return buckets;
}

/** Index of the bucket holding `date` (buckets are consecutive). */
export function bucketIndex(buckets: Bucket[], date: string): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (buckets[mid]!.from <= date) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Count of each ISO weekday (index 0 = Monday) among the days of [from, to]. */
export function weekdayCounts(fromDay: number, toDay: number): number[] {
  const counts = new Array<number>(7).fill(0);
  if (toDay < fromDay) return counts;
  const n = toDay - fromDay + 1;
  const full = Math.floor(n / 7);
  for (let w = 0; w < 7; w++) counts[w] = full;
  const first = isoWeekday(fromDay) - 1;
  for (let i = 0; i < n % 7; i++) counts[(first + i) % 7]! += 1;
  return counts;
}
