import { WEEKDAYS, type AnalyticsGranularity, type OpeningHours } from '@aiparksit/shared';
import { splitByWallClock } from '../facilities/opening-hours/index.js';
import { bucketLabel, forEachLocalHour, heatmapCell, HOUR_MS } from './local-buckets.js';

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
 */
export function availableSpaceMinutes(input: AvailabilityInput): Availability {
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
    const minutes = (openMs / 60_000) * spaces;
    const label = bucketLabel(local, granularity);
    buckets.set(label, (buckets.get(label) ?? 0) + minutes);
    heatmap[heatmapCell(local)]! += minutes;
  });
  return { buckets, heatmap };
}

/** The open stretches [start, end) in UTC milliseconds, in order. */
function openStretches(openingHours: OpeningHours, startMs: number, endMs: number, timeZone: string): [number, number][] {
  if (openingHours === null) return [[startMs, endMs]];
  const week = WEEKDAYS.flatMap((day) => (openingHours[day] ?? []).map(([from, to]) => ({ day, from, to, value: true as const })));
  return splitByWallClock(week, startMs, endMs, timeZone)
    .filter((piece) => piece.value === true)
    .map((piece): [number, number] => [piece.startMs, piece.endMs]);
}
