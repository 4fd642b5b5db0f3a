import type { MetricsPreset } from './metrics.js';

/** Bucket sizes of the analytics series. Days, weeks (Monday first) and months are local to each facility. */
export const ANALYTICS_GRANULARITIES = ['hour', 'day', 'week', 'month'] as const;
export type AnalyticsGranularity = (typeof ANALYTICS_GRANULARITIES)[number];

/**
 * Query of both analytics routes. `from`/`to` (to exclusive) are either instants with an offset
 * (`2026-03-01T00:00:00Z`) or local dates/times without one (`2026-03-01`, `2026-03-01T06:00`),
 * which are read in each facility's time zone. Without `facilityId`: the caller's whole portfolio.
 */
export interface AnalyticsQuery {
  facilityId?: string;
  /**
   * Instead of `from` and `to`: a named period ending today on each facility's own calendar
   * (`30d`: today and the 29 days before; `3m` / `12m`: this month so far and the 2 / 11 before;
   * `ytd`: since 1 January), so whatever day the caller's clock shows, a payment made now counts.
   */
  preset?: MetricsPreset;
  from?: string;
  to?: string;
  granularity?: AnalyticsGranularity;
}

/** The scope a series covers. */
export interface AnalyticsScope {
  /** The facility asked for, or null for a portfolio. */
  facilityId: string | null;
  /** The facilities summed. */
  facilityCount: number;
  granularity: AnalyticsGranularity;
  /** The zone of the bucket labels; null when the facilities' zones differ (each uses its own). */
  timeZone: string | null;
  /**
   * The range asked for (`to` exclusive); for a preset, the local dates it came to, from the
   * earliest facility's first day to the latest facility's end where their zones differ.
   */
  from: string;
  to: string;
}

export interface RevenueBucket {
  /** Local wall-clock start of the bucket, `YYYY-MM-DDTHH:mm`. */
  bucket: string;
  /** Charges (bookings and extensions). */
  grossCents: number;
  /** Refunds, as a negative amount. */
  refundCents: number;
  /** Platform fees after refunded fees. */
  feeCents: number;
  /** Operator's net after refunds: gross + refunds − fees. */
  netCents: number;
  /** Bookings paid in the bucket (extensions are not counted again). */
  bookings: number;
}

export interface RevenueSeries {
  currency: string;
  totals: Omit<RevenueBucket, 'bucket'>;
  /** Every bucket of the range, zeros included, in order. */
  buckets: RevenueBucket[];
}

/** `GET /api/analytics/revenue`: one series per currency (usually one). */
export interface RevenueReport extends AnalyticsScope {
  series: RevenueSeries[];
}

export interface OccupancyBucket {
  bucket: string;
  /** Space-minutes of confirmed and completed bookings. */
  bookedSpaceMinutes: number;
  /** Space-minutes the active spaces were open. */
  availableSpaceMinutes: number;
  /** booked / available × 100, one decimal; null when nothing was open. */
  percent: number | null;
}

/** One cell of the weekday × hour heatmap (local time); weekday 1 = Monday … 7 = Sunday. */
export interface OccupancyHeatmapCell {
  weekday: number;
  hour: number;
  bookedSpaceMinutes: number;
  availableSpaceMinutes: number;
  percent: number | null;
}

/** `GET /api/analytics/occupancy`. */
export interface OccupancyReport extends AnalyticsScope {
  totals: Omit<OccupancyBucket, 'bucket'>;
  buckets: OccupancyBucket[];
  /** 7 × 24 cells, Monday 00:00 first. */
  heatmap: OccupancyHeatmapCell[];
}
