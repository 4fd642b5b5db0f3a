import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  dateInZone,
  presetDays,
  type AnalyticsGranularity,
  type AnalyticsScope,
  type OccupancyBucket,
  type OccupancyHeatmapCell,
  type OccupancyReport,
  type RevenueBucket,
  type RevenueReport,
  type RevenueSeries,
  type MetricsPreset,
} from '@aiparksit/shared';
import type { UserPrincipal } from '../access/index.js';
import { fieldError } from '../common/errors/index.js';
import { AnalyticsException } from './analytics.exception.js';
import { AnalyticsRepository, type FacilityRange, type ScopeFacility } from './analytics.repository.js';
import { availableSpaceMinutes, availableSpaceMinutesByDay } from './available-space-minutes.js';
import type { AnalyticsQueryDto } from './dto/analytics-query.dto.js';
import { bucketLabel, dayBucketLabel, forEachLocalHour, HOUR_MS, offsetAt } from './local-buckets.js';

const DAY_MS = 86_400_000;
const US_PER_MINUTE = 60_000_000;
/** Longest range per granularity: keeps a response to a few thousand buckets. */
const MAX_RANGE_DAYS: Record<AnalyticsGranularity, number> = { hour: 93, day: 1_100, week: 1_100, month: 1_100 };
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

interface Scope {
  facilityId: string | null;
  facilities: ScopeFacility[];
  ranges: FacilityRange[];
  granularity: AnalyticsGranularity;
  /** The range as asked, or a preset's local dates (earliest first day, latest end). */
  from: string;
  to: string;
}

/** A range of local dates or times (`to` exclusive), before it is read in a facility's zone. */
interface AskedRange {
  from: string;
  to: string;
}

/**
 * Revenue and occupancy series for one facility or a portfolio, from the daily rollups.
 *
 * Who sees what: an operator sees its own facilities (another's answer 404, as if absent); with no
 * facilityId, its whole portfolio. Admins and investors may read any facility, or any operator's
 * portfolio by operatorId; platform-wide figures are the metrics module's.
 */
@Injectable()
export class AnalyticsService {
  constructor(private readonly analytics: AnalyticsRepository) {}

  /**
   * The admin's recompute: the rollups of local days `from`..`to` (at most 366, widened to whole
   * months) written again from bookings and the ledger, facility batch by batch. Answers the
   * number of days rewritten and of facilities.
   */
  recomputeRollups(from: string, to: string): Promise<{ days: number; facilities: number }> {
    return this.analytics.recomputeRollupsRange(from, to);
  }

  async revenue(user: UserPrincipal, query: AnalyticsQueryDto): Promise<RevenueReport> {
    const scope = await this.scopeOf(user, query);
    const rows = scope.ranges.length === 0 ? [] : await this.analytics.revenue(scope.ranges, scope.granularity);
    const labels = labelsOf(scope);
    const byCurrency = new Map<string, Map<string, RevenueBucket>>();
    for (const row of rows) {
      let buckets = byCurrency.get(row.currency);
      if (!buckets) byCurrency.set(row.currency, (buckets = new Map()));
      buckets.set(row.bucket, {
        bucket: row.bucket,
        grossCents: Number(row.gross),
        refundCents: Number(row.refund),
        feeCents: Number(row.fee),
        netCents: Number(row.net),
        bookings: Number(row.bookings),
      });
    }
    const series: RevenueSeries[] = [...byCurrency].map(([currency, buckets]) => {
      const filled = labels.map((bucket) => buckets.get(bucket) ?? { bucket, grossCents: 0, refundCents: 0, feeCents: 0, netCents: 0, bookings: 0 });
      const totals = { grossCents: 0, refundCents: 0, feeCents: 0, netCents: 0, bookings: 0 };
      for (const b of filled) {
        totals.grossCents += b.grossCents;
        totals.refundCents += b.refundCents;
        totals.feeCents += b.feeCents;
        totals.netCents += b.netCents;
        totals.bookings += b.bookings;
      }
      return { currency, totals, buckets: filled };
    });
    return { ...describe(scope), series };
  }

  async occupancy(user: UserPrincipal, query: AnalyticsQueryDto): Promise<OccupancyReport> {
    const scope = await this.scopeOf(user, query);
    const rows = scope.ranges.length === 0 ? [] : await this.analytics.occupancy(scope.ranges, scope.granularity);
    const available = new Map<string, number>();
    const availableCells = new Array<number>(168).fill(0);
    // Facilities that share zone, opening hours and range differ only in their number of spaces.
    const groups = new Map<string, { range: FacilityRange; facility: ScopeFacility; spaces: number }>();
    scope.facilities.forEach((facility, i) => {
      const range = scope.ranges[i]!;
      const key = `${facility.timeZone}|${JSON.stringify(facility.openingHours)}|${range.from.getTime()}|${range.to.getTime()}`;
      const group = groups.get(key);
      if (group) group.spaces += facility.activeSpaces;
      else groups.set(key, { range, facility, spaces: facility.activeSpaces });
    });
    // Per local day first (days since 1970), labelled once at the end rather than once per group.
    const availableByDay = new Map<number, number>();
    for (const { range, facility, spaces } of groups.values()) {
      const input = { startMs: range.from.getTime(), endMs: range.to.getTime(), timeZone: facility.timeZone, openingHours: facility.openingHours, spaces };
      if (scope.granularity === 'hour') {
        const result = availableSpaceMinutes({ ...input, granularity: 'hour' });
        for (const [label, minutes] of result.buckets) available.set(label, (available.get(label) ?? 0) + minutes);
        result.heatmap.forEach((minutes, cell) => (availableCells[cell]! += minutes));
      } else {
        const result = availableSpaceMinutesByDay(input);
        result.minutes.forEach((minutes, i) => availableByDay.set(result.firstDay + i, (availableByDay.get(result.firstDay + i) ?? 0) + minutes));
        result.heatmap.forEach((minutes, cell) => (availableCells[cell]! += minutes));
      }
    }
    if (scope.granularity !== 'hour') {
      const granularity = scope.granularity;
      for (const [day, minutes] of availableByDay) {
        const label = dayBucketLabel(day * DAY_MS, granularity);
        available.set(label, (available.get(label) ?? 0) + minutes);
      }
    }

    const booked = new Map<string, number>();
    const bookedCells = new Array<number>(168).fill(0);
    for (const row of rows) {
      if (row.kind === 'bucket') booked.set(row.bucket!, Number(row.us) / US_PER_MINUTE);
      else if (row.kind === 'cell') bookedCells[(row.weekday! - 1) * 24 + row.hour!]! += Number(row.us) / US_PER_MINUTE;
      else row.slots!.forEach((us, hour) => (bookedCells[(row.weekday! - 1) * 24 + hour]! += Number(us) / US_PER_MINUTE));
    }
    // Each shape is written out (no spread of a key object into the figures): a spread of
    // three differently shaped keys through one function was a hot spot of this route.
    const buckets: OccupancyBucket[] = [...available.keys()].sort().map((bucket) => {
      const bookedMinutes = booked.get(bucket) ?? 0;
      const availableMinutes = available.get(bucket) ?? 0;
      return {
        bucket,
        bookedSpaceMinutes: round2(bookedMinutes),
        availableSpaceMinutes: round2(availableMinutes),
        percent: percentOf(bookedMinutes, availableMinutes),
      };
    });
    const heatmap: OccupancyHeatmapCell[] = availableCells.map((minutes, cell) => ({
      weekday: Math.floor(cell / 24) + 1,
      hour: cell % 24,
      bookedSpaceMinutes: round2(bookedCells[cell]!),
      availableSpaceMinutes: round2(minutes),
      percent: percentOf(bookedCells[cell]!, minutes),
    }));
    const totalBooked = buckets.reduce((sum, b) => sum + b.bookedSpaceMinutes, 0);
    const totalAvailable = buckets.reduce((sum, b) => sum + b.availableSpaceMinutes, 0);
    const totals = { bookedSpaceMinutes: round2(totalBooked), availableSpaceMinutes: round2(totalAvailable), percent: percentOf(totalBooked, totalAvailable) };
    return { ...describe(scope), totals, buckets, heatmap };
  }

  private async scopeOf(user: UserPrincipal, query: AnalyticsQueryDto): Promise<Scope> {
    const seesAll = user.role === 'admin' || user.role === 'investor';
    let facilities: ScopeFacility[];
    if (query.facilityId) {
      const facility = await this.analytics.facility(query.facilityId);
      if (!facility || (!seesAll && facility.ownerId !== user.userId)) throw new AnalyticsException('facility_not_found', 'No such facility.');
      facilities = [facility];
    } else if (query.operatorId && seesAll) {
      if (!(await this.analytics.operatorExists(query.operatorId))) throw new AnalyticsException('operator_not_found', 'No such operator.');
      facilities = await this.analytics.portfolio({ operatorId: query.operatorId });
    } else if (seesAll) {
      throw new AnalyticsException('scope_required', 'Name a facilityId or an operatorId: platform-wide figures are at /api/metrics.');
    } else {
      facilities = await this.analytics.portfolio({ ownerId: user.userId });
      if (query.operatorId && !facilities.some((f) => f.operatorId === query.operatorId))
        throw new AnalyticsException('operator_not_found', 'No such operator.');
    }
    // A portfolio's facilities share a few zones: each bound is parsed once per zone.
    const instants = new Map<string, number>();
    const now = new Date();
    // A range as asked is every facility's; a preset ends on each facility's own today.
    const period = periodOf(query);
    const asked = (facility: ScopeFacility): AskedRange => ('preset' in period ? presetRangeIn(period.preset, facility.timeZone, now) : period);
    const ranges = facilities.map((f) => rangeIn(f, asked(f), query.granularity, instants));
    const { from, to } = 'preset' in period ? spanOf(facilities.map(asked), presetRangeIn(period.preset, 'UTC', now)) : period;
    return { facilityId: query.facilityId ?? null, facilities, ranges, granularity: query.granularity, from, to };
  }
}

/** The query's preset, or its own `from` and `to`: one or the other (400 otherwise). */
function periodOf(query: AnalyticsQueryDto): AskedRange | { preset: MetricsPreset } {
  if (query.preset !== undefined && (query.from !== undefined || query.to !== undefined)) {
    const message = 'Give either a preset or from and to, not both.';
    throw new AnalyticsException('invalid_range', message, { fields: [fieldError('preset', 'invalid', undefined, message)] });
  }
  if (query.preset !== undefined) return { preset: query.preset };
  if (query.from === undefined || query.to === undefined) {
    const missing = (['from', 'to'] as const).filter((field) => query[field] === undefined);
    throw new AnalyticsException('invalid_range', 'Give a preset, or both from and to.', { fields: missing.map((field) => fieldError(field, 'required')) });
  }
  return { from: query.from, to: query.to };
}

/** A preset's local dates in a zone: its days up to today there, `to` the day after (exclusive). */
function presetRangeIn(preset: MetricsPreset, timeZone: string, now: Date): AskedRange {
  const days = presetDays(preset, dateInZone(timeZone, now));
  return { from: days.from, to: DateTime.fromISO(days.to, { zone: 'UTC' }).plus({ days: 1 }).toISODate()! };
}

/** The earliest first day and the latest end of the facilities' ranges (local dates compare as text). */
function spanOf(ranges: AskedRange[], empty: AskedRange): AskedRange {
  if (ranges.length === 0) return empty;
  return {
    from: ranges.reduce((min, r) => (r.from < min ? r.from : min), ranges[0]!.from),
    to: ranges.reduce((max, r) => (r.to > max ? r.to : max), ranges[0]!.to),
  };
}

/** The facility's range in whole UTC hours (from rounded down, to up), as the rollups store hours. */
function rangeIn(facility: ScopeFacility, asked: AskedRange, granularity: AnalyticsGranularity, instants: Map<string, number>): FacilityRange {
  const parse = (field: 'from' | 'to') => {
    const key = `${field}|${asked[field]}|${facility.timeZone}`;
    let instant = instants.get(key);
    if (instant === undefined) instants.set(key, (instant = instantOf(asked[field], facility.timeZone, field)));
    return instant;
  };
  const from = parse('from');
  const to = parse('to');
  if (!(to > from)) throw new AnalyticsException('invalid_range', '`to` must be later than `from`.', { from: asked.from, to: asked.to });
  const maxDays = MAX_RANGE_DAYS[granularity];
  if (to - from > maxDays * DAY_MS) {
    throw new AnalyticsException('range_too_long', `At ${granularity} granularity a range covers at most ${maxDays} days.`, { maxDays });
  }
  return {
    facilityId: facility.id,
    timeZone: facility.timeZone,
    from: new Date(Math.floor(from / HOUR_MS) * HOUR_MS),
    to: new Date(Math.ceil(to / HOUR_MS) * HOUR_MS),
  };
}

function instantOf(value: string, timeZone: string, field: 'from' | 'to'): number {
  const parsed = HAS_OFFSET.test(value) ? DateTime.fromISO(value, { setZone: true }) : DateTime.fromISO(value, { zone: timeZone });
  if (!parsed.isValid) throw new AnalyticsException('invalid_range', `${field} is not a real date or time.`, { field, value });
  return parsed.toMillis();
}

/**
 * Every bucket label of the scope's ranges, in order (zero buckets included): per local hour for
 * hour series, per local day otherwise (a range's local days run from the local hour of its start
 * to that of its end, as the rollups read them).
 */
function labelsOf(scope: Scope): string[] {
  const labels = new Set<string>();
  const seen = new Set<string>();
  for (const range of scope.ranges) {
    const key = `${range.timeZone}|${range.from.getTime()}|${range.to.getTime()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (scope.granularity === 'hour') {
      forEachLocalHour(range.from.getTime(), range.to.getTime(), range.timeZone, (_utc, local) => labels.add(bucketLabel(local, 'hour')));
      continue;
    }
    const first = localHourOf(range.from.getTime(), range.timeZone);
    const end = localHourOf(range.to.getTime(), range.timeZone);
    let previous = '';
    for (let day = Math.floor(first / DAY_MS) * DAY_MS; day < end; day += DAY_MS) {
      const label = dayBucketLabel(day, scope.granularity);
      if (label !== previous) labels.add((previous = label));
    }
  }
  return [...labels].sort();
}

/** The local wall-clock hour an instant falls in, written as if it were UTC. */
function localHourOf(ms: number, timeZone: string): number {
  const local = ms + offsetAt(timeZone, ms);
  return Math.floor(local / HOUR_MS) * HOUR_MS;
}

function describe(scope: Scope): AnalyticsScope {
  const zones = new Set(scope.facilities.map((f) => f.timeZone));
  return {
    facilityId: scope.facilityId,
    facilityCount: scope.facilities.length,
    granularity: scope.granularity,
    timeZone: zones.size === 1 ? [...zones][0]! : null,
    from: scope.from,
    to: scope.to,
  };
}

/** booked / available × 100 with one decimal; null when nothing was open. */
function percentOf(booked: number, available: number): number | null {
  return available > 0 ? Math.round((1000 * booked) / available) / 10 : null;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
